"""A listed company's market value told without the words "market value": "Amazon is worth
$1.64 trillion", "Nvidia, which is now worth $1.5 trillion", "the entire $26 billion value of
rival Snap", "Snap's $26 billion valuation", "Microsoft edged ahead with a $3 trillion
valuation", "At a $511 billion valuation, Novo ...", "Tesla is a $600 billion company"; with a
subject that names no company ("It's worth $550 billion now", "The bank is halfway there with a
$504 billion valuation"), of the company that subject refers to.

Only a company named right before the verb (or right after "value of") owns the figure: "the
stake in Apple is worth $150 billion" is a holding, "Apple and Microsoft are worth $6 trillion"
two companies' total, "worth $200 billion more than Microsoft" a difference. A valuation of an
unlisted company is a funding round's, not a market value: only listed companies count.
"""

from __future__ import annotations

import regex

from tickerwire.extract.document import DocumentContext, EntityGroup
from tickerwire.extract.metric_fact import APPROX, CLAUSE, MetricFact
from tickerwire.extract.metric_terms import MetricTerm
from tickerwire.extract.owners import PRONOUN_PENALTY, Owner, OwnerResolver
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence

_MARKET_CAP = "market_cap"
# "<Company> is worth", "<Company>, which is now worth", "<Company> (AMZN) was worth"
_WORTH_BEFORE = regex.compile(
    r"(?P<link>(?:\s*\([^()]{1,20}\))?(?:,\s+which)?(?:\s+(?:is|was|'s|’s)|['’]s)\s+"
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
# A subject that names no company: "It", "The bank", "the Danish pharmaceutical giant".
_REFERRING_SUBJECT = regex.compile(
    r"\s*(?:It|it|[Tt]he\s+(?:[\w-]+\s+){0,3}?(?:company|firm|group|giant|maker|drugmaker|"
    r"chipmaker|carmaker|automaker|retailer|lender|bank|insurer|conglomerate|business|"
    r"pharmaceutical\s+company))\b(?!['’])"
)
# "... with a $3 trillion valuation", "At a $511 billion valuation"
_WITH_A_BEFORE = regex.compile(r"\b(?:[Ww]ith|[Aa]t)\s+an?\s+$")
_VALUATION_WORD_AFTER = regex.compile(
    r"(?:[\s-]dollar)?\s+(?P<term>(?:market\s+)?(?:valuation|value|capitali[sz]ation|cap))\b"
    r"(?!\s+(?:of|for|on|in)\b)"
)
# "Tesla is a $600 billion company", "Snap is now a $26 billion company"
_IS_A_BEFORE = regex.compile(
    r"\s+(?:is|was|['’]s)\s+(?:(?:now|already|still|today)\s+)?an?\s+$", regex.IGNORECASE
)
_COMPANY_AFTER = regex.compile(r"(?:[\s-]dollar)?\s+(?P<term>company|firm|business)\b")
_COMMA = regex.compile(r"\s*,\s*")
_RELATIVE = regex.compile(r",\s*(?:which|who|whose)\b")
# A valuation of money raised or of a deal, not of the shares: "raised money at a $20 billion
# valuation", "an IPO at a $50 billion valuation".
_FUNDING = regex.compile(
    r"\b(?:rais(?:e|es|ed|ing)|funding|round|IPO|offering|invest(?:s|ed|ment)|backed|private|"
    r"deal|bid|offer|acquir\w*|buy(?:s|ing)?|bought|takeover)\b",
    regex.IGNORECASE,
)
# "worth $200 billion more than", "worth $3 trillion combined", "worth $1 trillion or more"
_NOT_THE_VALUE_AFTER = regex.compile(
    r"\s*(?:more|less|fewer|combined|together|altogether|between|apiece|each|or\s+more|"
    r"in\s+(?:total|all))\b",
    regex.IGNORECASE,
)


def market_value_facts(
    ctx: DocumentContext, sentence: Sentence, quantities: list[Quantity], resolver: OwnerResolver
) -> list[MetricFact]:
    """The market values of listed companies told as what they are worth or their value."""
    facts = []
    for q in quantities:
        if q.kind != "money" or not q.scaled or q.per_share or q.is_conversion or q.is_range:
            continue
        if _NOT_THE_VALUE_AFTER.match(ctx.text, q.end, sentence.end):
            continue
        fact = (
            _worth(ctx, sentence, q, resolver)
            or _value_of(ctx, sentence, q)
            or _valued_subject(ctx, sentence, q, resolver)
        )
        if fact is not None:
            facts.append(fact)
    return facts


def company_size_facts(
    ctx: DocumentContext, sentence: Sentence, quantities: list[Quantity], resolver: OwnerResolver
) -> list[MetricFact]:
    """'Snap is a $26 billion company': the market value of a listed company told by its size
    (the reader of sentences that say "company" and neither "worth" nor "value")."""
    facts = []
    for q in quantities:
        if q.kind != "money" or not q.scaled or q.per_share or q.is_conversion or q.is_range:
            continue
        fact = _valued_subject(ctx, sentence, q, resolver)
        if fact is not None:
            facts.append(fact)
    return facts


def _worth(
    ctx: DocumentContext, sentence: Sentence, q: Quantity, resolver: OwnerResolver
) -> MetricFact | None:
    """'Amazon is worth $1.64 trillion', "It's worth $550 billion now"."""
    found = _WORTH_BEFORE.search(ctx.text, max(sentence.start, q.start - 70), q.start)
    if found is None:
        return None
    if _OPINION_BEFORE.search(ctx.text, sentence.start, found.start()):
        return None  # "I think Nvidia is worth $2 trillion": a view of its worth
    owner = _subject_before(ctx, sentence, found.start(), resolver)
    if owner is None:
        return None
    term = MetricTerm(found.start("term"), found.end("term"), _MARKET_CAP)
    return MetricFact(term, owner, q.start, value=q)


def _subject_before(
    ctx: DocumentContext, sentence: Sentence, position: int, resolver: OwnerResolver
) -> Owner | None:
    """The listed company that is the subject of a verb at `position`: named right before it,
    or referred to by a sentence that opens with "It" or "The bank" right before it."""
    groups = ctx.groups_in(sentence.start, position)
    if groups and groups[-1].end == position:
        return _listed_owner(ctx, sentence, groups[-1])
    if groups or not _REFERRING_SUBJECT.fullmatch(ctx.text, sentence.start, position):
        return None
    return _referred_owner(ctx, resolver)


def _valued_subject(
    ctx: DocumentContext, sentence: Sentence, q: Quantity, resolver: OwnerResolver
) -> MetricFact | None:
    """'Microsoft edged ahead with a $3 trillion valuation', 'At a $511 billion valuation, Novo
    ...', 'Tesla is a $600 billion company': the value of the sentence's subject."""
    text = ctx.text
    company = _COMPANY_AFTER.match(text, q.end, sentence.end)
    after = _VALUATION_WORD_AFTER.match(text, q.end, sentence.end) if company is None else None
    if company is None and after is None:
        return None
    if _FUNDING.search(text, sentence.start, sentence.end) or _OPINION_BEFORE.search(
        text, sentence.start, q.start
    ):
        return None  # "raised money at a $20 billion valuation": a funding round's
    if company is not None:
        verb = _IS_A_BEFORE.search(text, max(sentence.start, q.start - 30), q.start)
        if verb is None:
            return None
        owner = _subject_before(ctx, sentence, verb.start(), resolver)
        span = company.span("term")
    else:
        before = _WITH_A_BEFORE.search(text, max(sentence.start, q.start - 12), q.start)
        if after is None or before is None:
            return None
        span = after.span("term")
        if before.start() == sentence.start:
            owner = _subject_after_comma(ctx, sentence, after.end(), resolver)
        else:
            owner = _opening_subject(ctx, sentence, before.start(), resolver)
    if owner is None:
        return None
    return MetricFact(MetricTerm(span[0], span[1], _MARKET_CAP), owner, q.start, value=q)


def _opening_subject(
    ctx: DocumentContext, sentence: Sentence, position: int, resolver: OwnerResolver
) -> Owner | None:
    """The subject the sentence opens with, whose clause runs on to `position`: a company named
    first ("Microsoft edged ahead of Apple with ...") or "It"/"The bank" (the company referred
    to); none when a clause break or a relative clause stands between."""
    text = ctx.text
    if CLAUSE.search(text, sentence.start, position) or _RELATIVE.search(
        text, sentence.start, position
    ):
        return None
    groups = ctx.groups_in(sentence.start, position)
    if groups:
        first = groups[0]
        if first.start != sentence.start:
            return None
        return _listed_owner(ctx, sentence, first)
    if _REFERRING_SUBJECT.match(text, sentence.start, position) is None:
        return None
    return _referred_owner(ctx, resolver)


def _subject_after_comma(
    ctx: DocumentContext, sentence: Sentence, position: int, resolver: OwnerResolver
) -> Owner | None:
    """'At a $511 billion valuation, Novo Nordisk ...' or '..., the Danish drugmaker ...'."""
    comma = _COMMA.match(ctx.text, position, sentence.end)
    if comma is None:
        return None
    groups = ctx.groups_in(comma.end(), min(sentence.end, comma.end() + 1))
    if groups:
        return _listed_owner(ctx, sentence, groups[0], subject=False)
    if _REFERRING_SUBJECT.match(ctx.text, comma.end(), sentence.end) is None:
        return None
    return _referred_owner(ctx, resolver)


def _referred_owner(ctx: DocumentContext, resolver: OwnerResolver) -> Owner | None:
    owner = resolver.referred_company()
    if owner is None:
        return None
    entity = ctx.entities.get(owner.entity_id)
    if entity is None or entity.type != "company" or not entity.tickers:
        return None
    return owner


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
