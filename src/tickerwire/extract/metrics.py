"""`financial_metric` events: a company's figure, its value, its change, its period.

Two kinds of statements make a metric. A value bound to a metric name ("revenue of 280.15
billion yuan", "Net income was ...", "$50 billion in share repurchases", "a cash dividend of
$0.24 per share") and a change whose subject is a metric name ("cloud revenues rose 9.7 percent
at Alibaba", "a 12% revenue increase to 14.8 billion yuan"). A change stated next to a value of
the same figure ("Net income was 48.945 billion yuan, a 239% surge") is one metric. Values that
are a comparison base ("from $1.8 billion a year ago") or a difference ("by $148 billion") are
not the figure and are skipped.
"""

from __future__ import annotations

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.compared_facts import add_compared_facts
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_change_facts import add_change_facts
from tickerwire.extract.metric_column_tables import column_table_events
from tickerwire.extract.metric_comparisons import per_share_end
from tickerwire.extract.metric_consensus import consensus_facts, line_estimate_facts
from tickerwire.extract.metric_earned import earned_facts
from tickerwire.extract.metric_estimates import ESTIMATE_OF
from tickerwire.extract.metric_fact import PAIR_VALUES, MetricFact
from tickerwire.extract.metric_facts import PERCENT_METRICS, value_facts
from tickerwire.extract.metric_periods import metric_period, prior_period
from tickerwire.extract.metric_rates import add_rate_facts
from tickerwire.extract.metric_rivals import add_rival_facts
from tickerwire.extract.metric_segments import figure_segment
from tickerwire.extract.metric_terms import (
    MetricTerm,
)
from tickerwire.extract.metric_worth import company_size_facts, market_value_facts
from tickerwire.extract.price_moves import evidence
from tickerwire.extract.quantities import Quantity
from tickerwire.extract.sentences import Sentence
from tickerwire.extract.subject_scan import Topic
from tickerwire.extract.subjects import TopicResolver
from tickerwire.extract.tables import find_table_figures
from tickerwire.records import Event, FinancialMetricAttributes, StatedConversion

# Confidence of a figure bound to its name in one clause; set by reading FNSPID outputs.
BASE_CONFIDENCE = 0.85
IMPLIED_METRIC_PENALTY = 0.1  # "the cloud unit's 11% growth" read as revenue growth
CARRIED_PERIOD_PENALTY = 0.05
# A forecast or a prior figure set beside a reported one is bound through its neighbour.
COMPARED_PENALTY = 0.05
# A results-table row is unambiguous about the figure; the company is the brief's main one.
TABLE_CONFIDENCE = 0.75

_ADJUSTED = regex.compile(r"\b(?:adjusted|non-GAAP|excluding\s+(?:items|one-time)|core)\b", regex.I)
_LOSS = regex.compile(r"\bloss\b", regex.IGNORECASE)
# A unit word: a business line's forecast may be told by it ("for the Gaming division").
_UNIT_WORD = regex.compile(r"segment|division|unit|business")
# A reporting period's words: a period of results, which a point-in-time figure has not.
_REPORTING_PERIOD = regex.compile(r"quarter|\bQ[1-4]\b|\b(?:fiscal|FY)|half|\bH[12]\b", regex.I)
_CONDITIONAL = regex.compile(r"(?:If|Assuming|Suppose|Should)\b")
# A condition that is the forecast itself ("If Amazon meets analysts' estimates for 2023, its
# revenue will have grown 17% a year"): the figures are the analysts' forecast, not a supposed
# case, when nothing else is supposed (the condition ends at its comma).
_FORECAST_CONDITION = regex.compile(
    r"If\s+(?:[\w.&'’-]+\s+){1,3}?(?:matches|meets|hits|reaches|delivers\s+on)\s+"
    r"(?:(?:the\s+)?(?:analysts['’]?|Wall\s+Street['’]s?|consensus|its\s+own)\s+)"
    r"(?:estimates|expectations|forecasts|projections|guidance)(?:\s+for\s+[\w\s-]{1,20}?)?,\s"
)

