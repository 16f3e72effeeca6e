"""Settings, read once at the edge (CLI, API) and turned into per-stage options.

This is the only module that reads the environment. Stages receive option objects, never Settings.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

# 5 MB: the largest news page seen in the FNSPID and seed corpora is under 200 KB; a file a
# hundred times larger is far more likely to be a dump or a binary than an article.
DEFAULT_MAX_INPUT_BYTES = 5_000_000


@dataclass(frozen=True)
class IngestOptions:
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES


@dataclass(frozen=True)
class StoreOptions:
    """How `tickerwire ingest` writes to the database."""

    # 500 articles (~2-5 MB of text with their events) per transaction: each batch pays a few
    # lookups whose cost grows with the database (known ids, URLs, LSH buckets), so larger
    # batches amortise them; an interrupted ingest loses at most one batch of work.
    batch_size: int = 500
    workers: int = 0  # processes doing clean/link/extract; 0 = one per core
    progress_interval_s: float = 5.0  # seconds between progress log lines when not on a terminal
    # DuckDB's memory limit for the writing connection. Without one DuckDB keeps the blocks it
    # wrote cached (up to 80% of RAM), so an ingest's memory grows with the database. Measured on
    # 120,000 tweets (benchmarks/near_duplicates_stocknet.py): with 256 MB the writer grew from
    # 344 to 455 MB between 10% and 100% of the input, with 64 MB it stayed within 320-370 MB.
    db_memory_mb: int = 64
    # Test-only: seconds to wait in the middle of each batch's transaction, so that a test can
    # interrupt an ingest halfway through a batch with a real signal.
    batch_pause_s: float = 0.0


@dataclass(frozen=True)
class Settings:
    """Everything configurable. Build with `Settings.from_env()` at a program's edge."""

    db_path: Path = Path("tickerwire.duckdb")
    reference_csvs: tuple[Path, ...] = ()
    ingest: IngestOptions = field(default_factory=IngestOptions)
    store: StoreOptions = field(default_factory=StoreOptions)

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """Read `TICKERWIRE_DB`, `TICKERWIRE_REFERENCE` (os.pathsep-separated CSVs), and
        `TICKERWIRE_MAX_INPUT_BYTES`, and for ingest `TICKERWIRE_BATCH_SIZE`,
        `TICKERWIRE_WORKERS`, `TICKERWIRE_PROGRESS_INTERVAL` and (tests only)
        `TICKERWIRE_TEST_BATCH_PAUSE`."""
        env = os.environ if environ is None else environ
        refs = tuple(Path(p) for p in env.get("TICKERWIRE_REFERENCE", "").split(os.pathsep) if p)
        max_bytes = int(env.get("TICKERWIRE_MAX_INPUT_BYTES", DEFAULT_MAX_INPUT_BYTES))
        return cls(
            db_path=Path(env.get("TICKERWIRE_DB", "tickerwire.duckdb")),
            reference_csvs=refs,
            ingest=IngestOptions(max_input_bytes=max_bytes),
            store=StoreOptions(
                batch_size=int(env.get("TICKERWIRE_BATCH_SIZE", StoreOptions.batch_size)),
                workers=int(env.get("TICKERWIRE_WORKERS", StoreOptions.workers)),
                progress_interval_s=float(
                    env.get("TICKERWIRE_PROGRESS_INTERVAL", StoreOptions.progress_interval_s)
                ),
                batch_pause_s=float(env.get("TICKERWIRE_TEST_BATCH_PAUSE", 0.0)),
            ),
        )
