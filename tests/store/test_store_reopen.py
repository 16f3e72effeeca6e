"""A writing store closes and reopens its database every few batches (DuckDB releases what
deletes and updates leave on its heap only when the database closes): nothing else changes."""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools

import duckdb
from article_factory import ALIBABA, article, move

from tickerwire.store import DuckDBStore
from tickerwire.store import duckdb_store as duckdb_store_module


def _note(n: int) -> object:
    day = dt.date(2025, 9, 1) + dt.timedelta(days=n % 3)
    return article(
        f"Alibaba's Hong Kong shares rose {n + 1}.5% in session {n} after its cloud unit grew.",
        url=f"https://a.test/note-{n}",
        published=day,
        entities=[ALIBABA],
        events=[move("9988.HK", n + 1.5, day)],
    )


def test_the_database_is_reopened_between_batches_and_keeps_every_row(tmp_path, monkeypatch):
    monkeypatch.setattr(duckdb_store_module, "REOPEN_EVERY_BATCHES", 2)
    with DuckDBStore(tmp_path / "c.duckdb", memory_limit_mb=64) as store:
        run = store.start_run(["test"], "0")
        store.connection.execute("SET memory_limit = '128MB'")  # as a memory retry raises it
        store._memory_limit_mb = 128
        connections = [store.connection]
        for n in range(5):
            store.write_batch([_note(n)], run)
            connections.append(store.connection)
        finished = store.finish_run(run, "completed")
        limit = store.connection.execute("SELECT current_setting('memory_limit')").fetchone()
        counts = store.table_counts()
    # Reopened after the 2nd and 4th batch only.
    assert [a is b for a, b in itertools.pairwise(connections)] == [
        True,
        False,
        True,
        False,
        True,
    ]
    assert (finished.status, finished.stored, counts["articles"], counts["events"]) == (
        "completed",
        5,
        5,
        5,
    )
    assert limit is not None and str(limit[0]).startswith("122")  # 128 MB in MiB: kept


def test_a_reopen_cut_short_is_completed_before_the_run_is_finished(tmp_path, monkeypatch):
    monkeypatch.setattr(duckdb_store_module, "REOPEN_EVERY_BATCHES", 1)
    with DuckDBStore(tmp_path / "c.duckdb") as store:
        run = store.start_run(["test"], "0")
        real_connect = store._connect
        monkeypatch.setattr(store, "_connect", lambda: (_ for _ in ()).throw(KeyboardInterrupt))
        with contextlib.suppress(KeyboardInterrupt):
            store.write_batch([_note(0)], run)
        monkeypatch.setattr(store, "_connect", real_connect)
        finished = store.finish_run(run, "interrupted")
    assert (finished.status, finished.stored) == ("interrupted", 1)
    with duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