# Metrics that are amounts of money and must be written with a currency and a size.
_AMOUNT_METRICS = frozenset(
    {
        "revenue",
        "net_income",
        "adjusted_net_income",
        "operating_income",
        "free_cash_flow",
        "buyback",
        "market_cap",
        "other:gross_profit",
        "other:ebitda",
        "other:adjusted_ebitda",
        "other:capex",
        "other:operating_cash_flow",
        "other:pretax_income",
        "other:net_interest_income",
        "other:interest_income",
        "other:fee_income",
        "other:trading_income",
        "other:investment_income",
        "other:income_tax",
        "other:cash",
        "other:deferred_revenue",
        "other:recurring_revenue",
    }
)
# Figures a "loss" in their name makes negative ("net loss of $2.7 billion", "a net loss per
# share of 12 cents", "pretax loss").
_SIGNED_BY_LOSS = frozenset(
    {"net_income", "operating_income", "other:pretax_income", "eps", "adjusted_eps"}
)
_PER_SHARE_METRICS = frozenset({"eps", "adjusted_eps", "dividend_per_share"})
# A profit written without a scale word and under this many units of money is per share ("a
# profit of 11 cents", "earnings of $2.29"): a company's total profit is written in millions or
# billions, and per-share earnings in news stay under $100 (a few very high-priced shares aside).
_PER_SHARE_CEILING = 100.0
# An amount written with a dollar word and no country ("15 mln dlrs", "27 cts"), and the
# currencies of listings whose own dollar such a word may mean.
_BARE_DOLLAR = regex.compile(
    r"^(?![^$]*\$)(?!.*\bU\.?S\.?\s)(?:.*\s)?(?:dlrs?|dls|dollars?|cts|cents?)$", regex.I
)
_OTHER_DOLLARS = frozenset({"CAD", "HKD", "AUD", "SGD", "TWD", "NZD"})


def metric_events(
    ctx: DocumentContext,
    sentence: Sentence,
    quantities: list[Quantity],
    changes: list[Change],
    topics: list[Topic],
    resolver: TopicResolver,
) -> list[Event]:
    """The financial metrics stated in one sentence, in text order."""
    worth: list[MetricFact] = []
    framed: list[MetricFact] = []  # forecasts whose frame, not a figure's name, says what
    if any(q.kind == "money" for q in quantities):
        # plain substring tests: a pattern search on every sentence costs more than the rest
        words = ctx.text[sentence.start : sentence.end]
        if "worth" in words or "valu" in words:
            worth = market_value_facts(ctx, sentence, quantities, resolver)
        elif "company" in words:
            worth = company_size_facts(ctx, sentence, quantities, resolver)
        if "earned" in words or "netted" in words:
            worth += earned_facts(ctx, sentence, quantities)
        if "stimate" in words and _UNIT_WORD.search(words):
            framed += line_estimate_facts(ctx, sentence, quantities, changes, resolver)
    if "per share" in ctx.text[sentence.start : sentence.end]:
        framed += consensus_facts(ctx, sentence, quantities, changes, resolver)
    if framed:
        # "pegged at 50 cents per share, 11% higher than the year-ago figure of 45 cents"
        add_compared_facts(ctx, sentence, quantities, framed)
        worth += framed
    has_metric_topic = any(t.kind == "metric" for t in topics)
    if not has_metric_topic and not resolver.metric_heads and not worth:
        carried = _carried_estimates(ctx, sentence, quantities)
        return [e for e in (_event(ctx, sentence, f) for f in carried) if e is not None]
    forecast_condition = False
    if _CONDITIONAL.match(sentence.text):
        if not _FORECAST_CONDITION.match(sentence.text):
            return []  # "If it kept this pace, revenue would be $17.5 billion": not a figure
        forecast_condition = True
    metric_terms = [t for t in resolver.terms if t.kind == "metric"]
    facts = []
    if metric_terms:
        facts = value_facts(ctx, sentence, quantities, metric_terms, resolver)
        add_change_facts(ctx, sentence, changes, topics, facts, quantities)
        if "CAGR" in sentence.text or "annual" in sentence.text:  # cheap test before patterns
            named = [t.metric for t in metric_terms if t.metric is not None]
            add_rate_facts(ctx, sentence, quantities, named, resolver, facts)
        add_compared_facts(ctx, sentence, quantities, facts)
    # an amount a named figure holds is that figure's, unless the figure has no owner (no event)
    bound = {f.value.start for f in facts if f.value is not None and f.owner is not None}
    unbound = [f for f in worth if f.anchor not in bound]
    if unbound:
        facts = sorted([*facts, *unbound], key=lambda f: f.anchor)
    if forecast_condition:
        for fact in facts:
            fact.estimate = True
    if facts and sum(1 for q in quantities if q.kind == "money") > 1:
        add_rival_facts(ctx, sentence, quantities, facts)
    events = []
    for fact in facts:
        event = _event(ctx, sentence, fact)
        if event is not None:
            events.append(event)
    return events


