"""The changes a sentence states of financial figures, as facts ("cloud revenues rose 9.7
percent"), merged with a value of the same figure when they are one ("Net income was 48.9
billion yuan, a 239% surge", "rose 10% to $7.96 billion")."""

from __future__ import annotations

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_estimates import is_estimate
from tickerwire.extract.metric_fact import APPROX, CLAUSE, MetricFact
from tickerwire.extract.metric_facts import PERCENT_METRICS
from tickerwire.extract.metric_terms import MetricTerm, find_metric_terms
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence
from tickerwire.extract.subject_scan import Topic

# The far end of a range of percentages after a change ("rise 10% to 15%"): a figure's name
# is no percentage, so the second one is no level reached but the range's other end.
_PERCENT_RANGE_END = regex.compile(
    r"\s?(?:to|-|–)\s?[+-]?\d+(?:\.\d+)?\s?(?:%|percent\b|per\s+cent\b)", regex.IGNORECASE
)
_TO_AFTER = regex.compile(r"[^.;%\d]{0,60}?\bto\s+" + APPROX + r"$", regex.IGNORECASE)
_SURPRISE_AFTER = regex.compile(r"\s*(?:better|worse|above|below|ahead|short|shy)\b", regex.I)
_ESTIMATE_WORD = regex.compile(r"\b(?:consensus|estimates?|expectations)\b", regex.IGNORECASE)
_ESTIMATE_NOUN_AFTER = regex.compile(
    r"\s+(?:estimates?|forecasts?|consensus|guidance|outlook|projections?|targets?)\b", regex.I
)
# A verb and a number with one of these between are two statements: "led to a stock dip
# despite 14% sales growth" (the dip is the shares', the 14% the sales' and a rise).
_CONCESSIVE = regex.compile(
    r"\b(?:despite|although|though|notwithstanding|in\s+spite\s+of|even\s+(?:as|with))\b",
    regex.IGNORECASE,
)
# Between figure names listed as one subject ("revenue and EPS", "sales, profit and
# adjusted margins"): a comma or "and", and at most one qualifying word.
_LIST_GAP = regex.compile(
    r"(?:\s*,\s*(?:and\s+)?|\s+(?:and|&|as\s+well\s+as)\s+)(?:[\w-]+\s+)?", regex.IGNORECASE
)
# How far back a list of figure names is read: four or five names of news prose.
_LIST_REACH = 120
# A sentence that counts goods ("Apple's phone shipments fell 2%, while Huawei's sales rose
# 36%", "units sold", "market share"): a change of "sales" in it is of units sold, which
# research firms track, not of revenue; a stated amount of money would say otherwise.
_UNIT_COUNT = prefiltered(
    regex.compile(
        r"\b(?:shipments?|shipped|units?\s+sold|unit\s+sales|market\s+share|deliveries|"
        r"delivered|sell[\s-]through|sold\s+(?:\d|more|fewer))\b",
        regex.IGNORECASE,
    )
)
_BARE_SALES = regex.compile(r"sales", regex.IGNORECASE)
_AGGREGATE_BEFORE = regex.compile(
    r"\b(?:group's|sector's|index's|industry's|index|aggregate|combined|total\s+Q\d)\s+(?:[\w-]+\s+)?$",
    regex.IGNORECASE,
)


