"""Store: the corpus (articles, events, versions, near-duplicate groups, runs) behind one interface.

`open_store(path)` opens the default engine (an embedded DuckDB file) for writing;
`open_store(path, read_only=True)` for queries. `ingest_paths` runs the pipeline over inputs and
stores the articles in atomic batches.
"""

from __future__ import annotations

from pathlib import Path

from tickerwire.cluster.near_duplicates import NearDuplicateParams
from tickerwire.store.base import (
    ArticleVersion,
    BatchOutcome,
    EventFilter,
    IngestRun,
    PreparedArticle,
    Store,
    StoredConflict,
    StoredEvent,
    StoryFilter,
    TimelineDay,
)
from tickerwire.store.bulk_ingest import (
    ArticlePreparer,
    IngestInterrupted,
    IngestProgress,
    ingest_items,
    ingest_paths,
)
from tickerwire.store.duckdb_store import DuckDBStore

__all__ = [
    "ArticlePreparer",
    "ArticleVersion",
    "BatchOutcome",
    "DuckDBStore",
    "EventFilter",
    "IngestInterrupted",
    "IngestProgress",
    "IngestRun",
    "PreparedArticle",
    "Store",
    "StoredConflict",
    "StoredEvent",
    "StoryFilter",
    "TimelineDay",
    "ingest_items",
    "ingest_paths",
    "open_store",
]


def open_store(
    path: str | Path,
    *,
    read_only: bool = False,
    near_duplicates: NearDuplicateParams | None = None,
) -> Store:
    """Open the corpus at `path` (created and migrated when opened for writing)."""
    return DuckDBStore(path, read_only=read_only, near_duplicates=near_duplicates)
