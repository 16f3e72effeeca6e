"""Fixtures for store tests: a database file in tmp_path."""

from __future__ import annotations

import pytest

from tickerwire.store import DuckDBStore


@pytest.fixture
def db_file(tmp_path):
    return tmp_path / "corpus.duckdb"


@pytest.fixture
def store(db_file):
    with DuckDBStore(db_file) as opened:
        yield opened
