"""Where prices come from: the `PriceProvider` protocol and its in-memory implementation.

Every computation in `tickerwire.market` asks a PriceProvider for a listing's `PriceSeries`, so
the source can change without touching them: `FilePriceProvider` holds files loaded in this
process; a store-backed provider (the DuckDB tables written by `tickerwire prices load`) and an
online one can follow with the same two methods.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Protocol, runtime_checkable

from tickerwire.link.reference import ReferenceData
from tickerwire.market.calendars import TradingCalendars
from tickerwire.market.price_files import normalise_ticker, read_price_file
from tickerwire.market.series import PriceSeries, PriceTable, build_series


@runtime_checkable
class PriceProvider(Protocol):
    """A source of daily prices by ticker."""

    def series(self, ticker: str) -> PriceSeries | None:
        """All known prices of `ticker` (contract spelling: `9988.HK`, `BABA`, `HSI`), or None."""
        ...

    def tickers(self) -> tuple[str, ...]:
        """The tickers this provider has prices for (an online provider may answer more)."""
        ...


class FilePriceProvider:
    """Prices held in memory, from tables already read (see `load_price_files`)."""

    def __init__(self, tables: Iterable[PriceTable] = ()) -> None:
        self._tables = tuple(tables)
        self._series: Mapping[str, PriceSeries] = build_series(self._tables)

    @property
    def tables(self) -> tuple[PriceTable, ...]:
        return self._tables

    def series(self, ticker: str) -> PriceSeries | None:
        return self._series.get(normalise_ticker(ticker))

    def tickers(self) -> tuple[str, ...]:
        return tuple(sorted(self._series))

    def with_tables(self, tables: Iterable[PriceTable]) -> FilePriceProvider:
        """A new provider holding these tables as well as this one's."""
        return FilePriceProvider((*self._tables, *tables))


class RenamedLinePrices:
    """A provider that finds a line's prices under any ticker it traded under.

    Claims carry the ticker of the article's day (a February 2024 story says `NYCB`), while price
    history is usually loaded under today's ticker (`FLG`), or the other way round. `series`
    answers a ticker from the prices loaded under it, else from those of the same line's other
    tickers in the reference data.
    """

    def __init__(self, prices: PriceProvider, reference: ReferenceData) -> None:
        self._prices = prices
        self._reference = reference

    def series(self, ticker: str) -> PriceSeries | None:
        found = self._prices.series(ticker)
        if found is not None:
            return found
        line = self._reference.by_ticker(ticker)
        if line is None:
            return None
        for other in line[1].all_tickers:
            if other.upper() != ticker.upper():
                found = self._prices.series(other)
                if found is not None:
                    return found
        return None

    def tickers(self) -> tuple[str, ...]:
        return self._prices.tickers()


def load_price_files(
    paths: Iterable[str | Path],
    ticker: str | None = None,
    *,
    calendars: TradingCalendars | None = None,
) -> FilePriceProvider:
    """Read price files into a FilePriceProvider; raises PriceDataError on the first bad file."""
    return FilePriceProvider(read_price_file(p, ticker, calendars=calendars) for p in paths)
