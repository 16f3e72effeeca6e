"""The database side of near-duplicate grouping: LSH lookups and persisted signatures in DuckDB.

The grouping decision itself is `tickerwire.cluster.near_duplicates`; this module finds the stored
candidates that share a band key with new articles and records the outcome (signatures and band
keys of the articles that add a new variant, and the size of each group).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from tickerwire.cluster.near_duplicates import (
    Candidate,
    GroupAssignment,
    NearDuplicateParams,
    NewFingerprint,
    assign_duplicate_groups,
    fingerprint_from_bytes,
    fingerprint_to_bytes,
)

# Candidates per new article, best first by the number of band keys shared (the chance that two
# signatures share a band grows as similarity**rows, so the count ranks candidates well). A text
# with thousands of stored variants (a bot's template) still costs one bounded comparison.
MAX_CANDIDATES = 50
# Articles indexed per LSH bucket. A band that many texts share is boilerplate or a template
# (in the 100,000-article benchmark, the unchanged paragraphs of a company's weekly copies: a
# bucket gained a member every week, 245 after 40,000 articles), and every new text holding it
# joined all of them: the lookup's rows, memory and time grew with the corpus, and past 50,000
# articles it needed more than the writer's 64 MB memory limit. A bucket stops taking members
# once it has this many; a text in it still finds those, and its near-duplicates find it through
# its other bands (mirrors and rewrites share most bands, most of them in small buckets). 20
# keeps the lookup to at most 20 rows per band of a new text (400 with 20 bands) and is far
# above the bucket size of texts that are no template (1 to 3 in the benchmark's fresh articles).
MAX_BUCKET_ARTICLES = 20


@dataclass(frozen=True)
class BandLookup:
    """What the stored LSH index holds for a batch's band keys: the candidates of each item
    (keyed by its position in the batch) and how many articles each of the keys' buckets holds
    (absent: none), which bounds the buckets as the batch's articles are indexed."""

    candidates: dict[int, list[Candidate]]
    bucket_sizes: dict[int, int]


def stored_buckets(con: duckdb.DuckDBPyConnection, keys: Sequence[int]) -> dict[int, list[str]]:
    """The stored articles of each of these LSH buckets (absent: an empty bucket).

    One scan of `minhash_bands` per batch answers both what the batch's articles may be
    near-duplicates of and how full their buckets are (two scans before). The members come back
    as one list per bucket, at most `MAX_BUCKET_ARTICLES` each (more only in databases made
    before the cap), so the rows returned are bounded by the batch, not by the corpus.
    """
    if not keys:
        return {}
    return {
        int(bucket): list(members)
        for bucket, members in con.execute(
            "SELECT bucket, list(article_id ORDER BY article_id) FROM minhash_bands "
            "WHERE bucket IN (SELECT unnest($1::BIGINT[])) GROUP BY bucket",
            [sorted(set(keys))],
        ).fetchall()
    }


def lookup_candidates(
    con: duckdb.DuckDBPyConnection, items: Sequence[NewFingerprint]
) -> BandLookup:
    """Stored articles sharing a band key with each item (keyed by the item's position), the
    `MAX_CANDIDATES` sharing the most keys (ties: smallest article id), and the sizes of the
    items' buckets."""
    buckets = stored_buckets(con, [key for item in items for key in item.band_keys])
    sizes = {bucket: len(members) for bucket, members in buckets.items()}
    ranked_ids: dict[int, list[str]] = {}
    for position, item in enumerate(items):
        counts: Counter[str] = Counter()
        for key in item.band_keys:
            counts.update(buckets.get(key, ()))
        if counts:
            ranked = sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))
            ranked_ids[position] = [article_id for article_id, _ in ranked[:MAX_CANDIDATES]]
    if not ranked_ids:
        return BandLookup({}, sizes)
    wanted = sorted({article_id for ids in ranked_ids.values() for article_id in ids})
    stored = {
        article_id: Candidate(article_id, group, fingerprint_from_bytes(blob))
        for article_id, group, blob in con.execute(
            "SELECT article_id, duplicate_group, signature FROM minhash_signatures "
            "WHERE article_id IN (SELECT unnest($1::VARCHAR[]))",
            [wanted],
        ).fetchall()
    }
    found: dict[int, list[Candidate]] = {}
    for position, ids in ranked_ids.items():
        for article_id in ids:
            if article_id in stored:
                found.setdefault(position, []).append(stored[article_id])
    return BandLookup(found, sizes)


