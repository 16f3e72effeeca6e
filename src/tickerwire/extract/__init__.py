"""Extract: numbers and money, dates, price/index moves, metrics (later: every event type)."""

from __future__ import annotations

from tickerwire.link import ReferenceData
from tickerwire.records import Event, LinkedDocument


def extract_events(linked: LinkedDocument, reference: ReferenceData) -> list[Event]:
    """Return the events stated in `linked.doc.text`, each with evidence and confidence."""
    return []
