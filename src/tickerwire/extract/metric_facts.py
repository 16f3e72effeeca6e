"""The facts a sentence states about financial figures, before they become events.

A `MetricFact` is a figure's name with its value (an amount bound to the name: "revenue of
280.15 billion yuan", "$50 billion in share repurchases", "earnings of $1.82 per share") and/or
its change ("cloud revenues rose 9.7 percent"), its owner and whether it is an estimate.
`value_facts` reads the amounts, `add_change_facts` the changes and merges the two when they
are one figure ("Net income was 48.9 billion yuan, a 239% surge").
"""

from __future__ import annotations

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.compared_facts import compared_fact, per_share_of_previous
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_comparisons import PER_SHARE_TAIL
from tickerwire.extract.metric_fact import CLAUSE, PAIR_VALUES, MetricFact
from tickerwire.extract.metric_terms import (
    SEGMENT_ALT,
    MetricTerm,
    canonical_segment,
)
from tickerwire.extract.owners import Term
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence
from tickerwire.extract.subjects import Topic, TopicResolver

APPROX = (
    r"(?:(?:about|around|roughly|approximately|nearly|almost|some|over|more\s+than|less\s+than|"
    r"under|just\s+over|just\s+under|close\s+to|an?\s+estimated|a\s+record|a\s+staggering|"
    r"a\s+whopping|an?)\s+)*"
)
# Words that tie a value to the metric name before it ("revenue of", "net income was").
_LINK = regex.compile(
    r"(?:'s?|\))?(?P<filler>(?:\s+(?!(?:and|or|but|while|which|that|from|than|by|vs|versus|"
    r"compared|above|below|beat|missed|topped|includes?|included|including|excluding|excludes?|"
    r"charges?|gains?|items?|benefits?|provisions?|write-?downs?|write-?offs?|reserves?|"
    r"credits?|costs?|expenses?|revisions?|surprises?|shortfalls?|gaps?|differences?)\b)"
    r"[\w.'’&-]+){0,FILL}?)\s*"
    r"(?P<link>of|was|were|is|are|at|came\s+in\s+at|totaled|totalled|totaling|reached|hit|"
    r"stood\s+at|amounted\s+to|to|would\s+be|will\s+be|be|pegged\s+at|of\s+about|"
    r"with\s+a\s+midpoint\s+of|:|rose\s+to|fell\s+to|grew\s+to|increased\s+to|jumped\s+to|"
    r"climbed\s+to|declined\s+to|dropped\s+to|surged\s+to|improved\s+to|expanded\s+to)"
    r"\s+" + APPROX + r"$",
    regex.IGNORECASE,
)
# A market value past a round figure ("market value above $3 trillion", "its market cap has
# topped $1 trillion"): the figure as the text gives it, a threshold.
_CAP_THRESHOLD = regex.compile(
    r"(?:'s?|\))?(?:\s+(?:has|have|had|now|briefly|again|first|recently|just|once))*\s+"
    r"(?:above|over|topped|tops|topping|surpassed|surpasses|surpassing|crossed|crosses|crossing|"
    r"passed|exceeded|exceeds|exceeding|eclipsed|past|north\s+of|beyond|"
    r"(?:rose|climbed|jumped|soared|swelled|moved|went|pushed|risen|climbing|rising)\s+"
    r"(?:above|past|beyond|over))\s+" + APPROX + r"$",
    regex.IGNORECASE,
)
_OWNED_NAME = regex.compile(r"(?:['’]s?|\b(?:its|their))\s+(?:(?:stock|share)\s+)?$", regex.I)
# "the market value of the deal", "the market value of its stake": not a company's market value
_VALUE_OF_A_THING = regex.compile(
    r"\s+of\s+(?:the|a|an|its|their|this|that|his|her)\s+(?:[\w-]+\s+)?(?:deal|transaction|"
    r"offer|bid|stake|holdings?|shares|position|portfolio|assets?|bonds?|debt|contract|"
    r"acquisition|merger|investment|sale|purchase|options?|loans?)\b",
    regex.IGNORECASE,
)
_JOINED_CLUB = regex.compile(
    r"\b(?:re-?)?(?:join|joined|joins|joining|enter|entered|enters|entering)\s+the\s+$", regex.I
)
_LINK_SHORT = regex.compile(_LINK.pattern.replace("FILL", "5"), regex.IGNORECASE)
_LINK_LONG = regex.compile(_LINK.pattern.replace("FILL", "8"), regex.IGNORECASE)
_BETWEEN_LEAD = regex.compile(r"(?<=\s)between\s+$", regex.IGNORECASE)
# The period a figure's name is followed by before its verb ("Revenue for the October through
# December quarter totaled", "Free cash flow for all of 2023 totaled", "Revenue in the final
# quarter of 2023 was"): skipped, so that its words and its year do not part name and value.
# A prior period ("in the year-ago quarter") is not skipped: the value is then not the figure's.
_PERIOD_AFTER_NAME = regex.compile(
    r"\s+(?:for|in|during)\s+(?:all\s+of\s+|the\s+)?(?:(?:fiscal\s+|calendar\s+)?(?:19|20)\d{2}"
    r"|(?:(?!(?:year[\s-]ago|prior|previous|last|same|comparable|earlier)\b)[\w-]+\s+){0,4}?"
    r"(?:quarter|year|half|period|months|season)(?:\s+of\s+(?:fiscal\s+)?(?:19|20)\d{2}|"
    r"\s+(?:ended|ending)\s+(?:on\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+(?:19|20)\d{2})?)?)"
    r"(?=\s|,)",
    regex.IGNORECASE,
)
# The far end of a range of percentages after a change ("rise 10% to 15%"): a figure's name
# is no percentage, so the second one is no level reached but the range's other end.
_PERCENT_RANGE_END = regex.compile(
    r"\s?(?:to|-|–)\s?[+-]?\d+(?:\.\d+)?\s?(?:%|percent\b|per\s+cent\b)", regex.IGNORECASE
)
# Figures written as "$X in <name>" ("$6.69 billion in sales", "$12 billion in free cash flow",
# "$2 billion in operating income"). Not cash ("$5 billion in cash" pays for a deal), not market
# value ("wiped $50 billion in market value" is a loss of it), not bare profit or earnings ("$1
# billion in earnings" is as often a part or a charge as the whole).
_IN_METRIC_NAMES = frozenset(
    {
        "revenue",
        "buyback",
        "other:capex",
        "free_cash_flow",
        "other:operating_cash_flow",
        "net_income",
        "operating_income",
        "other:gross_profit",
        "other:ebitda",
        "other:adjusted_ebitda",
    }
)
_IN_METRIC = regex.compile(
    r"\s+(?:in|of)\s+(?:(?:new|additional|annual|quarterly|total)\s+)?$", regex.I
)
_ESTIMATE_OF = prefiltered(
    regex.compile(
        r"\b(?:estimates?|consensus|expectations?|forecasts?|projections?|Street\s+view|"
        r"expected|anticipated|estimated)\s+(?:(?:mark|figure|estimate|view)\s+)?"
        r"(?:of|at|for|was|is|were|(?:that\s+|which\s+)?(?:calls?|called|calling)\s+for)?\s*"
        + APPROX
        + r"$",
        regex.IGNORECASE,
    )
)
_ESTIMATE_CUE = prefiltered(
    regex.compile(
        r"\b(?:estimates?|estimated|expects?|expected|expecting|expectations?|forecasts?|"
        r"forecasted|forecasting|projects?|projected|projecting|predicts?|predicted|predicting|"
        r"anticipates?|anticipated|anticipating|guidance|guides?|guided|guiding|outlook|"
        r"consensus|pegged|sees|will\s+(?:post|report)|to\s+report|analysts?\s+(?:polled|expect|"
        r"see|estimate)|targets?|plans?\s+to|could|would|should|might|may|likely|"
        r"will\s+(?:\w+\s+)?(?:double|triple|grow|rise|increase|reach|top|exceed|climb|fall|"
        r"decline|be))\b",
        regex.IGNORECASE,
    )
)
# "better than expected", "beat estimates": a result compared with a forecast is a result.
_COMPARED_TO_ESTIMATE = regex.compile(
    r"(?:-than-$)|\b(?:than|beat|beats|beating|topped|topping|tops|missed|missing|misses|above|below|"
    r"ahead\s+of|exceed\w*|surpass\w*|outpac\w*|outperform\w*|underperform\w*|matching|matched|in\s+line\s+with|shy\s+of|past|"
    r"short\s+of|crushed)\s+(?:[\w'$.,-]+\s+){0,3}$",
    regex.IGNORECASE,
)
_ACTUAL_CUE = regex.compile(
    r"\b(?:reported|posted|delivered|recorded|generated|logged|booked|announced|came\s+in|"
    r"was|were|rose|fell|grew|jumped|surged|declined)\b",
    regex.IGNORECASE,
)
PRIOR_BEFORE = prefiltered(
    regex.compile(
        r"\b(?:from|versus|vs\.?|compared\s+(?:with|to)|against|than)\s+" + APPROX + r"$", regex.I
    )
)
_PRIOR_AFTER = regex.compile(
    r"\s*(?:(?:in|for)\s+the\s+)?(?:a\s+year\s+(?:ago|earlier)|(?:in\s+)?the\s+(?:year[\s-]ago|"
    r"prior[\s-]year|same|previous|comparable)\s+(?:quarter|period)|last\s+year|a\s+year\s+before)",
    regex.IGNORECASE,
)
_BY_BEFORE = regex.compile(r"\bby\s+" + APPROX + r"$", regex.IGNORECASE)
_TO_AFTER = regex.compile(r"[^.;%\d]{0,60}?\bto\s+" + APPROX + r"$", regex.IGNORECASE)
_PAIR_TERMS = regex.compile(r"\s+(?:and|&)\s+")
# "chip and licensing revenues", "Automotive and Internet-of-Things chip revenues"
_SEGMENT_PAIR = regex.compile(
    rf"(?<![\w-])(?P<s1>{SEGMENT_ALT})\s+(?:and|&)\s+(?P<s2>{SEGMENT_ALT})\s+(?:[\w-]+\s+)?$",
    regex.IGNORECASE,
)
_TO_BEFORE = regex.compile(r"\s+to\s+" + APPROX + r"$", regex.IGNORECASE)
_SURPRISE_AFTER = regex.compile(r"\s*(?:better|worse|above|below|ahead|short|shy)\b", regex.I)
_ESTIMATE_WORD = regex.compile(r"\b(?:consensus|estimates?|expectations)\b", regex.IGNORECASE)
# Words before an amount that make it another figure: a part, a total of several companies, or
# last year's figure quoted for comparison.
_SHARE_WORD = regex.compile(r"\s*(?:share\s+)?")
_NOT_THE_FIGURE_BEFORE = prefiltered(
    regex.compile(
        r"\b(?:excludes?|excluding|includes?|including|combined|collective|aggregate|"
        r"last\s+year's|a\s+year\s+earlier|year[\s-]ago|prior[\s-]year|the\s+previous\s+year's)\s+"
        r"(?:[\w-]+\s+){0,2}?" + APPROX + r"$",
        regex.IGNORECASE,
    )
)
_PRIOR_TERM = regex.compile(
    r"\b(?:year[\s-]ago|prior[\s-]year|last\s+year's|previous\s+year's|combined|"
    r"aggregate)\s+(?:[\w-]+\s+)?$",
    regex.IGNORECASE,
)
_ESTIMATE_NOUN_AFTER = regex.compile(
    r"\s+(?:estimates?|forecasts?|consensus|guidance|outlook|projections?|targets?)\b", regex.I
)
_AGGREGATE_BEFORE = regex.compile(
    r"\b(?:group's|sector's|index's|industry's|index|aggregate|combined|total\s+Q\d)\s+(?:[\w-]+\s+)?$",
    regex.IGNORECASE,
)
_FORECAST_AFTER = regex.compile(
    r"(?:\s+(?:in\s+)?[\w-]+){0,6}?\s+(?:would|will|could|should|might|(?:is|are)\s+(?:projected|"
    r"expected|forecast|estimated|seen))\b",
    regex.IGNORECASE,
)
# "a 24 billion yen profit", "its $41 billion market cap": an amount used as a noun's modifier
# stands after an article or a possessive.
_ARTICLE_BEFORE = regex.compile(r"\b(?:an?|the|its|their|his|her)\s+$", regex.IGNORECASE)
# "a $6 billion revenue shortfall": the amount measures the noun after the figure's name.
_NOT_THE_FIGURE_AFTER_TERM = regex.compile(
    r"[\s-]+(?:shortfall|gap|miss|hit|boost|target|goal|opportunity|run[\s-]rate|potential|"
    r"guidance|forecast|estimate|outlook|growth|increase|decline|drop|impact|headwind|"
    r"tailwind|swing|difference|beat)\b",
    regex.IGNORECASE,
)
_PLURAL_CAP = regex.compile(r"market\s+(?:capitali[sz]ations|caps|values)", regex.IGNORECASE)
PERCENT_METRICS = frozenset(
    {
        "gross_margin",
        "operating_margin",
        "other:net_margin",
        "other:pretax_margin",
        "other:ebitda_margin",
    }
)


