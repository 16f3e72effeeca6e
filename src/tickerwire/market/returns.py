"""Price changes of a listing over trading days of its exchange.

Every change is close-to-close on the listing's own exchange calendar: the base of a day's change
is the close of the previous SESSION of that exchange (Monday's base is Friday; the day after the
Lunar New Year break is based on the last session before it), never the previous calendar day and
never "the previous row". When a session's price is missing from the files, the change is unknown
and says why, instead of silently spanning two sessions.

Changes are in percent (+14.56 means up 14.56%), computed from adjusted closes (see series.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from tickerwire.errors import CalendarError
from tickerwire.market.calendars import SessionCalendar
from tickerwire.market.series import PriceBar, PriceSeries


@dataclass(frozen=True)
class Change:
    """A price change from the close of `start` to the close (or extreme) of `end`.

    `pct` is None when the change is unknown, and `reason` then says why in words. `note` carries
    facts worth telling a reader when the change is known (e.g. "a half-day session").
    """

    ticker: str
    start: dt.date | None
    end: dt.date
    pct: float | None
    reason: str | None = None
    note: str | None = None

    @property
    def known(self) -> bool:
        return self.pct is not None


def _unknown(ticker: str, start: dt.date | None, end: dt.date, reason: str) -> Change:
    return Change(ticker=ticker, start=start, end=end, pct=None, reason=reason)


def _session_problem(calendar: SessionCalendar, day: dt.date) -> str | None:
    """Why `day` cannot carry a close (not a session, outside the calendar), or None."""
    try:
        if calendar.is_session(day):
            return None
    except CalendarError as exc:
        return exc.reason
    return calendar.describe_non_session(day)


def ratio_change(
    series: PriceSeries, start: dt.date, end: dt.date, *, base: str = "the base session"
) -> Change:
    """The change from the close of session `start` to the close of session `end` in the files.

    `base` names the start session in messages ("the previous session").
    """
    ticker = series.ticker
    ratio = series.close_ratio(start, end)
    if ratio is not None:
        return Change(ticker=ticker, start=start, end=end, pct=(ratio - 1.0) * 100.0)
    if series.bar(end) is None:
        return _unknown(ticker, start, end, f"no price for {ticker} on {end}{_range(series, end)}")
    if series.bar(start) is None:
        return _unknown(
            ticker,
            start,
            end,
            f"no price for {ticker} on {start}, {base}{_range(series, start)}",
        )
    return _unknown(
        ticker,
        start,
        end,
        f"the price files of {ticker} do not overlap between {start} and {end}, so the change "
        "across them is unknown",
    )


def _range(series: PriceSeries, day: dt.date) -> str:
    """Where the loaded prices start or end, when `day` is outside them (a listing's first day)."""
    first, last = series.first, series.last
    if first is not None and day < first:
        return f" (prices start on {first})"
    if last is not None and day > last:
        return f" (prices end on {last})"
    return ""


def _half_day_note(calendar: SessionCalendar, day: dt.date) -> str | None:
    if calendar.is_half_day(day):
        return f"{day} was a half-day session of {calendar.mic}"
    return None


def session_change(series: PriceSeries, calendar: SessionCalendar, day: dt.date) -> Change:
    """The close-to-close change of `day`: from the previous session's close to `day`'s close."""
    ticker = series.ticker
    problem = _session_problem(calendar, day)
    if problem is not None:
        return _unknown(ticker, None, day, problem)
    try:
        base = calendar.session_before(day)
    except CalendarError as exc:
        return _unknown(ticker, None, day, exc.reason)
    change = ratio_change(series, base, day, base="the previous session")
    note = _half_day_note(calendar, day)
    return change if note is None or not change.known else _with_note(change, note)


def _with_note(change: Change, note: str) -> Change:
    return Change(change.ticker, change.start, change.end, change.pct, change.reason, note)


def change_between(
    series: PriceSeries, calendar: SessionCalendar, start: dt.date, end: dt.date
) -> Change:
    """The change from the close of session `start` to the close of session `end`."""
    ticker = series.ticker
    for day in (start, end):
        problem = _session_problem(calendar, day)
        if problem is not None:
            return _unknown(ticker, start, end, problem)
    return ratio_change(series, start, end)


def change_since(
    series: PriceSeries, calendar: SessionCalendar, since: dt.date, day: dt.date
) -> Change:
    """The change from the close on `since` (or the last session before it) to `day`'s close.

    "Up 46% since January 13" is measured from January 13's close; when `since` is not a session,
    from the last close known on that date.
    """
    ticker = series.ticker
    try:
        base = calendar.previous_session(since)
    except CalendarError as exc:
        return _unknown(ticker, None, day, exc.reason)
    return change_between(series, calendar, base, day)


def change_over_sessions(
    series: PriceSeries, calendar: SessionCalendar, day: dt.date, sessions: int
) -> Change:
    """The change over the `sessions` trading days ending with `day` (5 ~ a week of trading)."""
    ticker = series.ticker
    problem = _session_problem(calendar, day)
    if problem is not None:
        return _unknown(ticker, None, day, problem)
    try:
        base = calendar.offset(day, -sessions)
    except CalendarError as exc:
        return _unknown(ticker, None, day, exc.reason)
    return ratio_change(series, base, day)


def _period_start_change(
    series: PriceSeries, calendar: SessionCalendar, day: dt.date, first_day: dt.date
) -> Change:
    ticker = series.ticker
    try:
        base = calendar.session_before(first_day)
    except CalendarError as exc:
        return _unknown(ticker, None, day, exc.reason)
    return change_between(series, calendar, base, day)


def year_to_date(series: PriceSeries, calendar: SessionCalendar, day: dt.date) -> Change:
    """The change from the last close of the previous year to `day`'s close."""
    return _period_start_change(series, calendar, day, dt.date(day.year, 1, 1))


def month_to_date(series: PriceSeries, calendar: SessionCalendar, day: dt.date) -> Change:
    """The change from the last close of the previous month to `day`'s close."""
    return _period_start_change(series, calendar, day, day.replace(day=1))


def week_to_date(series: PriceSeries, calendar: SessionCalendar, day: dt.date) -> Change:
    """The change from the last close of the previous calendar week (Mon-Sun) to `day`'s close."""
    return _period_start_change(series, calendar, day, day - dt.timedelta(days=day.weekday()))


def year_over_year(series: PriceSeries, calendar: SessionCalendar, day: dt.date) -> Change:
    """The change from the close on the same date a year earlier (or the session before it)."""
    try:
        earlier = day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        earlier = day.replace(year=day.year - 1, day=28)
    return change_since(series, calendar, earlier, day)


def _bar_with(
    series: PriceSeries, day: dt.date, extreme: Literal["high", "low"]
) -> PriceBar | None:
    for table in series.tables:
        bar = table.bar(day)
        if bar is not None and getattr(bar, extreme) is not None:
            return bar
    return None


def intraday_extreme_change(
    series: PriceSeries,
    calendar: SessionCalendar,
    day: dt.date,
    extreme: Literal["high", "low"] = "high",
) -> Change:
    """The day's high (or low) against the previous session's close: "rose as much as 19%".

    The high and close of one bar share a basis, so high/close times the day's adjusted
    close-to-close ratio is the high measured against the previous adjusted close.
    """
    close_change = session_change(series, calendar, day)
    if close_change.pct is None:
        return close_change
    bar = _bar_with(series, day, extreme)
    if bar is None:
        return _unknown(
            series.ticker,
            close_change.start,
            day,
            f"no intraday {extreme}s loaded for {series.ticker} on {day} (close-only prices)",
        )
    value = bar.high if extreme == "high" else bar.low
    assert value is not None
    pct = (value / bar.close * (1.0 + close_change.pct / 100.0) - 1.0) * 100.0
    return Change(series.ticker, close_change.start, day, pct, note=close_change.note)


def unadjusted_change(series: PriceSeries, change: Change) -> Change | None:
    """The same span in quoted (not dividend-adjusted) closes, when it differs from `change`.

    A writer quotes closes as traded, so over an ex-dividend day the reported change is lower than
    the adjusted one by about the dividend yield. From a file's raw Close when it also has an Adj
    Close; from its Dividends column when its closes are adjusted (the quoted close before each
    ex-date is the adjusted one plus the dividend). None when the two do not differ or no single
    file holds both ends.
    """
    if change.pct is None or change.start is None:
        return None
    table = series.table_with(change.start, change.end)
    if table is None:
        return None
    first, last = table.bar(change.start), table.bar(change.end)
    assert first is not None and last is not None
    if table.has_adj_close:
        pct = (last.close / first.close - 1.0) * 100.0
    else:
        ratio = 1.0 + change.pct / 100.0
        previous = first
        for bar in table.bars[table.dates.index(change.start) + 1 :]:
            if bar.date > change.end:
                break
            if bar.dividend:
                # Yahoo adjusts the closes before an ex-date down by the dividend, so the quoted
                # previous close was the adjusted one plus the dividend.
                ratio *= previous.close / (previous.close + bar.dividend)
            previous = bar
        pct = (ratio - 1.0) * 100.0
    # Differences under a thousandth of a point are float noise, not a dividend.
    if abs(pct - change.pct) < 1e-3:
        return None
    return Change(series.ticker, change.start, change.end, pct, note="unadjusted close")


def unadjusted_session_change(
    series: PriceSeries, calendar: SessionCalendar, day: dt.date
) -> Change | None:
    """The day's change in quoted closes, when it differs from the adjusted one."""
    return unadjusted_change(series, session_change(series, calendar, day))
