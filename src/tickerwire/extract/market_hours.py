"""The trading day an after-hours or pre-market move belongs to, read from the publication time.

A move "in after-hours trading" told without a day is the extended trading of the last session
that had closed when the article was written, if the clock says which one that was:

- written on trading day D at or after its close (16:00 in New York, 13:00 on an early-closing
  day) and before midnight: D's after-hours;
- written on D before its open: the session before D (the news of the night before; across a
  weekend or a holiday, the last trading day before it);
- written during D's regular session, or on a day the exchange does not trade: no day. Both the
  night before and an earlier one are read in such articles, and the text does not say which.

A pre-market move told without a day, written on trading day D before its close, is D's
pre-market (the one under way, or that morning's when the report is stamped after the open);
written after the close or on a day without trading it is no day: from the evening on, futures
trade for the next session.

The publication time is read in the exchange's own zone (New York for US listings, Berlin for
Xetra, ...). Exchanges without a known calendar give no day: their hours are not known.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

from tickerwire.errors import CalendarError
from tickerwire.extract.trading_days import exchange_calendar

EXTENDED_HOURS_PERIODS = frozenset({"premarket", "after_hours"})


@lru_cache(maxsize=32)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def knows_hours(mic: str | None) -> bool:
    """Whether exchange `mic` has a calendar with trading hours (else no day can be read)."""
    calendar = exchange_calendar(mic)
    return calendar is not None and bool(calendar.open_times)


def extended_hours_day(period: str, published_at: dt.datetime, mic: str | None) -> dt.date | None:
    """The trading day of a `period` move (premarket or after_hours) told without a day, in an
    article published at `published_at` (an aware datetime); None when the time leaves it open.

    >>> import datetime as dt
    >>> friday_early = dt.datetime.fromisoformat("2024-02-02T00:52-05:00")
    >>> extended_hours_day("after_hours", friday_early, "XNAS")
    datetime.date(2024, 2, 1)
    """
    calendar = exchange_calendar(mic)
    if calendar is None or published_at.utcoffset() is None:
        return None
    local = published_at.astimezone(_zone(calendar.timezone))
    day, clock = local.date(), local.time().replace(tzinfo=None)
    if not calendar.covers(day):
        return None
    hours = calendar.hours(day)
    if hours is None:
        return None  # a weekend or holiday: which session is meant stays open
    opens, closes = hours
    if period == "after_hours":
        if clock >= closes:
            return day
        if clock < opens:
            try:
                return calendar.session_before(day)
            except CalendarError:  # the first session the calendar knows
                return None
        return None
    if period == "premarket":
        return day if clock < closes else None
    return None
