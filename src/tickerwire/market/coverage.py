"""How well a price file covers its exchange's sessions: missing sessions and off-calendar rows.

A missing session is a gap (its change and the next one are unknown); a row on a day the exchange
did not trade (a vendor's filler row on a holiday, or a file on another exchange's calendar) is
never used for a change, but worth telling the person who loaded the file.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from tickerwire.errors import CalendarError
from tickerwire.market.calendars import SessionCalendar, TradingCalendars
from tickerwire.market.series import PriceTable


@dataclass(frozen=True)
class Coverage:
    """One file's rows against its exchange's sessions between its first and last row."""

    source: str
    ticker: str
    mic: str
    first: dt.date
    last: dt.date
    rows: int
    sessions: int
    missing_sessions: tuple[dt.date, ...]
    off_calendar_rows: tuple[dt.date, ...]
    outside_calendar_rows: int
    has_highs: bool
    has_adj_close: bool
    skipped_rows: int

    def describe(self) -> str:
        kind = "OHLC" if self.has_highs else "close only"
        if self.has_adj_close:
            kind += ", Adj Close"
        lines = [
            f"{self.ticker} ({self.mic}) from {self.source}: {self.rows} rows "
            f"{self.first} .. {self.last} [{kind}]"
        ]
        if self.missing_sessions:
            shown = ", ".join(str(d) for d in self.missing_sessions[:5])
            more = " ..." if len(self.missing_sessions) > 5 else ""
            lines.append(
                f"  {len(self.missing_sessions)} of {self.sessions} sessions have no price "
                f"(changes there are unknown): {shown}{more}"
            )
        if self.off_calendar_rows:
            shown = ", ".join(str(d) for d in self.off_calendar_rows[:5])
            more = " ..." if len(self.off_calendar_rows) > 5 else ""
            lines.append(
                f"  {len(self.off_calendar_rows)} rows on days {self.mic} did not trade "
                f"(not used): {shown}{more}"
            )
        if self.outside_calendar_rows:
            lines.append(
                f"  {self.outside_calendar_rows} rows outside the calendar's range (not used)"
            )
        if self.skipped_rows:
            lines.append(f"  {self.skipped_rows} rows without a close skipped")
        return "\n".join(lines)


def table_coverage(table: PriceTable, calendar: SessionCalendar) -> Coverage:
    """Compare a table's dates with the sessions of `calendar` over the table's range."""
    inside = [d for d in table.dates if calendar.covers(d)]
    outside = len(table.dates) - len(inside)
    expected: tuple[dt.date, ...] = ()
    if inside:
        try:
            expected = calendar.sessions_between(inside[0], inside[-1])
        except CalendarError:
            expected = ()
    have = set(inside)
    missing = tuple(d for d in expected if d not in have)
    sessions = set(expected)
    off = tuple(d for d in inside if d not in sessions)
    return Coverage(
        source=table.source,
        ticker=table.ticker,
        mic=calendar.mic,
        first=table.first,
        last=table.last,
        rows=len(table.bars),
        sessions=len(expected),
        missing_sessions=missing,
        off_calendar_rows=off,
        outside_calendar_rows=outside,
        has_highs=table.has_highs,
        has_adj_close=table.has_adj_close,
        skipped_rows=table.skipped_rows,
    )


# Files of one exchange that must all lack a session (while covering it) before we call it an
# unscheduled closure. A vendor gap hits one file; the typhoon days of 2023-09-01 and 2023-09-08
# are missing from all 82 Hong Kong files in eval-data. Three keeps a pair of files from the same
# broken download from closing an exchange.
MIN_FILES_FOR_CLOSURE = 3


def infer_closures(
    tables: Sequence[PriceTable],
    calendars: TradingCalendars,
    min_files: int = MIN_FILES_FOR_CLOSURE,
) -> dict[str, frozenset[dt.date]]:
    """Sessions that every loaded file of an exchange lacks (at least `min_files` covering it).

    Feed the result to `TradingCalendars.with_closures` so that the change after a closure is
    measured from the last session that traded instead of being reported unknown.
    """
    by_mic: dict[str, list[PriceTable]] = {}
    for table in tables:
        try:
            mic = calendars.for_ticker(table.ticker).mic
        except CalendarError:
            continue
        by_mic.setdefault(mic, []).append(table)
    closures: dict[str, frozenset[dt.date]] = {}
    for mic, group in by_mic.items():
        if len(group) < min_files:
            continue
        calendar = calendars.get(mic)
        missing_counts: dict[dt.date, int] = {}
        traded: set[dt.date] = set()
        for table in group:
            coverage = table_coverage(table, calendar)
            for day in coverage.missing_sessions:
                missing_counts[day] = missing_counts.get(day, 0) + 1
            traded.update(table.dates)
        found = frozenset(
            day for day, count in missing_counts.items() if count >= min_files and day not in traded
        )
        if found:
            closures[mic] = found
    return closures
