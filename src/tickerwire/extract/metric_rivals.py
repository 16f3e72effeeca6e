"""The same figure of a rival set right after a company's ("a market value of $2.9 trillion,
just behind Microsoft at $3.1 trillion", "revenue of $62 billion, compared with
Amazon's $170 billion"): the rival's figure, of the same name, period and kind.
"""

from __future__ import annotations

import regex

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_comparisons import per_share_end
from tickerwire.extract.metric_fact import APPROX, MetricFact
from tickerwire.extract.owners import Owner
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence

# The words from a figure's amount to a rival's name: ", slightly ahead of", ", compared with".
_TO_RIVAL = regex.compile(
    r",?\s+(?:(?:slightly|just|well|narrowly|far|comfortably|barely)\s+)?"
    r"(?:ahead\s+of|behind|above|below|trailing|topping|(?:compared|compares?)\s+(?:with|to)|"
    r"versus|vs\.?|outstripping|surpassing|overtaking|outpacing|eclipsing)"
    r"\s+(?:(?:rival|peer|competitor)\s+)?",
    regex.IGNORECASE,
)
# The words from a rival's name to its amount: "Apple at", "Apple with", "Amazon's".
_RIVAL_TO_AMOUNT = regex.compile(r"(?:\s+(?:at|with)\s+|['’]s\s+)" + APPROX, regex.IGNORECASE)
# A name written with its possessive and then its Reuters code ("Apple Inc's AAPL.OQ"), which
# the linker takes as one mention: the amount follows it.
_POSSESSIVE_CODE = regex.compile(r"['’]s\s+[A-Z0-9]{1,6}\.[A-Z]{1,2}$")
_CODE_TO_AMOUNT = regex.compile(r"\s+" + APPROX, regex.IGNORECASE)
# What may follow the rival's amount: the sentence goes on or ends. Not a noun the amount
# measures ("compared with Amazon's $13.7 billion acquisition of Whole Foods").
_AFTER_AMOUNT = regex.compile(
    r"\s*(?:[,.;:)\u2013\u2014]|$)|\s+(?:in|for|during|on|at|as|and|while|after|before|a|per|"
    r"respectively|market|revenues?|sales)\b",
    regex.IGNORECASE,
)


def add_rival_facts(
    ctx: DocumentContext, sentence: Sentence, quantities: list[Quantity], facts: list[MetricFact]
) -> None:
    """Add to `facts` the rivals' figures set right after a company's stated figure."""
    taken = {f.value.start for f in facts if f.value is not None}
    for fact in list(facts):
        value = fact.value
        if (
            value is None
            or value.kind != "money"
            or value.is_range
            or fact.owner is None
            or fact.comparison is not None
            or fact.base is not None
        ):
            continue
        rival = _rival_amount(ctx, sentence, quantities, value, fact.owner)
        if rival is None or rival[1].start in taken:
            continue
        owner, amount = rival
        facts.append(
            MetricFact(fact.term, owner, amount.start, value=amount, estimate=fact.estimate)
        )
        taken.add(amount.start)
    facts.sort(key=lambda f: f.anchor)


def _rival_amount(
    ctx: DocumentContext,
    sentence: Sentence,
    quantities: list[Quantity],
    value: Quantity,
    owner: Owner,
) -> tuple[Owner, Quantity] | None:
    """The rival company and its amount right after `value`, if written so; the amount must be
    of the same currency and scale (a per-share amount beside a total is no such figure)."""
    text = ctx.text
    lead = _TO_RIVAL.match(text, per_share_end(text, value), sentence.end)
    if lead is None:
        return None
    groups = ctx.groups_in(lead.end(), lead.end() + 1)
    if len(groups) != 1:
        return None
    group = groups[0]
    if group.entity_type != "company" or group.entity_id == owner.entity_id or group.coref:
        return None
    link = _RIVAL_TO_AMOUNT.match(text, group.end, sentence.end)
    if link is None and _POSSESSIVE_CODE.search(text, group.start, group.end):
        link = _CODE_TO_AMOUNT.match(text, group.end, sentence.end)
    if link is None:
        return None
    amount = next((q for q in quantities if q.start == link.end()), None)
    if (
        amount is None
        or amount.is_conversion
        or amount.is_range
        or amount.kind != "money"
        or (amount.currency, amount.scaled, amount.per_share)
        != (value.currency, value.scaled, value.per_share)
        or not _AFTER_AMOUNT.match(text, per_share_end(text, amount))
    ):
        return None
    return Owner(group.entity_id, group.ticker), amount
