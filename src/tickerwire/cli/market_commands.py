"""`tickerwire verify` and `tickerwire explain TICKER DATE`: the claims against the prices.

`verify` opens the database for writing: it dates undated articles by the market (stored in
`inferred_dates`; a date found makes the article `published_basis: inferred`), checks every
stored price and index move against the stored prices, and stores the verdicts. `explain` only
reads.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from typing import Any

from tickerwire.cli.extract import publication
from tickerwire.cli.formats import FORMATS, Column, render_csv, render_json_lines, render_table
from tickerwire.cli.ingest_command import add_db_argument, db_path, parse_date
from tickerwire.config import Settings
from tickerwire.link import load_reference
from tickerwire.market.calendars import trading_calendars
from tickerwire.market.explanation import DayArticle, explain_move, render_explanation
from tickerwire.market.price_files import normalise_ticker
from tickerwire.market.provider import RenamedLinePrices
from tickerwire.market.stored_claims import (
    ArticleEvents,
    check_articles,
    date_article_by_market,
)
from tickerwire.records import Conflict, Verification
from tickerwire.store import DuckDBStore, EventFilter
from tickerwire.store.duckdb_market import (
    InferredDate,
    StoredPriceProvider,
    StoredVerification,
    has_table,
    query_move_articles,
    query_verifications,
    replace_verifications,
    store_inferred_date,
)
from tickerwire.store.duckdb_reads import fetch_dicts, load_articles
from tickerwire.store.rows import conflict_from_row

_VERIFY_TABLE = (
    Column("article", "article"),
    Column("listing", "listing"),
    Column("date", "date"),
    Column("claimed", "claimed", align_right=True),
    Column("actual", "actual", align_right=True),
    Column("abnormal", "abnormal", align_right=True),
    Column("verdict", "verdict"),
    Column("why", "why", flexible=True, weight=3),
)
_VERIFY_CSV = (
    "article", "listing", "date", "claimed_pct", "actual_pct", "abnormal_pct", "verdict", "why",
)  # fmt: skip


def _pct(value: float | None) -> str:
    return "" if value is None else f"{value:+.2f}%"


def _table_row(record: Verification) -> dict[str, Any]:
    return {
        "article": record.article[:10],
        "listing": record.listing,
        "date": record.date,
        "claimed": _pct(record.claimed_pct),
        "actual": _pct(record.actual_pct),
        "abnormal": _pct(record.abnormal_pct),
        "verdict": record.verdict,
        "why": record.why,
    }


def _article_events(store: DuckDBStore) -> list[ArticleEvents]:
    return [
        ArticleEvents(a.article_id, a.published, a.events)
        for a in query_move_articles(store.connection)
    ]


def run_verify(args: argparse.Namespace) -> int:
    calendars = trading_calendars()
    settings = Settings.from_env()
    with DuckDBStore(db_path(args, settings)) as store:
        con = store.connection
        # A claim names the line by the ticker of its article's day (NYCB in 2024, FLG today).
        prices = RenamedLinePrices(
            StoredPriceProvider(con), load_reference(settings.reference_csvs)
        )
        if not prices.tickers():
            print("tickerwire: no prices stored (`tickerwire prices load`)", file=sys.stderr)
        dated = 0
        for article in query_move_articles(con):
            if article.published is not None and article.published_basis != "inferred":
                continue
            found = date_article_by_market(
                ArticleEvents(article.article_id, None, article.events), prices, calendars
            )
            if found is None:
                continue
            position, dating = found
            store_inferred_date(
                con,
                InferredDate(
                    article.article_id,
                    position,
                    dating.listing,
                    dating.date,
                    dating.confidence,
                    dating.evidence,
                ),
            )
            dated += dating.date is not None
            outcome = str(dating.date) if dating.date else "left undated"
            print(f"{article.article_id[:10]}: {outcome}: {dating.evidence}", file=sys.stderr)
        checks = check_articles(_article_events(store), prices, calendars, ticker=args.ticker)
        replace_verifications(
            con, (StoredVerification(c.article_id, c.position, c.check.record) for c in checks)
        )
    records = [c.check.record for c in checks]
    if args.format == "json":
        render_json_lines([r.model_dump(mode="json") for r in records], sys.stdout)
    elif args.format == "csv":
        render_csv([r.model_dump(mode="json") for r in records], _VERIFY_CSV, sys.stdout)
    else:
        render_table([_table_row(r) for r in records], _VERIFY_TABLE, sys.stdout)
    counts = {v: sum(r.verdict == v for r in records) for v in ("consistent", "inconsistent")}
    print(
        f"{len(records)} claims checked: {counts['consistent']} consistent, "
        f"{counts['inconsistent']} inconsistent, "
        f"{len(records) - sum(counts.values())} unverifiable; {dated} articles dated by the market",
        file=sys.stderr,
    )
    return 0


def _story_conflicts(store: DuckDBStore, listing: str, date: dt.date) -> list[Conflict]:
    """Cross-source conflicts of the day's stories about the listing (when stories are stored).

    A move story names the listing; a figure story (cloud revenue growth) names the company, and
    so every listing of it: both are the listing's news of the day.
    """
    con = store.connection
    if not (has_table(con, "stories") and has_table(con, "conflicts")):
        return []
    rows = fetch_dicts(
        con,
        """SELECT c.* FROM conflicts AS c
           WHERE c.story_id IN (
               SELECT id FROM stories
               WHERE (upper(listing) = ? OR list_contains(tickers, ?))
                 AND coalesce(date, first_seen) = ?)""",
        [listing.upper(), listing.upper(), date],
    )
    return [conflict_from_row(r) for r in rows]


def _novelty(store: DuckDBStore, listing: str, date: dt.date) -> dict[str, float]:
    con = store.connection
    if not has_table(con, "story_members"):
        return {}
    rows = con.execute(
        """SELECT m.article_id, max(m.novelty) FROM story_members AS m
           JOIN stories AS s ON s.id = m.story_id
           WHERE upper(s.listing) = ? AND s.date = ? AND m.novelty IS NOT NULL
           GROUP BY m.article_id""",
        [listing.upper(), date],
    ).fetchall()
    return {r[0]: float(r[1]) for r in rows}


def _is_session(attributes: dict[str, Any]) -> bool:
    return (attributes.get("period") or "session") == "session"


def run_explain(args: argparse.Namespace) -> int:
    listing = normalise_ticker(args.ticker)
    date: dt.date = args.date
    with DuckDBStore(db_path(args, Settings.from_env()), read_only=True) as store:
        moves = store.events(EventFilter(ticker=listing, type="price_move", since=date, until=date))
        # The verifier's day of a claim wins over the article's: an undated New York move in a
        # story of a Hong Kong Monday is the move of the Friday before.
        all_verdicts = query_verifications(store.connection, listing)
        checked_days = {(v.article_id, v.position): v.record.date for v in all_verdicts}
        positions: dict[str, list[int]] = {}
        for stored in moves:
            checked = checked_days.get((stored.article_id, stored.index), date)
            if _is_session(stored.event.attributes) and checked == date:
                positions.setdefault(stored.article_id, []).append(stored.index)
        day_verdicts = [v for v in all_verdicts if v.record.date == date]
        for verdict in day_verdicts:
            positions.setdefault(verdict.article_id, [])
        articles = load_articles(store.connection, list(positions))
        for article in articles:
            for verdict in day_verdicts:
                event = (
                    article.events[verdict.position] if verdict.article_id == article.id else None
                )
                found = positions[article.id]
                if (
                    event
                    and event.type == "price_move"
                    and _is_session(event.attributes)
                    and verdict.position not in found
                ):
                    found.append(verdict.position)
        novelty = _novelty(store, listing, date)
        day_articles = [
            DayArticle(
                a, store.duplicate_group(a.id) or a.id, tuple(positions[a.id]), novelty.get(a.id)
            )
            for a in articles
            if positions[a.id]
        ]
        verdicts = [v.record for v in day_verdicts]
        explanation = explain_move(
            listing, date, day_articles, verdicts, _story_conflicts(store, listing, date)
        )
        # Each source with when it was published: a report stamped before the open tells of
        # another session than one stamped after the close.
        titles = {
            a.id: "  ".join(part for part in (publication(a), a.title or a.source) if part)
            for a in articles
        }
    if args.format == "json":
        print(json.dumps(explanation.model_dump(mode="json"), ensure_ascii=False))
    else:
        print(render_explanation(explanation, titles))
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    verify = subparsers.add_parser(
        "verify", help="check every stored price-move claim against the stored prices"
    )
    verify.add_argument("--ticker", help="only the claims about this listing or index")
    verify.add_argument("--format", choices=FORMATS, default="table")
    add_db_argument(verify)
    verify.set_defaults(handler=run_verify)
    explain = subparsers.add_parser(
        "explain", help="why a listing moved on a day: moves, drivers, conflicts, verdicts"
    )
    explain.add_argument("ticker", metavar="TICKER")
    explain.add_argument("date", type=parse_date, metavar="DATE")
    explain.add_argument("--format", choices=("text", "json"), default="text")
    add_db_argument(explain)
    explain.set_defaults(handler=run_explain)