def value_facts(
    ctx: DocumentContext,
    sentence: Sentence,
    quantities: list[Quantity],
    terms: list[Term],
    resolver: TopicResolver,
) -> list[MetricFact]:
    text = ctx.text
    facts: list[MetricFact] = []
    # a range ("$300-$330 million", "44-59 cents") is a candidate too: its event gives both ends
    candidates = [q for q in quantities if not q.is_conversion and q.kind in ("money", "percent")]
    pending: dict[int, tuple[MetricTerm, bool]] = {}  # value start -> (name, estimate) of a pair
    for index, q in enumerate(candidates):
        term: MetricTerm | None
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        # "$2.09 per share and $117.6 billion": a pair whose first amount is per share
        tail = PER_SHARE_TAIL.match(text, q.end) if q.per_share else None
        gap_start = tail.end() if tail is not None else q.end
        paired = following is not None and PAIR_VALUES.fullmatch(text[gap_start : following.start])
        before = text[max(sentence.start, q.start - 40) : q.start]
        if q.start in pending:
            term, estimate = pending.pop(q.start)
        elif (compared := compared_fact(ctx, sentence, q, facts)) is not None:
            facts.append(compared)
            continue
        else:
            after_end = q.end
            per_share = PER_SHARE_TAIL.match(text, q.end)
            if per_share is not None:
                after_end = per_share.end()
            if (
                _BY_BEFORE.search(before)
                or PRIOR_BEFORE.search(before)
                or _PRIOR_AFTER.match(text, after_end)
                or _NOT_THE_FIGURE_BEFORE.search(before)
            ):
                continue  # a base ("from", "a year ago"), a difference ("by") or a part of it
            estimate = False
            term = _bind_left(ctx, q, terms, quantities) or _bind_right(ctx, q, terms)
            if (
                term is not None
                and term.start < q.start
                and (
                    PRIOR_BEFORE.search(text, max(sentence.start, term.start - 20), term.start)
                    or _PRIOR_TERM.search(text, max(sentence.start, term.start - 25), term.start)
                    or _PLURAL_CAP.fullmatch(text, term.start, term.end)
                    or (
                        term.metric == "market_cap"
                        and _VALUE_OF_A_THING.match(text, term.end, q.start)
                    )
                )
            ):
                continue  # "from EPS of $0.56", "year-ago revenues of", "market capitalizations"
            if term is not None and paired and following is not None:
                pair = _pair_of(ctx, term, terms)
                if pair is not None:
                    term = pair[0]
                    pending[following.start] = (pair[1], False)
            elif (
                term is None and q.per_share and facts and per_share_of_previous(text, facts[-1], q)
            ):
                previous = facts[-1].term  # "net income of 21.6 mln dlrs, or 1.00 dlr a share"
                term = MetricTerm(previous.start, previous.end, "eps", previous.segment)
                if facts[-1].comparison is not None:
                    # "versus 18.2 mln dlrs, or 85 cts a share, a year earlier": the base's too
                    restated = facts[-1]
                    facts.append(
                        MetricFact(
                            term,
                            restated.owner,
                            q.start,
                            value=q,
                            estimate=restated.estimate,
                            comparison=restated.comparison,
                            base=restated.base,
                        )
                    )
                    continue
            elif term is None and _ESTIMATE_OF.search(before) and facts:
                estimate = True
                if (
                    paired
                    and following is not None
                    and len(facts) >= 2
                    and facts[-2].value is not None
                ):
                    term = facts[-2].term
                    pending[following.start] = (facts[-1].term, True)
                else:
                    term = facts[-1].term
        if term is None:
            continue
        if q.kind == "percent" and term.metric not in PERCENT_METRICS:
            continue
        owner = resolver.metric_owner(Term(term.start, term.end, "metric", metric=term), q.start)
        estimate = estimate or is_estimate(ctx, sentence, q.start)
        facts.append(MetricFact(term, owner, q.start, value=q, estimate=estimate))
    return facts