def add_change_facts(
    ctx: DocumentContext,
    sentence: Sentence,
    changes: list[Change],
    topics: list[Topic],
    facts: list[MetricFact],
    quantities: list[Quantity],
) -> None:
    """Add to `facts` the changes of figures (`changes`, with their subjects `topics`), each
    merged into a value of the same figure it states ("was $10 billion, up 5%", "rose 5% to
    $10 billion") or a fact of its own."""
    text = ctx.text
    for i, (change, topic) in enumerate(zip(changes, topics, strict=True)):
        if (
            topic.kind != "metric"
            or topic.metric is None
            or change.relative
            or change.kind == "sign"
        ):
            continue  # a bare "+1.96%" after a figure's name is too often a surprise or a score
        term = topic.metric
        group = [other for other in changes if other.head == change.head]
        if len(group) > 1 and change.trigger_start > term.end:
            # "revenue and EPS rose 5% and 9%": the names listed before the verb, in order
            names = _listed_names(text, sentence, term)
            if len(names) > 1:
                if len(names) != len(group):
                    continue  # "revenue and EPS rose 5%, 9% and 12%": which is whose?
                term = names[group.index(change)]
        if term.metric in PERCENT_METRICS:
            continue  # "margin rose 2%": percent or points? not said
        if _ESTIMATE_NOUN_AFTER.match(text, term.end):
            continue  # "the consensus EPS estimate was revised 0.8% higher": not the figure
        if _AGGREGATE_BEFORE.search(text, max(sentence.start, term.start - 25), term.start):
            continue  # "the group's earnings", "index earnings": many companies' total
        if _PERCENT_RANGE_END.match(text, change.quantity.end):
            continue  # "revenue to rise 10% to 15%": a range of changes; one end misstates it
        if change.trigger_end <= change.quantity.start and _CONCESSIVE.search(
            text, change.trigger_end, change.quantity.start
        ):
            continue  # "a share price dip despite 14% sales growth": the verb is not the 14%'s
        if (
            term.metric == "revenue"
            and _BARE_SALES.fullmatch(text, term.start, term.end)
            and _UNIT_COUNT.search(text, sentence.start, sentence.end)
            and not any(q.kind == "money" for q in quantities)
        ):
            continue  # "Huawei's sales rose 36%" beside phone shipments: units, not revenue
        # within the sentence: the next one's "The consensus mark for revenues" is not this
        # change's surprise against estimates
        after = text[change.quantity.end : min(change.quantity.end + 30, sentence.end)]
        if _SURPRISE_AFTER.match(after):
            continue  # a surprise against estimates, not a change of the figure
        if _ESTIMATE_WORD.search(after):
            continue
        owner = topic.owners[0] if topic.owners else None
        head_estimate = change.head < i and any(
            f.change is changes[change.head] and f.estimate for f in facts
        )
        estimate = (
            change.hedged or head_estimate or is_estimate(ctx, sentence, change.quantity.start)
        )
        merged = False
        in_list = sum(1 for other in changes if other.head == change.head) > 1
        for fact in [] if in_list else reversed(facts):
            if (
                fact.change is None
                and fact.value is not None
                and fact.comparison is None
                and fact.term.metric == term.metric
                and fact.term.segment == term.segment
                and fact.estimate == estimate
                and fact.anchor < change.quantity.start
                # "Mac sales rose to $7.8 billion, while iPad sales declined 25%": not one figure
                and not CLAUSE.search(text, fact.anchor, change.quantity.start)
            ):
                fact.change = change
                merged = True
                break
        if merged:
            continue
        next_start = changes[i + 1].quantity.start if i + 1 < len(changes) else sentence.end
        value = _value_after(ctx, change, quantities, next_start)
        if value is not None:
            facts[:] = [f for f in facts if f.value is not value]
        facts.append(
            MetricFact(
                term,
                owner,
                change.quantity.start,
                value=value,
                change=change,
                estimate=estimate,
            )
        )
    facts.sort(key=lambda f: f.anchor)
    _pair_changes(changes, facts)
    _join_lone_facts(facts)


def _listed_names(text: str, sentence: Sentence, term: MetricTerm) -> list[MetricTerm]:
    """The figure names listed as one subject and ending with `term` ("revenue and EPS",
    "sales, profit and margins"), in text order."""
    names = [term]
    window = max(sentence.start, term.start - _LIST_REACH)
    for other in reversed(find_metric_terms(text, window, term.start)):
        if not _LIST_GAP.fullmatch(text, other.end, names[0].start):
            break
        names.insert(0, other)
    return names


def _pair_changes(changes: list[Change], facts: list[MetricFact]) -> None:
    """'$12 million and $7 million, down 4% and 9%': changes paired with values in order."""
    heads: dict[int, list[MetricFact]] = {}
    for fact in facts:
        if fact.change is not None and fact.value is None:
            heads.setdefault(fact.change.head, []).append(fact)
    for group in heads.values():
        if len(group) < 2:
            continue
        first = group[0].anchor
        values = [
            f
            for f in facts
            if f.value is not None
            and f.change is None
            and f.comparison is None
            and f.anchor < first
        ]
        values = values[-len(group) :]
        if len(values) != len(group) or any(v.term.metric != group[0].term.metric for v in values):
            continue
        for value_fact, change_fact in zip(values, group, strict=True):
            value_fact.change = change_fact.change
            facts.remove(change_fact)


def _join_lone_facts(facts: list[MetricFact]) -> None:
    """One value and one change of the same figure in a sentence are one figure."""
    lone_changes = [f for f in facts if f.value is None and f.change is not None]
    lone_values = [
        f for f in facts if f.value is not None and f.change is None and f.comparison is None
    ]
    if len(lone_changes) != 1 or len(lone_values) != 1:
        return
    change, value = lone_changes[0], lone_values[0]
    same = (change.term.metric, change.term.segment, change.estimate) == (
        value.term.metric,
        value.term.segment,
        value.estimate,
    )
    if same and (
        change.owner is None
        or value.owner is None
        or change.owner.entity_id == value.owner.entity_id
    ):
        value.change = change.change
        facts.remove(change)


def _value_after(
    ctx: DocumentContext, change: Change, quantities: list[Quantity], limit: int
) -> Quantity | None:
    """'rose 10% to $7.96 billion', 'a 25% jump in revenue to $40.1 billion': the new level."""
    for q in quantities:
        if q.start < change.quantity.end or q.start >= limit or q.is_conversion:
            continue
        if q.is_range:
            return None  # "rose 10% to $7-$8 billion" is no way a level is stated
        if q.kind == "money" and _TO_AFTER.fullmatch(ctx.text[change.quantity.end : q.start]):
            return q
        return None
    return None
