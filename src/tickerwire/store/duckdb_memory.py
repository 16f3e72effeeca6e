"""DuckDB's memory settings for the writing connection, and raising them when a batch needs it."""

from __future__ import annotations

import ctypes
import platform
from typing import Any

import duckdb

# How far a batch that runs out of DuckDB's memory may raise the limit (doubling each time): past
# 2 GB a batch has a problem more memory will not solve.
MEMORY_LIMIT_CEILING_MB = 2048


def memory_config(memory_limit_mb: int) -> dict[str, Any]:
    """DuckDB settings that bound a connection's memory, not only its block cache.

    DuckDB allocates through jemalloc, whose caches keep memory freed by finished queries for
    reuse: they are flushed only after a query whose peak passes `allocator_flush_threshold`
    (128 MB by default), and idle pages go back to the system only as the allocator is used
    again; a long ingest's resident memory then creeps up with every batch. Flushing past a
    quarter of the limit and purging idle pages in background threads keeps it near the limit
    (see benchmarks/ingest_throughput.py for the figures).
    """
    return {
        "memory_limit": f"{memory_limit_mb}MB",
        "allocator_flush_threshold": f"{max(memory_limit_mb // 4, 1)}MB",
        "allocator_background_threads": True,
    }


def raised_memory_limit(con: duckdb.DuckDBPyConnection, current_mb: int | None) -> int | None:
    """Double the connection's memory limit from `current_mb`; None when there is no limit to
    raise or it is at `MEMORY_LIMIT_CEILING_MB`.

    The limit is kept low to bound the writer's memory (see `StoreOptions.db_memory_mb`), but
    some batches (a story touched by thousands of reports) need more working memory than that: a
    failed ingest would cost the user far more than a larger cache.
    """
    if current_mb is None or current_mb >= MEMORY_LIMIT_CEILING_MB:
        return None
    raised = min(current_mb * 2, MEMORY_LIMIT_CEILING_MB)
    for key, value in memory_config(raised).items():
        setting = f"'{value}'" if isinstance(value, str) else str(value).lower()
        con.execute(f"SET {key} = {setting}")
    return raised


def release_freed_heap() -> bool:
    """Give the C heap's free pages back to the system (glibc's `malloc_trim`); False where the
    C library is not glibc. glibc keeps memory freed in the middle of its heap for reuse, so
    what closing a database releases (see `DuckDBStore._reopen`) would otherwise stay resident.
    """
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return False
    try:
        libc = ctypes.CDLL(None)
        trim = libc.malloc_trim
    except (OSError, AttributeError):
        return False
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    trim(0)
    return True
