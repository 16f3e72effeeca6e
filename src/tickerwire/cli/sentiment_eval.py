"""`tickerwire eval-sentiment`: score the sentiment scorer on a public labelled set.

    tickerwire eval-sentiment --dataset phrasebank Sentences_AllAgree.txt
    tickerwire eval-sentiment --dataset phrasebank Sentences_75Agree.txt \
        --exclude Sentences_AllAgree.txt          # the development split
    tickerwire eval-sentiment --dataset semeval SemEval2017Task5Headlines.json --split test
    tickerwire eval-sentiment --dataset sentfin SEntFiN.csv --format json
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from tickerwire.errors import UsageError
from tickerwire.score.sentiment import SentenceScorer
from tickerwire.score.sentiment_eval import (
    EvaluationReport,
    decode_lines,
    evaluate_phrasebank,
    evaluate_semeval,
    evaluate_sentfin,
    parse_phrasebank,
    parse_semeval_headlines,
    parse_sentfin,
    sentence_key,
    split_items,
)

DATASETS = ("phrasebank", "semeval", "sentfin")


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise UsageError(path, f"cannot read: {exc.strerror or exc}") from exc


def evaluate(args: argparse.Namespace) -> EvaluationReport:
    """Run the evaluation the arguments ask for."""
    scorer = SentenceScorer()
    data = _read(args.path)
    if args.dataset == "phrasebank":
        items = parse_phrasebank(decode_lines(data))
        if args.exclude:
            excluded = {
                sentence_key(i.text) for i in parse_phrasebank(decode_lines(_read(args.exclude)))
            }
            items = [item for item in items if sentence_key(item.text) not in excluded]
        if not items:
            raise UsageError(args.path, "no labelled sentences found")
        return evaluate_phrasebank(items, lambda text: scorer.score(text).label)
    if args.exclude:
        raise UsageError("--exclude", "applies to --dataset phrasebank only")
    text = data.decode("utf-8", errors="replace")
    try:
        if args.dataset == "semeval":
            return evaluate_semeval(split_items(parse_semeval_headlines(text), args.split), scorer)
        return evaluate_sentfin(split_items(parse_sentfin(text), args.split), scorer)
    except (ValueError, KeyError) as exc:
        raise UsageError(args.path, f"not a {args.dataset} file: {exc!r}") from exc


def format_report(report: EvaluationReport) -> str:
    """Metrics as aligned lines, then the confusion matrix when there is one."""
    lines = [f"{report.dataset}: {report.items} items"]
    lines += [f"  {name:<38} {value:.4f}" for name, value in report.metrics.items()]
    if report.confusion:
        lines.append("  confusion (rows gold, columns predicted: positive neutral negative)")
        for gold, row in report.confusion.items():
            lines.append(f"    {gold:<9} " + " ".join(f"{n:>6}" for n in row.values()))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    report = evaluate(args)
    if args.format == "json":
        payload = {
            "dataset": report.dataset,
            "items": report.items,
            "metrics": report.metrics,
            "confusion": report.confusion,
        }
        sys.stdout.write(json.dumps(payload, indent=2) + "\n")
    else:
        sys.stdout.write(format_report(report) + "\n")
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "eval-sentiment",
        help="score the sentiment scorer on PhraseBank, SemEval-2017 Task 5 or SEntFiN",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("path", help="the dataset file")
    parser.add_argument("--dataset", choices=DATASETS, required=True, help="which set PATH is")
    parser.add_argument(
        "--exclude",
        help="PhraseBank file whose sentences to leave out (e.g. AllAgree, for the dev split)",
    )
    parser.add_argument(
        "--split",
        choices=("all", "dev", "test"),
        default="all",
        help="semeval/sentfin: dev = ids divisible by 4 (read while tuning), test = the rest",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.set_defaults(handler=run)
