"""Figures set beside a reported one, as facts: the forecast it is measured by or the prior
period's figure (`compared_figure` in metric_comparisons reads the words; this module gives the
figure its reported twin's name, owner and metric)."""

from __future__ import annotations

import regex

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_comparisons import compared_figure
from tickerwire.extract.metric_fact import CLAUSE, PAIR_VALUES, MetricFact
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence

_OR_PER_SHARE = regex.compile(r",?\s+or\s+(?:about\s+)?")
_PROFIT_METRICS = frozenset({"earnings", "net_income", "adjusted_net_income"})


def add_compared_facts(
    ctx: DocumentContext, sentence: Sentence, quantities: list[Quantity], facts: list[MetricFact]
) -> None:
    """Forecasts and prior figures set beside a figure that a change gave its value ("revenue
    rose 5% to $10 billion, topping the $9.8 billion consensus"): read after the changes."""
    if not any(f.change is not None and f.value is not None for f in facts):
        return  # value_facts has read every amount beside a figure
    told = {id(f.value) for f in facts if f.value is not None}
    added = False
    amounts = [q for q in quantities if q.kind == "money" and not q.is_conversion]
    for index, q in enumerate(amounts):
        if id(q) in told:
            continue
        following = amounts[index + 1] if index + 1 < len(amounts) else None
        if following is not None and PAIR_VALUES.fullmatch(ctx.text, q.end, following.start):
            continue  # "estimates of $9.3 billion and $2.25 a share": whose is which?
        before = [f for f in facts if f.value is not None and f.value.start < q.start]
        if not before or all(f.change is None for f in before):
            continue  # value_facts has read these
        before.sort(key=lambda f: f.value.start if f.value is not None else 0)
        compared = compared_fact(ctx, sentence, q, before, named_before=True)
        if compared is not None:
            facts.append(compared)
            told.add(id(q))
            added = True
    if added:
        facts.sort(key=lambda f: f.anchor)


def compared_fact(
    ctx: DocumentContext,
    sentence: Sentence,
    q: Quantity,
    facts: list[MetricFact],
    *,
    named_before: bool = False,
) -> MetricFact | None:
    """A forecast or a prior period's figure set beside the reported figure before `q`."""
    if q.kind != "money" or q.is_range or not facts:
        return None
    text = ctx.text
    # the reported figure: the last one not itself set beside another ("$1.82 a share, beating
    # the $1.56 expected and above last year's $1.32": both are set beside $1.82)
    index = len(facts) - 1
    while index >= 0 and facts[index].comparison is not None:
        index -= 1
    if index < 0:
        return None
    base = facts[index]
    value = base.value
    if value is not None and value.per_share and index > 0:
        earlier = facts[index - 1]
        if earlier.value is not None and per_share_of_previous(text, earlier, value):
            base = earlier  # "net income of $21 million, or $1.00 a share, versus ..."
            value = earlier.value
    if value is None or value.kind != "money":
        return None
    if CLAUSE.search(text, value.end, q.start):
        return None
    told = {id(f.value) for f in facts if f.value is not None}
    if any(
        o.kind == "money" and not o.is_conversion and id(o) not in told
        for o in ctx.quantities_in(value.end, q.start)
    ):
        return None  # another amount between: the comparison may be its
    per_share = value.per_share or base.per_share or base.term.metric in ("eps", "adjusted_eps")
    comparison = compared_figure(
        text,
        sentence.start,
        sentence.end,
        value,
        q,
        ctx.periods_in(sentence),
        base.term.metric,
        per_share,
        named_before=named_before,
    )
    if comparison is None:
        return None
    return MetricFact(
        base.term,
        base.owner,
        q.start,
        value=q,
        estimate=comparison.kind == "estimate",
        comparison=comparison,
        base=base,
        per_share=per_share,
    )


def per_share_of_previous(text: str, previous: MetricFact, q: Quantity) -> bool:
    """Whether `q` restates the previous amount per share (", or 1.00 dlr a share")."""
    value = previous.value
    if value is None or value.per_share or previous.term.metric not in _PROFIT_METRICS:
        return False
    return bool(_OR_PER_SHARE.fullmatch(text, value.end, q.start))
