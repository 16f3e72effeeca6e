"""The shipped exchange-rate table and lookups with their fallback to a neighbouring month."""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest

from tickerwire.checks.fx_rates import FxTable, load_fx_table, month_index, parse_fx_csv

REQUIRED = {"CNY", "HKD", "JPY", "EUR", "GBP", "TWD", "KRW", "INR", "CAD", "AUD", "CHF", "SGD"}

# Bands around the range the monthly averages of 2015-01..2026-10 actually spanned (units per USD),
# about 10% wider on each side: a row outside its band is a typing or inversion slip.
PLAUSIBLE = {
    "CNY": (5.6, 8.0),
    "HKD": (7.7, 7.9),
    "JPY": (90, 180),
    "EUR": (0.73, 1.12),
    "GBP": (0.58, 0.97),
    "TWD": (27, 35),
    "KRW": (950, 1700),
    "INR": (55, 105),
    "CAD": (1.1, 1.6),
    "AUD": (1.1, 1.8),
    "CHF": (0.7, 1.12),
    "SGD": (1.14, 1.58),
}


def _shipped_rows() -> list[dict[str, str]]:
    text = resources.files("tickerwire.checks").joinpath("data/fx_monthly.csv").read_text()
    return list(csv.DictReader(io.StringIO(text)))


def test_shipped_table_covers_the_required_currencies_from_2015() -> None:
    table = load_fx_table()
    assert table.currencies >= REQUIRED | {"USD"}
    for currency in REQUIRED:
        assert table.rate(currency, "2015-01") is not None, currency
        assert table.rate(currency, "2015-01").months_away == 0  # type: ignore[union-attr]


def test_shipped_rows_are_unique_plausible_and_sourced() -> None:
    rows = _shipped_rows()
    keys = [(r["period"], r["currency"]) for r in rows]
    assert len(keys) == len(set(keys))
    for row in rows:
        low, high = PLAUSIBLE[row["currency"]]
        assert low <= float(row["units_per_usd"]) <= high, row
        assert row["source"] in ("fed_h10", "ecb_cross"), row


def test_shipped_months_never_jump_more_than_history_allows() -> None:
    # The largest month-on-month move of any of these currencies since 2015 is under 9%
    # (measured on the table itself); a bigger step means a slipped digit.
    by_currency: dict[str, dict[int, float]] = {}
    for row in _shipped_rows():
        by_currency.setdefault(row["currency"], {})[month_index(row["period"])] = float(
            row["units_per_usd"]
        )
    for currency, months in by_currency.items():
        for index, value in months.items():
            if index - 1 in months:
                assert abs(value / months[index - 1] - 1) < 0.09, (currency, index)


def test_shipped_table_holds_known_monthly_averages() -> None:
    table = load_fx_table()
    # H.10 monthly averages (FRED EXCHUS, EXJPUS) and the ECB-derived figure for 2025-08.
    assert table.rate("CNY", "2019-09").units_per_usd == pytest.approx(7.1137)  # type: ignore[union-attr]
    assert table.rate("JPY", "2024-07").units_per_usd == pytest.approx(157.5182)  # type: ignore[union-attr]
    assert table.rate("CNY", "2025-08").units_per_usd == pytest.approx(7.17, abs=0.01)  # type: ignore[union-attr]


def test_usd_is_one_and_unknown_currencies_have_no_rate(small_table: FxTable) -> None:
    assert small_table.rate("USD", "1999-01").units_per_usd == 1.0  # type: ignore[union-attr]
    assert small_table.rate("BRL", "2024-03") is None


def test_a_missing_month_falls_back_at_most_three_months(small_table: FxTable) -> None:
    june = small_table.rate("JPY", "2024-06")
    assert june is not None
    assert (june.period, june.months_away) == ("2024-03", 3)
    assert small_table.rate("JPY", "2024-07") is None
    assert small_table.rate("CNY", "2024-12") is None


def test_of_two_equally_near_months_the_earlier_wins() -> None:
    table = FxTable.from_rows([("2024-01", "KRW", 1300.0, "x"), ("2024-03", "KRW", 1400.0, "x")])
    middle = table.rate("KRW", "2024-02")
    assert middle is not None
    assert (middle.period, middle.units_per_usd) == ("2024-01", 1300.0)


def test_last_period_is_the_latest_month_of_any_currency(small_table: FxTable) -> None:
    assert small_table.last_period() == "2024-12"
    assert FxTable.from_rows([]).last_period() is None


def test_parse_rejects_a_non_positive_rate() -> None:
    with pytest.raises(ValueError, match="CNY"):
        parse_fx_csv("period,currency,units_per_usd,source\n2024-01,CNY,0,x\n")
