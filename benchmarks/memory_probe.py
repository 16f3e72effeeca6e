"""Resident memory of a benchmark process and its worker processes, sampled during an ingest.

Linux only (reads /proc); elsewhere every figure is 0.
"""

from __future__ import annotations

import ctypes
import os
import platform
import statistics
from collections import deque
from dataclasses import dataclass
from pathlib import Path

from tickerwire.store import IngestProgress


def rss_mb(pid: int | str = "self") -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class _MallInfo2(ctypes.Structure):
    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def c_heap_in_use_mb() -> float:
    """Bytes this process has allocated through the C library's malloc and not freed (glibc's
    mallinfo2: DuckDB's catalog and table bookkeeping and Python's larger objects; not DuckDB's
    block cache, which has its own allocator); 0 where the C library is not glibc 2.33+.
    Resident memory also counts what glibc keeps after a free, so only this figure shows
    whether the writer's allocations themselves grow."""
    if platform.system() != "Linux" or platform.libc_ver()[0] != "glibc":
        return 0.0
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return 0.0
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return float(info.uordblks + info.hblkhd) / 1e6


def children_rss_mb() -> list[float]:
    me = str(os.getpid())
    sizes = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if fields[1] == me:
            sizes.append(rss_mb(stat.parent.name))
    return sizes


@dataclass(frozen=True)
class ProbeSample:
    """Figures at one mark of the input (10%, 50%, 100%)."""

    name: str
    done: int
    writer_mb: float
    worker_mb: float
    # The writer's C heap in use (see `c_heap_in_use_mb`).
    writer_heap_mb: float
    # Mean over the last RECENT_BATCHES batches: seconds per batch, and of those, story refresh.
    batch_s: float
    stories_s: float


# Batches averaged for the per-batch times at each mark: single batches are noisy on a shared
# machine, and five batches are still a narrow slice of the input.
RECENT_BATCHES = 5


class MemoryProbe:
    """Samples the writer's and the workers' resident memory as an ingest progresses, with the
    time per batch and per story refresh around 10%, 50% and 100% of the input."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.marks = {0.1: "10%", 0.5: "50%", 1.0: "100%"}
        self.samples: list[ProbeSample] = []
        self.peak_parent = 0.0
        self.peak_worker = 0.0
        self._recent: deque[tuple[float, float]] = deque(maxlen=RECENT_BATCHES)

    def __call__(self, progress: IngestProgress) -> None:
        parent, workers = rss_mb(), children_rss_mb()
        self.peak_parent = max(self.peak_parent, parent)
        self.peak_worker = max([self.peak_worker, *workers])
        self._recent.append((progress.batch_s, progress.batch_stories_s))
        done = progress.read + progress.errors
        for share, name in list(self.marks.items()):
            if done >= share * self.total - 1:
                self.samples.append(
                    ProbeSample(
                        name,
                        done,
                        parent,
                        max(workers, default=0.0),
                        c_heap_in_use_mb(),
                        statistics.mean(b for b, _ in self._recent),
                        statistics.mean(s for _, s in self._recent),
                    )
                )
                del self.marks[share]
