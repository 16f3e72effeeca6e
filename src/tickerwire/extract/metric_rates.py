"""Growth told as a yearly rate over a span of years ("sales up at a compound annual growth rate
(CAGR) of 12% since 2018", "the Street sees its EPS rising at a CAGR of 8% from
fiscal 2024 to fiscal 2027", "Nvidia lifted its revenue at a CAGR of 40%"): a change of the figure,
whose period is the span the text gives, not one year of it.
"""

from __future__ import annotations

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_estimates import is_estimate
from tickerwire.extract.metric_fact import APPROX, MetricFact
from tickerwire.extract.metric_terms import MetricTerm
from tickerwire.extract.owners import Term
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence
from tickerwire.extract.subjects import TopicResolver

_RATE_NAME = (
    r"(?:an?\s+)?(?:(?:compound(?:ed)?\s+)?annual(?:ized)?\s+(?:growth\s+)?rate"
    r"(?:\s+\(CAGR\))?|CAGR)"
)
# The words before a rate's percentage ("at a CAGR of", "a compound annual growth rate of").
_RATE_BEFORE = prefiltered(
    regex.compile(rf"\b{_RATE_NAME}\s+of\s+" + APPROX + r"$", regex.IGNORECASE)
)
_RISE = (
    r"(?:grow|grows|grew|grown|growing|rise|rises|rose|risen|rising|increase[sd]?|increasing|"
    r"climb(?:s|ed|ing)?|expand(?:s|ed|ing)?|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?)"
)
# A figure's name, then its verb and the rate: "revenue will have grown at a CAGR of",
# "EPS to rise at a CAGR of". A few helping words stand between, no other figure.
_NAME_THEN_RISE = regex.compile(
    r"(?:\s+(?:will|would|could|should|can|may|might|to|has|have|had|is|are|was|were|been|be|"
    r"expected|projected|forecast|likely|set|continue[sd]?|also|only|still))*"
    rf"\s+{_RISE}\s+at\s+{_RATE_NAME}\s+of\s+" + APPROX + r"$",
    regex.IGNORECASE,
)
# "Apple grew its revenue at a CAGR of 10%": the verb before the figure's owned name.
_RISE_BEFORE_NAME = regex.compile(rf"\b{_RISE}\s+(?:its|their)\s+$", regex.IGNORECASE)
_AT_RATE = regex.compile(rf"\s+at\s+{_RATE_NAME}\s+of\s+" + APPROX + r"$", regex.IGNORECASE)
# The span of a rate: "from 2019 to 2023", "from fiscal 2023 to fiscal 2026", "over 2023-2025".
_SPAN = regex.compile(
    r"\b(?:from|between)\s+(?P<a>(?:fiscal\s+|FY\s?)?(?:19|20)\d{2})\s+(?:to|through|and)\s+"
    r"(?P<b>(?:fiscal\s+|FY\s?)?(?:19|20)\d{2})\b",
    regex.IGNORECASE,
)
_FROM_YEAR = regex.compile(r"\s+(?:from|since)\s+(?P<a>(?:fiscal\s+)?(?:19|20)\d{2})\b", regex.I)


def add_rate_facts(
    ctx: DocumentContext,
    sentence: Sentence,
    quantities: list[Quantity],
    terms: list[MetricTerm],
    resolver: TopicResolver,
    facts: list[MetricFact],
) -> None:
    """Add to `facts` the yearly growth rates of figures the sentence states; a rate another
    reader has already taken as the figure's change gets the rate's span as its period."""
    text = ctx.text
    for q in quantities:
        if q.kind != "percent" or q.is_conversion or q.is_range or q.value < 0:
            continue
        if not _RATE_BEFORE.search(text, max(sentence.start, q.start - 60), q.start):
            continue
        taken = next((f for f in facts if f.change is not None and f.change.quantity is q), None)
        if taken is not None:
            taken.rate_period = _span(ctx, sentence, q)
            taken.is_rate = True
            continue
        found = _rate_term(ctx, sentence, q, terms)
        if found is None:
            continue
        term, trigger_start, trigger_end = found
        owner = resolver.metric_owner(Term(term.start, term.end, "metric", metric=term), q.start)
        change = Change(
            quantity=q,
            direction="up",
            kind="verb",
            trigger_start=trigger_start,
            trigger_end=trigger_end,
            sentence=sentence,
            head=-1,
        )
        fact = MetricFact(
            term,
            owner,
            q.start,
            change=change,
            estimate=is_estimate(ctx, sentence, q.start),
        )
        fact.rate_period = _span(ctx, sentence, q)
        fact.is_rate = True
        facts.append(fact)
    facts.sort(key=lambda f: f.anchor)


def _rate_term(
    ctx: DocumentContext, sentence: Sentence, q: Quantity, terms: list[MetricTerm]
) -> tuple[MetricTerm, int, int] | None:
    """The figure whose rate `q` is, with its verb's span: the name right before the verb
    ("its revenue will have grown at a CAGR of") or the owned name right after it ("grew its
    revenue at a CAGR of"); the nearest such name, with no other name between."""
    text = ctx.text
    before = [t for t in terms if sentence.start <= t.start and t.end <= q.start]
    if not before:
        return None
    term = before[-1]
    link = _NAME_THEN_RISE.fullmatch(text, term.end, q.start)
    if link is not None:
        verb = regex.search(_RISE, text[term.end : q.start], flags=regex.IGNORECASE)
        assert verb is not None
        return term, term.end + verb.start(), term.end + verb.end()
    if _AT_RATE.fullmatch(text, term.end, q.start):
        verb_before = _RISE_BEFORE_NAME.search(
            text, max(sentence.start, term.start - 25), term.start
        )
        if verb_before is not None:
            return term, verb_before.start(), verb_before.start() + len(verb_before.group(0))
    return None


def _span(ctx: DocumentContext, sentence: Sentence, q: Quantity) -> str | None:
    """The years a rate runs over, as written: after it ("of 5% from fiscal 2023 to fiscal
    2026"), else the one span its sentence or the sentence before in the paragraph gives
    ("..., with its EPS climbing at a CAGR of 11%"); a start year alone is a span to the
    latest year ("of 17% from 2019" gives "from 2019")."""
    text = ctx.text
    after = _SPAN.match(text, _skip_space(text, q.end))
    if after is not None:
        return _span_text(after)
    start_only = _FROM_YEAR.match(text, q.end)
    if start_only is not None:
        return "from " + " ".join(start_only.group("a").split())
    own = list(_SPAN.finditer(text, sentence.start, sentence.end))
    if len(own) == 1:
        return _span_text(own[0])
    if own or sentence.index == 0:
        return None
    previous = ctx.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph:
        return None
    earlier = list(_SPAN.finditer(text, previous.start, previous.end))
    return _span_text(earlier[0]) if len(earlier) == 1 else None


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] == " ":
        position += 1
    return position


def _span_text(match: regex.Match[str]) -> str:
    first = " ".join(match.group("a").split())
    last = " ".join(match.group("b").split())
    return f"{first}-{last}"
