"""`tickerwire extract` (JSON Lines on stdout) and `tickerwire demo` (a readable summary)."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
from collections import Counter
from collections.abc import Iterator, Mapping
from pathlib import Path

from tickerwire.config import Settings
from tickerwire.errors import UsageError
from tickerwire.ingest import DocumentOverrides
from tickerwire.pipeline import Pipeline, freeze_long_lived
from tickerwire.records import Article, Event, ReadError


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
    first = True
    try:
        for item in pipeline.process_paths(args.paths, _overrides(args)):
            if first:
                first = False
                freeze_long_lived()  # what the first article built lives as long as the run
            if isinstance(item, ReadError):
                failures.append(item)
                print(f"tickerwire: cannot read {item.origin}: {item.reason}", file=sys.stderr)
                continue
            yield item
    finally:
        # collectable again before the interpreter exits: DuckDB's bindings (imported with the
        # CLI) report objects still frozen then as leaked
        gc.unfreeze()


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


# How much of a title or an evidence quote the demo shows on one line.
HEADLINE_CHARS = 90
QUOTE_CHARS = 70


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _headline(article: Article) -> str:
    if article.title:
        return article.title
    first_line = next((line for line in article.text.splitlines() if line.strip()), "")
    return first_line.strip() or article.url or article.id


def publication(article: Article) -> str:
    """When the article was published, as exactly as its input says: the moment with its UTC
    offset ("2024-02-01T07:05:00-05:00") when known, else the day; "" for neither."""
    if article.published_at is not None:
        return article.published_at.isoformat()
    return article.published.isoformat() if article.published else ""


def summarise(article: Article) -> str:
    """A few lines a person can read: title, date, companies, and each event in plain words."""
    lines = [f"# {_clip(_headline(article), HEADLINE_CHARS)}"]
    published = (
        f"published {publication(article)} (from {article.published_basis or 'input'})"
        if article.published
        else "publication date unknown (dates stay unresolved)"
    )
    removed = Counter(part.kind for part in article.removed)
    removed_text = ", ".join(f"{n} {kind.replace('_', '-')}" for kind, n in sorted(removed.items()))
    lines.append(
        f"  {published}; {len(article.text):,} characters kept"
        + (f"; removed {removed_text}" if removed_text else "")
    )
    companies = [e for e in article.entities if e.type in ("company", "index")]
    if companies:
        named = ", ".join(
            f"{e.name} [{' '.join(e.tickers)}]" if e.tickers else e.name
            for e in sorted(companies, key=lambda e: -e.relevance)[:6]
        )
        lines.append(f"  about: {named}")
    if not article.events:
        lines.append("  (no events found)")
    names = {e.id: e.name for e in article.entities}
    for event in article.events:
        lines.append(f"  - {describe_event(event, names)}")
        lines.append(f'      "{_clip(event.evidence.text, QUOTE_CHARS)}"')
    for conflict in article.conflicts:
        lines.append(f"  ! {conflict.field}: {conflict.why}")
    return "\n".join(lines)


def _size(value: object) -> str:
    """A move's size without a sign (the direction says it): 7.4 -> "7.4%"."""
    return f" {abs(value):g}%" if isinstance(value, int | float) else ""


def _amount(value: float, currency: str | None) -> str:
    """19200000000.0, "USD" -> "19.2 billion USD"."""
    for scale, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(value) >= scale:
            return f"{value / scale:,.4g} {word} {currency or ''}".rstrip()
    return f"{value:,.4g} {currency or ''}".rstrip()


def describe_event(event: Event, names: Mapping[str, str] | None = None) -> str:
    """One event in plain words, e.g. `price move: 9999.HK up 7.4% (session) on 2024-05-24`.

    `names` maps entity ids to display names (the article's entities).
    """
    a = event.attributes
    who = (names or {}).get(event.entity or "", event.entity or "")
    when = f" on {event.date}" if event.date else " (day unknown)"
    label = event.type.replace("_", " ")
    if event.type == "price_move":
        return (
            f"{label}: {a.get('listing') or who} {a.get('direction', '?')}"
            f"{_size(a.get('change_pct'))} ({a.get('period', '?')}){when}"
        )
    if event.type == "index_move":
        level = f" to {a['level']:,.2f}" if isinstance(a.get("level"), int | float) else ""
        return (
            f"{label}: {a.get('index')} {a.get('direction', '?')}{_size(a.get('change_pct'))}"
            f"{level} ({a.get('period', '?')}){when}"
        )
    if event.type == "financial_metric":
        value, low, high = a.get("value"), a.get("value_low"), a.get("value_high")
        amount = f" {_amount(value, a.get('currency'))}" if isinstance(value, int | float) else ""
        if isinstance(low, int | float) and isinstance(high, int | float):
            amount = f" {_amount(low, None)} to {_amount(high, a.get('currency'))}"
        change = f" ({a['change_pct']:+g}%)" if a.get("change_pct") is not None else ""
        segment = f" [{a['segment']}]" if a.get("segment") else ""
        estimate = " (estimate)" if a.get("is_estimate") else ""
        return f"{label}: {who} {a.get('metric')}{segment}{amount}{change}{estimate}"
    summary = a.get("summary") or a.get("claim")
    what = f": {_clip(str(summary), QUOTE_CHARS)}" if summary else ""
    return f"{label} {who}{when if event.date else ''}{what}".rstrip()


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
