"""The period of a financial figure: the one its sentence names for it ("Q4 revenue of $51
billion", "2024 adjusted EPS of $7.10-$7.40", "for all of 2024"), else the last one named
earlier in its paragraph; and the period of a prior figure set beside it ("a year ago")."""

from __future__ import annotations

import datetime as dt

import regex

from tickerwire.extract.dates import PeriodMention
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_comparisons import year_earlier_period
from tickerwire.extract.metric_fact import MetricFact
from tickerwire.extract.metric_facts import PRIOR_BEFORE
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.sentences import Sentence

_LEADING_ARTICLE = regex.compile(r"^(?:the|for)\s+", regex.IGNORECASE)
_PERIOD_PRIOR = regex.compile(
    r"\b(?:year[\s-]ago|prior[\s-]year|same|previous|comparable)\b", regex.I
)
# "the prior Q2", "last year's fourth quarter": a period named as an earlier one, by a word
# right before its code or name, is a comparison's period, not the figure's.
_PRIOR_MARK_BEFORE = regex.compile(
    r"\b(?:prior|previous|preceding|year[\s-]ago|year[\s-]earlier|last\s+year['’]s)\s+$",
    regex.IGNORECASE,
)
# "climbed 35% from EPS of $0.56 in Q4 2022": the period of the base amount, not the figure's.
_PRIOR_AMOUNT_BEFORE = regex.compile(
    r"\b(?:from|versus|vs\.?|against|compared\s+(?:with|to)|than)\s+(?:the\s+|an?\s+)?"
    r"(?:(?:EPS|earnings|revenues?|sales|net\s+income|profit)\s+of\s+)?[$€£¥]?\d[\d.,]*"
    r"(?:\s*(?:billion|million|cents|cts|bn|mln|dlrs|dollars|yuan|euros|[bm])){0,2}"
    # "against a 38.1 mln loss in 1985": the base amount named by what it was
    r"(?:\s+(?:net\s+)?(?:loss|profit|gain|deficit|surplus))?"
    r"(?:\s+(?:a|per)\s+share)?"
    r"(?:\s+(?:reported|posted|recorded))?\s+(?:in|for|during)\s+(?:the\s+)?$",
    regex.IGNORECASE | regex.REVERSE,  # searched backwards from the period: found at once
)

# Periods `dates.find_periods` leaves to the reader: a year without a quarter, the coming
# quarter ("full-year sales", "higher in 2024", "for the coming quarter").
_YEAR_PERIOD = prefiltered(
    regex.compile(
        r"\b(?P<period>full[\s-]year|fiscal[\s-]year|(?<!\bof\s)(?:this|next)\s+year|"
        r"(?:coming|next|upcoming)\s+quarter|"
        # "17% sales growth over the next two years": a span of years ahead, the growth's own
        r"(?:next|coming)\s+(?:two|three|four|five|six|seven|eight|nine|ten|several|few|\d{1,2})"
        r"\s+(?:years|quarters)|"
        r"(?<=\b(?:in|for|during|all\s+of)\s+)(?:19|20)\d{2}(?![-/]\d|,?\s+(?:low|high))|"
        # "2024 adjusted EPS of", "its 2023 revenue": the year names the figure's period
        r"(?:19|20)\d{2}(?=\s+(?:(?:adjusted|non-GAAP|GAAP|full-year|annual|net|operating)\s+)?"
        r"(?:EPS|earnings|revenues?|sales|profits?|income|EBITDA)\b))\b",
        regex.IGNORECASE,
    )
)
_PERIOD_CLAUSE_BREAK = regex.compile(
    r";|\b(?:but|while|whereas)\b|,?\s+and\s+(?:said|says|added|expects?|expected)\b",
    regex.IGNORECASE,
)
# "41% in Q4", "$392.8 billion in revenues for the current fiscal year"
_RIGHT_AFTER = regex.compile(
    r"(?:\s+(?:in|of)\s+[\w-]+(?:\s+[\w-]+)?)?\s+(?:in|for|during)\s+(?:the\s+)?"
    r"(?:(?:current|coming|same|latest|just[\s-]ended|most\s+recent)\s+)?",
    regex.IGNORECASE,
)
# "19% earnings growth in 2025": a change told as a noun, its figure's name between
_GROWTH_NOUN_AFTER = regex.compile(
    r"\s+(?:[\w-]+\s+){0,3}?(?:growth|increase|rise|decline|drop|gain|jump|fall)\s+"
    r"(?:in|for|during|over)\s+(?:the\s+)?",
    regex.IGNORECASE,
)


