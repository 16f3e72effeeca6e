"""Daily prices of one listing: a file's rows (`PriceTable`) and files spliced (`PriceSeries`).

Price files from Yahoo are dividend-adjusted as of the day they were pulled, so two files of the
same listing pulled on different days differ in level by a constant factor between dividends
(the two 9988.HK files in eval-data: 0.99788 before the 2025-06-11 ex-date, 0.99888 after). Their
levels must never be mixed; their returns can. A `PriceSeries` therefore keeps each file's rows
apart and answers "what is the close-to-close ratio from day A to day B": from one file holding
both days when there is one (preferred file first), otherwise by chaining ratios across a seam
day that two files share. Levels (a close, a high) always come from one file.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class PriceBar:
    """One trading day of one file.

    `close` is the file's Close as written (the level a reader quotes); `adj_close` is the basis
    of returns: the file's Adj Close when it has one, else its Close. `open`/`high`/`low` are in the
    same basis as `close`. `dividend` is the cash dividend going ex on this day when the file says.
    """

    date: dt.date
    close: float
    adj_close: float
    open: float | None = None
    high: float | None = None
    low: float | None = None
    volume: float | None = None
    dividend: float | None = None


@dataclass(frozen=True)
class PriceTable:
    """The rows of one price file for one ticker, sorted by date, one row per date."""

    ticker: str
    source: str
    bars: tuple[PriceBar, ...]
    has_adj_close: bool = False
    skipped_rows: int = 0
    _dates: tuple[dt.date, ...] = field(default=(), repr=False, compare=False)
    _by_date: dict[dt.date, PriceBar] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_dates", tuple(bar.date for bar in self.bars))
        self._by_date.update((bar.date, bar) for bar in self.bars)

    @property
    def first(self) -> dt.date:
        return self.bars[0].date

    @property
    def last(self) -> dt.date:
        return self.bars[-1].date

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return self._dates

    @property
    def has_highs(self) -> bool:
        """True when the file gives intraday highs and lows (not a close-only file)."""
        return any(bar.high is not None for bar in self.bars)

    def bar(self, day: dt.date) -> PriceBar | None:
        return self._by_date.get(day)

    def latest_shared_date(
        self, other: PriceTable, after: dt.date, before: dt.date
    ) -> dt.date | None:
        """The latest date strictly between `after` and `before` that both tables hold."""
        lo = bisect.bisect_right(self._dates, after)
        hi = bisect.bisect_left(self._dates, before)
        for index in range(hi - 1, lo - 1, -1):
            if other.bar(self._dates[index]) is not None:
                return self._dates[index]
        return None


def preference_key(table: PriceTable) -> tuple[int, int, str]:
    """Sort key that puts the preferred file first where files overlap.

    A file with highs and lows beats a close-only one (it can check intraday claims, and close-only
    files in eval-data are hand-copied subsets), then the longer file, then the name for ties.
    """
    return (0 if table.has_highs else 1, -len(table.bars), table.source)


@dataclass(frozen=True)
class SpliceReport:
    """How two files of one ticker fit together where they overlap."""

    preferred: str
    other: str
    overlap_days: int
    max_return_gap_pp: float | None
    level_ratio: float | None

    def describe(self) -> str:
        if self.overlap_days == 0:
            return (
                f"{self.other} does not overlap {self.preferred}: returns across the join are "
                "unknown"
            )
        agree = (
            ""
            if self.max_return_gap_pp is None
            else f", daily returns agree within {self.max_return_gap_pp:.3f} pp"
        )
        ratio = "" if self.level_ratio is None else f", level ratio {self.level_ratio:.5f}"
        return (
            f"{self.other} overlaps {self.preferred} on {self.overlap_days} "
            f"day{'' if self.overlap_days == 1 else 's'}{agree}{ratio}; "
            f"{self.preferred} is used there and returns are chained across the seam"
        )


@dataclass(frozen=True)
class PriceSeries:
    """All loaded prices of one ticker: its files in order of preference.

    Build with `PriceSeries.from_tables`, which orders the files by `preference_key`.
    """

    ticker: str
    tables: tuple[PriceTable, ...]

    @classmethod
    def from_tables(cls, ticker: str, tables: Iterable[PriceTable]) -> PriceSeries:
        ordered = tuple(sorted((t for t in tables if t.bars), key=preference_key))
        return cls(ticker=ticker, tables=ordered)

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(table.source for table in self.tables)

    @property
    def first(self) -> dt.date | None:
        return min((t.first for t in self.tables), default=None)

    @property
    def last(self) -> dt.date | None:
        return max((t.last for t in self.tables), default=None)

    def dates(self) -> list[dt.date]:
        """Every date some file holds, sorted."""
        return sorted({d for table in self.tables for d in table.dates})

    def bar(self, day: dt.date) -> PriceBar | None:
        """The bar of `day` from the preferred file holding it (levels: quote them as is)."""
        for table in self.tables:
            bar = table.bar(day)
            if bar is not None:
                return bar
        return None

    def table_with(self, *days: dt.date) -> PriceTable | None:
        """The preferred file holding every one of `days`."""
        for table in self.tables:
            if all(table.bar(day) is not None for day in days):
                return table
        return None

    def close_ratio(self, start: dt.date, end: dt.date) -> float | None:
        """Adjusted close of `end` over adjusted close of `start`, or None when unknown.

        From one file holding both days when one does (preferred first); otherwise chained across
        days shared by two files (a seam), at most once per file. Missing days are never bridged
        by another day's price: without a close on `start` and on `end` the ratio is unknown.
        """
        if start == end:
            return 1.0 if self.bar(start) is not None else None
        return self._chained_ratio(start, end, depth=len(self.tables))

    def _chained_ratio(self, start: dt.date, end: dt.date, depth: int) -> float | None:
        direct = self.table_with(start, end)
        if direct is not None:
            return _ratio(direct, start, end)
        if depth <= 1:
            return None
        for table in self.tables:
            if table.bar(start) is None:
                continue
            for other in self.tables:
                if other is table:
                    continue
                seam = table.latest_shared_date(other, start, end)
                if seam is None:
                    continue
                rest = self._chained_ratio(seam, end, depth - 1)
                if rest is not None:
                    return _ratio(table, start, seam) * rest
        return None

    def splice_reports(self) -> list[SpliceReport]:
        """How each further file fits the preferred one (for summaries and warnings)."""
        if len(self.tables) < 2:
            return []
        base = self.tables[0]
        return [splice_report(base, other) for other in self.tables[1:]]


def _ratio(table: PriceTable, start: dt.date, end: dt.date) -> float:
    first, last = table.bar(start), table.bar(end)
    assert first is not None and last is not None
    return last.adj_close / first.adj_close


def splice_report(preferred: PriceTable, other: PriceTable) -> SpliceReport:
    """Compare two files of one ticker on the days they share."""
    shared = [d for d in preferred.dates if other.bar(d) is not None]
    if not shared:
        return SpliceReport(preferred.source, other.source, 0, None, None)
    gaps: list[float] = []
    for previous, day in itertools.pairwise(shared):
        mine = _ratio(preferred, previous, day)
        theirs = _ratio(other, previous, day)
        gaps.append(abs(mine - theirs) * 100.0)
    last = shared[-1]
    mine_bar, their_bar = preferred.bar(last), other.bar(last)
    assert mine_bar is not None and their_bar is not None
    return SpliceReport(
        preferred=preferred.source,
        other=other.source,
        overlap_days=len(shared),
        max_return_gap_pp=max(gaps) if gaps else None,
        level_ratio=their_bar.adj_close / mine_bar.adj_close,
    )


def build_series(tables: Sequence[PriceTable]) -> dict[str, PriceSeries]:
    """Group tables by ticker into spliced PriceSeries."""
    grouped: dict[str, list[PriceTable]] = {}
    for table in tables:
        grouped.setdefault(table.ticker, []).append(table)
    return {ticker: PriceSeries.from_tables(ticker, group) for ticker, group in grouped.items()}
