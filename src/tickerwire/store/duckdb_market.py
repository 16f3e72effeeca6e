"""Market data in the DuckDB store: loaded price files, verdicts and market-inferred dates.

Functions of a connection (the store class stays about opening and lifetime). Price files are
stored apart, one `price_files` row and its `prices` rows per file, so that files of one ticker
pulled on different days (different adjustment bases) are spliced on returns when read, never
mixed in level. Loading a file again replaces its rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from tickerwire.market.price_files import normalise_ticker
from tickerwire.market.series import PriceBar, PriceSeries, PriceTable, build_series
from tickerwire.records import Event, Verification
from tickerwire.store.duckdb_reads import fetch_dicts
from tickerwire.store.duckdb_runs import utc_now
from tickerwire.store.rows import event_from_row
from tickerwire.store.story_refresh import refresh_stories

_BAR_FIELDS = ("open", "high", "low", "close", "adj_close", "volume", "dividend")


def has_table(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    """Whether the database has this table (older or partial schemas may not)."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]
    ).fetchone()
    return bool(row and row[0])


def store_price_table(con: duckdb.DuckDBPyConnection, table: PriceTable) -> int:
    """Store one file's rows, replacing what an earlier load of the same file stored."""
    con.begin()
    try:
        con.execute(
            "DELETE FROM prices WHERE ticker = ? AND source = ?", [table.ticker, table.source]
        )
        con.execute(
            "DELETE FROM price_files WHERE ticker = ? AND source = ?", [table.ticker, table.source]
        )
        con.execute(
            "INSERT INTO price_files VALUES (?, ?, ?, ?, ?)",
            [table.ticker, table.source, table.has_adj_close, table.skipped_rows, utc_now()],
        )
        columns = {name: [getattr(bar, name) for bar in table.bars] for name in _BAR_FIELDS}
        con.execute(
            """INSERT INTO prices
               SELECT $1, $2, unnest($3::DATE[]), unnest($4::DOUBLE[]), unnest($5::DOUBLE[]),
                      unnest($6::DOUBLE[]), unnest($7::DOUBLE[]), unnest($8::DOUBLE[]),
                      unnest($9::DOUBLE[]), unnest($10::DOUBLE[])""",
            [
                table.ticker,
                table.source,
                [bar.date for bar in table.bars],
                *(columns[name] for name in _BAR_FIELDS),
            ],
        )
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return len(table.bars)


def load_price_tables(
    con: duckdb.DuckDBPyConnection, tickers: Sequence[str] | None = None
) -> list[PriceTable]:
    """The stored price files (of `tickers` when given) as PriceTables."""
    if not has_table(con, "prices"):
        return []
    where, params = "", []
    if tickers is not None:
        where = "WHERE ticker IN (SELECT unnest($1::VARCHAR[]))"
        params = [[normalise_ticker(t) for t in tickers]]
    files = con.execute(
        f"SELECT ticker, source, has_adj_close, skipped_rows FROM price_files {where}", params
    ).fetchall()
    rows = con.execute(
        f"SELECT ticker, source, date, {', '.join(_BAR_FIELDS)} FROM prices {where} "
        "ORDER BY ticker, source, date",
        params,
    ).fetchall()
    bars: dict[tuple[str, str], list[PriceBar]] = {}
    for ticker, source, date, *values in rows:
        fields = dict(zip(_BAR_FIELDS, values, strict=True))
        bars.setdefault((ticker, source), []).append(PriceBar(date=date, **fields))
    return [
        PriceTable(
            ticker=ticker,
            source=source,
            bars=tuple(bars.get((ticker, source), ())),
            has_adj_close=bool(has_adj),
            skipped_rows=int(skipped),
        )
        for ticker, source, has_adj, skipped in files
        if bars.get((ticker, source))
    ]


