"""`tickerwire ingest PATH... [--db FILE]` and `tickerwire migrate [--db FILE]`."""

from __future__ import annotations

import argparse
import datetime as dt
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import TextIO

from tickerwire.config import Settings
from tickerwire.errors import UsageError
from tickerwire.ingest import DocumentOverrides
from tickerwire.records import ReadError
from tickerwire.store import DuckDBStore, IngestInterrupted, IngestProgress, ingest_paths
from tickerwire.store.duckdb_schema import LATEST_VERSION

EXIT_INTERRUPTED = 130  # the shell's status for a command ended by Ctrl-C (128 + SIGINT)
_TTY_REFRESH_S = 0.2


def parse_date(value: str) -> dt.date:
    """argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date in YYYY-MM-DD form: {value!r}") from None


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        metavar="FILE",
        help="database file (default: TICKERWIRE_DB or tickerwire.duckdb)",
    )


def db_path(args: argparse.Namespace, settings: Settings) -> Path:
    return Path(args.db) if args.db else settings.db_path


class ProgressReporter:
    """Progress on stderr: one rewritten line on a terminal, plain log lines otherwise."""

    def __init__(self, stream: TextIO, interval_s: float, tty: bool | None = None) -> None:
        self.stream = stream
        self.tty = stream.isatty() if tty is None else tty
        self.interval_s = _TTY_REFRESH_S if self.tty else interval_s
        self._last = float("-inf")
        self._showing = False

    def progress(self, p: IngestProgress) -> None:
        now = time.monotonic()
        if now - self._last < self.interval_s:
            return
        self._last = now
        text = (
            f"ingest: {p.read:,} read, {p.stored:,} stored, {p.duplicates:,} duplicates, "
            f"{p.errors:,} errors, {p.rate:,.0f} articles/s"
        )
        if self.tty:
            self.stream.write("\r\x1b[K" + text)
            self._showing = True
        else:
            self.stream.write(f"tickerwire: {text} (batch {p.batches})\n")
        self.stream.flush()

    def error(self, error: ReadError) -> None:
        self.clear()
        self.stream.write(f"tickerwire: cannot read {error.origin}: {error.reason}\n")
        self.stream.flush()

    def clear(self) -> None:
        if self._showing:
            self.stream.write("\r\x1b[K")
            self._showing = False


@contextmanager
def termination_raises() -> Iterator[None]:
    """Turn SIGTERM into an exception, so the batch being written is rolled back and the run is
    recorded as interrupted (Ctrl-C already raises KeyboardInterrupt)."""

    def handler(signum: int, frame: FrameType | None) -> None:
        raise IngestInterrupted(signum)

    previous = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _settings(args: argparse.Namespace) -> Settings:
    settings = Settings.from_env()
    store = settings.store
    if args.batch_size is not None:
        if args.batch_size < 1:
            raise UsageError("--batch-size", "must be at least 1")
        store = replace(store, batch_size=args.batch_size)
    if args.workers is not None:
        store = replace(store, workers=max(args.workers, 0))
    return replace(
        settings,
        reference_csvs=settings.reference_csvs + tuple(args.reference),
        store=store,
    )


def _overrides(args: argparse.Namespace) -> DocumentOverrides | None:
    if not (args.published or args.source or args.url):
        return None
    if len(args.paths) != 1 or Path(args.paths[0]).is_dir():
        raise UsageError("--published/--source/--url", "apply to a single file; give one file")
    return DocumentOverrides(published=args.published, source=args.source, url=args.url)


def run_ingest(args: argparse.Namespace) -> int:
    settings = _settings(args)
    overrides = _overrides(args)
    path = db_path(args, settings)
    reporter = ProgressReporter(sys.stderr, settings.store.progress_interval_s)
    started = time.monotonic()
    try:
        with termination_raises():
            run = ingest_paths(
                args.paths,
                settings,
                db_path=path,
                overrides=overrides,
                on_progress=reporter.progress,
                on_error=reporter.error,
            )
    except (KeyboardInterrupt, IngestInterrupted) as exc:
        reporter.clear()
        signum = exc.signum if isinstance(exc, IngestInterrupted) else signal.SIGINT
        print(
            f"tickerwire: ingest interrupted; {path} keeps every batch committed before it. "
            "Run the same command again to complete it.",
            file=sys.stderr,
        )
        return 128 + int(signum) if signum != signal.SIGINT else EXIT_INTERRUPTED
    reporter.clear()
    elapsed = time.monotonic() - started
    rate = (run.articles_read + run.errors) / elapsed if elapsed > 0 else 0.0
    print(
        f"tickerwire: ingest run {run.id} into {path}: {run.articles_read:,} read, "
        f"{run.stored:,} stored ({run.new_versions:,} new versions of known URLs, "
        f"{run.near_duplicates:,} near-duplicates of stored articles), "
        f"{run.duplicates:,} already stored, {run.errors:,} could not be read; "
        f"{elapsed:.1f} s, {rate:,.0f} articles/s",
        file=sys.stderr,
    )
    return 1 if run.errors else 0


def run_migrate(args: argparse.Namespace) -> int:
    path = db_path(args, Settings.from_env())
    with DuckDBStore(path):
        pass
    print(f"{path}: schema version {LATEST_VERSION}")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "ingest",
        help="process inputs and store articles and events in the database (idempotent)",
        description="Process inputs like `extract` and store the articles, their entities and "
        "events in the database, in atomic batches. Ingesting the same article twice stores it "
        "once; an interrupted ingest is completed by running it again.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    add_db_argument(parser)
    parser.add_argument(
        "--published",
        type=parse_date,
        metavar="YYYY-MM-DD",
        help="publication date (one file only)",
    )
    parser.add_argument("--source", metavar="NAME", help="source name (one file only)")
    parser.add_argument("--url", metavar="URL", help="URL carried into the record (one file only)")
    parser.add_argument(
        "--reference",
        type=Path,
        action="append",
        default=[],
        metavar="FILE",
        help="extra companies CSV to extend the reference list (repeatable)",
    )
    parser.add_argument(
        "--batch-size", type=int, metavar="N", help="articles per transaction (default 500)"
    )
    parser.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="processes running the pipeline (default: one per core)",
    )
    parser.set_defaults(handler=run_ingest)

    migrate = subparsers.add_parser(
        "migrate", help="bring a database's schema up to this version of tickerwire"
    )
    add_db_argument(migrate)
    migrate.set_defaults(handler=run_migrate)
