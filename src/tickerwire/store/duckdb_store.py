"""The default store: one embedded DuckDB file.

DuckDB lets one process write a file at a time, so an ingest opens it read-write and every query
opens it read-only (`DuckDBStore(path, read_only=True)`); a query during an ingest is refused with
a clear message rather than waiting.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from tickerwire.cluster.near_duplicates import MinHasher, NearDuplicateParams
from tickerwire.errors import StoreError
from tickerwire.records import Article, ReadError, Story
from tickerwire.store.base import (
    ArticleVersion,
    BatchOutcome,
    EventFilter,
    IngestRun,
    MidBatchHook,
    PreparedArticle,
    RunStatus,
    StoredConflict,
    StoredEvent,
    StoryFilter,
    TimelineDay,
)
from tickerwire.store.duckdb_batch import write_articles
from tickerwire.store.duckdb_memory import (
    memory_config,
    raised_memory_limit,
    release_freed_heap,
)
from tickerwire.store.duckdb_reads import fetch_dicts, load_articles, query_events, query_timeline
from tickerwire.store.duckdb_runs import insert_run, load_runs, set_run_status, utc_now
from tickerwire.store.duckdb_schema import (
    LATEST_VERSION,
    READABLE_FROM,
    migrate,
    read_as_latest,
    schema_version,
)
from tickerwire.store.duckdb_stories import query_conflicts, query_stories
from tickerwire.store.duckdb_upkeep import finish_pending_work

# Articles loaded per query when reading many back (bounds memory of `articles()`).
_READ_CHUNK = 200
# Batches a writing connection commits before the store closes and reopens the database. DuckDB
# (2.0) keeps some 7 KB of C heap per committed transaction that deletes or updates rows (each
# batch replaces the stories it touches and updates group sizes) for as long as the database
# stays open: a CHECKPOINT does not release it, closing does. In the writer of
# benchmarks/ingest_throughput.py the C heap in use grew 0.33 MB per 1,000 articles (34 to 42.5 MB
# over 30,000; Python's objects and DuckDB's block cache stayed flat), about the 30 MB its
# resident memory crept over 100,000. Reopening every 20 batches (10,000 articles at the default
# batch size) holds it between 31 and 37 MB; a reopen costs a checkpoint the next batches would
# have made anyway and re-reading the blocks a batch needs.
REOPEN_EVERY_BATCHES = 20
_log = logging.getLogger(__name__)


class DuckDBStore:
    """The corpus in a DuckDB file (see `tickerwire.store.base.Store` for the methods)."""

    def __init__(
        self,
        path: str | Path,
        *,
        read_only: bool = False,
        near_duplicates: NearDuplicateParams | None = None,
        memory_limit_mb: int | None = None,
    ) -> None:
        """Open (and, for writing, create and migrate) the database at `path`.

        `memory_limit_mb` caps DuckDB's memory, its block cache included (see
        `config.StoreOptions.db_memory_mb`); None leaves DuckDB's default.
        """
        self.path = Path(path)
        self.read_only = read_only
        self._params = near_duplicates or NearDuplicateParams()
        self._hasher_instance: MinHasher | None = None
        self._memory_limit_mb = memory_limit_mb
        self._batches_since_open = 0
        if read_only and not self.path.exists():
            raise StoreError(str(self.path), "no database here (`tickerwire ingest` creates one)")
        self._con = self._connect()
        try:
            self._prepare()
        except BaseException:
            self._con.close()
            raise

    def _connect(self) -> duckdb.DuckDBPyConnection:
        try:
            config: dict[str, Any] = (
                memory_config(self._memory_limit_mb) if self._memory_limit_mb else {}
            )
            return duckdb.connect(str(self.path), read_only=self.read_only, config=config)
        except duckdb.Error as exc:
            hint = ""
            if "lock" in str(exc).lower():
                hint = " (another process, an ingest, is writing it; try again when it ends)"
            raise StoreError(str(self.path), f"cannot open the database{hint}: {exc}") from exc

    def _reopen(self) -> None:
        """Close the database and open it again (see `REOPEN_EVERY_BATCHES`), between batches.

        The old connection is closed first: DuckDB shares one open database between the
        connections of a process, so only closing the last releases what it holds."""
        self._con.close()
        release_freed_heap()
        self._con = self._connect()
        self._batches_since_open = 0

    @property
    def _hasher(self) -> MinHasher:
        # Built on first use: only writers need it (see MinHasher on its import cost).
        if self._hasher_instance is None:
            self._hasher_instance = MinHasher(self._params)
        return self._hasher_instance

    # -- opening ---------------------------------------------------------------------------

    def _prepare(self) -> None:
        version = schema_version(self._con)
        if version > LATEST_VERSION:
            raise StoreError(
                str(self.path),
                f"schema version {version} is newer than this tickerwire knows "
                f"({LATEST_VERSION}); upgrade tickerwire",
            )
        if self.read_only:
            if version < READABLE_FROM:
                raise StoreError(
                    str(self.path),
                    f"schema version {version} is older than {LATEST_VERSION}; "
                    "run `tickerwire migrate` (or any ingest) on it first",
                )
            if version < LATEST_VERSION:
                read_as_latest(self._con, version)
            return
        migrate(self._con)
        finish_pending_work(self._con, str(self.path), self._params, self._hasher)

    # -- runs ------------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str], pipeline_version: str) -> IngestRun:
        return insert_run(self._con, inputs, pipeline_version)

    def finish_run(self, run: IngestRun, status: RunStatus) -> IngestRun:
        if self._batches_since_open < 0:  # a reopen was cut short (see `write_batch`)
            self._reopen()
        set_run_status(self._con, run.id, status)
        runs = load_runs(self._con, "WHERE id = ?", [run.id])
        if not runs:
            raise StoreError(str(self.path), f"no ingest run {run.id}")
        return runs[0]

    def runs(self) -> list[IngestRun]:
        return load_runs(self._con)

    # -- writing ---------------------------------------------------------------------------

    def write_batch(
        self,
        articles: Sequence[Article | PreparedArticle],
        run: IngestRun,
        errors: Sequence[ReadError] = (),
        mid_batch: MidBatchHook | None = None,
    ) -> BatchOutcome:
        if self.read_only:
            raise StoreError(str(self.path), "opened read-only")
        prepared = [
            item
            if isinstance(item, PreparedArticle)
            else PreparedArticle(item, self._hasher.fingerprint(item.text))
            for item in articles
        ]
        if self._batches_since_open < 0:  # a reopen was cut short
            self._reopen()
        while True:
            self._con.begin()
            try:
                outcome = self._write(prepared, run, errors, mid_batch)
                self._con.commit()
            except duckdb.OutOfMemoryException as exc:
                with contextlib.suppress(duckdb.Error):
                    self._con.rollback()
                # The batch is one transaction, so it can run again from the start, with room.
                if not self._raise_memory_limit(exc):
                    raise StoreError(
                        str(self.path), f"out of memory at {self._memory_limit_mb} MB: {exc}"
                    ) from exc
                continue
            except BaseException:
                # The interruption may come after the commit, or the connection may be gone.
                with contextlib.suppress(duckdb.Error):
                    self._con.rollback()
                raise
            self._batches_since_open += 1
            if self._batches_since_open >= REOPEN_EVERY_BATCHES:
                # The batch is committed; should a signal stop the reopen halfway, the run's
                # final status is written after reopening (`finish_run`).
                self._batches_since_open = -1
                self._reopen()
            return outcome

    def _raise_memory_limit(self, exc: duckdb.OutOfMemoryException) -> bool:
        """Double the memory limit after a batch ran out of it (see `raised_memory_limit`)."""
        raised = raised_memory_limit(self._con, self._memory_limit_mb)
        if raised is None:
            return False
        self._memory_limit_mb = raised
        # DuckDB's message names what ran out (an operator, a checkpoint): the clue to bound it.
        _log.warning(
            "%s: a batch ran out of DuckDB's memory limit (%s); raised to %d MB and retried",
            self.path,
            str(exc).splitlines()[0] if str(exc) else type(exc).__name__,
            raised,
        )
        return True

    def _write(
        self,
        prepared: Sequence[PreparedArticle],
        run: IngestRun,
        errors: Sequence[ReadError],
        mid_batch: MidBatchHook | None,
    ) -> BatchOutcome:
        return write_articles(
            self._con,
            prepared,
            run,
            errors,
            mid_batch,
            hasher=self._hasher,
            params=self._params,
            now=utc_now(),
        )

    # -- reading ---------------------------------------------------------------------------

    def _dicts(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        return fetch_dicts(self._con, sql, params)

    def article(self, article_id: str) -> Article | None:
        found = self._load_articles([article_id])
        return found[0] if found else None

    def articles(self, *, url: str | None = None, limit: int | None = None) -> Iterator[Article]:
        where, params = "", []
        if url is not None:
            where = "WHERE id IN (SELECT article_id FROM article_versions WHERE url = ?)"
            params.append(url)
        sql = f"SELECT id FROM articles {where} ORDER BY published NULLS LAST, seq"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        ids = [r[0] for r in self._con.execute(sql, params).fetchall()]
        for start in range(0, len(ids), _READ_CHUNK):
            yield from self._load_articles(ids[start : start + _READ_CHUNK])

    def _load_articles(self, ids: Sequence[str]) -> list[Article]:
        return load_articles(self._con, ids)

    def versions(self, url: str) -> list[ArticleVersion]:
        return [
            ArticleVersion(r["url"], r["version"], r["article_id"], r["first_seen"], r["run_id"])
            for r in self._dicts(
                "SELECT * FROM article_versions WHERE url = ? ORDER BY version", [url]
            )
        ]

    def duplicate_group(self, article_id: str) -> str | None:
        row = self._con.execute(
            "SELECT duplicate_group FROM articles WHERE id = ?", [article_id]
        ).fetchone()
        return None if row is None else row[0]

    def events(self, filters: EventFilter) -> list[StoredEvent]:
        return query_events(self._con, filters)

    def timeline(
        self, listing: str, since: dt.date | None = None, until: dt.date | None = None
    ) -> list[TimelineDay]:
        return query_timeline(self._con, listing, since, until)

    def stories(self, filters: StoryFilter) -> list[Story]:
        return query_stories(self._con, filters)

    def conflicts(self, filters: StoryFilter) -> list[StoredConflict]:
        return query_conflicts(self._con, filters)

    def table_counts(self) -> dict[str, int]:
        tables = [
            r[0]
            for r in self._con.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = 'main' ORDER BY table_name"
            ).fetchall()
        ]
        counts: dict[str, int] = {}
        for table in tables:
            row = self._con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
            counts[table] = int(row[0]) if row else 0
        return counts

    @property
    def connection(self) -> duckdb.DuckDBPyConnection:
        """The underlying connection, for tests and tools that inspect tables directly."""
        return self._con

    # -- lifetime --------------------------------------------------------------------------

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> DuckDBStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()
