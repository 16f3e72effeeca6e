"""How central each entity is to an article: 0..1, 1.0 for the article's main subject.

Four signals, each 0..1: the entity's share of mentions (against the most-mentioned entity), its
presence in the title, its presence in the lead paragraph, and how early it is first named. A type
weight keeps indices, regulators and sources from outranking the companies a story is about when
they are named as often. The best-scoring entity gets 1.0 and the others their fraction of it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import regex

from tickerwire.records import EntityType

# Weights of the signals, chosen on the 5 seed articles and the 20 annotated FNSPID articles so
# that the gold `about` listings come first; mention share dominates, title and lead break ties
# between companies named equally often, position breaks the rest.
MENTION_WEIGHT = 0.45
TITLE_WEIGHT = 0.2
LEAD_WEIGHT = 0.2
POSITION_WEIGHT = 0.15
# A market wrap names the index as often as its companies; the companies are still the news.
TYPE_WEIGHTS: Mapping[str, float] = {
    "company": 1.0,
    "person": 0.8,
    "product": 0.7,
    "index": 0.7,
    "organization": 0.6,
    "government": 0.6,
}
# The lead is the first paragraph of some length: shorter lines above it are bylines, page
# furniture or the headline repeated (120 characters: longer than a headline, shorter than a
# news paragraph's first sentence plus one).
LEAD_MIN_CHARS = 120
# An author named only in the byline wrote the story; the story is not about them.
BYLINE_ONLY_WEIGHT = 0.25
LEAD_FALLBACK_CHARS = 600
_PARAGRAPH = regex.compile(r"[^\n]+")


@dataclass(frozen=True)
class EntityStats:
    entity_id: str
    type: EntityType
    mentions: int
    first_start: int
    in_title: bool
    in_lead: bool
    byline_only: bool = False


def lead_end(text: str) -> int:
    """Where the lead paragraph of `text` ends."""
    for paragraph in _PARAGRAPH.finditer(text):
        if len(paragraph.group().strip()) >= LEAD_MIN_CHARS:
            return paragraph.end()
    return min(len(text), LEAD_FALLBACK_CHARS)


def relevance_scores(stats: Sequence[EntityStats], text_length: int) -> dict[str, float]:
    """Relevance of each entity, keyed by id, rounded to 3 decimals."""
    if not stats:
        return {}
    most = max(s.mentions for s in stats)
    length = max(text_length, 1)
    raw = {
        s.entity_id: TYPE_WEIGHTS.get(s.type, 0.6)
        * (BYLINE_ONLY_WEIGHT if s.byline_only else 1.0)
        * (
            MENTION_WEIGHT * s.mentions / most
            + TITLE_WEIGHT * s.in_title
            + LEAD_WEIGHT * s.in_lead
            + POSITION_WEIGHT * (1.0 - min(s.first_start, length) / length)
        )
        for s in stats
    }
    best = max(raw.values()) or 1.0
    return {entity_id: round(value / best, 3) for entity_id, value in raw.items()}
