import pytest
from market_fixtures import HK_LUNAR_CSV, d, series_from

from tickerwire.market.market_dating import date_by_market

QUIET_THEN_JUMP = """Date,Close
2025-08-25,100.0
2025-08-26,100.5
2025-08-27,100.0
2025-08-28,99.6
2025-08-29,100.0
2025-09-01,119.0
2025-09-02,118.0
"""


def test_one_fitting_session_dates_the_move_with_evidence(xhkg):
    series = series_from(QUIET_THEN_JUMP, "9999.HK")
    dating = date_by_market(series, xhkg, 19.0, d("2025-08-26"), d("2025-09-02"))
    assert dating.date == d("2025-09-01")
    assert dating.confidence == pytest.approx(0.9)
    assert "+19.00% on 2025-09-01" in dating.evidence and "only session" in dating.evidence


def test_several_fitting_sessions_leave_the_story_undated(hk_prices, xhkg):
    series = hk_prices.series("9999.HK")
    # +1.25% on 01-21 and +1.19% on 01-27 both round to 1%.
    dating = date_by_market(series, xhkg, 1.0, d("2025-01-20"), d("2025-02-04"))
    assert dating.date is None and dating.confidence == 0.0
    assert {c.date for c in dating.fits} == {d("2025-01-21"), d("2025-01-27")}
    # "on Monday" keeps Mondays only: 01-27 is the one priced Monday that fits.
    monday = date_by_market(series, xhkg, 1.0, d("2025-01-20"), d("2025-02-04"), weekday=0)
    assert monday.date == d("2025-01-27")


def test_unpriced_sessions_lower_the_confidence(xhkg):
    series = series_from(HK_LUNAR_CSV, "9999.HK")
    dating = date_by_market(series, xhkg, 5.0, d("2025-01-20"), d("2025-02-04"))
    assert dating.date == d("2025-02-03")
    assert dating.sessions_without_prices == 3  # 01-20 (no base), 01-23, 01-24
    assert dating.confidence < 0.9 * 6 / 9 + 1e-9
    assert "without prices" in dating.evidence


def test_no_fit_and_opposite_moves_do_not_date(xhkg):
    series = series_from(QUIET_THEN_JUMP, "9999.HK")
    assert date_by_market(series, xhkg, 9.0, d("2025-08-26"), d("2025-09-02")).date is None
    assert date_by_market(series, xhkg, -19.0, d("2025-08-26"), d("2025-09-02")).date is None
    outside = date_by_market(series, xhkg, 19.0, d("2025-10-01"), d("2025-10-31"))
    assert outside.date is None and "no prices" in outside.evidence


def test_a_near_miss_halves_the_confidence(xhkg):
    text = QUIET_THEN_JUMP.replace("2025-08-27,100.0", "2025-08-27,118.0").replace(
        "2025-08-28,99.6", "2025-08-28,100.0"
    )
    series = series_from(text, "9999.HK")
    dating = date_by_market(series, xhkg, 19.0, d("2025-08-26"), d("2025-09-02"))
    # 08-27 rose 17.4%: outside the ±0.95 tolerance, inside twice it.
    assert dating.date == d("2025-09-01")
    assert dating.near_misses and dating.confidence == pytest.approx(0.45)


def test_dating_by_ticker_finds_prices_and_calendar(hk_prices):
    from tickerwire.market.market_dating import date_claim_by_market

    dating = date_claim_by_market("9999.HK", 5.0, hk_prices, d("2025-01-27"), d("2025-02-04"))
    assert not isinstance(dating, str) and dating.date == d("2025-02-03")
    missing = date_claim_by_market("0700.HK", 5.0, hk_prices, d("2025-01-27"), d("2025-02-04"))
    assert missing == "no prices loaded for 0700.HK"
