"""Near-duplicate groups in the store, across separate ingest runs."""

from article_factory import OTHER_REPORT, REPORT, REWRITE, article

from tickerwire.store import DuckDBStore


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