# -- values -------------------------------------------------------------------------------------


def _carried_estimates(
    ctx: DocumentContext, sentence: Sentence, quantities: list[Quantity]
) -> list[MetricFact]:
    """Forecasts of the figures the sentence before gave, named there and not here ("Qualcomm
    forecast sales and adjusted profit of $9.3 billion and $2.30 per share. That compares with
    analysts' estimates of $9.2 billion and $2.25 per share"): the amounts, one each, in order,
    per share where the figure was. Any doubt (a count or a kind that differs, another amount,
    two companies, a paragraph break) gives nothing."""
    amounts = [q for q in quantities if q.kind == "money" and not q.is_conversion]
    if not amounts or len(amounts) > 2 or sentence.index == 0:
        return []
    first = amounts[0].start
    if not ESTIMATE_OF.search(ctx.text, max(sentence.start, first - 40), first):
        return []
    if len(amounts) == 2 and not PAIR_VALUES.fullmatch(
        ctx.text, per_share_end(ctx.text, amounts[0]), amounts[1].start
    ):
        return []
    previous = ctx.sentences[sentence.index - 1]
    if previous.paragraph != sentence.paragraph or any(
        q.kind == "percent" and not q.is_conversion for q in quantities
    ):
        return []
    resolver = TopicResolver(ctx, previous)
    terms = [t for t in resolver.terms if t.kind == "metric"]
    if not terms:
        return []
    told = [
        f
        for f in value_facts(
            ctx, previous, ctx.quantities_in(previous.start, previous.end), terms, resolver
        )
        if f.comparison is None and f.value is not None
    ]
    if len(told) != len(amounts) or len({f.owner for f in told}) != 1:
        return []
    owner = told[0].owner
    if owner is None or any(
        g.entity_id != owner.entity_id for g in ctx.groups_in(sentence.start, first)
    ):
        return []  # "Apple had expected $59 billion": another company's figure or forecast
    facts = []
    for fact, amount in zip(told, amounts, strict=True):
        value = fact.value
        assert value is not None
        if value.kind != "money" or value.is_range or amount.is_range:
            return []
        if (value.per_share, value.scaled) != (amount.per_share, amount.scaled):
            return []  # "$9.3 billion and $2.30 per share" against "$2.25 and $9.2 billion"
        metric = _final_metric(ctx, previous, fact)
        if fact.owner is None or metric is None:
            return []
        term = MetricTerm(fact.term.start, fact.term.end, metric, fact.term.segment)
        facts.append(MetricFact(term, fact.owner, amount.start, value=amount, estimate=True))
    return facts


