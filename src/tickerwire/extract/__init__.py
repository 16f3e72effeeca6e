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
from tickerwire.extract.metrics import metric_events, table_events
from tickerwire.extract.price_moves import move_events
from tickerwire.extract.subjects import TopicResolver
from tickerwire.extract.timing import article_frame
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
    for sentence in ctx.sentences:
        quantities = ctx.quantities_in(sentence.start, sentence.end)
        if not any(q.kind in ("percent", "money") for q in quantities):
            continue  # moves and figures need a percentage or an amount
        percents = [
            q for q in quantities if q.kind == "percent" and not q.is_conversion and not q.is_range
        ]
        changes = (
            find_changes(ctx.text, ctx.tokens(sentence), sentence, percents) if percents else []
        )
        resolver = TopicResolver(ctx, sentence)
        topics = resolver.resolve(changes) if changes else []
        found += move_events(ctx, changes, topics)
        metrics = metric_events(ctx, sentence, quantities, changes, topics, resolver)
        found += [Found(e, anchor=e.evidence.start) for e in metrics]
    found += [Found(e, anchor=e.evidence.start) for e in table_events(ctx)]
    return merge_repeats(propagate_article_period(found, article_frame(ctx)))
