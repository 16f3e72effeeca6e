"""Monthly average exchange rates (units of a currency per US dollar), loaded once.

The table is a data file of facts shipped with the package (`data/fx_monthly.csv`; where the
figures come from is in `data/README.md`). Loading is the only I/O here; lookups are pure.

A month missing from the table falls back to the nearest month that has a rate, at most
`MAX_FALLBACK_MONTHS` away; past that a lookup answers None and the caller abstains. It never
interpolates or invents a rate.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType

MAX_FALLBACK_MONTHS = 3

SOURCE_NAMES: Mapping[str, str] = MappingProxyType(
    {
        "fed_h10": "Federal Reserve H.10",
        "ecb_cross": "ECB reference rates, crossed through the euro",
    }
)


def month_index(period: str) -> int:
    """ "2025-08" -> a month count, so that neighbouring months differ by one."""
    year, month = period.split("-")
    return int(year) * 12 + int(month) - 1


def month_label(index: int) -> str:
    """The inverse of `month_index`."""
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


def month_of(day: dt.date) -> str:
    """ "YYYY-MM" of a date."""
    return f"{day.year:04d}-{day.month:02d}"


@dataclass(frozen=True)
class MonthlyRate:
    """A currency's average rate in one month, and how far that month is from the one asked."""

    currency: str
    period: str
    units_per_usd: float
    source: str
    months_away: int = 0


@dataclass(frozen=True)
class FxTable:
    """Monthly average rates by currency; USD is 1 by definition."""

    rates: Mapping[str, Mapping[int, tuple[float, str]]]

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, str, float, str]]) -> FxTable:
        """Build from (period "YYYY-MM", currency, units per USD, source) rows."""
        by_currency: dict[str, dict[int, tuple[float, str]]] = {}
        for period, currency, value, source in rows:
            if value <= 0:
                raise ValueError(f"fx table: non-positive rate for {currency} in {period}")
            by_currency.setdefault(currency, {})[month_index(period)] = (value, source)
        return cls(
            rates=MappingProxyType(
                {code: MappingProxyType(months) for code, months in by_currency.items()}
            )
        )

    @property
    def currencies(self) -> frozenset[str]:
        return frozenset(self.rates) | {"USD"}

    def rate(self, currency: str, period: str) -> MonthlyRate | None:
        """The rate of `currency` in `period`, or in the nearest month within the fallback range.

        Of two months equally near, the earlier wins (its average is final; a later month may be
        partial in the source).
        """
        if currency == "USD":
            return MonthlyRate("USD", period, 1.0, "definition")
        months = self.rates.get(currency)
        if months is None:
            return None
        wanted = month_index(period)
        for distance in range(MAX_FALLBACK_MONTHS + 1):
            for index in (wanted - distance, wanted + distance):
                if index in months:
                    value, source = months[index]
                    return MonthlyRate(currency, month_label(index), value, source, distance)
        return None

    def last_period(self) -> str | None:
        """The latest month any currency has."""
        ends = [max(months) for months in self.rates.values() if months]
        return month_label(max(ends)) if ends else None


def parse_fx_csv(text: str) -> FxTable:
    """Parse the CSV format of `data/fx_monthly.csv` (period, currency, units_per_usd, source)."""
    reader = csv.DictReader(io.StringIO(text))
    return FxTable.from_rows(
        (row["period"], row["currency"], float(row["units_per_usd"]), row["source"])
        for row in reader
    )


@functools.lru_cache(maxsize=1)
def load_fx_table() -> FxTable:
    """The table shipped with the package, read once per process."""
    data = resources.files("tickerwire.checks").joinpath("data/fx_monthly.csv")
    return parse_fx_csv(data.read_text(encoding="utf-8"))
