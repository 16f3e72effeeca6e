"""The trading day of an after-hours or pre-market move from the publication moment, read in the
exchange's own zone with its own hours (exchange_calendars), never from a guessed zone."""

from __future__ import annotations

import datetime as dt

import pytest

from tickerwire.extract.market_hours import extended_hours_day, knows_hours


def at(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp)


@pytest.mark.parametrize(
    ("period", "stamp", "mic", "day"),
    [
        # New York: the close at 16:00 starts the evening's extended trading
        ("after_hours", "2024-01-31T16:00-05:00", "XNYS", dt.date(2024, 1, 31)),
        ("after_hours", "2024-01-31T15:59-05:00", "XNYS", None),
        ("after_hours", "2024-01-31T09:29-05:00", "XNYS", dt.date(2024, 1, 30)),
        ("after_hours", "2024-01-31T09:30-05:00", "XNYS", None),
        # XNAS listings share New York's calendar
        ("after_hours", "2024-01-31T23:59-05:00", "XNAS", dt.date(2024, 1, 31)),
        # Good Friday 2024 (29 March): no session, so no evening; the Monday morning after it
        # belongs to Thursday's after-hours
        ("after_hours", "2024-03-29T18:00-04:00", "XNYS", None),
        ("after_hours", "2024-04-01T08:00-04:00", "XNYS", dt.date(2024, 3, 28)),
        # Christmas Eve closes at 13:00
        ("after_hours", "2024-12-24T13:05-05:00", "XNYS", dt.date(2024, 12, 24)),
        ("premarket", "2024-12-24T12:55-05:00", "XNYS", dt.date(2024, 12, 24)),
        ("premarket", "2024-12-24T13:05-05:00", "XNYS", None),
        # Hong Kong closes at 16:00 Hong Kong time: 17:30 there is 04:30 in New York
        ("after_hours", "2024-02-01T17:30+08:00", "XHKG", dt.date(2024, 2, 1)),
        ("after_hours", "2024-02-01T04:30-05:00", "XHKG", dt.date(2024, 2, 1)),
        # Xetra opens at 09:00 in Frankfurt: 06:52 there is before it
        ("premarket", "2024-02-02T00:52-05:00", "XETR", dt.date(2024, 2, 2)),
        # a period the clock does not date
        ("session", "2024-01-31T18:00-05:00", "XNYS", None),
    ],
)
def test_the_clock_in_the_exchange_zone_picks_the_session(period, stamp, mic, day):
    assert extended_hours_day(period, at(stamp), mic) == day


def test_the_same_moment_in_any_offset_gives_the_same_day():
    moment = at("2024-02-02T00:52-05:00")
    for hours in (-8, 0, 1, 9):
        shifted = moment.astimezone(dt.timezone(dt.timedelta(hours=hours)))
        assert extended_hours_day("after_hours", shifted, "XNYS") == dt.date(2024, 2, 1)


def test_exchanges_without_known_hours_give_no_day():
    # 22:00: as a naive time read in UTC or in New York it is after the close, so only the
    # missing offset leaves the naive moment without a day
    moment = at("2024-02-01T22:00-05:00")
    assert not knows_hours(None) and not knows_hours("XXXX")
    assert knows_hours("XNYS")
    assert extended_hours_day("after_hours", moment, None) is None
    assert extended_hours_day("after_hours", moment, "XXXX") is None
    assert extended_hours_day("after_hours", moment.replace(tzinfo=None), "XNYS") is None