def _bind_left(
    ctx: DocumentContext, q: Quantity, terms: list[Term], quantities: list[Quantity]
) -> MetricTerm | None:
    """'revenue of X', 'Net income was X', 'earnings of $1.82 per share': the name before."""
    text = ctx.text
    before_terms = [t for t in terms if t.end <= q.start and t.metric is not None]
    if not before_terms:
        return None
    term = before_terms[-1]
    assert term.metric is not None
    period = _PERIOD_AFTER_NAME.match(text, term.end, q.start)
    name_end = period.end() if period is not None else term.end
    between = text[name_end : q.start]
    if CLAUSE.search(between):
        return None
    others = [
        o for o in quantities if name_end <= o.start and o.end <= q.start and not o.is_conversion
    ]
    link = _LINK_LONG if q.per_share else _LINK_SHORT
    if others:
        # "market capitalization by $148 billion to $1.16 trillion", "margin widened 2.1
        # percentage points to 53%": skip the difference, keep the level reached
        if len(others) != 1:
            return None
        difference = others[0]
        by = _BY_BEFORE.search(text, max(name_end, difference.start - 12), difference.start)
        margin_step = difference.kind == "pp" or (difference.kind == q.kind == "percent")
        if by is None and not margin_step:
            return None
        if not _TO_BEFORE.search(text[others[0].end : q.start]):
            return None
        return term.metric
    if q.is_range and (lead := _BETWEEN_LEAD.search(between)) is not None:
        # "revenues between $36.5 billion and $40 billion", "revenue of between ...": the
        # word opens the range, the words before it tie the range to the name
        between = between[: lead.start()]
        if not between.strip():
            return term.metric
    if link.fullmatch(between) is None and not (
        term.metric.metric == "market_cap"
        and _CAP_THRESHOLD.fullmatch(between)
        # a named company's ("Microsoft's market value above"), not a class of companies ("a
        # market capitalization above $10 billion")
        and _OWNED_NAME.search(text, max(0, term.start - 20), term.start)
    ):
        return None
    return term.metric


