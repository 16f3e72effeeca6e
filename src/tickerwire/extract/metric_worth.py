"""A listed company's market value told without the words "market value": "Amazon is worth
$1.64 trillion", "Nvidia, which is now worth $1.5 trillion", "the entire $26 billion value of
rival Snap", "Snap's $26 billion valuation".

Only a company named right before the verb (or right after "value of") owns the figure: "the
stake in Apple is worth $150 billion" is a holding, "Apple and Microsoft are worth $6 trillion"
two companies' total, "worth $200 billion more than Microsoft" a difference. A valuation of an
unlisted company is a funding round's, not a market value: only listed companies count.
"""

from __future__ import annotations

import regex

from tickerwire.extract.document import DocumentContext, EntityGroup
from tickerwire.extract.metric_fact import APPROX, MetricFact
from tickerwire.extract.metric_terms import MetricTerm
from tickerwire.extract.owners import PRONOUN_PENALTY, Owner
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence

_MARKET_CAP = "market_cap"
# "<Company> is worth", "<Company>, which is now worth", "<Company> (AMZN) was worth"
_WORTH_BEFORE = regex.compile(
    r"(?P<link>(?:\s*\([^()]{1,20}\))?(?:,\s+which)?\s+(?:is|was|'s|’s)\s+"
    r"(?:(?:now|currently|today|still|already|roughly|about|nearly)\s+)*)"
    r"(?P<term>worth)\s+" + APPROX + r"$",
    regex.IGNORECASE,
)
# "the entire $26 billion value of smaller rival Snap": up to four plain words, none of a thing
# that has a value of its own ("value of the deal with Snap", "value of its stake in Snap").
_VALUE_OF_AFTER = regex.compile(
    r"\s+(?P<term>(?:market\s+)?(?:value|valuation))\s+of\s+"
    r"(?:(?!(?:the|a|an|its|their|this|that|deal|stake|shares?|holdings?|offer|bid|contract|"
    r"assets?|debt|bonds?|loans?|position|investment|portfolio|acquisition|purchase|sale|"
    r"with|in|for|by|from|to|and|or)\b)[a-z][\w-]*\s+){0,4}",
)
# "the value of Apple shares", "the value of Apple's stake": the company's holding, not itself
_THING_OF_COMPANY_AFTER = regex.compile(
    r"(?:['’]s?|\s+(?:shares?|stocks?|stakes?|bonds?|debt|notes|options|products?|devices?|"
    r"assets?|holdings?|deal|offer|bid|brand))\b",
    regex.IGNORECASE,
)
# "Snap's $26 billion valuation"
_VALUATION_AFTER = regex.compile(r"\s+(?P<term>valuation)\b", regex.IGNORECASE)
_POSSESSIVE_BEFORE = regex.compile(r"(?:'s|’s)\s+$")
# Words before the company that make it the object of something else: "a stake in Apple",
# "shares of Amazon", "Apple and Microsoft", "more than Nvidia".
_NOT_SUBJECT_BEFORE = regex.compile(
    r"\b(?:in|of|on|for|at|with|into|from|by|than|like|as|and|or|to|over|behind|ahead\s+of)\s+$",
    regex.IGNORECASE,
)
# A view of what a company is worth, not its market value: "analysts think Nvidia is worth".
_OPINION_BEFORE = regex.compile(
    r"\b(?:think|thinks|thought|believe|believes|believed|argue|argues|reckon|reckons|estimate|"
    r"estimates|estimated|calculate|calculates|view|views|deserves?|suggests?|if|when|should|"
    r"could|would|might|may)\b",
    regex.IGNORECASE,
)
# "worth $200 billion more than", "worth $3 trillion combined", "worth $1 trillion or more"
_NOT_THE_VALUE_AFTER = regex.compile(
    r"\s*(?:more|less|fewer|combined|together|altogether|between|apiece|each|or\s+more|"
    r"in\s+(?:total|all))\b",
    regex.IGNORECASE,
)


def market_value_facts(
    ctx: DocumentContext, sentence: Sentence, quantities: list[Quantity]
) -> list[MetricFact]:
    """The market values of listed companies told as what they are worth or their value."""
    facts = []
    for q in quantities:
        if q.kind != "money" or not q.scaled or q.per_share or q.is_conversion or q.is_range:
            continue
        if _NOT_THE_VALUE_AFTER.match(ctx.text, q.end, sentence.end):
            continue
        fact = _worth(ctx, sentence, q) or _value_of(ctx, sentence, q)
        if fact is not None:
            facts.append(fact)
    return facts


def _worth(ctx: DocumentContext, sentence: Sentence, q: Quantity) -> MetricFact | None:
    """'Amazon is worth $1.64 trillion'."""
    found = _WORTH_BEFORE.search(ctx.text, max(sentence.start, q.start - 70), q.start)
    if found is None:
        return None
    groups = ctx.groups_in(sentence.start, found.start())
    if not groups or groups[-1].end != found.start():
        return None
    if _OPINION_BEFORE.search(ctx.text, sentence.start, found.start()):
        return None  # "I think Nvidia is worth $2 trillion": a view of its worth
    owner = _listed_owner(ctx, sentence, groups[-1])
    if owner is None:
        return None
    term = MetricTerm(found.start("term"), found.end("term"), _MARKET_CAP)
    return MetricFact(term, owner, q.start, value=q)


def _value_of(ctx: DocumentContext, sentence: Sentence, q: Quantity) -> MetricFact | None:
    """'the $26 billion value of rival Snap', "Snap's $26 billion valuation"."""
    after = _VALUE_OF_AFTER.match(ctx.text, q.end, sentence.end)
    if after is not None:
        groups = ctx.groups_in(after.end(), after.end() + 1)
        if not groups:
            return None
        group = groups[0]
        if _THING_OF_COMPANY_AFTER.match(ctx.text, group.end, sentence.end):
            return None  # "the $5 billion value of Apple shares": a holding's value
    else:
        after = _VALUATION_AFTER.match(ctx.text, q.end, sentence.end)
        possessive = _POSSESSIVE_BEFORE.search(ctx.text, max(sentence.start, q.start - 4), q.start)
        if after is None or possessive is None:
            return None
        groups = ctx.groups_in(sentence.start, possessive.start())
        if not groups or groups[-1].end != possessive.start():
            return None
        group = groups[-1]
    owner = _listed_owner(ctx, sentence, group, subject=after.re is _VALUATION_AFTER)
    if owner is None:
        return None
    term = MetricTerm(after.start("term"), after.end("term"), _MARKET_CAP)
    return MetricFact(term, owner, q.start, value=q)


def _listed_owner(
    ctx: DocumentContext, sentence: Sentence, group: EntityGroup, subject: bool = True
) -> Owner | None:
    """The owner a company named as the value's: a listed company; when it is the subject of
    the value (`subject`), not the object of a preposition ("a stake in Apple") nor one of a
    pair ("Apple and Microsoft")."""
    if group.entity_type != "company":
        return None
    entity = ctx.entities.get(group.entity_id)
    if entity is None or not entity.tickers:
        return None
    if subject and _NOT_SUBJECT_BEFORE.search(
        ctx.text, max(sentence.start, group.start - 12), group.start
    ):
        return None
    return Owner(group.entity_id, group.ticker, PRONOUN_PENALTY if group.coref else 0.0)
