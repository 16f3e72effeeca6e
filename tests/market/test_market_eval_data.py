"""The figures issue 5 must show, on the real price files in shared/eval-data (skipped without)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tickerwire.market.calendars import trading_calendars
from tickerwire.market.claims import IndexClaim, PriceClaim
from tickerwire.market.coverage import infer_closures
from tickerwire.market.index_checks import check_index_claim
from tickerwire.market.market_dating import date_by_market
from tickerwire.market.price_files import read_price_file
from tickerwire.market.provider import FilePriceProvider
from tickerwire.market.verification import check_price_claim


def _eval_data() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "eval-data"
        if (candidate / "hk-index-and-9988-2025ext").is_dir():
            return candidate
    return None


EVAL_DATA = _eval_data()
pytestmark = pytest.mark.skipif(EVAL_DATA is None, reason="shared/eval-data is not present")


@pytest.fixture(scope="module")
def prices() -> FilePriceProvider:
    assert EVAL_DATA is not None
    ext = EVAL_DATA / "hk-index-and-9988-2025ext"
    return FilePriceProvider(
        [
            read_price_file(EVAL_DATA / "hk-hsi-constituents-yf" / "daily" / "9988.HK.csv"),
            read_price_file(ext / "9988HK_close_2025-06_to_2025-12.csv", "9988.HK"),
            read_price_file(ext / "HSI_close_2024_2025.csv", "HSI"),
            read_price_file(ext / "BABA_close_2025.csv", "BABA"),
        ]
    )


def _check(prices, listing, day, pct):
    return check_price_claim(PriceClaim("seed", listing, dt.date.fromisoformat(day), pct), prices)


def test_9988_plus_15_on_2025_02_21_is_consistent_and_9_18_is_not(prices):
    fifteen = _check(prices, "9988.HK", "2025-02-21", 15.0).record
    assert fifteen.verdict == "consistent"
    assert fifteen.actual_pct == pytest.approx(14.56, abs=0.01)
    assert fifteen.abnormal_pct == pytest.approx(14.56 - 3.99, abs=0.02)
    nine = _check(prices, "9988.HK", "2025-02-21", 9.18).record
    assert nine.verdict == "inconsistent"


def test_9988_plus_19_on_2025_09_01_is_consistent_across_the_spliced_files(prices):
    check = _check(prices, "9988.HK", "2025-09-01", 19.0)
    assert check.record.verdict == "consistent"
    assert check.record.actual_pct == pytest.approx(18.50, abs=0.01)
    assert check.market is not None and check.market.index == "HSI"
    assert check.model is not None and check.model.t_stat > 3


def test_baba_plus_13_on_2025_08_29_is_consistent(prices):
    record = _check(prices, "BABA", "2025-08-29", 13.0).record
    assert record.verdict == "consistent"
    assert record.actual_pct == pytest.approx(12.90, abs=0.01)


def test_hsi_figures_of_2025_08_25_under_2025_09_01_are_flagged(prices):
    claim = IndexClaim("seed", "HSI", dt.date(2025, 9, 1), 1.94, level=25829.91)
    record = check_index_claim(claim, prices).record
    assert record.verdict == "inconsistent"
    assert "these are the figures of 2025-08-25" in record.why


def test_an_undated_19_percent_session_is_dated_2025_09_01_by_the_market(prices):
    calendar = trading_calendars().get("XHKG")
    series = prices.series("9988.HK")
    assert series is not None
    for start, end in (
        (dt.date(2025, 6, 1), dt.date(2025, 12, 31)),
        (dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
    ):
        dating = date_by_market(series, calendar, 19.0, start, end)
        assert dating.date == dt.date(2025, 9, 1), dating.evidence
        assert dating.confidence > 0.5
    # A 15% claim in the same year: 2025-02-21 (+14.56%) is the only session that close.
    feb = date_by_market(series, calendar, 15.0, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert feb.date == dt.date(2025, 2, 21)


def test_typhoon_closures_are_read_from_several_hong_kong_files():
    assert EVAL_DATA is not None
    daily = EVAL_DATA / "hk-hsi-constituents-yf" / "daily"
    tables = [read_price_file(daily / f"{code}.HK.csv") for code in ("0005", "0700", "9988")]
    closures = infer_closures(tables, trading_calendars())
    assert closures == {"XHKG": frozenset({dt.date(2023, 9, 1), dt.date(2023, 9, 8)})}
