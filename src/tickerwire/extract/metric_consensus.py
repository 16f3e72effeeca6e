"""Forecasts of earnings per share that name no figure or write no currency.

Earnings previews tell the consensus per share without the word "earnings" ("The Zacks Consensus
Estimate is pegged at 50 cents per share, up 8% from the year-ago quarter"): an amount per share
that is the consensus itself can only be earnings per share. The "most active stocks" template
writes the consensus with no currency ("The consensus earnings per share forecast is 1.6 per
share"): in U.S. dollars for a company whose main listing is in the U.S., unknown (not kept)
otherwise; its "N percent increase over the EPS one Year Ago" is not a change (the template prints
the year-ago EPS times 100 there), so no change is read from that sentence.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_fact import APPROX, CLAUSE, MetricFact
from tickerwire.extract.metric_terms import MetricTerm
from tickerwire.extract.owners import Term
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence
from tickerwire.extract.subjects import TopicResolver

_EPS = "eps"
# "The Zacks Consensus Estimate is pegged at", "the consensus estimate stands at", "the consensus
# mark is": the consensus is the subject and the amount its value, with no figure named between.
_CONSENSUS_IS = regex.compile(
    r"\b(?P<term>consensus(?:\s+(?:estimate|mark|view|forecast))?)\s+(?:(?:currently|now)\s+)?"
    r"(?:is|stands|remains|was|has\s+been)\s+(?:(?:pegged|pinned|set)\s+)?(?:at\s+)?"
    + APPROX
    + r"$",
    regex.IGNORECASE,
)
# The template's sentence: "The consensus earnings per share forecast is 1.6 per share".
_TEMPLATE = regex.compile(
    r"\bconsensus\s+(?P<term>earnings\s+per\s+share|EPS)\s+forecast\s+is\s+$", regex.IGNORECASE
)
_PER_SHARE_AFTER = regex.compile(r"\s+per\s+share\b", regex.IGNORECASE)
# Between the amount and its change: ", indicating a rise of", ", up", ", suggesting growth of".
_TO_CHANGE = regex.compile(r",\s+(?:[\w-]+\s+){0,5}?$")


def consensus_facts(
    ctx: DocumentContext,
    sentence: Sentence,
    quantities: list[Quantity],
    changes: list[Change],
    resolver: TopicResolver,
) -> list[MetricFact]:
    """The consensus earnings per share the sentence tells without naming the figure."""
    facts = []
    for q in quantities:
        if q.is_conversion or q.is_range:
            continue
        window = max(sentence.start, q.start - 80)
        if q.kind == "money" and q.per_share and not q.scaled:
            found = _CONSENSUS_IS.search(ctx.text, window, q.start)
            if found is None or ctx.quantities_in(found.end(), q.start):
                continue
            fact = _fact(ctx, found, q, resolver)
            if fact is not None:
                fact.change = _change_after(ctx, sentence, q, quantities, changes)
                facts.append(fact)
        elif q.kind == "number" and _PER_SHARE_AFTER.match(ctx.text, q.end, sentence.end):
            found = _TEMPLATE.search(ctx.text, window, q.start)
            if found is None:
                continue
            dollars = replace(q, kind="money", currency="USD", per_share=True)
            fact = _fact(ctx, found, dollars, resolver)
            if (
                fact is not None
                and fact.owner is not None
                and _us_listed(ctx, fact.owner.entity_id)
            ):
                facts.append(fact)
    return facts


def _fact(
    ctx: DocumentContext, found: regex.Match[str], q: Quantity, resolver: TopicResolver
) -> MetricFact | None:
    term = MetricTerm(found.start("term"), found.end("term"), _EPS)
    owner = resolver.metric_owner(Term(term.start, term.end, "metric", metric=term), q.start)
    if owner is None:
        return None
    return MetricFact(term, owner, q.start, value=q, estimate=True, per_share=True)


def _change_after(
    ctx: DocumentContext,
    sentence: Sentence,
    q: Quantity,
    quantities: list[Quantity],
    changes: list[Change],
) -> Change | None:
    """The change told right after the consensus (", indicating a rise of 8%", ", up 8%"): the
    first after it in its clause, with no other amount between."""
    for change in changes:
        start = change.quantity.start
        if start < q.end or change.relative:
            continue
        if CLAUSE.search(ctx.text, q.end, start) or any(
            q.end <= other.start < start and other.kind != "percent" for other in quantities
        ):
            return None
        if _TO_CHANGE.search(ctx.text, q.end, start) is None:
            return None
        return change
    return None


def _us_listed(ctx: DocumentContext, entity_id: str) -> bool:
    """Whether the company's main listing is in the U.S. (its amounts are in U.S. dollars)."""
    listing = ctx.reference.listing_for(entity_id)
    return listing is not None and listing.country == "US"
