"""Near-duplicate groups in the store, across separate ingest runs."""

import datetime as dt
import random

from article_factory import OTHER_REPORT, REPORT, REWRITE, article

from tickerwire.cluster.near_duplicates import MinHasher, NearDuplicateParams, NewFingerprint
from tickerwire.store import DuckDBStore
from tickerwire.store.duckdb_duplicates import (
    MAX_BUCKET_ARTICLES,
    group_articles,
    lookup_candidates,
)


def _ingest(path, items):
    with DuckDBStore(path) as store:
        run = store.start_run(["test"], "0.1.0")
        outcome = store.write_batch(items, run)
        store.finish_run(run, "completed")
    return outcome


def test_a_rewrite_in_a_later_run_joins_the_group_of_the_earlier_report(db_file):
    report, rewrite, other = article(REPORT), article(REWRITE), article(OTHER_REPORT)
    assert _ingest(db_file, [report]).near_duplicates == 0
    outcome = _ingest(db_file, [other, rewrite])
    assert (outcome.stored, outcome.near_duplicates) == (2, 1)
    with DuckDBStore(db_file, read_only=True) as store:
        assert store.duplicate_group(rewrite.id) == report.id
        assert store.duplicate_group(other.id) == other.id
        row = store.connection.execute(
            "SELECT duplicate_of, duplicate_similarity FROM articles WHERE id = ?", [rewrite.id]
        ).fetchone()
        sizes = dict(store.connection.execute("SELECT id, size FROM duplicate_groups").fetchall())
    assert row[0] == report.id and 0.7 <= row[1] < 1.0
    assert sizes == {report.id: 2, other.id: 1}


def test_copies_join_a_group_without_growing_the_lsh_index(db_file):
    report = article(REPORT)
    copies = [article(f"{REPORT} (copy {n})") for n in range(3)]
    _ingest(db_file, [report, *copies])
    with DuckDBStore(db_file, read_only=True) as store:
        groups = {store.duplicate_group(c.id) for c in copies}
        indexed = store.table_counts()["minhash_signatures"]
    assert groups == {report.id}
    assert indexed == 1  # copies add no new variant to match against


def _fingerprints(count: int) -> list[NewFingerprint]:
    """Unrelated texts (each its own group, so indexed) that all hold one shared LSH bucket,
    as a template's boilerplate band does, and one bucket of their own."""
    hasher = MinHasher(NearDuplicateParams())
    items = []
    for n in range(count):
        words = random.Random(n).sample(_WORDS, 40)
        fingerprint = hasher.fingerprint(" ".join(words) + ".")
        assert fingerprint is not None
        items.append(NewFingerprint(f"text-{n}", fingerprint, [_SHARED, 1000 + n]))
    return items


_TEXT = (
    "quarter revenue margin freight tanker harbour dividend buyback outlook guidance retail "
    "wholesale copper nickel cobalt lithium battery vessel charter fleet refinery pipeline "
    "turbine blade wind solar grid tariff levy customs export import container crane quay "
    "berth depot ledger invoice warrant bond coupon yield spread auction treasury"
)
_WORDS = _TEXT.split()
_SHARED = 7


def test_a_template_bucket_stops_growing_and_its_texts_stay_findable(store):
    items = _fingerprints(MAX_BUCKET_ARTICLES + 5)
    now = dt.datetime(2025, 3, 3, 9, 0)
    params = NearDuplicateParams()
    con = store.connection
    assignments = group_articles(con, items, [now] * len(items), params)
    assert all(a.indexed and a.group_id == a.article_id for a in assignments)
    shared = con.execute("SELECT count(*) FROM minhash_bands WHERE bucket = ?", [_SHARED])
    assert shared.fetchone() == (MAX_BUCKET_ARTICLES,)
    # A later text holding only the shared bucket is compared with a bounded number of texts,
    late = items[-1]
    template_only = NewFingerprint("late-template", late.fingerprint, [_SHARED])
    assert len(lookup_candidates(con, [template_only]).candidates[0]) == MAX_BUCKET_ARTICLES
    # and a copy of a text the full bucket did not take still finds it through its own band.
    copy = NewFingerprint("late-copy", late.fingerprint, late.band_keys)
    found = {c.article_id for c in lookup_candidates(con, [copy]).candidates[0]}
    assert late.article_id in found


def test_the_lookup_ranks_candidates_by_shared_buckets_and_counts_each_bucket(store):
    # Stored texts holding 3, 2 and 1 of a new text's buckets, plus one holding none of them.
    items = _fingerprints(4)
    keyed = [
        NewFingerprint(items[0].article_id, items[0].fingerprint, [11, 12, 13]),
        NewFingerprint(items[1].article_id, items[1].fingerprint, [11, 12, 900]),
        NewFingerprint(items[2].article_id, items[2].fingerprint, [13, 901]),
        NewFingerprint(items[3].article_id, items[3].fingerprint, [902]),
    ]
    con = store.connection
    group_articles(con, keyed, [dt.datetime(2025, 3, 3, 9, 0)] * 4, NearDuplicateParams())
    new = NewFingerprint("new", items[0].fingerprint, [11, 12, 13, 14])
    lookup = lookup_candidates(con, [new])
    ranked = [c.article_id for c in lookup.candidates[0]]
    assert ranked[0] == items[0].article_id
    assert set(ranked) == {items[0].article_id, items[1].article_id, items[2].article_id}
    assert lookup.bucket_sizes == {11: 2, 12: 2, 13: 2}  # bucket 14 is empty: absent