def _bind_right(ctx: DocumentContext, q: Quantity, terms: list[Term]) -> MetricTerm | None:
    """'$6.69 billion in sales', '$50 billion in share repurchases', '$3 trillion market cap'."""
    text = ctx.text
    for term in terms:
        if term.start < q.end or term.metric is None:
            continue
        between = text[q.end : term.start]
        if term.metric.metric in _IN_METRIC_NAMES and _IN_METRIC.fullmatch(between):
            return term.metric
        if text[term.start : term.end].lower() == "club":
            # "Meta rejoined the $1 trillion club", not "the other members of the $1 trillion club"
            joined = _JOINED_CLUB.search(text, max(0, q.start - 25), q.start)
            return term.metric if joined is not None and not between.strip() else None
        if term.metric.metric in ("market_cap", "buyback") and _SHARE_WORD.fullmatch(between):
            return term.metric
        if (
            not between.strip()
            and term.metric.metric not in PERCENT_METRICS
            and not _NOT_THE_FIGURE_AFTER_TERM.match(text, term.end)
            and _ARTICLE_BEFORE.search(text, max(0, q.start - 12), q.start)
            # a base across a cut line ("compared with a\n1,784,000 dlr profit")
            and not PRIOR_BEFORE.search(text, max(0, q.start - 30), q.start)
        ):
            return term.metric  # "a 24 billion yen profit": the name right after the amount
        return None
    return None


