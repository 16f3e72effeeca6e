"""An event found in a sentence, before it becomes a record, and the merge of repeats.

A `Draft` keeps what the record does not: where its cue stands (the drivers step asks whether
a cause clause holds the event) and a key that tells repeats of one fact apart from new facts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.sentences import Sentence
from tickerwire.records import Event, Evidence, FactLevel

MIN_CONFIDENCE = 0.05


@dataclass(frozen=True)
class Draft:
    """One event of a sentence: its type, entity, cue span, attributes and confidence."""

    type: str
    entity: str | None
    sentence: Sentence
    start: int  # the cue's span in the text: where the event is told
    end: int
    attributes: dict[str, Any]
    confidence: float
    fact_level: FactLevel = "fact"
    key: tuple[Any, ...] = ()  # what makes two mentions one fact (with type and entity)
    date: dt.date | None = None
    date_text: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def event(self, ctx: DocumentContext) -> Event:
        """The public record, with the whole sentence as its evidence."""
        sentence = self.sentence
        attributes = dict(self.attributes, fact_level=self.fact_level)
        return Event(
            type=self.type,
            entity=self.entity,
            date=self.date,
            date_text=self.date_text,
            evidence=Evidence(
                start=sentence.start,
                end=sentence.end,
                text=ctx.original[sentence.start : sentence.end],
            ),
            confidence=round(max(MIN_CONFIDENCE, min(1.0, self.confidence)), 3),
            attributes=attributes,
        )


def merge_drafts(drafts: list[Draft]) -> list[Draft]:
    """One draft per fact: the same type, entity and key told again is a repeat.

    The most confident mention stands (the earliest among equals); a repeat that fills an
    attribute the kept one lacks (an amount, a date) lends it. Drafts come out in text order.
    """
    kept: dict[tuple[Any, ...], Draft] = {}
    order: list[tuple[Any, ...]] = []
    for draft in drafts:
        identity = (draft.type, draft.entity, *draft.key)
        best = kept.get(identity)
        if best is None:
            kept[identity] = draft
            order.append(identity)
            continue
        winner, other = (draft, best) if draft.confidence > best.confidence else (best, draft)
        attributes = dict(winner.attributes)
        for name, value in other.attributes.items():
            if attributes.get(name) is None and value is not None:
                attributes[name] = value
        kept[identity] = Draft(
            winner.type,
            winner.entity,
            winner.sentence,
            winner.start,
            winner.end,
            attributes,
            winner.confidence,
            winner.fact_level,
            winner.key,
            winner.date or other.date,
            winner.date_text if winner.date else other.date_text,
            winner.extra,
        )
    result = [kept[identity] for identity in order]
    result.sort(key=lambda d: (d.sentence.start, d.start))
    return result
