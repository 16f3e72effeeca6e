"""Ingest runs in the DuckDB store: each `tickerwire ingest`, its status and what it stored."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import duckdb

from tickerwire.store.base import IngestRun, RunStatus

_RUN_COLUMNS = (
    "id, started, inputs, pipeline_version, status, finished, articles_read, stored, "
    "duplicates, new_versions, near_duplicates, errors"
)


def utc_now() -> dt.datetime:
    """The time now in UTC, without its zone (as the TIMESTAMP columns hold it)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def insert_run(
    con: duckdb.DuckDBPyConnection, inputs: Sequence[str], pipeline_version: str
) -> IngestRun:
    """Record a new run, numbered after the last one, as `running`."""
    row = con.execute("SELECT coalesce(max(id), 0) + 1 FROM ingest_runs").fetchone()
    run = IngestRun(
        id=int(row[0]) if row else 1,
        started=utc_now(),
        inputs=tuple(inputs),
        pipeline_version=pipeline_version,
    )
    con.execute(
        "INSERT INTO ingest_runs (id, started, status, inputs, pipeline_version) "
        "VALUES (?, ?, 'running', ?, ?)",
        [run.id, run.started, json.dumps(list(run.inputs)), run.pipeline_version],
    )
    return run


def set_run_status(con: duckdb.DuckDBPyConnection, run_id: int, status: RunStatus) -> None:
    """Record how a run ended, and when."""
    con.execute(
        "UPDATE ingest_runs SET status = ?, finished = ? WHERE id = ?",
        [status, utc_now(), run_id],
    )


def load_runs(
    con: duckdb.DuckDBPyConnection, where: str = "", params: Sequence[Any] = ()
) -> list[IngestRun]:
    """The runs matching `where` (a SQL WHERE clause, or "" for all), in order."""
    rows = con.execute(
        f"SELECT {_RUN_COLUMNS} FROM ingest_runs {where} ORDER BY id", list(params)
    ).fetchall()
    return [
        IngestRun(
            id=r[0],
            started=r[1],
            inputs=tuple(json.loads(r[2])),
            pipeline_version=r[3],
            status=r[4],
            finished=r[5],
            articles_read=r[6],
            stored=r[7],
            duplicates=r[8],
            new_versions=r[9],
            near_duplicates=r[10],
            errors=r[11],
        )
        for r in rows
    ]
