"""`tickerwire prices load FILE... [--ticker T] [--db FILE]`: store daily price files.

Each file readable is stored in the database (loading a file again replaces its rows; files of
one ticker are kept apart and spliced on returns when read). The command then shows what the
stored files cover, where they leave gaps and how files of one ticker splice.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tickerwire.cli.ingest_command import add_db_argument, db_path
from tickerwire.config import Settings
from tickerwire.errors import CalendarError, PriceDataError
from tickerwire.market.calendars import trading_calendars
from tickerwire.market.coverage import infer_closures, table_coverage
from tickerwire.market.price_files import read_price_file
from tickerwire.market.provider import FilePriceProvider
from tickerwire.market.series import PriceTable
from tickerwire.store import DuckDBStore
from tickerwire.store.duckdb_market import load_price_tables, store_price_table


def run_load(args: argparse.Namespace) -> int:
    calendars = trading_calendars()
    tables: list[PriceTable] = []
    failures = 0
    for path in args.paths:
        try:
            tables.append(read_price_file(path, args.ticker, calendars=calendars))
        except PriceDataError as exc:
            failures += 1
            print(f"tickerwire: cannot read {exc.subject}: {exc.reason}", file=sys.stderr)
    path = db_path(args, Settings.from_env())
    with DuckDBStore(path) as store:
        stored_rows = sum(store_price_table(store.connection, table) for table in tables)
        loaded = {table.ticker for table in tables}
        # Summaries cover every stored file of the tickers loaded now, earlier loads included.
        tables = load_price_tables(store.connection, sorted(loaded)) if loaded else []
    print(f"stored {stored_rows} rows in {path}", file=sys.stderr)
    provider = FilePriceProvider(tables)
    closures = infer_closures(tables, calendars)
    for mic, days in sorted(closures.items()):
        shown = ", ".join(str(d) for d in sorted(days))
        print(f"{mic}: no file has a price on {len(days)} sessions, read as closures: {shown}")
    calendars = calendars.with_closures(closures)
    for table in tables:
        try:
            print(table_coverage(table, calendars.for_ticker(table.ticker)).describe())
        except CalendarError as exc:
            print(f"{table.ticker} from {table.source}: {len(table.bars)} rows; {exc.reason}")
    for ticker in provider.tickers():
        series = provider.series(ticker)
        if series is None:
            continue
        for report in series.splice_reports():
            print(f"{ticker}: {report.describe()}")
    print(f"{len(tables)} files read for {len(provider.tickers())} tickers", file=sys.stderr)
    if failures:
        print(f"tickerwire: {failures} files could not be read", file=sys.stderr)
        return 1
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("prices", help="daily price files")
    actions = parser.add_subparsers(dest="prices_command", metavar="ACTION")
    actions.required = True
    load = actions.add_parser(
        "load", help="store price files (CSV or Parquet) in the database and summarise them"
    )
    load.add_argument("paths", nargs="+", type=Path, metavar="FILE", help="price files")
    load.add_argument(
        "--ticker", help="the ticker of every file given (else taken from each file's name)"
    )
    add_db_argument(load)
    load.set_defaults(handler=run_load)
