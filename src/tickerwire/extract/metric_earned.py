"""Profit told by the verb alone: "Apple earned $2.18 a share", "it earned an adjusted $1.60 a
share", "Visa earned $4.7 billion, or $2.27 a share".

The verb names no figure, so only a company as its subject and an amount per share make it
earnings per share; a total is net income only when restated per share right after ("earned
$2 billion in fees" is a line of income, not the profit).
"""

from __future__ import annotations

import regex

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_estimates import is_estimate
from tickerwire.extract.metric_fact import APPROX, MetricFact
from tickerwire.extract.metric_terms import MetricTerm
from tickerwire.extract.owners import PRONOUN_PENALTY, Owner
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence

# "<Company> earned", "<Company> (AAPL) earned an adjusted", "<Company> said it earned"
_EARNED_BEFORE = regex.compile(
    r"(?P<link>(?:\s*\([^()]{1,20}\))?(?:\s+(?:said|says)\s+it)?\s+(?:has\s+|had\s+)?)"
    r"(?P<term>earned|netted)\s+(?P<adjusted>(?:an\s+)?adjusted\s+)?" + APPROX + r"$",
    regex.IGNORECASE,
)
_OR_PER_SHARE = regex.compile(r",?\s+or\s+(?:about\s+)?$")
# Words before the company that make it no subject of the verb: "investors in Apple earned".
_NOT_SUBJECT_BEFORE = regex.compile(
    r"\b(?:in|of|on|for|at|with|into|from|by|than|like|as|and|or|to)\s+$", regex.IGNORECASE
)
# "earned $2.18 a share in the year-ago quarter", "earned $3 a share more than": not the figure
_NOT_THE_FIGURE_AFTER = regex.compile(
    r"(?:\s+(?:a|per)\s+(?:share|ADS))?\s*(?:(?:in|for)\s+the\s+(?:year[\s-]ago|prior[\s-]year|"
    r"previous|same)|a\s+year\s+(?:ago|earlier)|more|less|from)\b",
    regex.IGNORECASE,
)


def earned_facts(
    ctx: DocumentContext, sentence: Sentence, quantities: list[Quantity]
) -> list[MetricFact]:
    """The profit a company is said to have earned, per share (and in total when restated)."""
    facts: list[MetricFact] = []
    amounts = [q for q in quantities if q.kind == "money" and not q.is_conversion]
    for index, q in enumerate(amounts):
        found = _EARNED_BEFORE.search(ctx.text, max(sentence.start, q.start - 60), q.start)
        if found is None or q.is_range:
            continue
        if _NOT_THE_FIGURE_AFTER.match(ctx.text, q.end, sentence.end):
            continue
        owner = _subject(ctx, sentence, found.start())
        if owner is None:
            continue
        adjusted = found.group("adjusted") is not None
        eps = "adjusted_eps" if adjusted else "eps"
        term_span = (found.start("term"), found.end("term"))
        if q.per_share:
            facts.append(MetricFact(MetricTerm(*term_span, eps), owner, q.start, value=q))
            continue
        following = amounts[index + 1] if index + 1 < len(amounts) else None
        if (
            not q.scaled
            or following is None
            or not following.per_share
            or not _OR_PER_SHARE.search(ctx.text, q.end, following.start)
        ):
            continue  # "earned $2 billion in fees": a line of income, not the profit
        if _NOT_THE_FIGURE_AFTER.match(ctx.text, following.end, sentence.end):
            continue
        total = "adjusted_net_income" if adjusted else "net_income"
        facts.append(MetricFact(MetricTerm(*term_span, total), owner, q.start, value=q))
        facts.append(
            MetricFact(MetricTerm(*term_span, eps), owner, following.start, value=following)
        )
    for fact in facts:
        fact.estimate = is_estimate(ctx, sentence, fact.anchor)
    return facts


def _subject(ctx: DocumentContext, sentence: Sentence, position: int) -> Owner | None:
    """The company named right before the verb, its subject."""
    groups = ctx.groups_in(sentence.start, position)
    if not groups or groups[-1].end != position or groups[-1].entity_type != "company":
        return None
    group = groups[-1]
    if _NOT_SUBJECT_BEFORE.search(ctx.text, max(sentence.start, group.start - 12), group.start):
        return None
    return Owner(group.entity_id, group.ticker, PRONOUN_PENALTY if group.coref else 0.0)
