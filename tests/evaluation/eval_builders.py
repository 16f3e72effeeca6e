"""Small builders of gold documents and predicted Articles for the scorer's tests."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tickerwire.evaluation.gold import GoldDocument, parse_document
from tickerwire.records import Article, Entity, Event, Evidence


def gold(**fields: Any) -> GoldDocument:
    """A gold document from JSON-like fields, checked like a gold file would be."""
    fields.setdefault("doc", "docs/a.txt")
    fields.setdefault("published", None)
    return parse_document(fields, "document 0")


def event(
    text: str, snippet: str, kind: str, entity: str | None = None, **attributes: Any
) -> Event:
    """An event whose evidence is `snippet`, found in `text`; `date` may be given as a string."""
    start = text.index(snippet)
    date = attributes.pop("date", None)
    return Event(
        type=kind,
        entity=entity,
        date=dt.date.fromisoformat(date) if isinstance(date, str) else date,
        evidence=Evidence(start=start, end=start + len(snippet), text=snippet),
        confidence=0.9,
        attributes=attributes,
    )


def company(entity_id: str, name: str, *tickers: str, kind: str = "company") -> Entity:
    return Entity(id=entity_id, name=name, type=kind, tickers=list(tickers))  # type: ignore[arg-type]


def article(
    text: str, events: list[Event] | None = None, entities: list[Entity] | None = None
) -> Article:
    return Article(
        id="test",
        text=text,
        events=events or [],
        entities=entities or [],
        pipeline_version="test",
    )
