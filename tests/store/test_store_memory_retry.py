"""A batch that runs out of DuckDB's memory limit runs again with a larger limit, once whole."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest
from article_factory import ALIBABA, article, move

from tickerwire.errors import StoreError
from tickerwire.store import DuckDBStore, duckdb_memory


def _limit_mb(store: DuckDBStore) -> float:
    row = store.connection.execute("SELECT current_setting('memory_limit')").fetchone()
    assert row is not None
    number, unit = str(row[0]).split()
    return float(number) * {"MiB": 1.048576, "GiB": 1073.741824, "MB": 1.0, "GB": 1000.0}[unit]


def _batch() -> list:
    day = dt.date(2025, 9, 1)
    return [
        article(
            "Alibaba's Hong Kong shares jumped 19% on Monday after its cloud unit grew.",
            url="https://a.test/oom",
            published=day,
            entities=[ALIBABA],
            events=[move("9988.HK", 19.0, day)],
        ),
        article("Tencent slipped 1.2% in Hong Kong on Monday.", published=day),
    ]


def test_a_batch_out_of_memory_is_retried_whole_with_twice_the_limit(tmp_path, monkeypatch):
    with DuckDBStore(tmp_path / "c.duckdb", memory_limit_mb=64) as store:
        real_write = store._write
        calls = {"n": 0}

        def write_then_fail_once(*args, **kwargs):
            calls["n"] += 1
            outcome = real_write(*args, **kwargs)  # rows are written, then the batch fails
            if calls["n"] == 1:
                raise duckdb.OutOfMemoryException("failed to pin block")
            return outcome

        monkeypatch.setattr(store, "_write", write_then_fail_once)
        before = _limit_mb(store)
        run = store.start_run(["test"], "0")
        outcome = store.write_batch(_batch(), run)
        assert calls["n"] == 2
        assert outcome.stored == 2
        assert _limit_mb(store) == pytest.approx(2 * before, rel=0.05)
        counts = store.table_counts()
        assert counts["articles"] == 2  # the failed attempt left nothing behind
        assert counts["events"] == 1


def test_out_of_memory_at_the_ceiling_is_a_store_error_and_nothing_is_written(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(duckdb_memory, "MEMORY_LIMIT_CEILING_MB", 128)
    with DuckDBStore(tmp_path / "c.duckdb", memory_limit_mb=64) as store:
        real_write = store._write

        def always_fail(*args, **kwargs):
            real_write(*args, **kwargs)
            raise duckdb.OutOfMemoryException("failed to pin block")

        monkeypatch.setattr(store, "_write", always_fail)
        run = store.start_run(["test"], "0")
        with pytest.raises(StoreError, match="out of memory at 128 MB"):
            store.write_batch(_batch(), run)
        assert store.table_counts()["articles"] == 0