class StoredPriceProvider:
    """A `PriceProvider` over the prices stored in the database (read once, when first asked)."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self._con = con
        self._series: dict[str, PriceSeries] | None = None

    def _all(self) -> dict[str, PriceSeries]:
        if self._series is None:
            self._series = build_series(load_price_tables(self._con))
        return self._series

    def series(self, ticker: str) -> PriceSeries | None:
        return self._all().get(normalise_ticker(ticker))

    def tickers(self) -> tuple[str, ...]:
        return tuple(sorted(self._all()))

    def tables(self) -> list[PriceTable]:
        """Every stored file, for coverage summaries."""
        return [table for series in self._all().values() for table in series.tables]


@dataclass(frozen=True)
class StoredVerification:
    """A verdict as stored: the record and the event it checks."""

    article_id: str
    position: int
    record: Verification


def replace_verifications(
    con: duckdb.DuckDBPyConnection, checked: Iterable[StoredVerification]
) -> int:
    """Store verdicts, replacing earlier verdicts of the same claims."""
    rows = list(checked)
    now = utc_now()
    con.begin()
    try:
        for item in rows:
            con.execute(
                "DELETE FROM verifications WHERE article_id = ? AND position = ?",
                [item.article_id, item.position],
            )
            r = item.record
            con.execute(
                "INSERT INTO verifications VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    item.article_id,
                    item.position,
                    r.listing,
                    r.date,
                    r.claimed_pct,
                    r.actual_pct,
                    r.abnormal_pct,
                    r.verdict,
                    r.why,
                    now,
                ],
            )
        con.commit()
    except BaseException:
        con.rollback()
        raise
    return len(rows)


def query_verifications(
    con: duckdb.DuckDBPyConnection,
    listing: str | None = None,
    date: dt.date | None = None,
) -> list[StoredVerification]:
    """Stored verdicts (of one listing and day when given), by date, article, position."""
    if not has_table(con, "verifications"):
        return []
    conditions: list[str] = []
    params: list[object] = []
    if listing:
        conditions.append("upper(listing) = ?")
        params.append(listing.upper())
    if date:
        conditions.append("date = ?")
        params.append(date)
    where = ("WHERE " + " AND ".join(conditions)) if conditions else ""
    rows = con.execute(
        "SELECT article_id, position, listing, date, claimed_pct, actual_pct, abnormal_pct, "
        f"verdict, why FROM verifications {where} ORDER BY date NULLS LAST, article_id, position",
        params,
    ).fetchall()
    return [
        StoredVerification(
            article_id=r[0],
            position=r[1],
            record=Verification(
                article=r[0],
                listing=r[2],
                date=r[3],
                claimed_pct=r[4],
                actual_pct=r[5],
                abnormal_pct=r[6],
                verdict=r[7],
                why=r[8],
            ),
        )
        for r in rows
    ]


@dataclass(frozen=True)
class InferredDate:
    """The outcome of dating an undated article by the market (date None: abstained)."""

    article_id: str
    position: int
    listing: str
    date: dt.date | None
    confidence: float
    evidence: str


def store_inferred_date(con: duckdb.DuckDBPyConnection, inferred: InferredDate) -> None:
    """Record a market dating; a date found dates the article (`published_basis: inferred`).

    The article's undated events get that day as their `day` so that `events`, `timeline` and
    `explain` find them; articles dated by their metadata or text are never changed.
    """
    con.begin()
    try:
        con.execute("DELETE FROM inferred_dates WHERE article_id = ?", [inferred.article_id])
        con.execute(
            "INSERT INTO inferred_dates VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                inferred.article_id,
                inferred.position,
                inferred.listing,
                inferred.date,
                inferred.confidence,
                inferred.evidence,
                utc_now(),
            ],
        )
        row = con.execute(
            "SELECT published, published_basis FROM articles WHERE id = ?", [inferred.article_id]
        ).fetchone()
        may_date = row is not None and (row[0] is None or row[1] == "inferred")
        if may_date:
            con.execute(
                "UPDATE articles SET published = ?, published_basis = ? WHERE id = ?",
                [
                    inferred.date,
                    None if inferred.date is None else "inferred",
                    inferred.article_id,
                ],
            )
            con.execute(
                "UPDATE events SET day = ? WHERE article_id = ? AND date IS NULL",
                [inferred.date, inferred.article_id],
            )
            con.execute(
                "UPDATE events SET published = ? WHERE article_id = ?",
                [inferred.date, inferred.article_id],
            )
            if has_table(con, "stories"):
                # A newly dated article can now join (or found) the stories of its day.
                last_run = con.execute("SELECT coalesce(max(id), 0) FROM ingest_runs").fetchone()
                refresh_stories(
                    con,
                    [inferred.article_id],
                    int(last_run[0]) if last_run else 0,
                    former_published=[row[0]] if row is not None and row[0] is not None else [],
                )
        con.commit()
    except BaseException:
        con.rollback()
        raise


def query_inferred_dates(con: duckdb.DuckDBPyConnection) -> dict[str, InferredDate]:
    """Every stored market dating, by article id."""
    if not has_table(con, "inferred_dates"):
        return {}
    return {
        r[0]: InferredDate(r[0], r[1], r[2], r[3], r[4], r[5])
        for r in con.execute(
            "SELECT article_id, position, listing, date, confidence, evidence FROM inferred_dates"
        ).fetchall()
    }


@dataclass(frozen=True)
class MoveArticle:
    """An article that reports a price or index move: its date as stored and all its events."""

    article_id: str
    published: dt.date | None
    published_basis: str | None
    events: tuple[Event, ...]


def query_move_articles(con: duckdb.DuckDBPyConnection) -> list[MoveArticle]:
    """Every article with a price or index move, with all its events in order (no text read)."""
    rows = fetch_dicts(
        con,
        """SELECT e.*, a.published AS article_published, a.published_basis AS article_basis
           FROM events AS e JOIN articles AS a ON a.id = e.article_id
           WHERE e.article_id IN (
               SELECT article_id FROM events WHERE type IN ('price_move', 'index_move'))
           ORDER BY a.seq, e.position""",
    )
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        grouped.setdefault(row["article_id"], []).append(row)
    return [
        MoveArticle(
            article_id=article_id,
            published=group[0]["article_published"],
            published_basis=group[0]["article_basis"],
            events=tuple(event_from_row(r) for r in group),
        )
        for article_id, group in grouped.items()
    ]
