"""Figures an earnings sentence states beside a reported one.

Results coverage sets a reported figure against two others: the forecast it is measured by
("EPS of $3.87 versus $3.78 that analysts had expected", "revenue of $9.4 billion, topping the
$9.3 billion consensus") and the same figure a year earlier ("up from $1.32 a share in the
year-ago quarter", "compared with $40.7 billion a year earlier", "from EPS of $0.56 in Q4
2022"). Each is the same company's same metric: an estimate, or the prior period's figure.

`compared_figure` reads one amount after a reported one and says which of the two it is, or
None when the words do not say it plainly (precision first: a comparison we cannot name is not
a figure we report).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from tickerwire.extract.dates import PeriodMention
from tickerwire.extract.quantities import Quantity

ComparisonKind = Literal["estimate", "prior"]

# Words that set an amount against the one before it. "from" starts a base, never a forecast.
_COMPARE_WORDS = (
    r"versus|vs\.?|against|compared\s+(?:with|to)|than|above|below|ahead\s+of|short\s+of|"
    r"shy\s+of|beating|beat|beats|topping|topped|tops|outpacing|outpaced|outpaces|"
    r"outperform(?:ed|ing|s)?|exceed(?:ed|ing|s)?|surpass(?:ed|ing|es)?|miss(?:ed|ing|es)?|"
    r"trailing|trailed|in\s+line\s+with|matching|matched"
)
# A few words may stand between the reported amount and the comparison ("which was ahead of",
# "and comfortably beat"), but no clause break and no verb of a new figure.
# A range's point named on the way ("which, at the midpoint, was below") is no such verb.
# So is the period of the reported figure ("to $48 billion for the quarter ended March 31,
# against"), which may be longer than the few words.
_FILLER = (
    r"(?:(?:in|for|during)\s+the\s+(?:[\w-]+\s+){0,3}?(?:quarter|year|period|half|months)"
    r"(?:\s+(?:ended|ending|through)\s+(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+(?:19|20)\d{2})?|"
    r"(?:19|20)\d{2}))?,?\s+)?"
    r"(?:(?![Bb]ut\b|[Ww]hile\b|[Ww]hereas\b)[\w'’-]+,?\s+){0,4}?"
    r"(?:at\s+(?:the|its)\s+(?:mid-?point|high\s+end|low\s+end|top\s+end),?\s+"
    r"(?:(?![Bb]ut\b|[Ww]hile\b|[Ww]hereas\b)[\w'’-]+,?\s+){0,2}?)?"
)
_ESTIMATE_BEFORE = regex.compile(
    r"(?:,?\s+(?:a|per)\s+share)?,?\s+(?:\(\s*)?" + _FILLER + r"(?:" + _COMPARE_WORDS + r")\s+"
    r"(?:the\s+|an?\s+)?(?:average\s+)?$",
    regex.IGNORECASE,
)
# "beating estimates of", "topping the consensus forecast of", "compared with analysts'
# expectations of": the forecast named before its amount.
_ESTIMATE_NAMED_BEFORE = regex.compile(
    r"(?:,?\s+(?:a|per)\s+share)?,?\s+" + _FILLER + r"(?:" + _COMPARE_WORDS + r")\s+"
    r"(?:the\s+)?(?:(?:Wall\s+Street|Street|analysts['’]?|analyst|average|Zacks|FactSet|LSEG|"
    r"Refinitiv|consensus)\s+){0,3}(?:estimates?|expectations?|forecasts?|consensus|projections?)"
    r"(?:\s+(?:estimates?|forecasts?))?\s+(?:of|for|at|calling\s+for|that\s+called\s+for)\s+"
    r"(?:about\s+|around\s+)?$",
    regex.IGNORECASE,
)
# What follows a forecast amount: "that had been expected", "that analysts expected", "expected
# by analysts", "the consensus", "that was the consensus expectation", "analyst estimates".
_ESTIMATE_AFTER = regex.compile(
    r"(?:\s*,?\s*(?:that|which)\s+(?:(?:had|has|have)\s+been\s+|was\s+|were\s+|is\s+)?"
    r"(?:the\s+)?|\s+)"
    r"(?:(?:Wall\s+Street|(?:the\s+)?Street|analysts?|economists|management|the\s+company|"
    r"the\s+market|investors)\s+(?:had\s+)?(?:been\s+)?)?"
    r"(?:expected|expecting|forecast|forecasted|anticipated|estimated|projected|predicted|"
    r"guided\s+for|looking\s+for|(?:Zacks\s+)?consensus|(?:analyst|Street)\s+"
    r"(?:estimates?|forecasts?|expectations?)|market\s+forecast)\b",
    regex.IGNORECASE,
)
# "a share", "per diluted share" after an amount (metric_facts reads it too).
PER_SHARE_TAIL = regex.compile(
    r"\s?(?:per|a|an|/)\s?(?:diluted\s+|basic\s+)?(?:share|shr|ADS)\b", regex.IGNORECASE
)
_DID = r"(?:\s+(?:reported|posted|recorded|earned|generated|seen|achieved))?"
# "up from", "compared with", "than": the base a change or a comparison is measured from.
_PRIOR_CONNECTIVE = (
    r"(?:from|versus|vs\.?|against|compared\s+(?:with|to)|than|above|below|over)\s+"
    r"(?:the\s+)?"
)
# Words right before a prior figure that say its period ("last year's $1.32", "the year-ago
# figure of"), or a figure's name ("from EPS of $0.56").
_PRIOR_NAME = (
    r"(?P<mark>last\s+year['’]s\s+|(?:the\s+)?(?:year[\s-]ago|prior[\s-]year|year[\s-]earlier)"
    # "the year-ago quarter's figure of", "the year-ago reported figure of"
    r"(?:\s+(?:quarter['’]s|period['’]s))?(?:\s+(?:reported\s+)?(?:figure|level)\s+of)?\s+)?"
    r"(?:(?P<name>(?:adjusted\s+)?(?:EPS|earnings|revenues?|sales|net\s+income|profit))\s+"
    r"(?:of\s+)?)?"
)
# Searched backwards from the amount (REVERSE): the match ends there, so it is found at once.
_PRIOR_BEFORE = regex.compile(
    r"\b" + _PRIOR_CONNECTIVE + _PRIOR_NAME + r"$", regex.IGNORECASE | regex.REVERSE
)
# Words right after a prior figure that say its period relative to the reported one. The
# previous (sequential) quarter is another period that these words cannot name: left out.
_PRIOR_AFTER = regex.compile(
    r"(?:,\s+or\s+[^,;]{1,30}?\s+(?:a|per)\s+share,)?"
    + _DID
    + r"\s+(?:(?:in|for|during)\s+the\s+(?P<quarter>(?:year[\s-]ago|prior[\s-]year|"
    r"year[\s-]earlier|comparative|comparable)\s+(?:quarter|period)|same\s+(?:quarter|period)"
    r"\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))|(?P<year>a\s+year\s+(?:ago|earlier|before)"
    r"|last\s+year))\b",
    regex.IGNORECASE,
)
# A stated period right after a prior figure ("in Q4 2022", "in fiscal 2022", "in 1985").
_PERIOD_AFTER = regex.compile(_DID + r"\s+(?:in|for|during)\s+(?:the\s+)?$", regex.IGNORECASE)
_YEAR_AFTER = regex.compile(
    _DID + r"\s+(?:in|for|during)\s+(?P<period>(?:fiscal\s+)?(?:19|20)\d{2})\b(?![-/]\d)",
    regex.IGNORECASE,
)
_HAS_YEAR = regex.compile(r"\b(?:19|20)\d{2}\b")
# "versus $6 billion forecast for 2025": a forecast of another period, not of the reported one.
_OTHER_PERIOD_AFTER = regex.compile(
    r"(?:\s+by\s+[\w\s]{0,20}?)?\s+(?:for|in)\s+(?:next|the\s+(?:next|coming|full)|fiscal|(?:19|20)\d\d)",
    regex.IGNORECASE,
)
# How far apart a figure and the one set beside it may be: a misread binding (a share price
# set against a revenue) is off by orders of magnitude, a surprise or a year's change is not.
# Chosen from FNSPID results sentences (largest year-on-year EPS ratio seen about 27x: $0.03
# to $0.80), kept tighter for the commoner forecasts.
_ESTIMATE_RATIO = 4.0
_PRIOR_RATIO = 30.0


@dataclass(frozen=True, slots=True)
class Comparison:
    """An amount set beside a reported figure: a forecast of it, or its prior period's value.

    `period` is the prior figure's stated period ("Q4 2022"); `relative` the words that place it
    a year before the reported one ("quarter" for "the year-ago quarter", "year" for "a year
    ago", "last year's").
    """

    kind: ComparisonKind
    period: PeriodMention | None = None
    relative: Literal["quarter", "year"] | None = None


def compared_figure(
    text: str,
    start: int,
    end: int,
    base: Quantity,
    amount: Quantity,
    periods: list[PeriodMention],
    base_metric: str,
    base_per_share: bool,
    *,
    named_before: bool = False,
) -> Comparison | None:
    """What `amount` is to the reported `base` before it in the clause [start, end), if plain.

    Both are money in one currency and of one kind (per share or not); `text` between them
    holds no other amount (the caller checks). `named_before` also reads a forecast named
    before its amount ("beating estimates of $9.8 billion"), which the value reader binds itself
    where the reported figure is already known.
    """
    if not _compatible(base, amount):
        return None
    between = text[base.end : amount.start]
    after = PER_SHARE_TAIL.match(text, amount.end, end)
    after_end = after.end() if after is not None else amount.end
    if named_before and _ESTIMATE_NAMED_BEFORE.match(between):
        if _ratio(base, amount) > _ESTIMATE_RATIO:
            return None
        if _OTHER_PERIOD_AFTER.match(text, after_end, end):
            return None
        return Comparison("estimate")
    if _ESTIMATE_BEFORE.match(between):
        cue = _ESTIMATE_AFTER.match(text, after_end, end)
        if cue is not None:
            if _ratio(base, amount) > _ESTIMATE_RATIO or _OTHER_PERIOD_AFTER.match(
                text, cue.end(), end
            ):
                return None
            return Comparison("estimate")
    prior = _PRIOR_BEFORE.search(text, max(start, amount.start - 60), amount.start)
    if prior is None or _ratio(base, amount) > _PRIOR_RATIO:
        return None
    name = prior.group("name")
    if name is not None and not _same_figure(name, base_metric, base_per_share):
        return None  # "revenue of $5 billion ... from EPS of $0.56": another figure
    if prior.group("mark"):
        return Comparison("prior", relative="year")  # "above last year's $1.32 per share"
    marked = _PRIOR_AFTER.match(text, after_end, end)
    if marked is not None:
        return Comparison("prior", relative="quarter" if marked.group("quarter") else "year")
    for period in periods:
        if (
            period.start > after_end
            and _HAS_YEAR.search(period.text)
            and _PERIOD_AFTER.fullmatch(text, after_end, period.start)
        ):
            return Comparison("prior", period=period)
    year = _YEAR_AFTER.match(text, after_end, end)
    if year is not None:
        stated = PeriodMention(year.start("period"), year.end("period"), year.group("period"), None)
        return Comparison("prior", period=stated)
    return None


_PER_SHARE_NAME = regex.compile(r"EPS|earnings", regex.IGNORECASE)
_REVENUE_NAME = regex.compile(r"revenues?|sales", regex.IGNORECASE)
_PROFIT_NAME = regex.compile(r"earnings|net\s+income|profit", regex.IGNORECASE)


def _same_figure(name: str, base_metric: str, base_per_share: bool) -> bool:
    """Whether a prior figure's own name ("from EPS of") is the reported figure's. An adjusted
    name beside a plain one (or the reverse) is another figure: left out."""
    if name.lower().startswith("adjusted"):
        return False
    if base_per_share:
        return bool(_PER_SHARE_NAME.fullmatch(name))
    if base_metric == "revenue":
        return bool(_REVENUE_NAME.fullmatch(name))
    if base_metric in ("earnings", "net_income"):
        return bool(_PROFIT_NAME.fullmatch(name))
    return False


def _compatible(base: Quantity, amount: Quantity) -> bool:
    """One currency, and both amounts per share or both totals ("$1.82 a share" and "$1.56";
    "$21.4 billion" and "$21.0 billion", not "$21.4 billion" and "$1.56")."""
    if base.kind != "money" or amount.kind != "money" or amount.is_range:
        return False
    if base.currency != amount.currency:
        return False
    if amount.per_share and base.scaled:
        return False
    return base.scaled == amount.scaled or base.per_share or amount.per_share


def per_share_end(text: str, q: Quantity) -> int:
    """Where a per-share amount's "a share" ends ("$2.09 per share"), else where `q` does."""
    tail = PER_SHARE_TAIL.match(text, q.end) if q.per_share else None
    return tail.end() if tail is not None else q.end


def _ratio(base: Quantity, amount: Quantity) -> float:
    big, small = sorted((abs(base.value), abs(amount.value)), reverse=True)
    return big / small if small else float("inf")


_YEAR = regex.compile(r"\b((?:19|20)\d{2})\b")
_ROLLING_PERIOD = regex.compile(
    r"\b(?:latest|current|recent|just[\s-]ended|most\s+recent)\b", regex.IGNORECASE
)
_QUARTER_PERIOD = regex.compile(
    r"\b(?:F?Q[1-4]|H[12]|(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-](?:fiscal\s+)?"
    r"(?:quarter|half)|(?:January|February|March|April|May|June|July|August|September|"
    r"October|November|December)[\s-]quarter|holiday\s+quarter)\b",
    regex.IGNORECASE,
)


def year_earlier_period(base_period: str | None, relative: str) -> str | None:
    """The period a year before the reported figure's, named from its own words.

    >>> year_earlier_period("Q4 2023", "year"), year_earlier_period("fiscal Q2", "quarter")
    ('Q4 2022', 'year-ago fiscal Q2')

    None when no period can be named: "a year ago" beside a figure whose period is not known
    (a quarter's or a year's?), or beside a full year without its number.
    """
    if base_period is None:
        return "year-ago quarter" if relative == "quarter" else None
    years = _YEAR.findall(base_period)
    if len(years) == 1:
        year = years[0]
        return _YEAR.sub(str(int(year) - 1), base_period)
    if years:
        return None  # "2019-2023": not one period
    if _ROLLING_PERIOD.search(base_period):
        return "year-ago quarter" if "quarter" in base_period.lower() else None
    if _QUARTER_PERIOD.search(base_period):
        return f"year-ago {base_period}"
    return None
