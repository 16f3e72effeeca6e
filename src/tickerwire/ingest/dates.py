"""Publication dates as inputs state them -> `datetime.date`, or None when the form is not certain.

A stated timestamp gives the date in its own offset: "2024-02-02T22:30-05:00" is 2 February, the
day its readers saw on the page, not the UTC day (3 February). Nothing is converted between zones.

Accepted forms (anything else gives None; a wrong date is worse than no date):

- ISO 8601: `2024-02-02`, `2024-02-02T13:17-05:00`, `2024-02-02 13:17:05Z`, `2024/02/02`
- month names: `February 02, 2024`, `Feb 2, 2024`, `FEB 2, 2024 9:32AM EST`, `2 February 2024`,
  `Friday, February 2, 2024`, with an optional time and zone after the date
- RFC 822 (RSS `pubDate`): `Fri, 02 Feb 2024 13:17:00 -0500`

All-numeric day/month forms such as `02/03/2024` are refused: they read differently in the US and
elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_MONTHS: dict[str, int] = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}

# A time of day and a zone after the date are allowed (and ignored: the date is read in the
# timestamp's own zone). Separators seen in feeds and scraped pages: comma, "at", dashes.
_TIME_TAIL = r"""
    (?:
        \s*(?:,|at|[-\u2013\u2014]|T)?\s*
        \d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?
        \s*(?:[ap]\.?m\.?)?
        (?:\s*(?:Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}))?
    )?
    \s*$
"""


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    flags = re.IGNORECASE | re.VERBOSE
    iso = re.compile(
        r"""^\s*(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})
        (?:[T\s]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?)?)?\s*$""",
        flags,
    )
    weekday = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    month_first = re.compile(
        rf"^\s*{weekday}(?P<month>[a-z]{{3,9}})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+"
        rf"(?P<y>\d{{4}}){_TIME_TAIL}",
        flags,
    )
    day_first = re.compile(
        rf"^\s*{weekday}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month>[a-z]{{3,9}})\.?,?\s+"
        rf"(?P<y>\d{{4}}){_TIME_TAIL}",
        flags,
    )
    return iso, month_first, day_first


def _date(year: str, month: int | None, day: str) -> dt.date | None:
    if month is None:
        return None
    try:
        return dt.date(int(year), month, int(day))
    except ValueError:
        return None


def parse_published(value: object) -> dt.date | None:
    """Return the publication date that `value` states, or None if it is not a certain date.

    >>> parse_published("2024-02-02T22:30-05:00")
    datetime.date(2024, 2, 2)
    >>> parse_published("02/03/2024") is None
    True
    """
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or len(value) > 80:
        return None
    iso, month_first, day_first = _patterns()
    match = iso.match(value)
    if match:
        return _date(match["y"], int(match["m"]), match["d"])
    for pattern in (month_first, day_first):
        match = pattern.match(value)
        if match:
            return _date(match["y"], _MONTHS.get(match["month"].lower()), match["d"])
    return None
