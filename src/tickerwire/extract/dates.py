"""Date expressions in news text, resolved against the publication date.

Rules a reader uses, written out: "on Friday" is the most recent Friday on or before publication
(the publication day itself when it is a Friday); "yesterday" is the day before publication;
"Jan. 13" takes its year from a year written next to it, else the year that puts it nearest to
publication. Without a publication date a relative expression resolves to None: never a guess.
Fiscal periods ("the three months ended December 31", "the June quarter", "Q4 2024") are read by
`find_periods` with the period's end date where the words fix it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

import regex

from tickerwire.extract.prefiltered import finditer_at, starts_of
from tickerwire.month_names import MONTHS

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_FULL_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_YEAR = r"(?:19|20)\d{2}"

DateKind = Literal["day", "weekday", "relative", "month"]

_DATES = regex.compile(
    rf"""
      (?P<iso>\b(?P<iy>{_YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b)
    | (?P<md>\b(?P<mon>{_MONTH})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b(?![:.,]?\d)
          (?:,?\s+(?P<year>{_YEAR})\b)?)
    | (?P<dm>\b(?P<day2>[0-3]?\d)\s+(?P<mon2>{_FULL_MONTH})(?:,?\s+(?P<year2>{_YEAR}))?\b)
    | (?P<us>\b(?P<um>[01]?\d)/(?P<ud>[0-3]?\d)/(?P<uy>{_YEAR})\b)
    | (?P<wd>\b(?P<wpre>(?:late\s+on|early\s+on|on|last|late|early|this|next|from|since|until)\s+)?
          (?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:'s)?
          (?P<wpost>\s+next\s+week|\s+last\s+week)?\b)
    | (?P<rel>\b(?i:yesterday|today|tonight|tomorrow)\b)
    | (?P<mo>\b(?:in|during|for|since|through)\s+(?P<mon3>{_FULL_MONTH})
          (?:\s+(?P<year3>{_YEAR}))?+\b
          (?(year3)|(?!\s+[0-3]?\d(?:st|nd|rd|th)?\b(?![:.,]?\d))))  # "since January 5": a day
    """,
    regex.VERBOSE,
)
# Words every date expression contains; the full pattern is read only around them (speed).
_ANCHOR = regex.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*"
    r"|\b(?:[Yy]esterday|[Tt]oday|[Tt]onight|[Tt]omorrow)\b|\b\d{1,4}[-/]\d"
)
# Where a match of `_ANCHOR` can start: each branch begins with one of these words (case as
# written), or is a number of up to four digits right before "-" or "/". `_anchors` runs the
# pattern only there: scanning a whole article with it costs more than the rest of
# `find_dates`. A test checks the branches against this list.
ANCHOR_WORDS = (
    *("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    *("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun", "Yesterday", "yesterday", "Today"),
    *("today", "Tonight", "tonight", "Tomorrow", "tomorrow"),
)
_NUMBER_JOINS = ("-", "/")
_MAX_NUMBER_DIGITS = 4  # `\d{1,4}` before the join


def _anchors(text: str) -> Iterator[regex.Match[str]]:
    """The matches of `_ANCHOR.finditer(text)`, the pattern tried only where one can start."""
    starts = set(starts_of(text, ANCHOR_WORDS, 0, len(text)))
    for join in starts_of(text, _NUMBER_JOINS, 0, len(text)):
        starts.update(range(max(0, join - _MAX_NUMBER_DIGITS), join))
    return finditer_at(_ANCHOR, text, sorted(starts), len(text))


_YEAR_NEARBY = regex.compile(rf"\b({_YEAR})\b[^.;]{{0,25}}$")
# A year that names a reported period ("fourth-quarter 2024 results on Feb. 6", "fiscal 2023"),
# a split fiscal year ("1986/87 year ending March 31") or another month ("from December 2023 to
# Jan. 10") says nothing of the year of a day written after it.
_PERIOD_BEFORE_YEAR = regex.compile(
    rf"(?:\b(?:quarter|Q[1-4]|fiscal|FY|half|H[12])|\b{_FULL_MONTH}|\b{_MONTH}\.)[\s-]*$",
    regex.IGNORECASE,
)
_SPLIT_YEAR_AFTER = regex.compile(r"[/-]\d")


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: its span, what kind it is, and the day it names (None if unknown)."""

    start: int
    end: int
    text: str
    kind: DateKind
    date: dt.date | None
    future: bool = False
    month: int | None = None  # for "in January": the month (and `date` its first day if known)


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nearest_year(month: int, day: int, published: dt.date) -> dt.date | None:
    """The date with this month and day nearest to `published` (same, previous or next year)."""
    options = [
        d
        for y in (published.year - 1, published.year, published.year + 1)
        if (d := _safe_date(y, month, day)) is not None
    ]
    return min(options, key=lambda d: abs((d - published).days)) if options else None


def _month_number(name: str) -> int:
    return MONTHS[name[:3].lower()]


def resolve_weekday(name: str, published: dt.date, strictly_before: bool = False) -> dt.date:
    """The most recent `name` day on or before `published` (strictly before when asked)."""
    target = WEEKDAYS.index(name.lower())
    back = (published.weekday() - target) % 7
    if back == 0 and strictly_before:
        back = 7
    return published - dt.timedelta(days=back)


def find_dates(text: str, published: dt.date | None) -> list[DateMention]:
    """Every date expression in normalised `text`, resolved against `published` when given.

    >>> [m.date for m in find_dates("It jumped on Friday.", dt.date(2025, 2, 23))]
    [datetime.date(2025, 2, 21)]
    """
    mentions = []
    covered = 0
    for anchor in _anchors(text):
        if anchor.start() < covered:
            continue
        window_end = min(len(text), anchor.end() + 25)
        match = _DATES.search(text, max(covered, anchor.start() - 16), window_end)
        while match is not None and match.end() <= anchor.start():
            match = _DATES.search(text, match.end(), window_end)
        if match is None or match.start() > anchor.start():
            continue
        covered = match.end()
        mention = _mention(text, match, published)
        if mention is not None:
            mentions.append(mention)
    return mentions


def _mention(text: str, match: regex.Match[str], published: dt.date | None) -> DateMention | None:
    start, end = match.span()
    span_text = text[start:end]
    if match.group("iso"):
        day = _safe_date(int(match.group("iy")), int(match.group("im")), int(match.group("id")))
        return DateMention(start, end, span_text, "day", day) if day else None
    if match.group("md") or match.group("dm"):
        month = _month_number(match.group("mon") or match.group("mon2"))
        day_of_month = int(match.group("day") or match.group("day2"))
        year_text = match.group("year") or match.group("year2")
        if year_text is None:
            year_text = _year_nearby(text, start)
        if year_text is not None:
            day = _safe_date(int(year_text), month, day_of_month)
        elif published is not None:
            day = nearest_year(month, day_of_month, published)
        else:
            day = None
        if year_text is None and _safe_date(2024, month, day_of_month) is None:
            return None  # "Feb 31" is not a date
        return DateMention(start, end, span_text, "day", day)
    if match.group("us"):
        day = _safe_date(int(match.group("uy")), int(match.group("um")), int(match.group("ud")))
        return DateMention(start, end, span_text, "day", day) if day else None
    if match.group("wd"):
        return _weekday_mention(match, start, end, span_text, published)
    if match.group("rel"):
        word = match.group("rel").lower()
        future = word == "tomorrow"
        if published is None or future:
            return DateMention(start, end, span_text, "relative", None, future=future)
        shift = 1 if word == "yesterday" else 0
        return DateMention(start, end, span_text, "relative", published - dt.timedelta(days=shift))
    month = _month_number(match.group("mon3"))
    year_text = match.group("year3")
    first_day: dt.date | None = None
    if year_text:
        first_day = dt.date(int(year_text), month, 1)
    elif published is not None:
        year = published.year if month <= published.month else published.year - 1
        first_day = dt.date(year, month, 1)
    return DateMention(start, end, span_text, "month", first_day, month=month)


def _year_nearby(text: str, start: int) -> str | None:
    """The year written just before the day at `start` that is the day's own year, if any."""
    nearby = _YEAR_NEARBY.search(text, max(0, start - 40), start)
    if nearby is None:
        return None
    year_start, year_end = nearby.span(1)
    if _SPLIT_YEAR_AFTER.match(text, year_end) or _PERIOD_BEFORE_YEAR.search(
        text, max(0, year_start - 12), year_start
    ):
        return None
    return nearby.group(1)


def _weekday_mention(
    match: regex.Match[str], start: int, end: int, span_text: str, published: dt.date | None
) -> DateMention:
    prefix = (match.group("wpre") or "").strip().lower()
    suffix = (match.group("wpost") or "").strip().lower()
    future = prefix == "next" or suffix == "next week"
    if published is None or future:
        return DateMention(start, end, span_text, "weekday", None, future=future)
    day = resolve_weekday(match.group("weekday"), published, strictly_before=prefix == "last")
    if suffix == "last week":
        day = resolve_weekday(match.group("weekday"), published - dt.timedelta(days=7))
    return DateMention(start, end, span_text, "weekday", day)


# ---------------------------------------------------------------------------------------------
# Reporting periods of financial figures
# ---------------------------------------------------------------------------------------------

_ORDINAL = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
_PERIODS = regex.compile(
    rf"""
      (?P<ended>\b(?:the\s+)?(?:(?:three|six|nine|twelve|3|6|9|12)[\s-]months?|quarter|year|period
            |fiscal\s+(?:year|quarter))\s+(?:ended|ending|to)\s+
          (?P<emon>{_MONTH})\.?\s+(?P<eday>[0-3]?\d)(?:,?\s+(?P<eyear>{_YEAR}))?\b)
    | (?P<monthq>\b(?:the\s+)?(?P<qmon>{_FULL_MONTH})[\s-]quarter\b)
    | (?P<ordq>\b(?:the\s+)?(?:(?:just[\s-]ended|latest|current|fiscal|calendar)\s+)*{_ORDINAL}
          [\s-](?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?:year\s+)?{_YEAR}|\s+{_YEAR}
            # "first-quarter fiscal 2024": the quarter of that fiscal year, one period
            |\s+(?:fiscal\s+(?:year\s+)?|FY\s?)'?(?:{_YEAR}|\d{{2}}))?\b)
    | (?P<qn>\b(?:fiscal\s+)?(?:F?Q[1-4])
          (?:\s+(?:of\s+)?(?:fiscal\s+|FY\s?)?'?(?:{_YEAR}|\d{{2}}))?\b)
    | (?P<fy>\b(?:full[\s-]year|fiscal(?:\s+year)?|FY)\s?'?(?:{_YEAR}|\d{{2}})\b)
    | (?P<months>\b(?:three|six|nine|twelve|3|6|9|12)[\s-]months?\b(?!\s+(?:ended|ending|to)\b))
    | (?P<relq>\b(?:the\s+)?(?:latest|recent|last|prior[\s-]year|year[\s-]ago|same|comparable
            |previous|holiday|December|current)\s+quarter\b)
    """,
    regex.VERBOSE,
)


# Every match of `_PERIODS` starts with one of these (case as in the pattern; a test checks the
# branches): the pattern is tried only there, not at every character of the sentence.
PERIOD_STARTS = (
    *("the", "three", "six", "nine", "twelve", "1", "2", "3", "4", "6", "9", "quarter", "year"),
    *("period", "fiscal", "January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December", "just", "latest", "current"),
    *("calendar", "first", "second", "third", "fourth", "FQ", "Q", "full", "FY", "recent"),
    *("last", "prior", "same", "comparable", "previous", "holiday"),
)


# Every branch of `_PERIODS` writes one of these (case as in the pattern): text without any of
# them is not searched, which spares most sentences the long alternation.
_PERIOD_WORDS = ("month", "quarter", "year", "period", "fiscal", "FY", "Q1", "Q2", "Q3", "Q4")


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A reporting period as written ("the three months ended December 31") and its end date."""

    start: int
    end: int
    text: str
    period_end: dt.date | None


def find_periods(
    text: str, published: dt.date | None, start: int = 0, end: int | None = None
) -> list[PeriodMention]:
    """Reporting periods in normalised `text` with their end date where the words fix it.

    >>> p = find_periods("for the three months ended December 31", dt.date(2025, 2, 21))[0]
    >>> (p.text, p.period_end)
    ('the three months ended December 31', datetime.date(2024, 12, 31))
    """
    stop = len(text) if end is None else end
    searched = text[start:stop]
    if not any(word in searched for word in _PERIOD_WORDS):
        return []
    periods = []
    for match in finditer_at(_PERIODS, text, starts_of(text, PERIOD_STARTS, start, stop), stop):
        span_start, span_end = match.span()
        period_end: dt.date | None = None
        if match.group("ended"):
            month, day = _month_number(match.group("emon")), int(match.group("eday"))
            if match.group("eyear"):
                period_end = _safe_date(int(match.group("eyear")), month, day)
            elif published is not None:
                period_end = nearest_year(month, day, published)
        elif match.group("monthq") and published is not None:
            month = _month_number(match.group("qmon"))
            last = calendar.monthrange(published.year, month)[1]
            period_end = nearest_year(month, last, published)
        periods.append(PeriodMention(span_start, span_end, text[span_start:span_end], period_end))
    return periods