# -- changes ------------------------------------------------------------------------------------


# -- events -------------------------------------------------------------------------------------


def _final_metric(ctx: DocumentContext, sentence: Sentence, fact: MetricFact) -> str | None:
    metric = fact.term.metric
    value = fact.value
    per_share = value is not None and (value.per_share or fact.per_share)
    if (
        metric in ("earnings", "net_income", "adjusted_net_income")
        and value is not None
        and value.kind == "money"
        and not value.scaled
        and max(abs(value.value), abs(value.high or 0.0)) < _PER_SHARE_CEILING
    ):
        per_share = True  # "expected a profit of 11 cents": a company's profit has a scale word
    if metric in ("earnings", "net_income", "adjusted_net_income", "eps", "adjusted_eps"):
        prefix = ctx.text[max(sentence.start, fact.term.start - 30) : fact.term.end]
        adjusted = bool(_ADJUSTED.search(prefix)) or metric.startswith("adjusted")
        if per_share:
            return "adjusted_eps" if adjusted else "eps"
        if metric in ("eps", "adjusted_eps"):
            if value is not None and value.scaled:
                return None  # "EPS ... the consensus of $3.56 billion": no amount per share
            return metric
        if metric == "earnings":
            return "net_income" if value is not None else "eps"
    if per_share and metric not in _PER_SHARE_METRICS:
        return None
    if metric in _PER_SHARE_METRICS and value is not None and not per_share and value.scaled:
        return None  # "$3.56 billion" is no amount per share
    return metric


def _event(ctx: DocumentContext, sentence: Sentence, fact: MetricFact) -> Event | None:
    metric = _final_metric(ctx, sentence, fact)
    if metric is None or fact.owner is None:
        return None
    if ctx.entity_type(fact.owner.entity_id) != "company":
        return None
    value = fact.value
    amount: float | None = None
    ends: tuple[float, float] | None = None
    currency: str | None = None
    conversion: StatedConversion | None = None
    if value is not None:
        if metric in PERCENT_METRICS:
            if value.kind != "percent":
                return None
            amount = value.value
        else:
            if value.kind != "money":
                return None
            largest = max(abs(value.value), abs(value.high or 0.0))
            if metric in _AMOUNT_METRICS and not value.scaled and largest < 1e5:
                return None  # "$451" next to "market value" is a share price, not the figure
            amount, currency = value.value, _dollar_of(ctx, fact.owner.entity_id, value)
            if metric in _SIGNED_BY_LOSS and _LOSS.search(ctx.text, fact.term.start, fact.term.end):
                amount = -abs(amount)
            if value.conversion is not None and not value.is_range:
                conversion = StatedConversion(
                    value=value.conversion.value, currency=value.conversion.currency or ""
                )
        if value.is_range:
            ends = _range_ends(ctx, fact, metric, value)
            if ends is None:
                return None
            amount = None
    change_pct = fact.change.pct if fact.change is not None else None
    if amount is None and ends is None and change_pct is None:
        return None
    if metric == "market_cap" and amount is None and ends is None:
        return None  # "saw a 7.3% fall in its market value": a move of the shares, no figure
    own = fact.base or fact  # a figure beside a reported one shares its line and company
    named, segment = figure_segment(ctx, sentence, own)
    if not named:
        return None
    period_text, period_end, carried = metric_period(ctx, sentence, own)
    if metric == "market_cap" and (carried or _REPORTING_PERIOD.search(period_text or "")):
        # a market value is as of a day: a quarter named for the results beside it ("revenue
        # for the December quarter ... its market capitalization to $1.16 trillion") is not its
        period_text, period_end, carried = None, None, False
    if own.is_rate:
        period_text, period_end, carried = own.rate_period, None, False
    if fact.comparison is not None and fact.comparison.kind == "prior":
        prior = prior_period(fact, period_text, period_end)
        if prior is None:
            return None  # "a year ago" beside a figure whose period we cannot name
        period_text, period_end = prior
    confidence = BASE_CONFIDENCE - (fact.owner.penalty if fact.owner else 0.0)
    if fact.comparison is not None:
        confidence -= COMPARED_PENALTY
    if fact.term.implied:
        confidence -= IMPLIED_METRIC_PENALTY
    if carried:
        confidence -= CARRIED_PERIOD_PENALTY
    attributes = FinancialMetricAttributes(
        metric=metric,
        segment=segment,
        value=amount,
        value_low=ends[0] if ends is not None else None,
        value_high=ends[1] if ends is not None else None,
        currency=currency,
        stated_conversion=conversion,
        change_pct=change_pct,
        period=period_text,
        period_end=period_end,
        is_estimate=fact.estimate,
    ).model_dump(mode="json")
    return Event(
        type="financial_metric",
        entity=fact.owner.entity_id,
        evidence=evidence(ctx, sentence.start, sentence.end),
        confidence=round(max(0.05, confidence), 3),
        attributes=attributes,
    )


