"""The publication moment (`Article.published_at`) in the store, its queries, and databases
made before it was stored (schema version 8)."""

import datetime as dt
import json
from zoneinfo import ZoneInfo

import duckdb
import pytest
from article_factory import ALIBABA, OTHER_REPORT, REPORT, article, move

from tickerwire.cli import main
from tickerwire.errors import StoreError
from tickerwire.records import Article
from tickerwire.store import DuckDBStore, EventFilter
from tickerwire.store.duckdb_schema import LATEST_VERSION, migrate, schema_version
from tickerwire.store.rows import article_rows

NEW_YORK = ZoneInfo("America/New_York")
# Before the open in New York, stated in the writer's own zone.
MORNING = dt.datetime(2025, 3, 4, 7, 5, tzinfo=NEW_YORK)
DAY = dt.date(2025, 3, 4)


def _stamped(text: str, moment: dt.datetime | None):
    """An article published on DAY about Alibaba's Hong Kong move, at `moment` when given."""
    return article(
        text,
        published=DAY,
        entities=[ALIBABA],
        events=[move("9988.HK", 2.5, DAY)],
    ).model_copy(update={"published_at": moment})


def _write(store, items):
    run = store.start_run(["test"], "0.1.0")
    store.write_batch(items, run)
    store.finish_run(run, "completed")


def test_the_moment_is_stored_with_the_offset_the_input_gave(store):
    stamped, plain = _stamped(REPORT, MORNING), _stamped(OTHER_REPORT, None)
    _write(store, [stamped, plain])
    stored = dict(store.connection.execute("SELECT id, published_at FROM articles").fetchall())
    assert stored == {stamped.id: "2025-03-04T07:05:00-05:00", plain.id: None}
    back = store.article(stamped.id)
    assert back is not None and back.published_at == MORNING
    assert back.model_dump_json() == stamped.model_dump_json()
    assert store.article(plain.id).published_at is None


def test_event_queries_give_the_moment_of_their_article(db_file, capsys):
    stamped, plain = _stamped(REPORT, MORNING), _stamped(OTHER_REPORT, None)
    with DuckDBStore(db_file) as store:
        _write(store, [stamped, plain])
        found = {e.article_id: e.published_at for e in store.events(EventFilter(ticker="9988.HK"))}
    assert found == {stamped.id: MORNING, plain.id: None}
    assert main(["events", "--ticker", "9988.HK", "--format", "json", "--db", str(db_file)]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert {r["article"]: r["published_at"] for r in rows} == {
        stamped.id: "2025-03-04T07:05:00-05:00",
        plain.id: None,
    }
    assert main(["events", "--format", "csv", "--db", str(db_file)]) == 0
    header, *lines = capsys.readouterr().out.splitlines()
    assert "published,published_at,source" in header
    assert sum("2025-03-04T07:05:00-05:00" in line for line in lines) == 1


def test_explain_lists_each_source_with_when_it_was_published(db_file, capsys):
    stamped, plain = _stamped(REPORT, MORNING), _stamped(OTHER_REPORT, None)
    with DuckDBStore(db_file) as store:
        _write(store, [stamped, plain])
    assert main(["explain", "9988.HK", "2025-03-04", "--db", str(db_file)]) == 0
    sources = capsys.readouterr().out.split("sources:\n")[-1].splitlines()
    assert f"  {stamped.id[:10]}  2025-03-04T07:05:00-05:00  Example Wire" in sources
    assert f"  {plain.id[:10]}  2025-03-04  Example Wire" in sources


def _version_8_database(path, articles) -> None:
    """A database as the previous tickerwire wrote it: schema version 8, which has no
    `articles.published_at`, holding `articles` (written as that version wrote them)."""
    con = duckdb.connect(str(path))
    assert migrate(con, target=8)[-1] == 8
    rows = article_rows(articles, first_seq=1, run_id=1, now=dt.datetime(2025, 3, 4), duplicates={})
    del rows.articles["published_at"]
    for table, columns in (
        ("articles", rows.articles),
        ("entities", rows.entities),
        ("events", rows.events),
    ):
        names = list(columns)
        marks = ", ".join("?" for _ in names)
        con.executemany(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({marks})",
            [list(values) for values in zip(*columns.values(), strict=True)],
        )
    con.execute(
        "INSERT INTO ingest_runs (id, started, status, inputs, pipeline_version, articles_read,"
        " stored) VALUES (1, ?, 'completed', '[\"old\"]', '0.1.0', 1, 1)",
        [dt.datetime(2025, 3, 4)],
    )
    con.close()


def test_a_version_8_database_is_read_without_changing_it(db_file, capsys):
    old = _stamped(REPORT, None)
    _version_8_database(db_file, [old])
    with DuckDBStore(db_file, read_only=True) as reader:
        assert schema_version(reader.connection) == 8
        back = reader.article(old.id)
        assert back is not None and back.published_at is None
        assert back.model_dump(mode="json") == old.model_dump(mode="json")
        [event] = reader.events(EventFilter(ticker="9988.HK"))
        assert event.published_at is None and event.published == DAY
        assert reader.table_counts()["articles"] == 1
    assert main(["events", "--format", "json", "--db", str(db_file)]) == 0
    assert json.loads(capsys.readouterr().out)["published_at"] is None
    assert main(["explain", "9988.HK", "2025-03-04", "--db", str(db_file)]) == 0
    assert f"{old.id[:10]}  2025-03-04" in capsys.readouterr().out
    con = duckdb.connect(str(db_file), read_only=True)
    columns = {r[0] for r in con.execute("DESCRIBE articles").fetchall()}
    con.close()
    assert "published_at" not in columns  # reading added nothing to the file


def test_a_version_8_database_gets_the_column_when_opened_for_writing(db_file):
    old = _stamped(REPORT, None)
    _version_8_database(db_file, [old])
    new = _stamped(OTHER_REPORT, MORNING)
    with DuckDBStore(db_file) as store:
        assert schema_version(store.connection) == LATEST_VERSION
        _write(store, [new])
        assert store.article(old.id).published_at is None  # never made up for old rows
        assert store.article(new.id).published_at == MORNING
        [run_1, run_2] = store.runs()
        assert (run_1.stored, run_2.stored) == (1, 1)
    with DuckDBStore(db_file, read_only=True) as reader:
        moments = {e.article_id: e.published_at for e in reader.events(EventFilter())}
    assert moments == {old.id: None, new.id: MORNING}


def test_a_database_older_than_version_8_is_still_refused_read_only(db_file):
    con = duckdb.connect(str(db_file))
    migrate(con, target=7)
    con.close()
    with pytest.raises(StoreError, match="tickerwire migrate"):
        DuckDBStore(db_file, read_only=True)


def test_the_record_refuses_a_moment_without_its_zone():
    with pytest.raises(ValueError, match="timezone"):
        Article.model_validate(
            {**article(REPORT).model_dump(), "published_at": dt.datetime(2025, 3, 4, 7, 5)}
        )