def prior_period(
    fact: MetricFact, base_period: str | None, base_end: dt.date | None
) -> tuple[str, dt.date | None] | None:
    """The period of a prior figure: the one stated after it ("from $0.56 in Q4 2022"), else
    the reported figure's a year earlier ("a year ago" beside a Q4 2023 figure: Q4 2022)."""
    assert fact.comparison is not None
    stated = fact.comparison.period
    if stated is not None:
        return _clean_period(stated.text), stated.period_end
    relative = fact.comparison.relative
    text = year_earlier_period(base_period, relative or "year")
    if text is None:
        return None
    end = None
    if base_end is not None and base_period is not None and text != "year-ago quarter":
        end = _year_before(base_end)
    return text, end


def _year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (28 February for a 29th)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


def _own_periods(ctx: DocumentContext, sentence: Sentence) -> list[PeriodMention]:
    return _not_prior(ctx, sentence, ctx.periods_in(sentence))


def _not_prior(
    ctx: DocumentContext, sentence: Sentence, periods: list[PeriodMention]
) -> list[PeriodMention]:
    """The periods that are no prior amount's ("from 1.34 billion dlrs in 1985")."""
    return [
        p
        for p in periods
        if not _PERIOD_PRIOR.search(p.text)
        and not _PRIOR_MARK_BEFORE.search(ctx.text, max(sentence.start, p.start - 20), p.start)
        and not PRIOR_BEFORE.search(ctx.text, max(sentence.start, p.start - 12), p.start)
        and not _PRIOR_AMOUNT_BEFORE.search(ctx.text, max(sentence.start, p.start - 60), p.start)
    ]


def metric_period(
    ctx: DocumentContext, sentence: Sentence, fact: MetricFact
) -> tuple[str | None, dt.date | None, bool]:
    """The reporting period named in the sentence, else the last one named earlier in the
    paragraph (results paragraphs name the quarter once): then marked as carried."""
    named = ctx.periods_in(sentence)
    periods = _not_prior(ctx, sentence, named + _year_periods(ctx, sentence, named))
    if periods:
        chosen = _period_after_value(ctx, fact, periods) or _nearest_period(ctx, fact, periods)
        if chosen is not None:
            return _clean_period(chosen.text), chosen.period_end, False
    for previous in reversed(ctx.sentences[max(0, sentence.index - 4) : sentence.index]):
        if previous.paragraph != sentence.paragraph:
            break
        earlier = _own_periods(ctx, previous)
        if earlier:
            return _clean_period(earlier[-1].text), earlier[-1].period_end, True
    return None, None, False


def _year_periods(
    ctx: DocumentContext, sentence: Sentence, named: list[PeriodMention]
) -> list[PeriodMention]:
    """Years named without a quarter ("full-year sales", "higher in 2024"): periods too, so
    that a quarter named elsewhere in the sentence is not given to a year's figure."""
    found = []
    for match in _YEAR_PERIOD.finditer(ctx.text, sentence.start, sentence.end):
        start, end = match.span("period")
        if any(p.start < end and start < p.end for p in named):
            continue
        found.append(PeriodMention(start, end, ctx.text[start:end], None))
    return found


def _period_after_value(
    ctx: DocumentContext, fact: MetricFact, periods: list[PeriodMention]
) -> PeriodMention | None:
    """'to 41% in Q4': a period written right after the figure's number is its own."""
    number_end = next((q.end for q in ctx.quantities_in(fact.anchor, fact.anchor + 1)), None)
    if number_end is None:
        return None
    for period in periods:
        if period.start < number_end:
            continue
        if _RIGHT_AFTER.fullmatch(ctx.text, number_end, period.start) or (
            number_end <= fact.term.start
            and _GROWTH_NOUN_AFTER.fullmatch(ctx.text, number_end, period.start)
        ):
            return period
    return None


def _nearest_period(
    ctx: DocumentContext, fact: MetricFact, periods: list[PeriodMention]
) -> PeriodMention | None:
    """The period named last before the figure ("Q4 revenue of $51 billion, above the
    consensus of $49 billion"), else the first after it in the same clause."""
    before = [p for p in periods if p.end <= fact.anchor]
    if before:
        return max(before, key=lambda p: p.end)
    after = sorted((p for p in periods if p.start >= fact.anchor), key=lambda p: p.start)
    for period in after:
        if _PERIOD_CLAUSE_BREAK.search(ctx.text, fact.anchor, period.start):
            return None  # "a dividend of 10 cents, and said ... this year": another clause's
        return period
    return None


def _clean_period(text: str) -> str:
    return _LEADING_ARTICLE.sub("", " ".join(text.split()))
