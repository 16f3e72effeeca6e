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

A regular-session move told without a day is dated from the publication date (`timing`); the
clock then checks that day (`checked_session_day`): the session a writer reports without naming
its day is the last one of that exchange that had opened when they wrote, read in the
exchange's zone:

- the day from the date had not opened yet (written on D before the open, or stamped within
  OPENING_MINUTES of it: a morning report of the night's pre-market or of the day before,
  which the words do not tell apart): no day;
- a later session had opened (a Tokyo or Hong Kong session under way when a New York evening
  report was stamped with New York's date): that session, unless the sentence names a day;
- the move is told as closed ("closed 1.5% lower", "ended", "finished") while the session
  that had opened was still trading: the close is an earlier session's, or the text was
  completed after the time it is stamped with; no day.

The publication time is read in the exchange's own zone (New York for US listings, Berlin for
Xetra, ...). Exchanges without a known calendar give no day: their hours are not known.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from tickerwire.errors import CalendarError
from tickerwire.extract.trading_days import exchange_calendar
from tickerwire.market.calendars import SessionCalendar

EXTENDED_HOURS_PERIODS = frozenset({"premarket", "after_hours"})
# A report's words were written before its stamp: one stamped at the opening bell, or minutes
# after it, tells the session before (FNSPID morning recaps of the day before are stamped 09:30
# sharp; an Asian open report stamped 12 minutes into the session tells that session). Five
# minutes: long enough for a recap published at the bell, short enough to keep open reports.
OPENING_MINUTES = 5


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
    local = _local_moment(published_at, mic)
    if local is None:
        return None
    calendar, day, clock = local
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


def _local_moment(
    published_at: dt.datetime, mic: str | None
) -> tuple[SessionCalendar, dt.date, dt.time] | None:
    """Exchange `mic`'s calendar with the day and wall-clock time of `published_at` in its
    zone; None without a calendar, for a naive datetime, or for a day the calendar does not
    cover."""
    calendar = exchange_calendar(mic)
    if calendar is None or published_at.utcoffset() is None:
        return None
    local = published_at.astimezone(ZoneInfo(calendar.timezone))  # one instance per key
    if not calendar.covers(local.date()):
        return None
    return calendar, local.date(), local.time().replace(tzinfo=None)


def before_open(published_at: dt.datetime, mic: str | None) -> bool:
    """Whether `published_at` (an aware datetime) falls on a trading day of exchange `mic`
    before that day's open, read in the exchange's zone; False when the hours are not known.

    >>> import datetime as dt
    >>> before_open(dt.datetime.fromisoformat("2024-02-01T07:23-05:00"), "XNYS")
    True
    >>> before_open(dt.datetime.fromisoformat("2024-02-01T09:45-05:00"), "XNYS")
    False
    """
    local = _local_moment(published_at, mic)
    if local is None:
        return False
    calendar, day, clock = local
    hours = calendar.hours(day)  # None on a day without trading or without known hours
    return hours is not None and clock < hours[0]


def after_close_day(published_at: dt.datetime, mic: str | None) -> dt.date | None:
    """The trading day whose close `published_at` (an aware datetime) falls after, on that same
    day in the exchange's zone; None before the close, on a day without trading, or when the
    hours are not known.

    >>> import datetime as dt
    >>> after_close_day(dt.datetime.fromisoformat("2024-02-01T18:20-05:00"), "XNAS")
    datetime.date(2024, 2, 1)
    >>> print(after_close_day(dt.datetime.fromisoformat("2024-02-01T15:20-05:00"), "XNAS"))
    None
    """
    local = _local_moment(published_at, mic)
    if local is None:
        return None
    calendar, day, clock = local
    hours = calendar.hours(day)
    return day if hours is not None and clock >= hours[1] else None


def opened_on_stamp_day(published_at: dt.datetime, mic: str | None) -> bool | None:
    """Whether `published_at` (an aware datetime) falls on a trading day of exchange `mic` at or
    after that day's open, read in the exchange's zone; None when the hours are not known.

    >>> import datetime as dt
    >>> opened_on_stamp_day(dt.datetime.fromisoformat("2024-01-31T11:58-05:00"), "XNYS")
    True
    >>> opened_on_stamp_day(dt.datetime.fromisoformat("2024-01-31T11:58-05:00"), "XHKG")
    False
    """
    local = _local_moment(published_at, mic)
    if local is None or not local[0].open_times:
        return None
    calendar, day, clock = local
    hours = calendar.hours(day)
    return hours is not None and clock >= hours[0]


def _after(clock: dt.time, minutes: int) -> dt.time:
    """`clock` plus `minutes` (within the day: opening times are mornings)."""
    moment = dt.datetime.combine(dt.date(2000, 1, 3), clock) + dt.timedelta(minutes=minutes)
    return moment.time()


def opened_session(published_at: dt.datetime, mic: str | None) -> tuple[dt.date, bool] | None:
    """The last session of exchange `mic` that had opened at `published_at` (an aware
    datetime, read in the exchange's zone) at least OPENING_MINUTES before, and whether it had
    closed by then; None when the calendar or its hours are not known for that day.

    >>> import datetime as dt
    >>> opened_session(dt.datetime.fromisoformat("2024-02-01T09:17-05:00"), "XNYS")
    (datetime.date(2024, 1, 31), True)
    >>> opened_session(dt.datetime.fromisoformat("2024-02-01T21:01-05:00"), "XHKG")
    (datetime.date(2024, 2, 2), False)
    """
    local = _local_moment(published_at, mic)
    if local is None or not local[0].open_times:
        return None
    calendar, day, clock = local
    hours = calendar.hours(day)
    if hours is not None and clock >= _after(hours[0], OPENING_MINUTES):
        return day, clock >= hours[1]
    try:
        return calendar.session_before(day), True
    except CalendarError:  # the first session the calendar knows
        return None


def checked_session_day(
    inferred: dt.date,
    published_at: dt.datetime,
    mic: str | None,
    *,
    told_closed: bool,
    names_day: bool,
) -> dt.date | None:
    """The day of a session or intraday move told without a day, which the publication date
    dated `inferred`, checked against the publication moment (see the module's docstring).

    `told_closed`: the move's sentence tells a close ("closed", "ended", "finished");
    `names_day`: the sentence names a day (then no other day than `inferred` is given).

    >>> import datetime as dt
    >>> before_open = dt.datetime.fromisoformat("2024-02-01T08:00-05:00")
    >>> print(checked_session_day(dt.date(2024, 2, 1), before_open, "XNAS",
    ...                           told_closed=False, names_day=False))
    None
    """
    opened = opened_session(published_at, mic)
    if opened is None:
        return inferred  # hours not known: the date alone stands, as before
    day, closed = opened
    if told_closed and not closed:
        return None
    if inferred > day:
        return None
    if inferred < day:
        return None if names_day else day
    return inferred
