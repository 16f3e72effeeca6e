"""`tickerwire events`, `tickerwire timeline TICKER` and `tickerwire runs`: read the database.

Queries open the database read-only, so they never change it and can run beside each other.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping, Sequence
from typing import Any

from tickerwire.cli.formats import (
    FORMATS,
    Column,
    render_csv,
    render_json_lines,
    render_table,
)
from tickerwire.cli.ingest_command import add_db_argument, db_path, parse_date
from tickerwire.config import Settings
from tickerwire.records import Event
from tickerwire.store import DuckDBStore, EventFilter, StoredEvent, TimelineDay


def compact_number(value: object) -> str:
    """33400000000.0 -> "33.4bn": figures a reader takes in at a glance."""
    if not isinstance(value, int | float):
        return str(value)
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{value / size:.4g}{suffix}"
    return f"{value:,.6g}"


def event_summary(event: Event) -> str:
    """A few words for a table cell: the move or figure, else the evidence sentence."""
    a = event.attributes
    pct = a.get("change_pct")
    change = f" {pct:+g}%" if isinstance(pct, int | float) else ""
    if event.type in ("price_move", "index_move"):
        period = a.get("period")
        level = a.get("level")
        at = f" to {level:,.2f}" if isinstance(level, int | float) else ""
        return f"{a.get('direction') or ''}{change}{at}" + (f" ({period})" if period else "")
    if event.type == "financial_metric":
        value, low, high = a.get("value"), a.get("value_low"), a.get("value_high")
        amount = f" {compact_number(value)} {a.get('currency') or ''}" if value else ""
        if isinstance(low, int | float) and isinstance(high, int | float):
            amount = f" {compact_number(low)}-{compact_number(high)} {a.get('currency') or ''}"
        segment = f" [{a['segment']}]" if a.get("segment") else ""
        return f"{a.get('metric')}{segment}{amount.rstrip()}{change}"
    summary = a.get("summary") or a.get("claim")
    return str(summary) if summary else event.evidence.text


def event_row(stored: StoredEvent) -> dict[str, Any]:
    """The JSON/CSV shape of a stored event: the Event record plus where it comes from."""
    return {
        "day": stored.day.isoformat() if stored.day else None,
        "listing": stored.listing,
        "tickers": list(stored.tickers),
        **stored.event.model_dump(mode="json"),
        "article": stored.article_id,
        "index": stored.index,
        "published": stored.published.isoformat() if stored.published else None,
        "published_at": stored.published_at.isoformat() if stored.published_at else None,
        "source": stored.source,
        "url": stored.url,
        "title": stored.title,
        "duplicate_group": stored.duplicate_group,
    }


_EVENT_TABLE = (
    Column("day", "day"),
    Column("ticker", "ticker"),
    Column("type", "type"),
    Column("what", "what", flexible=True, weight=2),
    Column("confidence", "conf", align_right=True),
    Column("source", "source", flexible=True),
    Column("article", "article"),
)
_EVENT_CSV = (
    "day", "listing", "tickers", "type", "entity", "date", "date_text", "confidence",
    "article", "index", "evidence_start", "evidence_end", "evidence", "attributes",
    "published", "published_at", "source", "url", "title", "duplicate_group",
)  # fmt: skip


def _event_table_row(stored: StoredEvent) -> dict[str, Any]:
    return {
        "day": stored.day,
        "ticker": stored.listing or " ".join(stored.tickers) or stored.event.entity,
        "type": stored.event.type,
        "what": event_summary(stored.event),
        "confidence": f"{stored.event.confidence:.2f}",
        "source": stored.source or stored.url or "",
        "article": stored.article_id[:10],
    }


def _event_csv_row(stored: StoredEvent) -> dict[str, Any]:
    row = event_row(stored)
    evidence = row.pop("evidence")
    row.update(
        evidence_start=evidence["start"], evidence_end=evidence["end"], evidence=evidence["text"]
    )
    return row


def print_events(events: Sequence[StoredEvent], fmt: str) -> None:
    if fmt == "json":
        render_json_lines([event_row(e) for e in events], sys.stdout)
    elif fmt == "csv":
        render_csv([_event_csv_row(e) for e in events], _EVENT_CSV, sys.stdout)
    else:
        render_table([_event_table_row(e) for e in events], _EVENT_TABLE, sys.stdout)
        print(f"{len(events)} events", file=sys.stderr)


def _open(args: argparse.Namespace) -> DuckDBStore:
    return DuckDBStore(db_path(args, Settings.from_env()), read_only=True)


def run_events(args: argparse.Namespace) -> int:
    filters = EventFilter(
        ticker=args.ticker,
        type=args.type,
        since=args.since,
        until=args.until,
        entity=args.entity,
        limit=args.limit,
    )
    with _open(args) as store:
        events = store.events(filters)
    print_events(events, args.format)
    return 0


def _day_what(day: TimelineDay) -> str:
    parts: list[str] = []
    for event_type, count in sorted(day.type_counts.items(), key=lambda kv: (-kv[1], kv[0])):
        moves = [e for e in day.events if e.event.type == event_type]
        figures = sorted(
            {
                f"{e.event.attributes['change_pct']:+g}%"
                for e in moves
                if event_type in ("price_move", "index_move")
                and isinstance(e.event.attributes.get("change_pct"), int | float)
            }
        )
        shown = f" {'/'.join(figures[:4])}" if figures else ""
        parts.append(f"{event_type}{shown}" + (f" x{count}" if count > 1 else ""))
    return ", ".join(parts)


def timeline_row(day: TimelineDay) -> dict[str, Any]:
    return {
        "date": day.date.isoformat(),
        "events": len(day.events),
        "articles": day.articles,
        "stories": day.stories,
        "types": day.type_counts,
        "detail": [event_row(e) for e in day.events],
    }


_TIMELINE_TABLE = (
    Column("date", "date"),
    Column("events", "events", align_right=True),
    Column("articles", "articles", align_right=True),
    Column("stories", "stories", align_right=True),
    Column("what", "what", flexible=True),
)


def run_timeline(args: argparse.Namespace) -> int:
    with _open(args) as store:
        days = store.timeline(args.ticker, since=args.since, until=args.until)
    if args.format == "json":
        render_json_lines([timeline_row(d) for d in days], sys.stdout)
    elif args.format == "csv":
        rows = [{**timeline_row(d), "detail": None} for d in days]
        render_csv(rows, ("date", "events", "articles", "stories", "types"), sys.stdout)
    else:
        rows = [
            {
                "date": d.date,
                "events": len(d.events),
                "articles": d.articles,
                "stories": d.stories,
                "what": _day_what(d),
            }
            for d in days
        ]
        render_table(rows, _TIMELINE_TABLE, sys.stdout)
    return 0


def _run_row(run: Any) -> Mapping[str, Any]:
    return {
        "id": run.id,
        "started": run.started.isoformat(timespec="seconds"),
        "finished": run.finished.isoformat(timespec="seconds") if run.finished else None,
        "status": run.status,
        "read": run.articles_read,
        "stored": run.stored,
        "duplicates": run.duplicates,
        "new_versions": run.new_versions,
        "near_duplicates": run.near_duplicates,
        "errors": run.errors,
        "inputs": list(run.inputs),
        "pipeline_version": run.pipeline_version,
    }


_RUN_TABLE = (
    Column("id", "run", align_right=True),
    Column("started", "started"),
    Column("status", "status"),
    Column("read", "read", align_right=True),
    Column("stored", "stored", align_right=True),
    Column("duplicates", "dups", align_right=True),
    Column("near_duplicates", "near", align_right=True),
    Column("errors", "errors", align_right=True),
    Column("inputs", "inputs", flexible=True),
)


def run_runs(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = [_run_row(r) for r in store.runs()]
    if args.format == "json":
        render_json_lines(rows, sys.stdout)
    elif args.format == "csv":
        render_csv(rows, list(rows[0]) if rows else ["id"], sys.stdout)
    else:
        render_table(rows, _RUN_TABLE, sys.stdout)
    return 0


def _add_common(parser: argparse.ArgumentParser, dates: bool = True) -> None:
    add_db_argument(parser)
    parser.add_argument("--format", choices=FORMATS, default="table", help="default: table")
    if dates:
        parser.add_argument(
            "--since", type=parse_date, metavar="D", help="from this day (YYYY-MM-DD)"
        )
        parser.add_argument(
            "--until", type=parse_date, metavar="D", help="up to this day, inclusive"
        )


def register(subparsers: argparse._SubParsersAction) -> None:
    events = subparsers.add_parser(
        "events",
        help="query stored events",
        description="Stored events, by day (the event's date, else the article's publication "
        "date). --format json prints one object per line: the Event record with its article.",
    )
    events.add_argument("--ticker", metavar="T", help="listing or index, e.g. 9988.HK, BABA, HSI")
    events.add_argument("--type", metavar="TYPE", help="event type, e.g. price_move")
    events.add_argument("--entity", metavar="ID", help="entity id, e.g. alibaba")
    events.add_argument("--limit", type=int, metavar="N", help="at most N events")
    _add_common(events)
    events.set_defaults(handler=run_events)

    timeline = subparsers.add_parser(
        "timeline", help="a listing's stored events by day, with story counts"
    )
    timeline.add_argument("ticker", metavar="TICKER", help="listing or index, e.g. 9988.HK")
    _add_common(timeline)
    timeline.set_defaults(handler=run_timeline)

    runs = subparsers.add_parser("runs", help="list ingest runs and what each stored")
    _add_common(runs, dates=False)
    runs.set_defaults(handler=run_runs)
