"""What opening a DuckDB store for writing does after the schema migrations: check that its
near-duplicate signatures were made with the settings in use, and finish the work migrations
leave pending (grouping articles stored before near-duplicate detection, rebuilding every story).
"""

from __future__ import annotations

import duckdb

from tickerwire.cluster.near_duplicates import MinHasher, NearDuplicateParams
from tickerwire.errors import StoreError
from tickerwire.store.duckdb_batch import new_fingerprint
from tickerwire.store.duckdb_duplicates import group_articles
from tickerwire.store.duckdb_runs import utc_now
from tickerwire.store.story_refresh import rebuild_all_stories

# Articles fingerprinted and grouped per step of the backfill (bounds its memory).
_BACKFILL_CHUNK = 1000


def read_meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """A value of `store_meta`, or None."""
    row = con.execute("SELECT value FROM store_meta WHERE key = ?", [key]).fetchone()
    return None if row is None else str(row[0])


def write_meta(con: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Set a value of `store_meta`."""
    con.execute("DELETE FROM store_meta WHERE key = ?", [key])
    con.execute("INSERT INTO store_meta VALUES (?, ?)", [key, value])


def check_near_duplicate_params(
    con: duckdb.DuckDBPyConnection, path: str, params: NearDuplicateParams, hasher: MinHasher
) -> None:
    """Record the near-duplicate settings on first use; refuse others afterwards."""
    wanted = {
        "near_duplicate_params": params.fingerprint(),
        "minhash_probe": hasher.probe_fingerprint(),
    }
    for key, value in wanted.items():
        stored = read_meta(con, key)
        if stored is None:
            write_meta(con, key, value)
        elif stored != value:
            raise StoreError(
                path,
                f"its near-duplicate signatures were made with other settings ({key}); "
                "ingest into a new database or use the settings it was made with",
            )


def backfill_signatures(
    con: duckdb.DuckDBPyConnection, params: NearDuplicateParams, hasher: MinHasher
) -> None:
    """Group articles stored before near-duplicate detection existed, in storage order."""
    con.begin()
    try:
        con.execute("DELETE FROM duplicate_groups")
        rows = con.execute("SELECT id, text, first_ingested FROM articles ORDER BY seq").fetchall()
        for start in range(0, len(rows), _BACKFILL_CHUNK):
            chunk = rows[start : start + _BACKFILL_CHUNK]
            items = [new_fingerprint(hasher, r[0], hasher.fingerprint(r[1])) for r in chunk]
            seen = [r[2] or utc_now() for r in chunk]
            assignments = group_articles(con, items, seen, params)
            con.execute(
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
        con.execute(
            """UPDATE events SET duplicate_group = a.duplicate_group
               FROM articles AS a WHERE a.id = events.article_id"""
        )
        write_meta(con, "signatures_backfill", "done")
        con.commit()
    except BaseException:
        con.rollback()
        raise


def rebuild_stories(con: duckdb.DuckDBPyConnection) -> None:
    """Group every stored report into stories (left pending by schema migrations 6 and 8)."""
    con.begin()
    try:
        rebuild_all_stories(con, run_id=0)
        con.execute("DELETE FROM store_meta WHERE key = 'stories_rebuild'")
        con.commit()
    except BaseException:
        con.rollback()
        raise


def finish_pending_work(
    con: duckdb.DuckDBPyConnection, path: str, params: NearDuplicateParams, hasher: MinHasher
) -> None:
    """Everything opening for writing does once the schema is up to date."""
    check_near_duplicate_params(con, path, params, hasher)
    if read_meta(con, "signatures_backfill") == "pending":
        backfill_signatures(con, params, hasher)
    if read_meta(con, "stories_rebuild") == "pending":
        rebuild_stories(con)
