import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tickerwire.ingest.dates import parse_published


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
