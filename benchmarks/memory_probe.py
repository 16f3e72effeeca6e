"""Resident memory of a benchmark process and its worker processes, sampled during an ingest.

Linux only (reads /proc); elsewhere every figure is 0.
"""

from __future__ import annotations

import os
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


class MemoryProbe:
    """Samples the writer's and the workers' resident memory as an ingest progresses."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.marks = {0.1: "10%", 0.5: "50%", 1.0: "100%"}
        self.samples: list[tuple[str, int, float, float]] = []
        self.peak_parent = 0.0
        self.peak_worker = 0.0

    def __call__(self, progress: IngestProgress) -> None:
        parent, workers = rss_mb(), children_rss_mb()
        self.peak_parent = max(self.peak_parent, parent)
        self.peak_worker = max([self.peak_worker, *workers])
        done = progress.read + progress.errors
        for share, name in list(self.marks.items()):
            if done >= share * self.total - 1:
                self.samples.append((name, done, parent, max(workers, default=0.0)))
                del self.marks[share]
