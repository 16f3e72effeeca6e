"""`tickerwire ingest` in-process: idempotency, read errors, progress output, worker processes."""

import io
import json
import os

import pytest

from tickerwire.cli import main
from tickerwire.cli.ingest_command import ProgressReporter
from tickerwire.cluster.near_duplicates import MinHasher, NearDuplicateParams
from tickerwire.config import Settings
from tickerwire.errors import IngestError
from tickerwire.records import RawDocument, ReadError
from tickerwire.store import DuckDBStore, IngestProgress, PreparedArticle
from tickerwire.store.bulk_ingest import ArticlePreparer, ParallelPreparer

NOTES = [
    "Shares of Kestrel Air rose {n}% on Tuesday after the carrier lifted its summer capacity "
    "plan by {m} flights a week.",
    "Brightwater Utilities said it would raise its dividend to {n} cents a share from {m} cents, "
    "its first increase in three years.",
    "Copper output at the Lomas Verdes mine fell {n}% in the quarter to {m} thousand tonnes as "
    "heavy rain flooded two pits.",
]


def _write_inputs(folder, count):
    folder.mkdir(exist_ok=True)
    paths = []
    for i in range(count):
        path = folder / f"note{i:03d}.txt"
        path.write_text(NOTES[i % 3].format(n=i + 1, m=2 * i + 7), encoding="utf-8")
        paths.append(str(path))
    return paths


def _contents(db):
    with DuckDBStore(db, read_only=True) as store:
        counts = store.table_counts()
        runs = store.runs()
    return counts, runs


def test_ingesting_twice_changes_nothing_but_the_run_log(tmp_path, capsys):
    paths = _write_inputs(tmp_path / "in", 12)
    db = tmp_path / "corpus.duckdb"
    assert main(["ingest", *paths, "--db", str(db), "--workers", "1", "--batch-size", "5"]) == 0
    first, _ = _contents(db)
    assert main(["ingest", *paths, paths[0], "--db", str(db), "--workers", "1"]) == 0
    second, runs = _contents(db)
    assert first["articles"] == 12
    assert {k: v for k, v in second.items() if k != "ingest_runs"} == {
        k: v for k, v in first.items() if k != "ingest_runs"
    }
    assert [(r.status, r.stored, r.duplicates) for r in runs] == [
        ("completed", 12, 0),
        ("completed", 0, 13),
    ]
    err = capsys.readouterr().err
    assert "13 read, 0 stored" in err and "13 already stored" in err
    assert main(["runs", "--format", "json", "--db", str(db)]) == 0
    logged = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], r["status"], r["stored"], r["duplicates"]) for r in logged] == [
        (1, "completed", 12, 0),
        (2, "completed", 0, 13),
    ]


def test_unreadable_input_is_reported_stored_and_gives_status_1(tmp_path, capsys):
    paths = _write_inputs(tmp_path / "in", 3)
    missing = str(tmp_path / "in" / "gone.txt")
    db = tmp_path / "corpus.duckdb"
    status = main(["ingest", paths[0], missing, *paths[1:], "--db", str(db), "--workers", "1"])
    assert status == 1
    err = capsys.readouterr().err
    assert f"cannot read {missing}" in err
    assert "1 could not be read" in err
    with DuckDBStore(db, read_only=True) as store:
        assert store.table_counts()["articles"] == 3
        errors = store.connection.execute("SELECT run_id, origin FROM ingest_errors").fetchall()
    assert errors == [(1, missing)]


def test_progress_is_a_rewritten_line_on_a_terminal_and_log_lines_otherwise():
    progress = IngestProgress(1, 1000, 900, 100, 0, 5, 2, 2, 2.0)
    tty, log = io.StringIO(), io.StringIO()
    ProgressReporter(tty, interval_s=0, tty=True).progress(progress)
    ProgressReporter(log, interval_s=0, tty=False).progress(progress)
    assert tty.getvalue().startswith("\r") and "\n" not in tty.getvalue()
    assert "501 articles/s" in tty.getvalue()  # (1000 read + 2 errors) / 2 s
    assert log.getvalue().startswith("tickerwire: ingest: 1,000 read") and log.getvalue().endswith(
        "\n"
    )


class _FailsOnSecond:
    """A pipeline whose stages fail on one input (stands in for a stage's bug)."""

    def __init__(self):
        from tickerwire.pipeline import Pipeline

        self._real = Pipeline(Settings())

    def process(self, raw):
        if raw.origin == "two":
            raise ValueError("offsets out of range")
        article = self._real.process(raw)
        return article.model_copy(update={"text": ""}) if raw.origin == "three" else article


def test_a_stage_failure_or_an_emptied_text_becomes_a_read_error_for_that_input():
    preparer = ArticlePreparer(_FailsOnSecond(), MinHasher(NearDuplicateParams()))
    results = preparer.prepare_chunk(
        [
            RawDocument("one", text="First note."),
            RawDocument("two", text="Second note."),
            RawDocument("three", text="Third note."),
        ]
    )
    assert results[0].article.text == "First note."
    assert isinstance(results[1], ReadError) and "offsets out of range" in results[1].reason
    # A text that cleaning empties is not stored: every empty text would share one id.
    assert isinstance(results[2], ReadError) and "no article text" in results[2].reason


def test_worker_processes_return_results_in_input_order():
    from tickerwire.pipeline import Pipeline

    preparer = ArticlePreparer(Pipeline(Settings()), MinHasher(NearDuplicateParams()))
    items = [RawDocument(f"doc{i}", text=f"Note number {i} about trade.") for i in range(45)]
    items.insert(7, ReadError("bad", "unreadable"))
    with ParallelPreparer(preparer, workers=2, chunk_size=4) as parallel:
        results = list(parallel.map(items))
    assert [r.origin for r in results] == [i.origin for i in items]
    texts = [r.article.text for r in results if isinstance(r, PreparedArticle)]
    assert texts == [i.text for i in items if isinstance(i, RawDocument)]


class _DiesOnPoison(ArticlePreparer):
    """A preparer whose process ends abruptly on one input (stands in for an out-of-memory kill)."""

    def prepare(self, raw):
        if raw.origin == "poison":
            os._exit(3)
        return super().prepare(raw)


def test_a_dead_worker_stops_the_ingest_with_an_error_instead_of_hanging():
    from tickerwire.pipeline import Pipeline

    preparer = _DiesOnPoison(Pipeline(Settings()), MinHasher(NearDuplicateParams()))
    items = [RawDocument(f"doc{i}", text=f"Note {i}.") for i in range(8)]
    items.append(RawDocument("poison", text="Bad note."))
    with (
        pytest.raises(IngestError, match="worker process died"),
        ParallelPreparer(preparer, workers=2, chunk_size=1) as parallel,
    ):
        list(parallel.map(items))
