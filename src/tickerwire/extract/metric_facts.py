"""Values bound to the names of financial figures, as facts.

A `MetricFact` is a figure's name with its value (an amount bound to the name: "revenue of
280.15 billion yuan", "$50 billion in share repurchases", "earnings of $1.82 per share") and/or
its change ("cloud revenues rose 9.7 percent"), its owner and whether it is an estimate.
`value_facts` reads the amounts; `add_change_facts` (metric_change_facts) the changes, merging
the two when they are one figure ("Net income was 48.9 billion yuan, a 239% surge").
"""

from __future__ import annotations

import regex

from tickerwire.extract.compared_facts import compared_fact, per_share_of_previous
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_comparisons import PER_SHARE_TAIL, Comparison, per_share_end
from tickerwire.extract.metric_estimates import ESTIMATE_OF, is_estimate
from tickerwire.extract.metric_fact import APPROX, CLAUSE, PAIR_VALUES, MetricFact
from tickerwire.extract.metric_terms import (
    SEGMENT_ALT,
    MetricTerm,
    canonical_segment,
)
from tickerwire.extract.owners import Term
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence
from tickerwire.extract.subjects import TopicResolver

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
# A period between a figure's name and its value that is not the reported one ("Revenue in the
# prior Q2 was", "Sales in the previous quarter were"): the value is an earlier period's, whose
# period the name does not say; it is not bound as the figure's. Not "last year": a report of
# annual results made early in the next year calls its own year so ("Revenues last year rose
# to 1.94 billion dlrs").
_PRIOR_PERIOD_BETWEEN = regex.compile(
    r"\b(?:prior|previous|preceding|year[\s-]ago|year[\s-]earlier|"
    r"a\s+year\s+(?:ago|earlier|before)|same\s+(?:quarter|period|time))\b",
    regex.IGNORECASE,
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
    # "in Q4 2023", "in fiscal Q1", "for H1 2024", "in FY2023": a quarter, half or year by code
    r"|(?:fiscal\s+)?(?:Q[1-4]|H[12]|FY)\s?(?:fiscal\s+)?(?:(?:19|20)\d{2}|'?\d{2})?"
    r"|(?:(?!(?:year[\s-]ago|prior|previous|last|same|comparable|earlier)\b)[\w-]+\s+){0,4}?"
    r"(?:quarter|year|half|period|months|season)(?:\s+of\s+(?:fiscal\s+)?(?:19|20)\d{2}|"
    r"\s+(?:ended|ending)\s+(?:on\s+)?[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s+(?:19|20)\d{2})?)?)"
    r"(?=\s|,)",
    regex.IGNORECASE,
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
# The word before a comparison base ("from $1.8 billion", "versus 85 cents"): not the figure.
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
# "by $148 billion", "by an unprecedented $296 billion": a difference, one plain word allowed
_BY_BEFORE = regex.compile(
    r"\bby\s+(?:an?\s+(?:unprecedented|extra|additional|estimated|impressive|massive|"
    r"staggering|record|astonishing|eye-popping)\s+)?" + APPROX + r"$",
    regex.IGNORECASE,
)
_PAIR_TERMS = regex.compile(r"\s+(?:and|&)\s+")
# "chip and licensing revenues", "Automotive and Internet-of-Things chip revenues"
_SEGMENT_PAIR = regex.compile(
    rf"(?<![\w-])(?P<s1>{SEGMENT_ALT})\s+(?:and|&)\s+(?P<s2>{SEGMENT_ALT})\s+(?:[\w-]+\s+)?$",
    regex.IGNORECASE,
)
_TO_BEFORE = regex.compile(r"\s+to\s+" + APPROX + r"$", regex.IGNORECASE)
_SHARE_WORD = regex.compile(r"\s*(?:share\s+)?")
# Words before an amount that make it another figure: a part, a total of several companies, or
# last year's figure quoted for comparison.
_NOT_THE_FIGURE_BEFORE = prefiltered(
    regex.compile(
        r"\b(?:excludes?|excluding|includes?|including|combined|collective|aggregate|"
        r"last\s+year's|a\s+year\s+earlier|year[\s-]ago|prior[\s-]year|the\s+previous\s+year's)\s+"
        r"(?:[\w-]+\s+){0,2}?" + APPROX + r"$",
        regex.IGNORECASE,
    )
)
# Words before an amount that make it an addition to a figure, not the figure ("could add
# another $14 billion in revenue", "an extra $2 billion of sales"); a buyback authorised "an
# additional $50 billion" is the programme's size, and is kept.
_INCREMENT_BEFORE = regex.compile(
    r"\b(?:add(?:s|ed|ing)?|another|additional|extra|incremental)\s+" + APPROX + r"$",
    regex.IGNORECASE,
)
# "year-ago revenues of $117.15 billion", "the prior-year EPS of $1.88": the figure of the same
# period a year before. Not "last year's revenue": beside a quarter, that is often the full year.
_PRIOR_YEAR_NAME = regex.compile(
    r"\b(?P<words>year[\s-]ago|prior[\s-]year)\s+"
    r"(?:[\w-]+\s+){1,3}?" + APPROX + r"$",
    regex.IGNORECASE,
)
# "excluding year-ago charges", "combined year-ago sales": a part or a total of several
_NOT_THE_PRIOR = regex.compile(
    r"\b(?:excludes?|excluding|includes?|including|combined|collective|aggregate)\s+"
    r"(?:the\s+|its\s+|a\s+)?$",
    regex.IGNORECASE,
)
_SURPRISE_BEFORE_LEVEL = regex.compile(
    r"\s+(?:from|above|below|ahead\s+of|over|under|vs\.?|versus)\s+(?:the\s+)?"
    r"(?:(?:Zacks|Wall\s+Street|Street|analysts['’]?|LSEG|FactSet)\s+)?"
    r"(?:consensus(?:\s+estimates?)?|estimates?|expectations?|forecasts?),?\s+to\s+"
    + APPROX
    + r"$",
    regex.IGNORECASE,
)
_PRIOR_TERM = regex.compile(
    r"\b(?:year[\s-]ago|prior[\s-]year|last\s+year's|previous\s+year's|combined|"
    r"aggregate)\s+(?:[\w-]+\s+)?$",
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
# The figures whose value is a percentage: a margin's change in percent is not told from points.
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
    """The amounts of `sentence` bound to a figure's name ("revenue of $10 billion", "$50
    billion in share repurchases"), with the figures set beside them; bases and differences
    ("from $9 billion", "by $1 billion") are skipped."""
    text = ctx.text
    facts: list[MetricFact] = []
    # a range ("$300-$330 million", "44-59 cents") is a candidate too: its event gives both ends
    candidates = [q for q in quantities if not q.is_conversion and q.kind in ("money", "percent")]
    pending: dict[int, tuple[MetricTerm, bool]] = {}  # value start -> (name, estimate) of a pair
    for index, q in enumerate(candidates):
        term: MetricTerm | None
        following = candidates[index + 1] if index + 1 < len(candidates) else None
        # "$2.09 per share and $117.6 billion": a pair whose first amount is per share
        paired = following is not None and PAIR_VALUES.fullmatch(
            text[per_share_end(text, q) : following.start]
        )
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
            ):
                continue  # a base ("from", "a year ago"), a difference ("by") or a part of it
            if _NOT_THE_FIGURE_BEFORE.search(before):
                prior = _prior_year_fact(ctx, sentence, q, terms, quantities, resolver)
                if prior is not None:
                    facts.append(prior)
                continue  # a part, a total of several, or last year's figure
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
            elif term is None and ESTIMATE_OF.search(before) and facts:
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
        if term.metric != "buyback" and _INCREMENT_BEFORE.search(before):
            continue  # "add another $14 billion in revenue": a gain, not the figure's level
        owner = resolver.metric_owner(Term(term.start, term.end, "metric", metric=term), q.start)
        if not estimate:
            # past a surprise ("+1.10% from the Zacks consensus to $57.45 billion"), the words
            # before the surprise tell whether the figure is a forecast, not the consensus named
            estimate = is_estimate(ctx, sentence, _surprise_start(ctx, sentence, q) or q.start)
        facts.append(MetricFact(term, owner, q.start, value=q, estimate=estimate))
    return facts


def _surprise_start(ctx: DocumentContext, sentence: Sentence, q: Quantity) -> int | None:
    """Where the surprise before a level starts ("+1.10% from the Zacks consensus to $57.45
    billion"), if one stands right before `q`."""
    found = _SURPRISE_BEFORE_LEVEL.search(ctx.text, max(sentence.start, q.start - 60), q.start)
    if found is None:
        return None
    before = ctx.quantities_in(max(sentence.start, found.start() - 12), found.start())
    return next((p.start for p in before if p.kind == "percent" and p.end == found.start()), None)


def _prior_year_fact(
    ctx: DocumentContext,
    sentence: Sentence,
    q: Quantity,
    terms: list[Term],
    quantities: list[Quantity],
    resolver: TopicResolver,
) -> MetricFact | None:
    """'This compares to year-ago revenues of $117.2 billion': a figure a year before the one
    reported, named as such, with nothing but its name between the words and the amount."""
    prior = _PRIOR_YEAR_NAME.search(ctx.text, max(sentence.start, q.start - 45), q.start)
    if prior is None or _NOT_THE_PRIOR.search(
        ctx.text, max(sentence.start, prior.start() - 25), prior.start()
    ):
        return None
    term = _bind_left(ctx, q, terms, quantities)
    if term is None or not prior.end("words") <= term.start < prior.end():
        return None
    owner = resolver.metric_owner(Term(term.start, term.end, "metric", metric=term), q.start)
    return MetricFact(
        term, owner, q.start, value=q, comparison=Comparison("prior", relative="year")
    )


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
    if CLAUSE.search(between) or _PRIOR_PERIOD_BETWEEN.search(between):
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
        by = _BY_BEFORE.search(text, max(name_end, difference.start - 30), difference.start)
        margin_step = difference.kind == "pp" or (difference.kind == q.kind == "percent")
        # "revenues +1.10% from the Zacks consensus to $57.45 billion": a surprise, then the level
        surprise = difference.kind == "percent" and _SURPRISE_BEFORE_LEVEL.match(
            text, difference.end, q.start
        )
        if by is None and not margin_step and not surprise:
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
