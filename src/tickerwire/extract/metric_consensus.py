"""Forecasts that name no figure or write no currency: earnings per share, a segment's revenue.

Earnings previews tell the consensus per share without the word "earnings" ("The consensus
estimate is pegged at 75 cents per share, up 8% from a year ago"): an amount per share
that is the consensus itself can only be earnings per share. The "most active stocks" template
writes the consensus with no currency ("The consensus earnings per share forecast is 0.9 per
share"): in U.S. dollars for a company whose main listing is in the U.S., unknown (not kept)
otherwise; its "N percent increase over the EPS one Year Ago" is not a change (the template prints
the year-ago EPS times 100 there), so no change is read from that sentence.

A forecast for a business line named as a unit, with no figure named ("Our estimate of $410
million for the Consumer Lending division implies growth of 2%", "The consensus estimate for
the Intelligent Cloud segment is pegged at $25.9 billion"), is the line's
revenue: previews forecast a segment's sales, and a segment's profit is always named.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_fact import APPROX, CLAUSE, MetricFact
from tickerwire.extract.metric_line_names import line_key
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
# The template's sentence: "The consensus earnings per share forecast is 0.9 per share".
_TEMPLATE = regex.compile(
    r"\bconsensus\s+(?P<term>earnings\s+per\s+share|EPS)\s+forecast\s+is\s+$", regex.IGNORECASE
)
_UNIT = r"(?P<unit>segment|division|unit|business)"
_LINE_OWNER = r"(?:(?:the|its|their|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?['’]s)\s+)?"
_LINE_NAME = r"(?P<name>[A-Z][\w-]*(?:\s+(?:(?:and|&)\s+)?[A-Z][\w-]*){0,5})\s+"
# "estimate of $410 million for the Consumer Lending division" (after the
# amount; not "... division's operating income")
_LINE_AFTER = regex.compile(r"\s+for\s+" + _LINE_OWNER + _LINE_NAME + _UNIT + r"\b(?!['’])")
_ESTIMATE_OF_BEFORE = regex.compile(r"\bestimate\s+of\s+" + APPROX + r"$", regex.IGNORECASE)
# "estimate for the Intelligent Cloud segment is pegged at" (before the amount)
_LINE_BEFORE = regex.compile(
    r"\b(?:estimate|consensus|consensus\s+estimate|consensus\s+mark)\s+for\s+"
    + _LINE_OWNER
    + _LINE_NAME
    + _UNIT
    + r"\s+(?:is|stands|remains)\s+(?:(?:pegged|pinned)\s+)?at\s+"
    + APPROX
    + r"$",
    regex.IGNORECASE,
)
_REVENUE = "revenue"
_PER_SHARE_AFTER = regex.compile(r"\s+per\s+share\b", regex.IGNORECASE)
# Between the amount and its change: ", indicating a rise of", ", up", ", suggesting growth of",
# " implies growth of".
_TO_CHANGE = regex.compile(
    r"(?:,\s+|\s+(?=(?:implies|implying|indicates|indicating|suggests|suggesting|calls|calling|"
    r"which)\b))(?:[\w-]+\s+){0,5}?$"
)


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
                fact.change = _change_after(ctx, q.end, quantities, changes)
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


def line_estimate_facts(
    ctx: DocumentContext,
    sentence: Sentence,
    quantities: list[Quantity],
    changes: list[Change],
    resolver: TopicResolver,
) -> list[MetricFact]:
    """The revenue forecast for a business line named as a unit, with no figure named."""
    facts = []
    for q in quantities:
        if q.kind != "money" or not q.scaled or q.per_share or q.is_conversion or q.is_range:
            continue
        line = _LINE_BEFORE.search(ctx.text, max(sentence.start, q.start - 160), q.start)
        after = q.end
        if line is None and _ESTIMATE_OF_BEFORE.search(
            ctx.text, max(sentence.start, q.start - 30), q.start
        ):
            line = _LINE_AFTER.match(ctx.text, q.end, sentence.end)
            after = line.end() if line is not None else after
        if line is None or ctx.groups_in(line.start("name"), line.end("unit")):
            continue
        segment = line_key(line.group("name").split())
        if segment is None:
            continue
        term = MetricTerm(line.start("name"), line.end("unit"), _REVENUE, segment)
        owner = resolver.metric_owner(Term(term.start, term.end, "metric", metric=term), q.start)
        if owner is None:
            continue
        fact = MetricFact(term, owner, q.start, value=q, estimate=True)
        fact.change = _change_after(ctx, after, quantities, changes)
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
    ctx: DocumentContext, position: int, quantities: list[Quantity], changes: list[Change]
) -> Change | None:
    """The change told right after a forecast that ends at `position` (", indicating a rise of
    8%", ", up 8%", " implies growth of 2%"): the first after it in its clause, with no other
    amount between."""
    for change in changes:
        start = change.quantity.start
        if start < position or change.relative:
            continue
        if CLAUSE.search(ctx.text, position, start) or any(
            position <= other.start < start and other.kind != "percent" for other in quantities
        ):
            return None
        if _TO_CHANGE.search(ctx.text, position, start) is None:
            return None
        return change
    return None


def _us_listed(ctx: DocumentContext, entity_id: str) -> bool:
    """Whether the company's main listing is in the U.S. (its amounts are in U.S. dollars)."""
    listing = ctx.reference.listing_for(entity_id)
    return listing is not None and listing.country == "US"
