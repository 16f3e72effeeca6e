"""tickerwire: financial news pages in, typed and evidenced market events out.

The public API is what this module exports; everything else is internal.
"""

from __future__ import annotations

__version__ = "0.1.0"

from tickerwire.config import Settings
from tickerwire.pipeline import Pipeline, process
from tickerwire.records import (
    Article,
    Conflict,
    Entity,
    Event,
    Evidence,
    Explanation,
    RawDocument,
    Story,
    Verification,
)

__all__ = [
    "Article",
    "Conflict",
    "Entity",
    "Event",
    "Evidence",
    "Explanation",
    "Pipeline",
    "RawDocument",
    "Settings",
    "Story",
    "Verification",
    "__version__",
    "process",
]
