"""Directories -> the files in them, recursively, in a deterministic (sorted) order."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tickerwire.ingest.files import os_error_reason
from tickerwire.records import ReadError


def walk_files(root: Path) -> Iterator[Path | ReadError]:
    """Every regular file under `root`, depth first, entries of each directory sorted by name.

    Files and subdirectories are interleaved in name order, so `a/`, `b.txt`, `c/` come out as
    a's files, then b.txt, then c's files. Hidden entries (names starting with a dot: `.git`,
    `.DS_Store`) are skipped. Symbolic links are followed, each real directory visited once so a
    link loop cannot recurse forever. An unreadable directory is a ReadError; the walk goes on.
    """
    yield from _walk(root, {os.path.realpath(root)})


def _walk(directory: Path, visited: set[str]) -> Iterator[Path | ReadError]:
    try:
        with os.scandir(directory) as scan:
            entries = sorted((e for e in scan if not e.name.startswith(".")), key=lambda e: e.name)
    except OSError as error:
        yield ReadError(str(directory), os_error_reason(error))
        return
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir, is_file = entry.is_dir(), entry.is_file()
        except OSError as error:
            yield ReadError(str(path), os_error_reason(error))
            continue
        if is_dir:
            real = os.path.realpath(path)
            if real not in visited:
                visited.add(real)
                yield from _walk(path, visited)
        elif is_file:
            yield path
