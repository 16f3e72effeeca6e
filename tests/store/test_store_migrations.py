"""Schema migrations: an old database is brought up to date and keeps its articles."""

import datetime as dt

import duckdb
import pytest
from article_factory import (
    OTHER_REPORT,
    REPORT,
    REWRITE,
    STORY_KEY_COLUMNS,
    article,
    drop_story_key_columns,
    figure,
    move,
)

from tickerwire.cli import main
from tickerwire.cluster.near_duplicates import NearDuplicateParams
from tickerwire.errors import StoreError
from tickerwire.records import Entity
from tickerwire.store import DuckDBStore
from tickerwire.store.duckdb_schema import LATEST_VERSION, MIGRATIONS, migrate, schema_version


def _version_1_database(path):
    """A database as the first tickerwire release wrote it, with three articles."""
    con = duckdb.connect(str(path))
    assert migrate(con, target=1) == [1]
    for seq, item in enumerate(
        [article(REPORT, url="https://a.test/1"), article(OTHER_REPORT), article(REWRITE)], 1
    ):
        con.execute(
            "INSERT INTO articles (id, seq, url, text, removed, sentiment_score, sentiment_label,"
            " pipeline_version, first_ingested, run_id) VALUES (?, ?, ?, ?, '[]', 0, 'neutral',"
            " '0.0.9', ?, 1)",
            [item.id, seq, item.url, item.text, dt.datetime(2025, 1, 1)],
        )
    con.execute(
        "INSERT INTO ingest_runs (id, started, status, inputs, pipeline_version, articles_read,"
        " stored) VALUES (1, ?, 'completed', '[\"old\"]', '0.0.9', 3, 3)",
        [dt.datetime(2025, 1, 1)],
    )
    con.close()


def test_migrations_are_numbered_in_order():
    assert [m.number for m in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_an_old_database_is_migrated_and_its_articles_grouped(db_file):
    _version_1_database(db_file)
    with pytest.raises(StoreError, match="tickerwire migrate"):
        DuckDBStore(db_file, read_only=True)
    report, other, rewrite = (article(t).id for t in (REPORT, OTHER_REPORT, REWRITE))
    with DuckDBStore(db_file) as store:
        assert schema_version(store.connection) == LATEST_VERSION
        assert store.article(report).url == "https://a.test/1"
        # Stored before near-duplicates existed, now grouped in storage order.
        assert store.duplicate_group(rewrite) == report
        assert store.duplicate_group(other) == other
        sizes = dict(store.connection.execute("SELECT id, size FROM duplicate_groups").fetchall())
        assert sizes == {report: 2, other: 1}
        [run] = store.runs()
        assert (run.stored, run.near_duplicates, run.status) == (3, 0, "completed")
        # The migrated LSH state works for new articles too.
        mirror = article("UPDATED " + REPORT, url="https://mirror.test/9")
        new_run = store.start_run(["new"], "0.1.0")
        outcome = store.write_batch([mirror], new_run)
        assert outcome.near_duplicates == 1
        assert store.duplicate_group(mirror.id) == report
    with DuckDBStore(db_file, read_only=True) as reader:
        assert reader.table_counts()["articles"] == 4


def test_migrate_command_updates_an_old_database(db_file, capsys):
    _version_1_database(db_file)
    assert main(["migrate", "--db", str(db_file)]) == 0
    assert f"schema version {LATEST_VERSION}" in capsys.readouterr().out
    with DuckDBStore(db_file, read_only=True) as reader:
        assert reader.table_counts()["articles"] == 3


def test_signatures_from_other_settings_are_refused(db_file):
    DuckDBStore(db_file).close()
    with pytest.raises(StoreError, match="near-duplicate"):
        DuckDBStore(db_file, near_duplicates=NearDuplicateParams(shingle_words=5))


def _keyed_events() -> list:
    """Events whose story keys cover each case: a plain figure, an estimate, a forecast, a
    figure with a period end and no segment, and a move (no metric at all)."""
    sentence = "Dairy revenue grew 4% in the quarter."
    return [
        figure("lindqvist", sentence, metric="revenue", segment="dairy", change_pct=4.0),
        figure(
            "lindqvist",
            sentence,
            metric="revenue",
            segment="dairy",
            change_pct=5.0,
            is_estimate=True,
        ),
        figure("lindqvist", sentence, metric="revenue", change_pct=6.0, fact_level="forecast"),
        figure("lindqvist", sentence, metric="net_income", period_end="2025-03-31", value=12.5),
        move("LQF.ST", 1.5, dt.date(2025, 3, 4), entity="lindqvist"),
    ]


def test_story_key_columns_are_filled_as_migration_7_fills_them(db_file):
    lindqvist = Entity(id="lindqvist", name="Lindqvist Foods", type="company", tickers=["LQF.ST"])
    mirror = article("UPDATED " + REPORT, entities=[lindqvist], events=_keyed_events())
    with DuckDBStore(db_file) as store:
        run = store.start_run(["keys"], "0.1.0")
        store.write_batch([article(REPORT), mirror], run)
        columns = ", ".join(STORY_KEY_COLUMNS)
        query = f"SELECT position, {columns} FROM events ORDER BY position"
        written = store.connection.execute(query).fetchall()
        # As a database from before migration 7 has them: the columns are filled from the JSON.
        drop_story_key_columns(store.connection)
        store.connection.execute("DELETE FROM schema_version WHERE version >= 7")
    with DuckDBStore(db_file) as store:
        migrated = store.connection.execute(query).fetchall()
    report = article(REPORT).id
    assert [row[4] for row in written] == [True, False, False, True, True]
    assert {row[5] for row in written} == {report}  # the mirror's group is its original's
    assert written[0][1:4] == ("revenue", "dairy", None)
    assert written[3][1:4] == ("net_income", None, "2025-03-31")
    assert {tuple(row[6]) for row in written} == {("LQF.ST",)}
    assert migrated == written
