"""Trading days of an exchange, from exchange_calendars, built lazily once per process.

Building a calendar takes tens of milliseconds and importing exchange_calendars takes longer, so
both happen only when an event actually needs a trading day, and each calendar is kept for the
life of the process. Days outside a calendar's range (it covers about twenty years back) fall
back to Monday-Friday, which is what a reader would assume.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import Any

# Exchanges by the country of a listing, for listings whose MIC is not known to the library.
COUNTRY_EXCHANGES = {"HK": "XHKG", "US": "XNYS", "JP": "XTKS", "GB": "XLON", "CN": "XSHG"}


@functools.lru_cache(maxsize=32)
def _calendar(mic: str) -> Any | None:
    """The exchange_calendars calendar of `mic`, or None when the library does not know it."""
    import exchange_calendars  # slow import: only when a trading day is really needed

    try:
        return exchange_calendars.get_calendar(mic)
    except Exception:  # unknown MIC or a calendar that cannot be built: use weekdays
        return None


def _weekday_on_or_before(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def last_session_on_or_before(mic: str | None, day: dt.date) -> dt.date:
    """The last trading day of exchange `mic` on or before `day` (weekdays when unknown).

    >>> last_session_on_or_before("XHKG", dt.date(2025, 2, 23))
    datetime.date(2025, 2, 21)
    """
    calendar = _calendar(mic) if mic else None
    if calendar is None:
        return _weekday_on_or_before(day)
    first, last = calendar.first_session.date(), calendar.last_session.date()
    if not first <= day <= last:
        return _weekday_on_or_before(day)
    session = calendar.date_to_session(day.isoformat(), direction="previous")
    return session.date()  # type: ignore[no-any-return]


def is_session(mic: str | None, day: dt.date) -> bool:
    """Whether `day` is a trading day of `mic` (a weekday when the calendar is unknown)."""
    calendar = _calendar(mic) if mic else None
    if calendar is None:
        return day.weekday() < 5
    first, last = calendar.first_session.date(), calendar.last_session.date()
    if not first <= day <= last:
        return day.weekday() < 5
    return bool(calendar.is_session(day.isoformat()))
