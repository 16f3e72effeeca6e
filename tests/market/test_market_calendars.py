import datetime as dt

import pytest

from tickerwire.errors import CalendarError
from tickerwire.link.reference import Listing, ReferenceData, ReferenceEntity
from tickerwire.market import calendars as cal
from tickerwire.market.calendars import TradingCalendars, exchange_for, session_for_weekday


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_lunar_new_year_is_not_a_session_and_the_next_change_is_based_on_the_eve(xhkg):
    assert not xhkg.is_session(d("2025-01-29"))
    assert "holiday" in xhkg.describe_non_session(d("2025-01-29"))
    assert xhkg.session_before(d("2025-02-03")) == d("2025-01-28")
    assert xhkg.previous_session(d("2025-01-31")) == d("2025-01-28")
    assert xhkg.previous_session(d("2025-01-28")) == d("2025-01-28")
    assert xhkg.next_session(d("2025-01-29")) == d("2025-02-03")


def test_half_days_are_sessions(xhkg, xnys):
    assert xhkg.is_session(d("2024-12-24")) and xhkg.is_half_day(d("2024-12-24"))
    assert xnys.is_session(d("2024-11-29")) and xnys.is_half_day(d("2024-11-29"))
    assert not xhkg.is_half_day(d("2024-12-23"))


def test_the_same_day_differs_between_exchanges(xhkg, xnys):
    # Good Friday week: Hong Kong is also shut on Easter Monday, New York trades.
    assert not xhkg.is_session(d("2025-04-21")) and xnys.is_session(d("2025-04-21"))
    # US Thanksgiving: Hong Kong trades.
    assert xhkg.is_session(d("2024-11-28")) and not xnys.is_session(d("2024-11-28"))


def test_sessions_between_and_offsets(xhkg):
    days = xhkg.sessions_between(d("2025-01-27"), d("2025-02-04"))
    assert days == (d("2025-01-27"), d("2025-01-28"), d("2025-02-03"), d("2025-02-04"))
    assert xhkg.offset(d("2025-02-03"), -2) == d("2025-01-27")
    assert xhkg.sessions_back(d("2025-02-02"), 2) == (d("2025-01-27"), d("2025-01-28"))


def test_module_functions_share_one_process_wide_calendar():
    assert cal.trading_calendars() is cal.trading_calendars()
    assert cal.is_session("XNYS", d("2025-07-04")) is False
    assert cal.session_before("XNYS", d("2025-07-07")) == d("2025-07-03")
    assert cal.sessions_between("XNYS", d("2025-07-03"), d("2025-07-07"))[-1] == d("2025-07-07")


def test_weekday_names_resolve_to_the_past_session_or_nothing():
    # Written on Saturday 2025-09-06: "on Monday" is 2025-09-01.
    assert session_for_weekday("XHKG", d("2025-09-06"), 0) == d("2025-09-01")
    # Written on that Monday itself: the same day.
    assert session_for_weekday("XHKG", d("2025-09-01"), 0) == d("2025-09-01")
    # "on Monday" written on 2025-04-24: Easter Monday, Hong Kong was shut; New York traded.
    assert session_for_weekday("XHKG", d("2025-04-24"), 0) is None
    assert session_for_weekday("XNYS", d("2025-04-24"), 0) == d("2025-04-21")


def test_exchange_of_a_listing_from_reference_then_suffix():
    assert exchange_for("9988.HK") == "XHKG"
    assert exchange_for("7201.T") == "XTKS"
    assert exchange_for("BARC.L") == "XLON"
    assert exchange_for("BABA") == "XNYS"
    assert exchange_for("BRK.B") == "XNYS"
    assert exchange_for("HSI") == "XHKG" and exchange_for("SPX") == "XNYS"
    with pytest.raises(CalendarError, match="suffix"):
        exchange_for("ABC.ZZ")
    reference = ReferenceData.from_entities(
        [
            ReferenceEntity(
                id="example",
                name="Example Holdings",
                type="company",
                listings=(Listing("EXMP", "XNAS", "USD", "US", primary=True),),
            )
        ]
    )
    assert exchange_for("EXMP", reference) == "XNAS"


def test_dates_outside_the_calendar_raise_rather_than_guess(xhkg):
    with pytest.raises(CalendarError, match="outside"):
        xhkg.is_session(d("2099-01-02"))
    with pytest.raises(CalendarError):
        TradingCalendars().get("XXXX")


def test_unscheduled_closures_leave_the_calendar(calendars):
    typhoon = {"XHKG": [d("2023-09-01")]}
    with_closure = calendars.with_closures(typhoon).get("XHKG")
    assert calendars.get("XHKG").is_session(d("2023-09-01"))
    assert not with_closure.is_session(d("2023-09-01"))
    assert with_closure.session_before(d("2023-09-04")) == d("2023-08-31")
    assert "unscheduled closure" in with_closure.describe_non_session(d("2023-09-01"))
