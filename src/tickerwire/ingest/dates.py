"""Publication dates as inputs state them -> `datetime.date`, or None when the form is not certain.

A stated timestamp gives the date in its own offset: "2024-02-02T22:30-05:00" is 2 February, the
day its readers saw on the page, not the UTC day (3 February). Nothing is converted between zones.

`parse_published_at` gives the moment itself (an aware datetime) when the value states a time of
day and a zone: a numeric offset, `Z`, UTC/GMT, or the US Eastern names (ET, EST, EDT, read as
New York wall time, since writers say "EST" all year). A time without a zone gives None: the same
"9:30" is hours apart in New York and Hong Kong, and dating a move by a guessed zone would invent.

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
from zoneinfo import ZoneInfo

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
        (?P<hh>\d{1,2}):(?P<mm>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?
        \s*(?:(?P<ampm>[ap])\.?m\.?)?
        (?:\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}))?
    )?
    \s*$
"""
# Zone names read as one place's wall time: the US Eastern names, which writers use all year
# ("9:32AM EST" in July means New York's 9:32). Other letter codes (IST, CST, BST) name several
# zones around the world and are not read.
_NAMED_ZONES: dict[str, str] = {
    "ET": "America/New_York",
    "EST": "America/New_York",
    "EDT": "America/New_York",
}
_NUMERIC_ZONE = re.compile(r"^(?:UTC|GMT)?(?P<sign>[+-])(?P<h>\d{1,2}):?(?P<m>\d{2})?$", re.I)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    flags = re.IGNORECASE | re.VERBOSE
    iso = re.compile(
        r"""^\s*(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})
        (?:[T\s](?P<hh>\d{2}):(?P<mm>\d{2})(?::(?P<ss>\d{2})(?:[.,]\d+)?)?
        \s*(?P<zone>Z|[+-]\d{2}(?::?\d{2})?)?)?\s*$""",
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


def _stated(value: object) -> tuple[dt.date, re.Match[str] | None] | None:
    """The date `value` states and the match that read it (None for a date object)."""
    if isinstance(value, dt.datetime):
        return value.date(), None
    if isinstance(value, dt.date):
        return value, None
    if not isinstance(value, str) or len(value) > 80:
        return None
    iso, month_first, day_first = _patterns()
    match = iso.match(value)
    if match:
        day = _date(match["y"], int(match["m"]), match["d"])
        return (day, match) if day is not None else None
    for pattern in (month_first, day_first):
        match = pattern.match(value)
        if match:
            day = _date(match["y"], _MONTHS.get(match["month"].lower()), match["d"])
            return (day, match) if day is not None else None
    return None


def parse_published(value: object) -> dt.date | None:
    """Return the publication date that `value` states, or None if it is not a certain date.

    >>> parse_published("2024-02-02T22:30-05:00")
    datetime.date(2024, 2, 2)
    >>> parse_published("02/03/2024") is None
    True
    """
    stated = _stated(value)
    return stated[0] if stated is not None else None


def parse_published_at(value: object) -> dt.datetime | None:
    """Return the publication moment `value` states (a time of day in a known zone), or None.

    The moment's own date is always the date `parse_published` gives for the same value.

    >>> parse_published_at("2024-02-02T00:52-05:00").isoformat()
    '2024-02-02T00:52:00-05:00'
    >>> parse_published_at("2024-02-02 00:52") is None  # no zone: whose 00:52?
    True
    """
    return parse_publication(value)[1]


def parse_publication(value: object) -> tuple[dt.date | None, dt.datetime | None]:
    """The date and the moment `value` states, from one reading of it: what `parse_published`
    and `parse_published_at` give for the same value.

    >>> parse_publication("2024-02-02")
    (datetime.date(2024, 2, 2), None)
    """
    if isinstance(value, dt.datetime):
        return value.date(), value if value.utcoffset() is not None else None
    stated = _stated(value)
    if stated is None:
        return None, None
    day, match = stated
    if match is None or match["hh"] is None or match["zone"] is None:
        return day, None
    clock = _clock(match["hh"], match["mm"], match["ss"], match.groupdict().get("ampm"))
    zone = _zone(match["zone"])
    if clock is None or zone is None:
        return day, None
    return day, dt.datetime.combine(day, clock, tzinfo=zone)


def _clock(hours: str, minutes: str, seconds: str | None, ampm: str | None) -> dt.time | None:
    hour, minute, second = int(hours), int(minutes), int(seconds or 0)
    if ampm is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm.lower() == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None
    return dt.time(hour, minute, second)


def _zone(name: str) -> dt.tzinfo | None:
    """The zone a timestamp names, or None when the name is not one place's."""
    upper = name.upper()
    if upper in ("Z", "UTC", "GMT"):
        return dt.UTC
    if upper in _NAMED_ZONES:
        return ZoneInfo(_NAMED_ZONES[upper])  # ZoneInfo keeps one instance per key
    match = _NUMERIC_ZONE.match(upper)
    if match is None:
        return None
    minutes = int(match["h"]) * 60 + int(match["m"] or 0)
    if minutes > 14 * 60:
        return None
    sign = -1 if match["sign"] == "-" else 1
    return dt.timezone(dt.timedelta(minutes=sign * minutes))