def _pair_of(
    ctx: DocumentContext, term: MetricTerm, terms: list[Term]
) -> tuple[MetricTerm, MetricTerm] | None:
    """'sales and adjusted profit of X and Y', 'chip and licensing revenues were X and Y'."""
    text = ctx.text
    segments = _SEGMENT_PAIR.search(text, max(0, term.start - 60), term.start)
    if segments is not None:
        first = canonical_segment(segments.group("s1"))
        second = canonical_segment(segments.group("s2"))
        if first and second:
            return (
                MetricTerm(term.start, term.end, term.metric, first),
                MetricTerm(term.start, term.end, term.metric, second),
            )
    earlier = [t.metric for t in terms if t.metric is not None and t.end <= term.start]
    if earlier and _PAIR_TERMS.fullmatch(text[earlier[-1].end : term.start]):
        return earlier[-1], term
    return None


def add_change_facts(
    ctx: DocumentContext,
    sentence: Sentence,
    changes: list[Change],
    topics: list[Topic],
    facts: list[MetricFact],
    quantities: list[Quantity],
) -> None:
    text = ctx.text
    for i, (change, topic) in enumerate(zip(changes, topics, strict=True)):
        if (
            topic.kind != "metric"
            or topic.metric is None
            or change.relative
            or change.kind == "sign"
        ):
            continue  # a bare "+1.96%" after a figure's name is too often a surprise or a score
        if topic.metric.metric in PERCENT_METRICS:
            continue  # "margin rose 2%": percent or points? not said
        if _ESTIMATE_NOUN_AFTER.match(text, topic.metric.end):
            continue  # "the consensus EPS estimate was revised 0.8% higher": not the figure
        if _AGGREGATE_BEFORE.search(
            text, max(sentence.start, topic.metric.start - 25), topic.metric.start
        ):
            continue  # "the group's earnings", "index earnings": many companies' total
        if _PERCENT_RANGE_END.match(text, change.quantity.end):
            continue  # "revenue to rise 10% to 15%": a range of changes; one end misstates it
        after = text[change.quantity.end : change.quantity.end + 30]
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
                and fact.term.metric == topic.metric.metric
                and fact.term.segment == topic.metric.segment
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
                topic.metric,
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


def is_estimate(ctx: DocumentContext, sentence: Sentence, position: int) -> bool:
    """A forecast word before the figure in its clause, nearer than any word of a result, or a
    forecast verb right after it ("$117.6 billion would mark", "$400 billion ... is projected")."""
    if _FORECAST_AFTER.match(ctx.text, _skip_number(ctx, position), sentence.end):
        return True
    start = sentence.start
    for match in CLAUSE.finditer(ctx.text, sentence.start, position):
        start = match.end()
    if _ESTIMATE_OF.search(ctx.text, max(start, position - 40), position):
        return True
    cues = [
        c
        for c in _ESTIMATE_CUE.finditer(ctx.text, start, position)
        if not _COMPARED_TO_ESTIMATE.search(ctx.text, max(start, c.start() - 30), c.start())
    ]
    if not cues:
        return False
    actual = list(_ACTUAL_CUE.finditer(ctx.text, start, position))
    return (
        not actual or cues[-1].start() > actual[-1].start() or cues[0].start() < actual[0].start()
    )


def _skip_number(ctx: DocumentContext, position: int) -> int:
    """The end of the quantity that starts at `position` (or `position` when none does)."""
    for q in ctx.quantities_in(position, position + 1):
        return q.end
    return position
