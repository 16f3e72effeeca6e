"""`tickerwire eval GOLD --corpus DIR`: score the pipeline against gold annotations."""

from __future__ import annotations

import argparse


def run(args: argparse.Namespace) -> int:
    raise NotImplementedError("tickerwire eval is being built")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("eval", help="score the pipeline against a gold file")
    parser.add_argument("gold", help="gold JSON file")
    parser.add_argument("--corpus", help="folder the gold's `doc` paths are relative to")
    parser.set_defaults(handler=run)
