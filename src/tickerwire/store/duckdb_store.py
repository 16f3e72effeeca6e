"""The default store: one embedded DuckDB file.

DuckDB lets one process write a file at a time, so an ingest opens it read-write and every query
opens it read-only (`DuckDBStore(path, read_only=True)`); a query during an ingest is refused with
a clear message rather than waiting.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb

from tickerwire.cluster.near_duplicates import (
    Fingerprint,
    MinHasher,
    NearDuplicateParams,
    NewFingerprint,
)
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
from tickerwire.store.duckdb_duplicates import group_articles
from tickerwire.store.duckdb_memory import (
    memory_config,
    raised_memory_limit,
    release_freed_heap,
)
from tickerwire.store.duckdb_reads import fetch_dicts, load_articles, query_events, query_timeline
from tickerwire.store.duckdb_schema import (
    LATEST_VERSION,
    READABLE_FROM,
    migrate,
    read_as_latest,
    schema_version,
)
from tickerwire.store.duckdb_stories import query_conflicts, query_stories
from tickerwire.store.rows import (
    ARTICLE_COLUMNS,
    CONFLICT_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    Columns,
    DuplicateInfo,
    article_rows,
)
from tickerwire.store.story_refresh import (
    new_report_keys,
    rebuild_all_stories,
    refresh_stories,
)

# Articles loaded per query when reading many back (bounds memory of `articles()`).
_READ_CHUNK = 200
_BACKFILL_CHUNK = 1000
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
_RUN_COLUMNS = (
    "id, started, inputs, pipeline_version, status, finished, articles_read, stored, "
    "duplicates, new_versions, near_duplicates, errors"
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def _insert(
    con: duckdb.DuckDBPyConnection, table: str, types: dict[str, str], rows: Columns
) -> None:
    """Insert column-wise rows with one statement (executemany is ~100x slower in DuckDB)."""
    names = list(types)
    if not rows[names[0]]:
        return
    selects = ", ".join(f'unnest(${i + 1}::{types[n]}[]) AS "{n}"' for i, n in enumerate(names))
    columns = ", ".join(f'"{n}"' for n in names)
    con.execute(f"INSERT INTO {table} ({columns}) SELECT {selects}", [rows[n] for n in names])


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
        self._check_near_duplicate_params()
        if self._meta("signatures_backfill") == "pending":
            self._backfill_signatures()
        if self._meta("stories_rebuild") == "pending":
            self._rebuild_stories()

    def _meta(self, key: str) -> str | None:
        row = self._con.execute("SELECT value FROM store_meta WHERE key = ?", [key]).fetchone()
        return None if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        self._con.execute("DELETE FROM store_meta WHERE key = ?", [key])
        self._con.execute("INSERT INTO store_meta VALUES (?, ?)", [key, value])

    def _check_near_duplicate_params(self) -> None:
        wanted = {
            "near_duplicate_params": self._params.fingerprint(),
            "minhash_probe": self._hasher.probe_fingerprint(),
        }
        for key, value in wanted.items():
            stored = self._meta(key)
            if stored is None:
                self._set_meta(key, value)
            elif stored != value:
                raise StoreError(
                    str(self.path),
                    f"its near-duplicate signatures were made with other settings ({key}); "
                    "ingest into a new database or use the settings it was made with",
                )

    def _backfill_signatures(self) -> None:
        """Group articles stored before near-duplicate detection existed, in storage order."""
        self._con.begin()
        try:
            self._con.execute("DELETE FROM duplicate_groups")
            rows = self._con.execute(
                "SELECT id, text, first_ingested FROM articles ORDER BY seq"
            ).fetchall()
            for start in range(0, len(rows), _BACKFILL_CHUNK):
                chunk = rows[start : start + _BACKFILL_CHUNK]
                items = [self._new_fingerprint(r[0], self._hasher.fingerprint(r[1])) for r in chunk]
                seen = [r[2] or _now() for r in chunk]
                assignments = group_articles(self._con, items, seen, self._params)
                self._con.execute(
                    """UPDATE articles SET duplicate_group = u.g, duplicate_of = u.m,
                           duplicate_similarity = u.s
                       FROM (SELECT unnest($1::VARCHAR[]) AS id, unnest($2::VARCHAR[]) AS g,
                                    unnest($3::VARCHAR[]) AS m, unnest($4::DOUBLE[]) AS s) AS u
                       WHERE articles.id = u.id""",
                    [
                        [a.article_id for a in assignments],
                        [a.group_id for a in assignments],
                        [a.matched for a in assignments],
                        [a.similarity for a in assignments],
                    ],
                )
            self._con.execute(
                """UPDATE events SET duplicate_group = a.duplicate_group
                   FROM articles AS a WHERE a.id = events.article_id"""
            )
            self._set_meta("signatures_backfill", "done")
            self._con.commit()
        except BaseException:
            self._con.rollback()
            raise

    def _rebuild_stories(self) -> None:
        """Group every stored report into stories (left pending by schema migration 6)."""
        self._con.begin()
        try:
            rebuild_all_stories(self._con, run_id=0)
            self._con.execute("DELETE FROM store_meta WHERE key = 'stories_rebuild'")
            self._con.commit()
        except BaseException:
            self._con.rollback()
            raise

    def _new_fingerprint(self, article_id: str, fingerprint: Fingerprint | None) -> NewFingerprint:
        keys = self._hasher.band_keys(fingerprint) if fingerprint is not None else []
        return NewFingerprint(article_id, fingerprint, keys)

    # -- runs ------------------------------------------------------------------------------

    def start_run(self, inputs: Sequence[str], pipeline_version: str) -> IngestRun:
        row = self._con.execute("SELECT coalesce(max(id), 0) + 1 FROM ingest_runs").fetchone()
        run = IngestRun(
            id=int(row[0]) if row else 1,
            started=_now(),
            inputs=tuple(inputs),
            pipeline_version=pipeline_version,
        )
        self._con.execute(
            "INSERT INTO ingest_runs (id, started, status, inputs, pipeline_version) "
            "VALUES (?, ?, 'running', ?, ?)",
            [run.id, run.started, json.dumps(list(run.inputs)), run.pipeline_version],
        )
        return run

    def finish_run(self, run: IngestRun, status: RunStatus) -> IngestRun:
        if self._batches_since_open < 0:  # a reopen was cut short (see `write_batch`)
            self._reopen()
        self._con.execute(
            "UPDATE ingest_runs SET status = ?, finished = ? WHERE id = ?",
            [status, _now(), run.id],
        )
        return self._run(run.id)

    def _run(self, run_id: int) -> IngestRun:
        runs = self._runs("WHERE id = ?", [run_id])
        if not runs:
            raise StoreError(str(self.path), f"no ingest run {run_id}")
        return runs[0]

    def runs(self) -> list[IngestRun]:
        return self._runs("", [])

    def _runs(self, where: str, params: list[Any]) -> list[IngestRun]:
        rows = self._con.execute(
            f"SELECT {_RUN_COLUMNS} FROM ingest_runs {where} ORDER BY id", params
        ).fetchall()
        return [
            IngestRun(
                id=r[0],
                started=r[1],
                inputs=tuple(json.loads(r[2])),
                pipeline_version=r[3],
                status=r[4],
                finished=r[5],
                articles_read=r[6],
                stored=r[7],
                duplicates=r[8],
                new_versions=r[9],
                near_duplicates=r[10],
                errors=r[11],
            )
            for r in rows
        ]

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
        con = self._con
        now = _now()
        ids = [p.article.id for p in prepared]
        existing = {
            r[0]
            for r in con.execute(
                "SELECT id FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[]))", [ids]
            ).fetchall()
        }
        new: list[PreparedArticle] = []
        for item in prepared:
            if item.article.id not in existing:
                existing.add(item.article.id)
                new.append(item)
        new_ids = {p.article.id for p in new}
        versions, new_versions = self._version_rows(prepared, new_ids, run.id, now)

        items = [self._new_fingerprint(p.article.id, p.fingerprint) for p in new]
        assignments = group_articles(con, items, [now] * len(items), self._params)
        duplicates = {
            a.article_id: DuplicateInfo(a.group_id, a.matched, a.similarity) for a in assignments
        }
        seq_row = con.execute("SELECT coalesce(max(seq), 0) + 1 FROM articles").fetchone()
        rows = article_rows(
            [p.article for p in new],
            first_seq=int(seq_row[0]) if seq_row else 1,
            run_id=run.id,
            now=now,
            duplicates=duplicates,
        )
        _insert(con, "articles", ARTICLE_COLUMNS, rows.articles)
        if mid_batch is not None:
            mid_batch()
        _insert(con, "entities", ENTITY_COLUMNS, rows.entities)
        _insert(con, "events", EVENT_COLUMNS, rows.events)
        _insert(con, "conflicts", CONFLICT_COLUMNS, rows.conflicts)
        _insert(con, "article_versions", _VERSION_COLUMNS, versions)
        # After the events, and after near-duplicate grouping (novelty uses the groups).
        refresh_started = time.perf_counter()
        keys = new_report_keys(
            [p.article for p in new],
            rows.articles["seq"],
            rows.articles["duplicate_group"],
        )
        refresh_stories(con, [p.article.id for p in new], run.id, new_reports=keys)
        stories_s = time.perf_counter() - refresh_started
        if errors:
            con.execute(
                "INSERT INTO ingest_errors SELECT $1, unnest($2::VARCHAR[]), unnest($3::VARCHAR[])",
                [run.id, [e.origin for e in errors], [e.reason for e in errors]],
            )
        outcome = BatchOutcome(
            read=len(prepared),
            stored=len(new),
            duplicates=len(prepared) - len(new),
            new_versions=new_versions,
            near_duplicates=sum(1 for a in assignments if a.group_id != a.article_id),
            errors=len(errors),
            stories_s=stories_s,
        )
        con.execute(
            """UPDATE ingest_runs SET articles_read = articles_read + ?, stored = stored + ?,
                   duplicates = duplicates + ?, new_versions = new_versions + ?,
                   near_duplicates = near_duplicates + ?, errors = errors + ?
               WHERE id = ?""",
            [
                outcome.read,
                outcome.stored,
                outcome.duplicates,
                outcome.new_versions,
                outcome.near_duplicates,
                outcome.errors,
                run.id,
            ],
        )
        return outcome

    def _version_rows(
        self,
        prepared: Sequence[PreparedArticle],
        new_ids: set[str],
        run_id: int,
        now: dt.datetime,
    ) -> tuple[Columns, int]:
        """URL -> text links for the batch: a text not yet seen at a URL is its next version."""
        columns: Columns = {name: [] for name in _VERSION_COLUMNS}
        urls = sorted({p.article.url for p in prepared if p.article.url})
        if not urls:
            return columns, 0
        known: set[tuple[str, str]] = set()
        latest: dict[str, int] = {}
        for url, article_id, version in self._con.execute(
            "SELECT url, article_id, version FROM article_versions "
            "WHERE url IN (SELECT unnest($1::VARCHAR[]))",
            [urls],
        ).fetchall():
            known.add((url, article_id))
            latest[url] = max(latest.get(url, 0), version)
        new_versions = 0
        for item in prepared:
            url, article_id = item.article.url, item.article.id
            if not url or (url, article_id) in known:
                continue
            known.add((url, article_id))
            latest[url] = latest.get(url, 0) + 1
            if latest[url] > 1 and article_id in new_ids:
                new_versions += 1
            for name, value in (
                ("url", url),
                ("version", latest[url]),
                ("article_id", article_id),
                ("first_seen", now),
                ("run_id", run_id),
            ):
                columns[name].append(value)
        return columns, new_versions

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


_VERSION_COLUMNS: dict[str, str] = {
    "url": "VARCHAR",
    "version": "INTEGER",
    "article_id": "VARCHAR",
    "first_seen": "TIMESTAMP",
    "run_id": "INTEGER",
}
