"""Metadata read from the text itself: the publication date and, failing metadata, the title.

Dates are read only where a page states them in full (with the year): a "Published ..." line, a
dateline opening the story ("Chicago, IL – January 25, 2024 – ..."), a date standing alone near
the top, or an "Updated ..." line. "Feb 2 (Reuters) -" gives no year, so it gives no date: we
never guess one.
"""

from __future__ import annotations

import datetime as dt
import re

from tickerwire.clean import shapes
from tickerwire.month_names import MONTHS

_MONTH_NAME = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_MONTH = rf"(?P<mon>{_MONTH_NAME})\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DATE_PATTERNS = (
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(?:19|20)\d{2})-(?P<num>[01]\d)-(?P<day>[0-3]\d)(?!\d)"),
)
# A day and month without the year ("Feb 2", "2 February"): part of a time stamp, never a date.
_PARTIAL_DATE = re.compile(
    rf"\b(?:{_MONTH_NAME})\.?\s+[0-3]?\d\b|\b[0-3]?\d(?:st|nd|rd|th)?\s+(?:{_MONTH_NAME})\b",
    re.IGNORECASE,
)
_WEEKDAY = r"(?i:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?i:day)?\.?"
_DATE_LINE_REST = re.compile(
    rf"\b{_WEEKDAY}|\b\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?\s?m\.?)?|\b[ap]\.?m\.?(?=\s|$)|"
    r"\b(?:[A-Z]{2,4}|GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?\b|\b(?:at|on)\b",
)
_PUBLISHED_LINE = re.compile(
    r"^(?:published|posted|first published|originally published|date)\b\s*(?:on|at)?\s*:?", re.I
)
_UPDATED_LINE = re.compile(
    r"^(?:updated|last updated|modified|last modified)\b\s*(?:on|at)?\s*:?", re.I
)
# A dateline: an optional place ("Chicago, IL", "NEW YORK"), a dash or comma, the date, a dash.
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:[ ,]+[A-Z][\w.'’-]*){0,4}\s*[,–—-]\s*)?"
    r"(?P<date>.{6,25}?)\s*(?:[–—|/(]|-\s)"
)
# How far down a page a date counts as the page's own: datelines open the story; "Published"
# lines sit in the page chrome above the story or just under its first paragraph.
_DATELINE_LINES = 6
_STAMP_LINES_AFTER_FIRST_PARAGRAPH = 2
_TITLE_MAX_WORDS = 22


def parse_date(text: str) -> dt.date | None:
    """The first complete calendar date (with its year) written in `text`, or None."""
    for pattern in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        groups = match.groupdict()
        month = int(groups["num"]) if groups.get("num") else MONTHS[groups["mon"][:3].lower()]
        try:
            return dt.date(int(groups["year"]), month, int(groups["day"]))
        except ValueError:
            continue
    return None


def is_date_line(line: str) -> bool:
    """A line holding only a date (with weekday, time or zone): page chrome, not article."""
    if shapes.word_count(line) > 10:
        return False
    for pattern in _DATE_PATTERNS:
        match = pattern.search(line)
        if match:
            rest = line[: match.start()] + " " + line[match.end() :]
            rest = _DATE_LINE_REST.sub(" ", rest)
            return not any(ch.isalnum() for ch in rest)
    return False


def is_time_stamp(text: str) -> bool:
    """Whether `text` holds only a date and/or a time ("Feb. 1, 2024 at 3:04 p.m. EST",
    "7:07 a.m. ET/1207 GMT", "Tuesday"), with nothing else written."""
    rest = text
    for pattern in (*_DATE_PATTERNS, _PARTIAL_DATE):
        rest = pattern.sub(" ", rest)
    rest = _DATE_LINE_REST.sub(" ", rest)
    return not any(ch.isalpha() for ch in rest)


def find_text_date(lines: list[str]) -> dt.date | None:
    """The publication date a page states near its top, or None when it states none."""
    first = next((i for i, line in enumerate(lines) if shapes.is_paragraph(line)), len(lines))
    top = lines[: first + 1 + _STAMP_LINES_AFTER_FIRST_PARAGRAPH]
    for line in top:
        if _PUBLISHED_LINE.match(line) and shapes.word_count(line) <= 14:
            found = parse_date(line)
            if found:
                return found
    for line in lines[:_DATELINE_LINES]:
        if is_date_line(line):
            return parse_date(line)
        # parse_date reads only dates with their year: a line without "19" or "20" has none, and
        # the dateline pattern (slow on lines of capitalised words) is not tried on it.
        match = _DATELINE.match(line) if "19" in line or "20" in line else None
        if match:
            found = parse_date(match.group("date"))
            if found:
                return found
    for line in top:
        if _UPDATED_LINE.match(line) and shapes.word_count(line) <= 14:
            found = parse_date(line)
            if found:
                return found
    return None


def detect_title(lines: list[str]) -> int | None:
    """Index in `lines` of a headline opening the page, or None.

    The first line is a title when it is headline-shaped (a few words, no final full stop, no
    list marker) and running prose follows it; a list of short lines is not a title.
    """
    if len(lines) < 2:
        return None
    first, following = lines[0], lines[1]
    count = shapes.word_count(first)
    if not 3 <= count <= _TITLE_MAX_WORDS or shapes.ends_with_period(first):
        return None
    if shapes.has_bullet(first) or first.endswith((":", ",", ";")) or is_date_line(first):
        return None
    if not shapes.is_paragraph(following):
        return None
    return 0
