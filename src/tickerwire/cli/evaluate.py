"""`tickerwire eval GOLD [--corpus DIR] [--floors FILE] [--format table|json] [--verbose]`.

Scores the pipeline against a gold file and, with `--floors`, checks the figures against their
floors. Exit status: 0 when every document was read and every floor met; 1 otherwise (the
figures under their floor, or the documents that could not be read, are printed); 2 for bad
usage (a missing corpus, a malformed floors file).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tickerwire.config import Settings
from tickerwire.errors import UsageError
from tickerwire.evaluation import (
    check_floors,
    default_corpus,
    evaluate_gold,
    load_floors,
    load_gold,
    render_json,
    render_table,
)
from tickerwire.pipeline import Pipeline


def run(args: argparse.Namespace) -> int:
    gold = load_gold(args.gold)
    corpus = Path(args.corpus) if args.corpus else default_corpus(gold.path)
    if not corpus.is_dir():
        raise UsageError(str(corpus), "corpus folder not found (give --corpus DIR)")
    floors = load_floors(args.floors) if args.floors else None

    report = evaluate_gold(gold, corpus, Pipeline(Settings.from_env()))
    check = None
    if floors is not None:
        check = check_floors(report.figures(), floors.get(gold.name, {}), str(args.floors))

    if args.format == "json":
        print(render_json(report, check))
    else:
        print(render_table(report, check, verbose=args.verbose))

    status = 0
    for failed in report.read_errors:
        print(f"tickerwire eval: could not read {failed.doc}: {failed.error}", file=sys.stderr)
        status = 1
    if check is not None and not check.passed:
        for failure in check.failures:
            print(f"tickerwire eval: {gold.name}: {failure}", file=sys.stderr)
        status = 1
    return status


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval",
        help="score the pipeline against a gold file",
        description="Run the pipeline on each document of a gold file and print per-field "
        "precision and recall; with --floors, exit 1 when a figure is under its floor.",
    )
    parser.add_argument("gold", help="gold JSON file (format of corpus/gold/seeds.gold.json)")
    parser.add_argument(
        "--corpus",
        help="folder the gold's `doc` paths are relative to (default: the gold file's folder's "
        "parent)",
    )
    parser.add_argument(
        "--floors", help="floors JSON keyed by gold file name and figure (e.g. eval/floors.json)"
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help="also print, per document, what was missed and what was spurious",
    )
    parser.set_defaults(handler=run)
