"""Extract: numbers and money, dates, price/index moves and financial metrics, with evidence.

`extract_events` reads a linked document sentence by sentence: it finds the percentage changes
(`changes`), decides what each is about (`subjects`), and turns them into `price_move`,
`index_move` and `financial_metric` events (`price_moves`, `metrics`), each with its evidence
span, a confidence and, where the text fixes it, a date. A move reported several times in one
article is one event (`dedupe`).
"""

from __future__ import annotations

from tickerwire.extract.changes import find_changes
from tickerwire.extract.dedupe import Found, merge_repeats, propagate_article_period
from tickerwire.extract.document import DocumentContext, build_context
from tickerwire.extract.metrics import metric_events, remember_sentence
from tickerwire.extract.price_moves import move_events
from tickerwire.extract.subjects import TopicResolver, sentence_terms
from tickerwire.link import ReferenceData
from tickerwire.records import Event, LinkedDocument

__all__ = ["extract_events"]


def extract_events(linked: LinkedDocument, reference: ReferenceData) -> list[Event]:
    """Return the events stated in `linked.doc.text`, each with evidence and confidence."""
    if not linked.doc.text.strip():
        return []
    ctx = build_context(linked, reference)
    return _extract(ctx)


def _extract(ctx: DocumentContext) -> list[Event]:
    found: list[Found] = []
    memory: dict[str, object] = {}
    for sentence in ctx.sentences:
        remember_sentence(ctx, sentence, memory)
        quantities = ctx.quantities_in(sentence.start, sentence.end)
        if not quantities:
            continue
        percents = [
            q for q in quantities if q.kind == "percent" and not q.is_conversion and not q.is_range
        ]
        changes = find_changes(ctx.text, sentence, percents) if percents else []
        terms = sentence_terms(ctx, sentence)
        resolver = TopicResolver(ctx, sentence, terms)
        topics = resolver.resolve(changes) if changes else []
        found += move_events(ctx, changes, topics)
        metrics = metric_events(ctx, sentence, quantities, changes, topics, resolver, memory)
        found += [Found(e, anchor=e.evidence.start) for e in metrics]
    return merge_repeats(propagate_article_period(found))
