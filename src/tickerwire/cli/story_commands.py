"""`tickerwire stories` and `tickerwire conflicts`: query stored stories and conflicts.

Like `events`, they open the database read-only and print JSON Lines, CSV or a table.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tickerwire.cli.formats import Column, render_csv, render_json_lines, render_table
from tickerwire.cli.ingest_command import db_path
from tickerwire.cli.query_commands import _add_common
from tickerwire.config import Settings
from tickerwire.records import Story
from tickerwire.store import DuckDBStore, StoredConflict, StoryFilter


def _open(args: argparse.Namespace) -> DuckDBStore:
    return DuckDBStore(db_path(args, Settings.from_env()), read_only=True)


def _filters(args: argparse.Namespace) -> StoryFilter:
    return StoryFilter(
        ticker=args.ticker,
        type=args.type,
        entity=args.entity,
        since=args.since,
        until=args.until,
        limit=args.limit,
    )


def _subject(story: Story) -> str:
    if story.type == "price_move":
        return f"{story.listing} {story.period or ''}".strip()
    segment = f" [{story.segment}]" if story.segment else ""
    period = f" ({story.period})" if story.period else ""
    return f"{story.entity} {story.metric}{segment}{period}"


def _claims(story: Story) -> str:
    return " / ".join(
        f"{c.change_pct:+g}%" if c.change_pct is not None else "?" for c in story.claims
    )


_STORY_TABLE = (
    Column("day", "day"),
    Column("type", "type"),
    Column("subject", "subject", flexible=True, weight=2),
    Column("reports", "reports", align_right=True),
    Column("claims", "claims", flexible=True),
    Column("consensus", "consensus", align_right=True),
    Column("first", "first report"),
    Column("id", "story"),
)
_STORY_CSV = (
    "id", "type", "entity", "listing", "date", "period", "metric", "segment", "first_seen",
    "articles", "claims", "consensus_pct", "novelty",
)  # fmt: skip


def _story_table_row(story: Story) -> dict[str, Any]:
    return {
        "day": story.date or story.first_seen,
        "type": story.type,
        "subject": _subject(story),
        "reports": len(story.articles),
        "claims": _claims(story),
        "consensus": f"{story.consensus_pct:+g}%" if story.consensus_pct is not None else "",
        "first": story.articles[0][:10] if story.articles else "",
        "id": story.id,
    }


def run_stories(args: argparse.Namespace) -> int:
    with _open(args) as store:
        stories = store.stories(_filters(args))
    rows = [s.model_dump(mode="json") for s in stories]
    if args.format == "json":
        render_json_lines(rows, sys.stdout)
    elif args.format == "csv":
        render_csv(rows, _STORY_CSV, sys.stdout)
    else:
        render_table([_story_table_row(s) for s in stories], _STORY_TABLE, sys.stdout)
        print(f"{len(stories)} stories", file=sys.stderr)
    return 0


def conflict_row(found: StoredConflict) -> dict[str, Any]:
    """The JSON/CSV shape of a stored conflict: the Conflict record, its kind and day."""
    return {
        "kind": found.kind,
        "day": found.day.isoformat() if found.day else None,
        "tickers": list(found.tickers),
        **found.conflict.model_dump(mode="json"),
    }


def _value_text(value: object) -> str:
    if isinstance(value, int | float):
        return f"{value:+g}"
    if isinstance(value, dict):
        # In-article conversion and growth checks keep their figures in a dict.
        shown = [f"{k}={v}" for k, v in value.items() if isinstance(v, int | float)]
        return ", ".join(shown[:3])
    return str(value)


_CONFLICT_TABLE = (
    Column("day", "day"),
    Column("kind", "kind"),
    Column("field", "field"),
    Column("values", "values", flexible=True),
    Column("why", "why", flexible=True, weight=2),
)
_CONFLICT_CSV = ("kind", "day", "tickers", "story", "entity", "field", "values", "why")


def _conflict_table_row(found: StoredConflict) -> dict[str, Any]:
    conflict = found.conflict
    values = " vs ".join(
        f"{_value_text(v.value)} ({(v.article or '')[:10]})" for v in conflict.values
    )
    return {
        "day": found.day,
        "kind": found.kind,
        "field": conflict.field,
        "values": values,
        "why": conflict.why,
    }


def run_conflicts(args: argparse.Namespace) -> int:
    with _open(args) as store:
        found = store.conflicts(_filters(args))
    if args.format == "json":
        render_json_lines([conflict_row(c) for c in found], sys.stdout)
    elif args.format == "csv":
        render_csv([conflict_row(c) for c in found], _CONFLICT_CSV, sys.stdout)
    else:
        render_table([_conflict_table_row(c) for c in found], _CONFLICT_TABLE, sys.stdout)
        print(f"{len(found)} conflicts", file=sys.stderr)
    return 0


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--ticker", metavar="T", help="listing, e.g. 9988.HK or BABA")
    parser.add_argument("--type", metavar="TYPE", help="story type: price_move or financial_metric")
    parser.add_argument("--entity", metavar="ID", help="entity id, e.g. alibaba")
    parser.add_argument("--limit", type=int, metavar="N", help="at most N")
    _add_common(parser)


def register(subparsers: argparse._SubParsersAction) -> None:
    stories = subparsers.add_parser(
        "stories",
        help="query stored stories (one event's reports across sources)",
        description="Stored stories by day: a listing's move on one trading day, or one "
        "reported figure for one period, with every report, first report first, the claimed "
        "figures, their median and each report's novelty. --format json prints Story records.",
    )
    _add_filters(stories)
    stories.set_defaults(handler=run_stories)

    conflicts = subparsers.add_parser(
        "conflicts",
        help="query stored conflicts (sources that disagree, figures that contradict)",
        description="Cross-source conflicts (reports of one story with different figures) and "
        "in-article ones (a figure its own article contradicts), by day. --type limits to "
        "cross-source conflicts of that story type.",
    )
    _add_filters(conflicts)
    conflicts.set_defaults(handler=run_conflicts)
