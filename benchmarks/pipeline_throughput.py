"""Time the whole `tickerwire extract` pipeline (Pipeline.process) on one core.

    PYTHONPATH=src python benchmarks/pipeline_throughput.py [--count 10000] [--articles DIR]

Reads the FNSPID sample articles (143 nasdaq.com .txt files with sidecars) and runs
clean -> link -> extract -> sentiment -> checks -> Article record over them, repeated to
`--count` articles. One-time costs (reference data, gazetteer automaton, trading calendars,
lexicons) are paid by a warm-up pass that is not counted. Prints articles/second (CPU time of
this process, so other jobs on the machine count less; wall time beside it) and a per-stage
breakdown in ms/article from a second, separately timed pass over the articles.

The target is 200 articles/second on one core (the foundation issue); `--min-rate` makes the
script exit 1 below a given rate, for CI. `benchmarks/extract_throughput.py` (`make bench`)
measures the same pipeline on text and HTML with peak memory; this script adds where the time
goes, stage by stage.

CPU time on a shared virtual machine moves by 10-20% from one run to the next; to compare two
versions, run them alternately, or count instructions (valgrind --tool=callgrind).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tickerwire.checks import check_article
from tickerwire.clean import clean_document
from tickerwire.extract import extract_events
from tickerwire.ingest import read_inputs
from tickerwire.link import link_document
from tickerwire.pipeline import Pipeline, article_id
from tickerwire.records import RawDocument, ReadError

ARTICLES = Path("/work/shared/eval-data/fnspid-sample/articles")


def read_articles(folder: Path) -> list[RawDocument]:
    """The articles under `folder` as the CLI reads them (sidecars give the dates)."""
    return [item for item in read_inputs([folder]) if not isinstance(item, ReadError)]


def throughput(pipeline: Pipeline, docs: list[RawDocument], count: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) to process `count` articles cycling through `docs`."""
    cpu, wall = time.process_time(), time.perf_counter()
    for index in range(count):
        pipeline.process(docs[index % len(docs)])
    return time.process_time() - cpu, time.perf_counter() - wall


def stage_times(pipeline: Pipeline, docs: list[RawDocument], rounds: int) -> dict[str, float]:
    """CPU seconds per article spent in each stage, the stages called one by one as
    Pipeline.process calls them; `assembly` is the rest of building the Article record."""
    stages = ("clean", "link", "extract", "sentiment", "checks", "assembly")
    totals = dict.fromkeys(stages, 0.0)
    clock = time.process_time
    reference = pipeline.reference
    for _ in range(rounds):
        for raw in docs:
            t0 = clock()
            clean = clean_document(raw)
            t1 = clock()
            linked = link_document(clean, reference)
            t2 = clock()
            events = extract_events(linked, reference)
            t3 = clock()
            tone = pipeline.sentiment.score(
                clean.text, clean.title, linked.mentions, linked.entities
            )
            t4 = clock()
            identifier = article_id(clean.text)
            conflicts = check_article(events, clean.text, clean.published, article_id=identifier)
            t5 = clock()
            pipeline._assemble(identifier, clean, linked, events, tone, conflicts)
            t6 = clock()
            times = (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5)
            for stage, seconds in zip(stages, times, strict=True):
                totals[stage] += seconds
    return {stage: seconds / (rounds * len(docs)) for stage, seconds in totals.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=ARTICLES)
    parser.add_argument("--count", type=int, default=10_000, help="articles to process")
    parser.add_argument("--stage-rounds", type=int, default=3, help="passes for the breakdown")
    parser.add_argument("--min-rate", type=float, default=0.0, help="fail below this rate")
    args = parser.parse_args()

    docs = read_articles(args.articles)
    if not docs:
        sys.exit(f"no articles under {args.articles}")
    pipeline = Pipeline()
    for raw in docs:  # warm-up: calendars, automata and caches are built here
        pipeline.process(raw)

    cpu, wall = throughput(pipeline, docs, args.count)
    chars = sum(len(raw.text or raw.html or "") for raw in docs) / len(docs)
    print(f"{len(docs)} articles ({chars:.0f} chars on average) repeated to {args.count}")
    print(
        f"pipeline: {args.count / cpu:.0f} articles/s, {cpu / args.count * 1000:.2f} ms/article "
        f"(CPU time; wall {args.count / wall:.0f} articles/s)"
    )
    stages = stage_times(pipeline, docs, args.stage_rounds)
    print("stages (ms/article): " + ", ".join(f"{k} {v * 1000:.2f}" for k, v in stages.items()))
    print(f"sum of stages: {sum(stages.values()) * 1000:.2f} ms/article")
    if args.count / cpu < args.min_rate:
        sys.exit(f"below the required {args.min_rate:.0f} articles/s")


if __name__ == "__main__":
    main()
