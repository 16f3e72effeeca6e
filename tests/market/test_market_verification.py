import pytest
from market_fixtures import d, table_from

from tickerwire.market.calendars import session_for_weekday
from tickerwire.market.claims import IndexClaim, PriceClaim
from tickerwire.market.index_checks import check_index_claim
from tickerwire.market.provider import FilePriceProvider
from tickerwire.market.tolerance import change_tolerance, decimals_written, level_tolerance
from tickerwire.market.verification import check_price_claim, verify_price_claim
from tickerwire.records import Event, Evidence


def claim(day, pct, **kwargs):
    return PriceClaim(
        article="art1", listing="9999.HK", date=d(day) if day else None, change_pct=pct, **kwargs
    )


def test_tolerances_follow_the_written_precision():
    assert decimals_written(19.0) == 0 and decimals_written(9.18) == 2
    assert change_tolerance(19.0).pp == pytest.approx(0.95)
    assert change_tolerance(2.0).pp == pytest.approx(0.6)
    assert change_tolerance(0.5).pp == pytest.approx(0.15)
    assert change_tolerance(9.18).pp == pytest.approx(0.105)
    assert change_tolerance(14.6).pp == pytest.approx(0.292)
    assert change_tolerance(3.0, approximate=True).pp == pytest.approx(1.0)
    assert level_tolerance(25829.91) == pytest.approx(2.582991)


def test_a_rounded_claim_within_tolerance_is_consistent_with_market_figures(hk_prices):
    result = check_price_claim(claim("2025-02-03", 5.0), hk_prices)
    record = result.record
    assert record.verdict == "consistent"
    assert record.actual_pct == pytest.approx(5.0)
    assert record.abnormal_pct == pytest.approx(3.0)  # the HSI rose 2% that day
    assert "2025-01-28 -> 2025-02-03" in record.why and "HSI +2.00%" in record.why


def test_a_precise_claim_that_misses_is_inconsistent(hk_prices):
    record = verify_price_claim(claim("2025-02-03", 4.71), hk_prices)
    assert record.verdict == "inconsistent"
    assert "two-decimal" in record.why and "0.29 pp apart" in record.why


def test_a_whole_number_claim_off_by_a_point_is_inconsistent_unless_approximate(hk_prices):
    assert verify_price_claim(claim("2025-02-03", 6.0), hk_prices).verdict == "inconsistent"
    about = verify_price_claim(claim("2025-02-03", 6.0, approximate=True), hk_prices)
    assert about.verdict == "consistent"


def test_the_wrong_direction_is_inconsistent(hk_prices):
    assert verify_price_claim(claim("2025-02-03", -5.0), hk_prices).verdict == "inconsistent"


@pytest.mark.parametrize(
    ("day", "reason"),
    [
        ("2025-01-30", "holiday"),
        ("2025-01-25", "Saturday"),
        ("2025-01-23", "no price for 9999.HK on 2025-01-23"),
        ("2025-01-24", "2025-01-23, the previous session"),
        ("2025-02-05", "prices end on 2025-02-04"),
        (None, "trading day is unknown"),
    ],
)
def test_unknown_days_and_missing_prices_are_unverifiable_and_say_which(hk_prices, day, reason):
    record = verify_price_claim(claim(day, 3.0), hk_prices)
    assert record.verdict == "unverifiable" and reason in record.why
    assert record.actual_pct is None


def test_a_listing_without_prices_is_unverifiable(hk_prices):
    record = verify_price_claim(PriceClaim("art1", "0700.HK", d("2025-02-03"), 5.0), hk_prices)
    assert record.verdict == "unverifiable" and "no prices loaded for 0700.HK" in record.why


def test_a_half_day_is_verified_and_noted(hk_prices):
    record = verify_price_claim(claim("2025-01-28", 2.5), hk_prices)
    assert record.verdict == "consistent" and "half-day" in record.why


def test_on_monday_written_on_a_weekend_resolves_then_verifies(hk_prices):
    # A story dated Saturday 2025-02-08 says the shares jumped 5% "on Monday".
    day = session_for_weekday("XHKG", d("2025-02-08"), 0)
    assert day == d("2025-02-03")
    record = verify_price_claim(PriceClaim("art1", "9999.HK", day, 5.0), hk_prices)
    assert record.verdict == "consistent"


def test_a_figure_of_the_neighbouring_day_is_named(hk_prices):
    # 2025-02-04 fell 2.1%; a story puts the Monday rise of 5% on Tuesday.
    record = verify_price_claim(claim("2025-02-04", 5.0), hk_prices)
    assert record.verdict == "inconsistent" and "2025-02-03" in record.why


def test_as_much_as_is_checked_against_the_high(hk_prices):
    peak = verify_price_claim(claim("2025-02-03", 7.0, period="intraday", peak=True), hk_prices)
    assert peak.verdict == "consistent" and "high was +6.85%" in peak.why
    too_high = claim("2025-02-03", 9.0, period="intraday", peak=True)
    assert verify_price_claim(too_high, hk_prices).verdict == "inconsistent"
    # A snapshot inside the day's range is true at some point of the session.
    snapshot = claim("2025-02-03", 4.0, period="intraday")
    assert verify_price_claim(snapshot, hk_prices).verdict == "consistent"


def test_as_much_as_needs_highs():
    close_only = FilePriceProvider(
        [table_from("Date,Close\n2025-01-27,10\n2025-01-28,11\n", "9999.HK")]
    )
    record = verify_price_claim(claim("2025-01-28", 10.0, period="intraday", peak=True), close_only)
    assert record.verdict == "unverifiable" and "close-only" in record.why


def test_periods_without_daily_prices_are_unverifiable(hk_prices):
    record = verify_price_claim(claim("2025-02-03", 2.0, period="premarket"), hk_prices)
    assert record.verdict == "unverifiable" and "pre" in record.why


