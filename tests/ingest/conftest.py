"""Shared helpers for the ingest tests: every fixture file is written by the test into tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tickerwire.config import IngestOptions
from tickerwire.ingest import DocumentOverrides, read_inputs
from tickerwire.records import RawDocument, ReadError

ReadAll = Callable[..., list[RawDocument | ReadError]]


@pytest.fixture
def read_all() -> ReadAll:
    """read_inputs collected into a list (options and overrides as keywords)."""

    def read(
        *paths: str | Path,
        options: IngestOptions | None = None,
        overrides: DocumentOverrides | None = None,
    ) -> list[RawDocument | ReadError]:
        return list(read_inputs(paths, options, overrides))

    return read


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, str | bytes], Path]:
    """Write text (UTF-8) or bytes to tmp_path/NAME, creating folders, and return the path."""

    def write_file(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return write_file
