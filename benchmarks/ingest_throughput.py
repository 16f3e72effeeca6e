"""Ingest throughput (articles/s) and memory for N articles built from the FNSPID sample.

The N articles are made at run time (never committed) by repeating the 143 FNSPID articles of
../shared/eval-data/fnspid-sample/articles with light variations, written to a temporary JSONL
file, and ingested into a temporary database through `tickerwire ingest`'s library path (reader,
worker processes, DuckDB store). Copy k of an article is, by k mod 4:

  0  the same story with every figure changed (a different article: new group, indexed)
  1  copy 0 of its round under a new dateline (a mirror: joins that article's near-duplicate
     group)
  2  copy 0 of its round with two paragraphs swapped, a word changed and an editor's line added
     (a light rewrite: joins the group)
  3  figures changed and paragraphs rotated (a different article)

so about half of the corpus is new text that grows the LSH index and half are near-duplicates.
Each round of four copies is published 7 * (k // 4) days after the original, so 100,000 articles
cover about three years of the same companies, as a news archive does: each week a new article
on the company and a few wire copies of it.

`--same-days` builds the corpus of earlier versions of this benchmark instead: every copy on its
original's date, mirrors and rewrites of the original itself. There every story and every
near-duplicate group grows with N (one day's event reported 700 times over), and so does the cost
of refreshing them.

Prints articles/s, resident memory of the writer and of the workers at 10%, 50% and 100% of the
input (it must stay flat; with the writer's C heap in use, which shows whether its allocations
grow, apart from what glibc keeps after freeing them), how many batches needed more than the
writer's DuckDB memory limit (each raises it for the rest of the run; there should be none), the
time per batch and per story refresh at those points (bounded on a corpus that spans time), CPU
per article in the writer and in the workers, and, for comparison, the single-process cost of the
pipeline alone (what `extract` does) and of the near-duplicate fingerprint on the same articles.

    PYTHONPATH=src python benchmarks/ingest_throughput.py [--count N] [--batch-size B] [--same-days]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import resource
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from memory_probe import RECENT_BATCHES, MemoryProbe, ProbeSample

from tickerwire.cluster.near_duplicates import MinHasher, NearDuplicateParams
from tickerwire.config import Settings
from tickerwire.ingest import read_inputs
from tickerwire.pipeline import Pipeline
from tickerwire.records import RawDocument
from tickerwire.store import DuckDBStore, IngestProgress, ingest_paths

_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def find_articles() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "eval-data" / "fnspid-sample" / "articles"
        if candidate.is_dir():
            return candidate
    return None


def load_sample(folder: Path) -> list[dict[str, str | None]]:
    sample = []
    for text_path in sorted(folder.glob("*.txt")):
        meta_path = text_path.with_suffix(".json")
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        sample.append(
            {
                "text": text_path.read_text(encoding="utf-8"),
                "url": meta.get("url"),
                "published": meta.get("published"),
            }
        )
    return sample


def _shift_figures(text: str, k: int) -> str:
    def shifted(match: re.Match[str]) -> str:
        number = match.group(0)
        if "." in number:
            whole, fraction = number.split(".")
            return f"{int(whole) + k}.{fraction}"
        return str(int(number) + k)

    return _NUMBER.sub(shifted, text)


def vary(text: str, k: int, same_days: bool = True) -> str:
    """Copy k of an article (k = 0 is the original). Mirrors and rewrites (k mod 4 = 1, 2) copy
    the original, or with `same_days` False the new article of their round (copy k - k mod 4),
    published with it, as wire copies are."""
    if k == 0:
        return text
    style = k % 4
    if style in (1, 2) and not same_days:
        text = vary(text, k - style)
    paragraphs = text.split("\n")
    if style == 1:
        return f"NEW YORK, update {k} -\n{text}"
    if style == 2:
        if len(paragraphs) > 3:
            paragraphs[1], paragraphs[2] = paragraphs[2], paragraphs[1]
        return "\n".join(paragraphs).replace(" said ", " stated ", 1) + f" (Edited by desk {k}.)"
    shifted = _shift_figures(text, k).split("\n")
    if style == 3:
        turn = k % max(len(shifted), 1)
        shifted = shifted[turn:] + shifted[:turn]
    return "\n".join(shifted)


def published_on(published: str | None, k: int, same_days: bool) -> str | None:
    """Publication date of copy k: a week later for every round of four copies, so that the
    corpus covers the same companies over years (as a real news archive does) rather than piling
    every copy onto the sample's two months; `same_days` keeps the sample's dates."""
    if same_days or not published:
        return published
    try:
        day = dt.date.fromisoformat(published[:10])
    except ValueError:
        return published
    return (day + dt.timedelta(days=7 * (k // 4))).isoformat()


def generate(
    sample: Sequence[dict[str, str | None]], count: int, same_days: bool = False
) -> Iterator[dict[str, object]]:
    for n in range(count):
        base = sample[n % len(sample)]
        k = n // len(sample)
        yield {
            "text": vary(str(base["text"]), k, same_days),
            "url": f"{base['url']}?copy={k}" if base["url"] else None,
            "published": published_on(base["published"], k, same_days),
            "source": "nasdaq.com",
        }


class RetryCounter(logging.Handler):
    """Counts the store's warnings that a batch ran out of DuckDB's memory limit and was retried
    with more (each one raises the writer's memory for the rest of the run)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if "memory limit" in record.getMessage():
            self.messages.append(record.getMessage())


def describe(sample_at: ProbeSample, rate: float) -> str:
    """One line for a mark of the input (printed as the ingest reaches it)."""
    return (
        f"at {sample_at.name:>4} ({sample_at.done:,} articles, {rate:,.0f} articles/s so far): "
        f"writer {sample_at.writer_mb:,.0f} MB (C heap in use {sample_at.writer_heap_mb:,.0f} MB), "
        f"worker {sample_at.worker_mb:,.0f} MB; "
        f"per batch (mean of last {RECENT_BATCHES}) {sample_at.batch_s * 1000:,.0f} ms "
        f"written, of which story refresh {sample_at.stories_s * 1000:,.0f} ms"
    )


def single_process_rates(source: Path, limit: int) -> tuple[float, float]:
    """CPU ms per article of the pipeline alone (clean + link + extract, what `extract` does)
    and of the near-duplicate fingerprint, in one process, on the first `limit` articles."""
    pipeline = Pipeline(Settings())
    hasher = MinHasher(NearDuplicateParams())
    documents: list[RawDocument] = []
    for item in read_inputs([source]):
        if isinstance(item, RawDocument):
            documents.append(item)
        if len(documents) >= limit:
            break
    # One untimed pass first: trading calendars (per exchange and year), automata and caches
    # are built on first use, a cost the long-running workers pay once but a short sample would
    # spread over its articles (it doubled the figure on 300 articles).
    for document in documents:
        pipeline.process(document)
    started = time.process_time()
    articles = [pipeline.process(document) for document in documents]
    pipeline_ms = (time.process_time() - started) * 1000 / len(documents)
    started = time.process_time()
    for article in articles:
        hasher.fingerprint(article.text)
    fingerprint_ms = (time.process_time() - started) * 1000 / len(documents)
    return pipeline_ms, fingerprint_ms


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="articles (default 100,000)")
    parser.add_argument("--batch-size", type=int, help="articles per transaction")
    parser.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    parser.add_argument("--db-memory-mb", type=int, help="DuckDB memory limit of the writer")
    parser.add_argument("--extract-sample", type=int, default=2000, help="articles for extract")
    parser.add_argument(
        "--same-days",
        action="store_true",
        help="publish every copy on its original's date (stories then grow with N)",
    )
    args = parser.parse_args(argv)
    folder = find_articles()
    if folder is None:
        print("FNSPID sample not found (../shared/eval-data/fnspid-sample)", file=sys.stderr)
        return 2
    sample = load_sample(folder)
    settings = Settings.from_env()
    store_options = settings.store
    if args.batch_size:
        store_options = replace(store_options, batch_size=args.batch_size)
    if args.workers is not None:
        store_options = replace(store_options, workers=args.workers)
    if args.db_memory_mb is not None:
        store_options = replace(store_options, db_memory_mb=args.db_memory_mb)
    settings = replace(settings, store=store_options)

    with tempfile.TemporaryDirectory(prefix="tickerwire-throughput-") as workdir:
        source = Path(workdir) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for record in generate(sample, args.count, args.same_days):
                out.write(json.dumps(record) + "\n")
        size_mb = source.stat().st_size / 1e6
        print(f"{args.count:,} articles ({size_mb:,.0f} MB of JSONL) from {len(sample)} FNSPID")

        db = Path(workdir) / "corpus.duckdb"
        probe = MemoryProbe(args.count)
        started, cpu_started = time.perf_counter(), time.process_time()
        children_before = resource.getrusage(resource.RUSAGE_CHILDREN)

        def on_progress(progress: IngestProgress) -> None:
            seen = len(probe.samples)
            probe(progress)
            for sample_at in probe.samples[seen:]:
                print(describe(sample_at, progress.rate), flush=True)

        retries = RetryCounter()
        logging.getLogger("tickerwire.store").addHandler(retries)
        run = ingest_paths([source], settings, db_path=db, on_progress=on_progress)
        elapsed = time.perf_counter() - started
        writer_ms = (time.process_time() - cpu_started) * 1000 / args.count
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        worker_s = (children.ru_utime + children.ru_stime) - (
            children_before.ru_utime + children_before.ru_stime
        )
        rate = args.count / elapsed
        print(
            f"ingest: {elapsed:.1f} s, {rate:,.0f} articles/s "
            f"(batch {store_options.batch_size}, workers {store_options.workers or 'per core'}); "
            f"{run.stored:,} stored, {run.duplicates:,} duplicates, "
            f"{run.near_duplicates:,} near-duplicates, {run.errors:,} errors"
        )
        print(
            f"peak memory: writer {probe.peak_parent:,.0f} MB, worker {probe.peak_worker:,.0f} MB; "
            f"batches retried with a raised DuckDB memory limit: {len(retries.messages)}"
        )
        with DuckDBStore(db, read_only=True) as store:
            counts = store.table_counts()
        print(
            f"database: {db.stat().st_size / 1e6:,.0f} MB; {counts['articles']:,} articles, "
            f"{counts['duplicate_groups']:,} duplicate groups, "
            f"{counts['minhash_signatures']:,} indexed signatures"
        )
        print(
            f"CPU per article: writer process {writer_ms:.2f} ms (reading, database), "
            f"workers {worker_s * 1000 / args.count:.2f} ms (pipeline and fingerprint)"
        )
        pipeline_ms, fingerprint_ms = single_process_rates(source, args.extract_sample)
        print(
            f"one process, {args.extract_sample:,} articles: pipeline alone (`extract`) "
            f"{pipeline_ms:.2f} ms/article = {1000 / pipeline_ms:,.0f} articles/s; "
            f"near-duplicate fingerprint {fingerprint_ms:.2f} ms/article; "
            f"ingest ran at {rate * pipeline_ms / 1000:.2f}x the rate of `extract` alone"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