def _dollar_of(ctx: DocumentContext, entity_id: str, value: Quantity) -> str | None:
    """The currency of an amount: a bare "dlrs" or "cts" of a company listed in another dollar
    ("Hutchison ... profits of 1.62 billion dlrs", Hong Kong dollars) is not known to be the
    U.S. dollar; "$", "U.S. dlrs" and named dollars are as written."""
    if value.currency != "USD" or not _BARE_DOLLAR.search(value.text):
        return value.currency
    return None if _foreign_dollar(ctx, entity_id) else value.currency


def _foreign_dollar(ctx: DocumentContext, entity_id: str) -> bool:
    """Whether the company's main listing trades in a dollar other than the U.S. one."""
    listing = ctx.reference.listing_for(entity_id)
    return listing is not None and listing.currency in _OTHER_DOLLARS


def _range_ends(
    ctx: DocumentContext, fact: MetricFact, metric: str, value: Quantity
) -> tuple[float, float] | None:
    """The ends of a figure stated as a range, low first; None when the range is not one
    figure's: its ends in two currencies, or a move from one amount to another."""
    if value.low is None or value.high is None:
        return None
    if metric not in PERCENT_METRICS and value.currency is None:
        return None  # "$300 million to 330 million euros": which currency is the figure's?
    if fact.comparison is not None or fact.base is not None:
        return None  # a range set beside a reported figure: which end is compared is not said
    low, high = value.low, value.high
    if metric in _SIGNED_BY_LOSS and _LOSS.search(ctx.text, fact.term.start, fact.term.end):
        low, high = -abs(high), -abs(low)  # "a loss of $10 million to $12 million"
    return low, high


def table_events(ctx: DocumentContext, title: str | None = None) -> list[Event]:
    """Metrics of a results table ("Shr 34 cts vs 1.19 dlrs"): the article's company's figures.

    A brief with a table is about one company (its headline names it); without a main company
    the rows are not attributed. Column tables ("METRIC / 2022 / 2023 / Revenue growth / 9% /
    2%") come first, each of the company the text before it names.
    """
    events = column_table_events(ctx)
    if ctx.main_company is None:
        return events
    for figure in find_table_figures(ctx.text, title):
        currency = figure.currency
        if currency == "USD" and _foreign_dollar(ctx, ctx.main_company):
            currency = None  # "Shr 81 cts" of a Canadian company: which dollar is not said
        attributes = FinancialMetricAttributes(
            metric=figure.metric,
            value=figure.value,
            currency=currency,
            period=figure.period,
        ).model_dump(mode="json")
        events.append(
            Event(
                type="financial_metric",
                entity=ctx.main_company,
                evidence=evidence(ctx, figure.start, figure.end),
                confidence=TABLE_CONFIDENCE,
                attributes=attributes,
            )
        )
    return events
