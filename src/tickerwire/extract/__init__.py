"""Extract: numbers and money, dates, price/index moves, financial metrics and other events.

`extract_events` reads a linked document sentence by sentence: it finds the percentage changes
(`changes`), decides what each is about (`subjects`), and turns them into `price_move`,
`index_move` and `financial_metric` events (`price_moves`, `metrics`), each with its evidence
span, a confidence and, where the text fixes it, a date. A move reported several times in one
article is one event (`dedupe`). The other event types of the contract (analyst views, stakes,
launches, deals, policy, results, ...) come from `events`; `drivers` links each price move to
the events the text gives as its cause; `fact_level` marks facts apart from forecasts and
opinions.
"""

from __future__ import annotations

from functools import partial

from tickerwire.extract.article_frame import article_frame, frame_day
from tickerwire.extract.changes import find_changes
from tickerwire.extract.dedupe import Found, merge_repeats, propagate_article_period
from tickerwire.extract.document import DocumentContext, build_context
from tickerwire.extract.drivers import assemble
from tickerwire.extract.events import cue_kinds, cued_sentences, find_drafts
from tickerwire.extract.events.scan import lower_text
from tickerwire.extract.fact_level import with_fact_levels
from tickerwire.extract.indicator_moves import indicator_moves
from tickerwire.extract.metric_contradictions import drop_contradicted_forecasts
from tickerwire.extract.metrics import metric_events, table_events
from tickerwire.extract.price_moves import drop_contradicted_moves, move_events
from tickerwire.extract.session_clock import check_session_days
from tickerwire.extract.subjects import TopicResolver
from tickerwire.link import ReferenceData
from tickerwire.records import Event, LinkedDocument

__all__ = ["extract_events"]


def extract_events(linked: LinkedDocument, reference: ReferenceData) -> list[Event]:
    """Return the events stated in `linked.doc.text`, each with evidence and confidence."""
    if not linked.doc.text.strip():
        return []
    ctx = build_context(linked, reference)
    return _extract(ctx, linked.doc.title)


def _extract(ctx: DocumentContext, title: str | None = None) -> list[Event]:
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
    found += [Found(e, anchor=e.evidence.start) for e in table_events(ctx, title)]
    found += indicator_moves(ctx)
    found = propagate_article_period(found, article_frame(ctx), partial(frame_day, ctx))
    found = drop_contradicted_forecasts(found)
    found = drop_contradicted_moves(found)
    found = check_session_days(ctx, found)
    # One lower-casing of the text serves the cue pass (`str.lower`) and the patterns that read
    # lower-cased text with the text's offsets (`lower_text`: the same string, unless a letter
    # lower-cases to two).
    lowered = ctx.text.lower()
    kinds = cue_kinds(ctx, lowered)
    cued = cued_sentences(ctx, kinds)
    same_offsets = lower_text(ctx.text, lowered)
    drafts = find_drafts(ctx, kinds, same_offsets)
    events = assemble(ctx, title, found, merge_repeats(found), drafts, cued, same_offsets)
    return with_fact_levels(events)
