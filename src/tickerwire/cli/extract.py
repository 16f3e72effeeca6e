"""`tickerwire extract` (JSON Lines on stdout) and `tickerwire demo` (a readable summary)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

from tickerwire.config import Settings
from tickerwire.errors import UsageError
from tickerwire.ingest import DocumentOverrides
from tickerwire.pipeline import Pipeline
from tickerwire.records import Article, ReadError


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def _overrides(args: argparse.Namespace) -> DocumentOverrides | None:
    if not (args.published or args.source or args.url):
        return None
    if len(args.paths) != 1 or Path(args.paths[0]).is_dir():
        raise UsageError("--published/--source/--url", "apply to a single file; give one file")
    return DocumentOverrides(published=args.published, source=args.source, url=args.url)


def _articles(args: argparse.Namespace, failures: list[ReadError]) -> Iterator[Article]:
    settings = Settings.from_env()
    if args.reference:
        settings = Settings(
            db_path=settings.db_path,
            reference_csvs=settings.reference_csvs + tuple(args.reference),
            ingest=settings.ingest,
        )
    pipeline = Pipeline(settings)
    for item in pipeline.process_paths(args.paths, _overrides(args)):
        if isinstance(item, ReadError):
            failures.append(item)
            print(f"tickerwire: cannot read {item.origin}: {item.reason}", file=sys.stderr)
            continue
        yield item


def _finish(failures: list[ReadError], count: int) -> int:
    if failures:
        print(f"tickerwire: {count} read, {len(failures)} could not be read", file=sys.stderr)
        return 1
    return 0


def run_extract(args: argparse.Namespace) -> int:
    failures: list[ReadError] = []
    count = 0
    for article in _articles(args, failures):
        sys.stdout.write(article.model_dump_json() + "\n")
        count += 1
    return _finish(failures, count)


def summarise(article: Article) -> str:
    """A few lines a person can read: title, date, companies, and each event in plain words."""
    lines = [f"# {article.title or article.url or article.id}"]
    lines.append(
        f"  published {article.published or 'unknown'}"
        + (f" ({article.published_basis})" if article.published_basis else "")
        + f"; {len(article.text)} characters kept, {len(article.removed)} parts removed"
    )
    companies = [e for e in article.entities if e.type in ("company", "index")]
    if companies:
        named = ", ".join(
            f"{e.name} [{' '.join(e.tickers)}]" if e.tickers else e.name
            for e in sorted(companies, key=lambda e: -e.relevance)[:6]
        )
        lines.append(f"  about: {named}")
    for event in article.events:
        lines.append("  - " + describe_event(event))
    return "\n".join(lines)


def describe_event(event: object) -> str:
    from tickerwire.records import Event

    assert isinstance(event, Event)
    a = event.attributes
    when = f" on {event.date}" if event.date else ""
    if event.type == "price_move":
        return (
            f"{a.get('listing') or event.entity} {a['direction']} {a['change_pct']:+g}%"
            f" ({a['period']}){when}"
        )
    if event.type == "index_move":
        level = f" to {a['level']:,.2f}" if a.get("level") else ""
        pct = f" {a['change_pct']:+g}%" if a.get("change_pct") is not None else ""
        return f"index {a['index']} {a['direction']}{pct}{level}{when}"
    if event.type == "financial_metric":
        value = f" {a['value']:,.0f} {a.get('currency') or ''}" if a.get("value") else ""
        change = f" ({a['change_pct']:+g}%)" if a.get("change_pct") is not None else ""
        segment = f" [{a['segment']}]" if a.get("segment") else ""
        return f"{event.entity}: {a['metric']}{segment}{value}{change}"
    return f"{event.type} {event.entity or ''}{when}: {event.evidence.text[:80]}"


def run_demo(args: argparse.Namespace) -> int:
    failures: list[ReadError] = []
    count = 0
    for article in _articles(args, failures):
        print(summarise(article))
        print()
        count += 1
    print(f"{count} articles processed")
    return _finish(failures, count)


def _add_input_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    parser.add_argument("--published", type=_date, help="publication date (one file only)")
    parser.add_argument("--source", help="source name (one file only)")
    parser.add_argument("--url", help="URL carried into the record (one file only)")
    parser.add_argument(
        "--reference",
        type=Path,
        action="append",
        default=[],
        help="extra companies CSV to extend the reference list (repeatable)",
    )


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("extract", help="print one Article record per input article")
    _add_input_arguments(parser)
    parser.set_defaults(handler=run_extract)
    demo = subparsers.add_parser("demo", help="print a readable summary of each article")
    _add_input_arguments(demo)
    demo.set_defaults(handler=run_demo)
