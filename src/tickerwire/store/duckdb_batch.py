"""Writing one batch of articles into the DuckDB store, inside the caller's transaction: the new
articles with their entities, events and conflicts, URL versions, near-duplicate groups, the
stories the batch touches, its read errors and the run's counts.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence

import duckdb

from tickerwire.cluster.near_duplicates import (
    Fingerprint,
    MinHasher,
    NearDuplicateParams,
    NewFingerprint,
)
from tickerwire.records import ReadError
from tickerwire.store.base import BatchOutcome, IngestRun, MidBatchHook, PreparedArticle
from tickerwire.store.duckdb_duplicates import group_articles
from tickerwire.store.rows import (
    ARTICLE_COLUMNS,
    CONFLICT_COLUMNS,
    ENTITY_COLUMNS,
    EVENT_COLUMNS,
    Columns,
    DuplicateInfo,
    article_rows,
)
from tickerwire.store.stored_reports import new_report_keys
from tickerwire.store.story_refresh import refresh_stories

VERSION_COLUMNS: dict[str, str] = {
    "url": "VARCHAR",
    "version": "INTEGER",
    "article_id": "VARCHAR",
    "first_seen": "TIMESTAMP",
    "run_id": "INTEGER",
}


def insert_columns(
    con: duckdb.DuckDBPyConnection, table: str, types: dict[str, str], rows: Columns
) -> None:
    """Insert column-wise rows with one statement (executemany is ~100x slower in DuckDB)."""
    names = list(types)
    if not rows[names[0]]:
        return
    selects = ", ".join(f'unnest(${i + 1}::{types[n]}[]) AS "{n}"' for i, n in enumerate(names))
    columns = ", ".join(f'"{n}"' for n in names)
    con.execute(f"INSERT INTO {table} ({columns}) SELECT {selects}", [rows[n] for n in names])


def new_fingerprint(
    hasher: MinHasher, article_id: str, fingerprint: Fingerprint | None
) -> NewFingerprint:
    """An article's fingerprint with its LSH band keys, ready for grouping."""
    keys = hasher.band_keys(fingerprint) if fingerprint is not None else []
    return NewFingerprint(article_id, fingerprint, keys)


def write_articles(
    con: duckdb.DuckDBPyConnection,
    prepared: Sequence[PreparedArticle],
    run: IngestRun,
    errors: Sequence[ReadError],
    mid_batch: MidBatchHook | None,
    *,
    hasher: MinHasher,
    params: NearDuplicateParams,
    now: dt.datetime,
) -> BatchOutcome:
    """Store a batch (articles already stored are skipped) and what it changes; the caller
    holds the transaction."""
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
    versions, new_versions = version_rows(con, prepared, new_ids, run.id, now)

    items = [new_fingerprint(hasher, p.article.id, p.fingerprint) for p in new]
    assignments = group_articles(con, items, [now] * len(items), params)
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
    insert_columns(con, "articles", ARTICLE_COLUMNS, rows.articles)
    if mid_batch is not None:
        mid_batch()
    insert_columns(con, "entities", ENTITY_COLUMNS, rows.entities)
    insert_columns(con, "events", EVENT_COLUMNS, rows.events)
    insert_columns(con, "conflicts", CONFLICT_COLUMNS, rows.conflicts)
    insert_columns(con, "article_versions", VERSION_COLUMNS, versions)
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


def version_rows(
    con: duckdb.DuckDBPyConnection,
    prepared: Sequence[PreparedArticle],
    new_ids: set[str],
    run_id: int,
    now: dt.datetime,
) -> tuple[Columns, int]:
    """URL -> text links for the batch: a text not yet seen at a URL is its next version."""
    columns: Columns = {name: [] for name in VERSION_COLUMNS}
    urls = sorted({p.article.url for p in prepared if p.article.url})
    if not urls:
        return columns, 0
    known: set[tuple[str, str]] = set()
    latest: dict[str, int] = {}
    for url, article_id, version in con.execute(
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
