import pytest
from market_fixtures import HK_LUNAR_CSV, d, series_from

from tickerwire.market.returns import (
    change_between,
    change_over_sessions,
    change_since,
    intraday_extreme_change,
    session_change,
    unadjusted_session_change,
    week_to_date,
    year_to_date,
)


@pytest.fixture
def hk():
    return series_from(HK_LUNAR_CSV, "9999.HK")


def test_the_day_after_the_lunar_holidays_is_based_on_the_last_session_before_them(hk, xhkg):
    change = session_change(hk, xhkg, d("2025-02-03"))
    assert change.start == d("2025-01-28")
    assert change.pct == pytest.approx(5.0)


def test_a_half_day_has_a_close_and_says_so(hk, xhkg):
    change = session_change(hk, xhkg, d("2025-01-28"))
    assert change.pct == pytest.approx((86.1 / 84.0 - 1) * 100)
    assert change.note is not None and "half-day" in change.note


def test_holidays_and_weekends_have_no_change(hk, xhkg):
    holiday = session_change(hk, xhkg, d("2025-01-29"))
    assert holiday.pct is None and "holiday" in (holiday.reason or "")
    saturday = session_change(hk, xhkg, d("2025-01-25"))
    assert saturday.pct is None and "Saturday" in (saturday.reason or "")


def test_a_missing_session_is_a_gap_not_spanned(hk, xhkg):
    missing = session_change(hk, xhkg, d("2025-01-23"))
    assert missing.pct is None and "2025-01-23" in (missing.reason or "")
    # The next day's base is the missing session: unknown, not 01-22 -> 01-24.
    after = session_change(hk, xhkg, d("2025-01-24"))
    assert after.pct is None and "2025-01-23, the previous session" in (after.reason or "")
    # A multi-day change with both ends priced does not need the days between.
    whole = change_between(hk, xhkg, d("2025-01-20"), d("2025-02-04"))
    assert whole.pct == pytest.approx((88.5 / 80.0 - 1) * 100)


def test_multi_session_week_and_since_changes(hk, xhkg):
    three = change_over_sessions(hk, xhkg, d("2025-02-04"), 3)
    assert three.start == d("2025-01-27")
    assert three.pct == pytest.approx((88.5 / 84.0 - 1) * 100)
    week = week_to_date(hk, xhkg, d("2025-02-04"))
    assert week.start == d("2025-01-28")
    # "since 2025-01-25" (a Saturday) is measured from the last close before it.
    since = change_since(hk, xhkg, d("2025-01-25"), d("2025-02-04"))
    assert since.start == d("2025-01-24")
    assert since.pct == pytest.approx((88.5 / 83.0 - 1) * 100)


def test_year_to_date_starts_from_the_last_close_of_the_previous_year(xhkg):
    text = "Date,Close\n2024-12-30,50\n2024-12-31,52\n2025-01-02,53\n2025-03-03,65\n"
    series = series_from(text, "9999.HK")
    ytd = year_to_date(series, xhkg, d("2025-03-03"))
    assert ytd.start == d("2024-12-31")
    assert ytd.pct == pytest.approx(25.0)
    hk_ytd = year_to_date(series_from(HK_LUNAR_CSV, "9999.HK"), xhkg, d("2025-02-04"))
    assert hk_ytd.pct is None and "2024-12-31" in (hk_ytd.reason or "")


def test_intraday_high_and_low_against_the_previous_close(hk, xhkg):
    high = intraday_extreme_change(hk, xhkg, d("2025-02-03"), "high")
    assert high.pct == pytest.approx((92.0 / 86.1 - 1) * 100)
    low = intraday_extreme_change(hk, xhkg, d("2025-02-03"), "low")
    assert low.pct == pytest.approx((84.0 / 86.1 - 1) * 100)
    close_only = series_from("Date,Close\n2025-01-27,10\n2025-01-28,11\n", "9999.HK")
    unknown = intraday_extreme_change(close_only, xhkg, d("2025-01-28"))
    assert unknown.pct is None and "close-only" in (unknown.reason or "")


def test_ex_dividend_day_has_an_unadjusted_change_too(xnys):
    # Ex-dividend on 2024-03-05: the quoted close drops by the 1.00 dividend, the adjusted one
    # does not.
    yahoo = (
        "Date,Close,Adj Close\n2024-03-04,50.0,49.0\n2024-03-05,49.5,49.5\n2024-03-06,50.0,50.0\n"
    )
    series = series_from(yahoo, "EXMP")
    adjusted = session_change(series, xnys, d("2024-03-05"))
    quoted = unadjusted_session_change(series, xnys, d("2024-03-05"))
    assert adjusted.pct == pytest.approx((49.5 / 49.0 - 1) * 100)
    assert quoted is not None and quoted.pct == pytest.approx(-1.0)
    assert unadjusted_session_change(series, xnys, d("2024-03-06")) is None
    # yfinance style: adjusted closes and a Dividends column.
    yf = "Date,Close,Dividends\n2024-03-04,49.0,0\n2024-03-05,49.5,0.98\n"
    from_dividend = unadjusted_session_change(series_from(yf, "EXMP"), xnys, d("2024-03-05"))
    assert from_dividend is not None
    # The quoted close before the ex-date was 49.0 + 0.98.
    assert from_dividend.pct == pytest.approx((49.5 / 49.98 - 1) * 100)