def group_articles(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[NewFingerprint],
    first_seen: Sequence[dt.datetime],
    params: NearDuplicateParams,
) -> list[GroupAssignment]:
    """Assign each item (in order) a duplicate group and record the result, within the caller's
    transaction: signatures and band keys of indexed items, new groups and group sizes."""
    lookup = lookup_candidates(con, items)
    assignments = assign_duplicate_groups(items, lookup.candidates, params)
    _store_signatures(con, items, assignments, dict(lookup.bucket_sizes))
    _update_groups(con, assignments, first_seen)
    return assignments


def _store_signatures(
    con: duckdb.DuckDBPyConnection,
    items: Sequence[NewFingerprint],
    assignments: Sequence[GroupAssignment],
    sizes: dict[int, int],
) -> None:
    """Store the signatures and band keys of the items that add a new variant; `sizes` (the
    stored size of every bucket of the items, updated here) keeps each bucket within
    `MAX_BUCKET_ARTICLES`."""
    ids: list[str] = []
    groups: list[str] = []
    blobs: list[bytes] = []
    band_ids: list[str] = []
    buckets: list[int] = []
    indexed = [
        (item, assignment.group_id)
        for item, assignment in zip(items, assignments, strict=True)
        if assignment.indexed and item.fingerprint is not None
    ]
    for item, group in indexed:
        assert item.fingerprint is not None
        ids.append(item.article_id)
        groups.append(group)
        blobs.append(fingerprint_to_bytes(item.fingerprint))
        for key in item.band_keys:
            if sizes.get(key, 0) < MAX_BUCKET_ARTICLES:
                sizes[key] = sizes.get(key, 0) + 1
                band_ids.append(item.article_id)
                buckets.append(key)
    if ids:
        con.execute(
            "INSERT INTO minhash_signatures SELECT unnest($1::VARCHAR[]), "
            "unnest($2::VARCHAR[]), unnest($3::BLOB[])",
            [ids, groups, blobs],
        )
    if buckets:
        con.execute(
            "INSERT INTO minhash_bands SELECT unnest($1::BIGINT[]), unnest($2::VARCHAR[])",
            [buckets, band_ids],
        )


def _update_groups(
    con: duckdb.DuckDBPyConnection,
    assignments: Sequence[GroupAssignment],
    first_seen: Sequence[dt.datetime],
) -> None:
    new_groups: dict[str, dt.datetime] = {}
    sizes: Counter[str] = Counter()
    for assignment, seen in zip(assignments, first_seen, strict=True):
        if assignment.group_id == assignment.article_id:
            new_groups[assignment.article_id] = seen
        sizes[assignment.group_id] += 1
    if new_groups:
        ids = list(new_groups)
        con.execute(
            "INSERT INTO duplicate_groups SELECT unnest($1::VARCHAR[]), unnest($1::VARCHAR[]), "
            "unnest($2::TIMESTAMP[]), unnest($3::INTEGER[])",
            [ids, [new_groups[i] for i in ids], [sizes.pop(i) for i in ids]],
        )
    if sizes:
        con.execute(
            """UPDATE duplicate_groups SET size = size + grown.n
               FROM (SELECT unnest($1::VARCHAR[]) AS id, unnest($2::INTEGER[]) AS n) AS grown
               WHERE duplicate_groups.id = grown.id""",
            [list(sizes), list(sizes.values())],
        )
