"""Trading days for dating moves, from the market stage's shared calendars.

`tickerwire.market.calendars` builds each exchange_calendars calendar once per process, lazily,
as plain dates; extraction asks it only when an event needs a day, so documents without dated
moves never build one. Exchanges it does not know, and days outside a calendar's range, fall
back to Monday-Friday, which is what a reader would assume.
"""

from __future__ import annotations

import datetime as dt

from tickerwire.errors import CalendarError
from tickerwire.market.calendars import SessionCalendar, trading_calendars


def exchange_calendar(mic: str | None) -> SessionCalendar | None:
    """The trading calendar of exchange `mic`, or None when there is none or no `mic`."""
    if not mic:
        return None
    try:
        return trading_calendars().get(mic)
    except CalendarError:
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
    calendar = exchange_calendar(mic)
    if calendar is None or not calendar.covers(day):
        return _weekday_on_or_before(day)
    return calendar.previous_session(day)


def is_session(mic: str | None, day: dt.date) -> bool:
    """Whether `day` is a trading day of `mic` (a weekday when the calendar is unknown)."""
    calendar = exchange_calendar(mic)
    if calendar is None or not calendar.covers(day):
        return day.weekday() < 5
    return calendar.is_session(day)
