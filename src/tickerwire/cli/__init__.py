"""The command line: thin wrappers that parse arguments, call the library and print.

Each command lives in its own module with a `register(subparsers)` function that adds its parser
and sets `handler`; a handler takes the parsed arguments and returns the exit status.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tickerwire import __version__
from tickerwire.cli import (
    evaluate,
    extract,
    ingest_command,
    market_commands,
    prices,
    query_commands,
    schema,
    sentiment_eval,
    story_commands,
)
from tickerwire.errors import TickerwireError, UsageError

COMMAND_MODULES = (
    extract,
    schema,
    evaluate,
    prices,
    sentiment_eval,
    ingest_command,
    query_commands,
    market_commands,
    story_commands,
)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tickerwire",
        description="Financial news intelligence: news pages in, typed market events out.",
    )
    parser.add_argument("--version", action="version", version=f"tickerwire {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for module in COMMAND_MODULES:
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
    except UsageError as exc:
        print(f"tickerwire: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except TickerwireError as exc:
        print(f"tickerwire: {exc}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except BrokenPipeError:
        return EXIT_OK
    return status
