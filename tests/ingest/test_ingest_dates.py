import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tickerwire.ingest.dates import parse_published, parse_published_at


@pytest.mark.parametrize(
    ("stated", "expected"),
    [
        ("2024-02-02", dt.date(2024, 2, 2)),
        ("2024-02-02T13:17-05:00", dt.date(2024, 2, 2)),
        # Late evening in New York is already the next day in UTC: the page's own day counts.
        ("2024-02-02T22:40-05:00", dt.date(2024, 2, 2)),
        ("2024-02-03T01:10+09:00", dt.date(2024, 2, 3)),
        ("2024-02-02T13:17:05.250Z", dt.date(2024, 2, 2)),
        ("2024-02-02 13:17:05", dt.date(2024, 2, 2)),
        ("2024/02/02", dt.date(2024, 2, 2)),
        ("February 02, 2024", dt.date(2024, 2, 2)),
        ("Feb 2, 2024", dt.date(2024, 2, 2)),
        ("FEB 2, 2024 9:32AM EST", dt.date(2024, 2, 2)),
        ("February 02, 2024 \u2014 03:33 pm EST", dt.date(2024, 2, 2)),
        ("Friday, February 2, 2024", dt.date(2024, 2, 2)),
        ("2 February 2024", dt.date(2024, 2, 2)),
        ("Sept. 5, 2023", dt.date(2023, 9, 5)),
        ("Fri, 02 Feb 2024 23:59:00 -0500", dt.date(2024, 2, 2)),
        ("Sat, 03 Feb 2024 04:59:00 GMT", dt.date(2024, 2, 3)),
    ],
)
def test_stated_dates_are_read_in_their_own_offset(stated, expected):
    assert parse_published(stated) == expected


@pytest.mark.parametrize(
    "stated",
    [
        "02/03/2024",  # 2 March or 3 February: never guess
        "3/2/24",
        "yesterday",
        "2 hours ago",
        "2024-02-30",
        "Febtember 2, 2024",
        "February 2, 2024 and some words",
        "2024",
        "",
        "   ",
    ],
)
def test_uncertain_or_impossible_dates_give_none(stated):
    assert parse_published(stated) is None


@pytest.mark.parametrize("value", [None, 20240202, 1706832000.0, ["2024-02-02"], {"d": 1}])
def test_non_string_values_give_none(value):
    assert parse_published(value) is None


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_iso_dates_round_trip(day):
    assert parse_published(day.isoformat()) == day


@given(
    st.datetimes(min_value=dt.datetime(1990, 1, 1), max_value=dt.datetime(2100, 1, 1)),
    st.integers(min_value=-12 * 60, max_value=14 * 60),
)
def test_iso_timestamps_give_the_local_calendar_day(moment, offset_minutes):
    zone = dt.timezone(dt.timedelta(minutes=offset_minutes))
    stamp = moment.replace(tzinfo=zone).isoformat()
    assert parse_published(stamp) == moment.date()


@pytest.mark.parametrize(
    ("stated", "moment"),
    [
        ("2024-02-02T00:52-05:00", "2024-02-02T00:52:00-05:00"),
        ("2024-02-02T05:52+00:00", "2024-02-02T05:52:00+00:00"),
        ("2024-02-02T13:17:05.250Z", "2024-02-02T13:17:05+00:00"),
        ("2024-02-02T13:17-05", "2024-02-02T13:17:00-05:00"),
        ("Fri, 02 Feb 2024 23:59:00 -0500", "2024-02-02T23:59:00-05:00"),
        ("Sat, 03 Feb 2024 04:59:00 GMT", "2024-02-03T04:59:00+00:00"),
        ("Feb 2, 2024 1:00 pm UTC+8", "2024-02-02T13:00:00+08:00"),
        # 12:52 am is eight minutes to one in the morning
        ("February 02, 2024 \u2014 12:52 am EST", "2024-02-02T00:52:00-05:00"),
        ("FEB 2, 2024 12:05PM EST", "2024-02-02T12:05:00-05:00"),
        # "EST" in July is read as New York's clock, which then keeps daylight time
        ("July 2, 2024 9:32 am EST", "2024-07-02T09:32:00-04:00"),
    ],
)
def test_stated_moments_keep_their_time_and_zone(stated, moment):
    found = parse_published_at(stated)
    assert found is not None and found.isoformat() == moment
    assert found.date() == parse_published(stated)  # the moment's own day is the date


@pytest.mark.parametrize(
    "stated",
    [
        "2024-02-02",  # a date only
        "2024-02-02 13:17:05",  # a time, but in which zone?
        "Feb 2, 2024 9:32AM",
        "Feb 2, 2024 9:32AM IST",  # India, Israel or Ireland
        "Feb 2, 2024 9:32AM CST",  # US Central or China
        "Feb 2, 2024 13:00 pm EST",  # not a time of day
        "Feb 2, 2024 25:10 UTC",
        "2024-02-02T10:00+15:00",  # no such offset
        "02/03/2024 10:00 UTC",
        None,
        1706832000,
    ],
)
def test_a_time_without_a_known_zone_gives_no_moment(stated):
    assert parse_published_at(stated) is None


def test_datetime_values_give_a_moment_only_when_aware():
    aware = dt.datetime(2024, 2, 2, 0, 52, tzinfo=dt.timezone(dt.timedelta(hours=-5)))
    assert parse_published_at(aware) == aware
    assert parse_published_at(aware.replace(tzinfo=None)) is None