def test_year_to_date_claim():
    text = "Date,Close\n2024-12-31,52\n2025-01-02,53\n2025-03-03,65\n"
    prices = FilePriceProvider([table_from(text, "9999.HK")])
    record = verify_price_claim(claim("2025-03-03", 25.0, period="year_to_date"), prices)
    assert record.verdict == "consistent" and record.actual_pct == pytest.approx(25.0)


def test_an_ex_dividend_day_accepts_the_quoted_close_change(xnys):
    text = "Date,Close,Adj Close\n2024-03-04,50.0,48.0\n2024-03-05,48.0,48.0\n"
    prices = FilePriceProvider([table_from(text, "EXMP")])
    record = verify_price_claim(PriceClaim("a", "EXMP", d("2024-03-05"), -4.0), prices)
    assert record.verdict == "consistent" and "unadjusted" in record.why
    assert record.actual_pct == pytest.approx(0.0)


def test_claims_from_extracted_events():
    evidence = Evidence(start=0, end=40, text="shares rose as much as 7% in early trade")
    event = Event(
        type="price_move",
        entity="example",
        date=d("2025-02-03"),
        evidence=evidence,
        confidence=0.8,
        attributes={
            "listing": "9999.HK",
            "direction": "up",
            "change_pct": 7.0,
            "period": "intraday",
            "approximate": False,
        },
    )
    parsed = PriceClaim.from_event("art9", event)
    assert parsed is not None and parsed.peak and parsed.period == "intraday"
    no_listing = event.model_copy(update={"attributes": {"change_pct": 7.0}})
    assert PriceClaim.from_event("art9", no_listing) is None
    assert IndexClaim.from_event("art9", event) is None


def test_an_index_level_and_change_of_another_day_are_named(hk_prices):
    # The figures of 2025-02-03 (+2.00% to 20,400) reported as 2025-02-04's.
    stale = IndexClaim("art1", "HSI", d("2025-02-04"), 2.0, level=20400.0)
    record = check_index_claim(stale, hk_prices).record
    assert record.verdict == "inconsistent"
    assert "these are the figures of 2025-02-03" in record.why
    right = IndexClaim("art1", "HSI", d("2025-02-03"), 2.0, level=20400.0)
    assert check_index_claim(right, hk_prices).record.verdict == "consistent"
    # Only the level fits another day: said more cautiously.
    level_only = IndexClaim("art1", "HSI", d("2025-02-04"), 0.5, level=19950.0)
    why = check_index_claim(level_only, hk_prices).record.why
    assert "the level is the close of 2025-01-24" in why
    no_index = IndexClaim("art1", "SPX", d("2025-02-03"), 1.0)
    assert check_index_claim(no_index, hk_prices).record.verdict == "unverifiable"


def test_index_moves_over_several_sessions_are_checked_like_listings(hk_prices):
    since = IndexClaim("art1", "HSI", d("2025-02-04"), 1.5, period="since", since=d("2025-01-20"))
    record = check_index_claim(since, hk_prices).record
    assert record.verdict == "consistent"
    assert record.actual_pct == pytest.approx((20196 / 19900 - 1) * 100)
    assert record.abnormal_pct is None  # the index is the market


def test_dates_in_attributes_may_be_iso_strings():
    evidence = Evidence(start=0, end=10, text="up 46% since mid-January")
    event = Event(
        type="price_move",
        entity="example",
        date=d("2025-02-21"),
        evidence=evidence,
        confidence=0.7,
        attributes={
            "listing": "9999.HK",
            "change_pct": 46.0,
            "period": "since",
            "since": "2025-01-13",
        },
    )
    parsed = PriceClaim.from_event("art2", event)
    assert parsed is not None and parsed.since == d("2025-01-13")


# A US listing over a year: closes in both quoted and adjusted form (a 1.00 dividend went ex on
# 2024-02-09, so adjusted closes before it are 1% lower).
YEAR_FILE = """Date,Close,Adj Close
2023-01-26,100.0,99.0
2023-01-27,101.0,99.99
2023-01-30,102.0,100.98
2024-01-26,128.0,128.0
2024-01-29,126.0,126.0
2024-01-30,125.0,125.0
"""


def test_undated_period_claims_are_measured_to_the_last_closes_before_publication():
    from tickerwire.market.verification import check_claim_as_of

    prices = FilePriceProvider([table_from(YEAR_FILE, "EXMP")])
    # Published Wednesday 2024-01-31: the last three sessions are 01-30, 01-29, 01-26.
    fits_older = PriceClaim("a", "EXMP", None, 29.3, period="year_over_year")
    record = check_claim_as_of(fits_older, prices, d("2024-01-31")).record
    assert record.verdict == "consistent" and record.date == d("2024-01-26")
    assert "date assumed: 2024-01-26, session 3" in record.why
    stale = PriceClaim("a", "EXMP", None, 31.3, period="year_over_year")
    record = check_claim_as_of(stale, prices, d("2024-01-31")).record
    assert record.verdict == "inconsistent" and record.date == d("2024-01-30")
    assert "none of the last 3 fits" in record.why


def test_multi_day_claims_accept_the_quoted_close_reading():
    prices = FilePriceProvider([table_from(YEAR_FILE, "EXMP")])
    # Over the year to 2024-01-30: quoted closes 125 / 102 = +22.55%; adjusted +23.79%.
    quoted = PriceClaim("a", "EXMP", d("2024-01-30"), 22.5, period="year_over_year")
    record = verify_price_claim(quoted, prices)
    assert record.verdict == "consistent" and "unadjusted close" in record.why
    assert record.actual_pct == pytest.approx((125 / 100.98 - 1) * 100)
