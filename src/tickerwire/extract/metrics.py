"""`financial_metric` events (stub while moves are being built)."""

from __future__ import annotations

from tickerwire.extract.changes import Change
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence
from tickerwire.extract.subjects import Topic, TopicResolver
from tickerwire.records import Event


def metric_events(
    ctx: DocumentContext,
    sentence: Sentence,
    quantities: list[Quantity],
    changes: list[Change],
    topics: list[Topic],
    resolver: TopicResolver,
    memory: dict[str, object],
) -> list[Event]:
    return []
