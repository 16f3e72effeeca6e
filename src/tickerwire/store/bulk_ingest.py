"""Ingest at scale: read inputs, process them on every core, store them in atomic batches.

The parent process reads inputs (in order) and writes to the database; worker processes run the
pipeline (clean, link, extract, score) and compute near-duplicate signatures. Results come back in
input order, and at most a few chunks are in flight, so memory does not grow with the input.

Each batch of `batch_size` results is one transaction. An interrupted ingest (Ctrl-C, SIGTERM, a
crash, a kill) leaves the database as it was after the last committed batch, and running the same
ingest again completes it: articles already stored are recognised by their id and skipped, so the
result equals one uninterrupted run.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import queue
import signal
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

from tickerwire import __version__
from tickerwire.cluster.near_duplicates import MinHasher, NearDuplicateParams
from tickerwire.config import Settings
from tickerwire.errors import IngestError
from tickerwire.ingest import DocumentOverrides, read_inputs
from tickerwire.pipeline import Pipeline
from tickerwire.records import RawDocument, ReadError
from tickerwire.store.base import BatchOutcome, IngestRun, PreparedArticle, RunStatus, Store
from tickerwire.store.duckdb_store import DuckDBStore

Prepared = PreparedArticle | ReadError
Item = RawDocument | ReadError

# 16 documents per task: large enough that queue and pickling overhead per task is small next to
# processing (~5 ms per article), small enough to keep both workers busy near the end of an input.
_CHUNK_SIZE = 16
# Seconds a worker waits for a task before checking that its parent is still alive.
_WORKER_POLL_S = 1.0


class IngestInterrupted(Exception):
    """A termination signal stopped the ingest; the batch being written was rolled back."""

    def __init__(self, signum: int) -> None:
        super().__init__(f"stopped by signal {signal.Signals(signum).name}")
        self.signum = signum


@dataclass(frozen=True)
class IngestProgress:
    """Counts so far in one ingest, reported after every committed batch."""

    run_id: int
    read: int
    stored: int
    duplicates: int
    new_versions: int
    near_duplicates: int
    errors: int
    batches: int
    elapsed_s: float
    # The last batch: seconds to write it, and of those, seconds to refresh its stories.
    batch_s: float = 0.0
    batch_stories_s: float = 0.0

    @property
    def rate(self) -> float:
        """Inputs handled per second (articles read plus inputs that failed)."""
        return (self.read + self.errors) / self.elapsed_s if self.elapsed_s > 0 else 0.0


class ArticlePreparer:
    """Turns raw documents into articles ready to store (runs in the worker processes)."""

    def __init__(self, pipeline: Pipeline, hasher: MinHasher) -> None:
        self.pipeline = pipeline
        self.hasher = hasher

    def prepare(self, raw: RawDocument) -> Prepared:
        """Process one document; a failure in a stage, or a text that cleaning leaves empty,
        becomes a ReadError naming the input, so one bad article never stops a large ingest."""
        try:
            article = self.pipeline.process(raw)
        except Exception as exc:  # any stage's bug on one input must not end the whole run
            return ReadError(raw.origin, f"processing failed: {type(exc).__name__}: {exc}")
        if not article.text.strip():
            # Every empty text has the same id: stored, they would all be one article.
            return ReadError(raw.origin, "no article text left after cleaning")
        return PreparedArticle(article, self.hasher.fingerprint(article.text), raw.origin)

    def prepare_chunk(self, chunk: Sequence[Item]) -> list[Prepared]:
        return [item if isinstance(item, ReadError) else self.prepare(item) for item in chunk]


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _worker_loop(preparer: ArticlePreparer, tasks: Any, results: Any, parent_pid: int) -> None:
    # Ctrl-C reaches the whole process group; the parent decides what happens, workers go on
    # until told to stop (or until the parent is gone).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while True:
        try:
            task = tasks.get(timeout=_WORKER_POLL_S)
        except queue.Empty:
            if os.getppid() != parent_pid:
                return
            continue
        if task is None:
            return
        number, chunk = task
        results.put((number, preparer.prepare_chunk(chunk)))


class ParallelPreparer:
    """Runs an ArticlePreparer over a stream in worker processes, yielding results in order.

    Enter it before opening the database: workers are forked from the parent, and a process
    should not fork while it holds an open DuckDB connection (its threads do not survive a fork).
    With `workers <= 1` everything runs in the calling process.
    """

    def __init__(
        self,
        preparer: ArticlePreparer,
        workers: int,
        chunk_size: int = _CHUNK_SIZE,
        chunks_in_flight: int | None = None,
    ) -> None:
        self.preparer = preparer
        self.workers = max(1, workers)
        self.chunk_size = chunk_size
        # Two chunks per worker keeps each busy while the parent writes; more only costs memory.
        self.chunks_in_flight = chunks_in_flight or 2 * self.workers
        self._processes: list[Any] = []
        self._tasks: Any = None
        self._results: Any = None

    def __enter__(self) -> ParallelPreparer:
        if self.workers > 1:
            method = "fork" if "fork" in mp.get_all_start_methods() else "spawn"
            context: Any = mp.get_context(method)
            self._tasks = context.Queue()
            self._results = context.Queue()
            for _ in range(self.workers):
                process = context.Process(
                    target=_worker_loop,
                    args=(self.preparer, self._tasks, self._results, os.getpid()),
                    daemon=True,
                )
                process.start()
                self._processes.append(process)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        for _ in self._processes:
            self._tasks.put(None)
        for process in self._processes:
            process.join(timeout=0.5 if exc_type else 5.0)
            if process.is_alive():
                process.terminate()
                process.join(timeout=1.0)
        for q in (self._tasks, self._results):
            if q is not None:
                q.cancel_join_thread()  # do not block exit on results nobody will read
                q.close()
        self._processes = []

    def map(self, items: Iterable[Item]) -> Iterator[Prepared]:
        """Prepare `items`, yielding one result per item in input order."""
        if not self._processes:
            for chunk in _chunks(items, self.chunk_size):
                yield from self.preparer.prepare_chunk(chunk)
            return
        chunks = _chunks(items, self.chunk_size)
        done: dict[int, list[Prepared]] = {}
        submitted = next_number = 0
        exhausted = False
        while True:
            while not exhausted and submitted - next_number < self.chunks_in_flight:
                try:
                    chunk = next(chunks)
                except StopIteration:
                    exhausted = True
                    break
                self._tasks.put((submitted, chunk))
                submitted += 1
            if exhausted and next_number == submitted:
                return
            while next_number not in done:
                number, results = self._next_result()
                done[number] = results
            yield from done.pop(next_number)
            next_number += 1

    def _next_result(self) -> tuple[int, list[Prepared]]:
        while True:
            try:
                result: tuple[int, list[Prepared]] = self._results.get(timeout=_WORKER_POLL_S)
                return result
            except queue.Empty:
                dead = [p for p in self._processes if not p.is_alive()]
                if dead:
                    codes = ", ".join(f"pid {p.pid} exit {p.exitcode}" for p in dead)
                    raise IngestError(
                        "ingest", f"a worker process died ({codes}); run it again to complete it"
                    ) from None


ProgressCallback = Callable[[IngestProgress], None]
ErrorCallback = Callable[[ReadError], None]


def ingest_items(
    prepared: Iterable[Prepared],
    store: Store,
    *,
    inputs: Sequence[str],
    batch_size: int = 500,
    pipeline_version: str = __version__,
    on_progress: ProgressCallback | None = None,
    on_error: ErrorCallback | None = None,
    mid_batch: Callable[[], None] | None = None,
) -> IngestRun:
    """Store a stream of prepared articles (and read errors) in batches; return the run.

    The run is recorded as `completed`, or as `interrupted`/`failed` when an exception ends it
    (the exception is re-raised); batches committed before that stay stored.
    """
    run = store.start_run(inputs, pipeline_version)
    started = time.monotonic()
    totals = {"read": 0, "stored": 0, "dup": 0, "versions": 0, "near": 0, "errors": 0, "n": 0}
    articles: list[PreparedArticle] = []
    errors: list[ReadError] = []

    def flush() -> None:
        if not articles and not errors:
            return
        batch_started = time.monotonic()
        outcome: BatchOutcome = store.write_batch(articles, run, errors, mid_batch)
        for key, value in (
            ("read", outcome.read),
            ("stored", outcome.stored),
            ("dup", outcome.duplicates),
            ("versions", outcome.new_versions),
            ("near", outcome.near_duplicates),
            ("errors", outcome.errors),
            ("n", 1),
        ):
            totals[key] += value
        articles.clear()
        errors.clear()
        if on_progress is not None:
            on_progress(
                IngestProgress(
                    run_id=run.id,
                    read=totals["read"],
                    stored=totals["stored"],
                    duplicates=totals["dup"],
                    new_versions=totals["versions"],
                    near_duplicates=totals["near"],
                    errors=totals["errors"],
                    batches=totals["n"],
                    elapsed_s=time.monotonic() - started,
                    batch_s=time.monotonic() - batch_started,
                    batch_stories_s=outcome.stories_s,
                )
            )

    try:
        for item in prepared:
            if isinstance(item, ReadError):
                errors.append(item)
                if on_error is not None:
                    on_error(item)
            else:
                articles.append(item)
            if len(articles) + len(errors) >= batch_size:
                flush()
        flush()
    except BaseException as exc:
        stopped = isinstance(exc, KeyboardInterrupt | IngestInterrupted)
        status: RunStatus = "interrupted" if stopped else "failed"
        with contextlib.suppress(Exception):  # the original exception is what the caller sees
            store.finish_run(run, status)
        raise
    return store.finish_run(run, "completed")


def ingest_paths(
    paths: Sequence[str | Path],
    settings: Settings,
    *,
    db_path: str | Path | None = None,
    overrides: DocumentOverrides | None = None,
    pipeline: Pipeline | None = None,
    near_duplicates: NearDuplicateParams | None = None,
    on_progress: ProgressCallback | None = None,
    on_error: ErrorCallback | None = None,
) -> IngestRun:
    """Read `paths`, process every article and store it in the database (idempotent).

    Example:
        >>> run = ingest_paths(["news/"], Settings(), db_path="corpus.duckdb")  # doctest: +SKIP
        >>> run.stored, run.duplicates, run.errors  # doctest: +SKIP
    """
    options = settings.store
    params = near_duplicates or NearDuplicateParams()
    preparer = ArticlePreparer(pipeline or Pipeline(settings), MinHasher(params))
    pause = options.batch_pause_s
    mid_batch = (lambda: time.sleep(pause)) if pause > 0 else None  # tests only
    workers = options.workers or os.cpu_count() or 1
    # Enough work in flight to keep the workers busy while the parent writes a whole batch (it
    # submits nothing meanwhile); bounded, so memory does not depend on the input's size.
    in_flight = max(2 * workers, -(-options.batch_size // _CHUNK_SIZE) + workers)
    with (
        ParallelPreparer(preparer, workers, chunks_in_flight=in_flight) as parallel,
        DuckDBStore(
            db_path or settings.db_path,
            near_duplicates=params,
            memory_limit_mb=options.db_memory_mb,
        ) as store,
    ):
        items = read_inputs(paths, settings.ingest, overrides)
        return ingest_items(
            parallel.map(items),
            store,
            inputs=[str(p) for p in paths],
            batch_size=options.batch_size,
            on_progress=on_progress,
            on_error=on_error,
            mid_batch=mid_batch,
        )
