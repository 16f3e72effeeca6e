"""A stated currency conversion that is off the period's exchange rate.

"33.4 billion yuan ($5.3 billion)" implies 6.30 yuan per dollar; if the month's average was 7.17,
the conversion is 12% off and one of the two figures is wrong.

Which month: the publication month when the article's date is known, and the month the reported
period ended (companies convert at the period-end rate; journalists at the day's rate): the
conversion passes when it fits either. Without a publication date, a date given from outside
(`date_hint`, e.g. the first report of the same story) or the latest date among the article's
events stands in for it. With no date at all, the conversion is compared with the range of the
latest 12 months in the table ("the latest year"), and the explanation says so.

Tolerance (measured on the ECB daily reference rates 2015-01 to 2026-10, crossed to USD): a day's
rate differs from its month's average by at most 0.3% for HKD, 1.7-1.8% for CNY, SGD and INR, and
2.6-3.5% for EUR, CAD, KRW, CHF, GBP, JPY and AUD (p99 of all business days; the single worst day
is 9%, CHF on 2015-01-22, the week the Swiss peg ended). BASE_TOLERANCE = 5% covers the p99 of
every currency and leaves 1.5 points for the rate a writer actually used (a day's spot, a
period-end fixing, a bank's rate) rather than the month's average. The rounding of both figures
as written is added on top ("$5.3 billion" may be 5.25 to 5.35: 0.94%). A month missing from the
table falls back to a neighbour, widened by the p95 drift of a monthly average over that many
months (measured on the table: 3.2%, 5.2% and 6.6% for 1, 2 and 3 months). The seed cases: 6.30
against 7.12 (2025-09) is 12% off and 0.655 is off by a factor of 11; the correct ones (7.26 and
7.28 against 7.27 in 2025-02) are within 0.2%.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any

import regex

from tickerwire.checks.amounts import Figure, find_figures, value_half_unit
from tickerwire.checks.fx_rates import SOURCE_NAMES, FxTable, month_index, month_label, month_of
from tickerwire.records import Conflict, ConflictValue, Event

# 5%: covers the p99 intra-month spread of every currency in the table plus the gap between the
# rate a writer uses and the month's average (see the module docstring).
BASE_TOLERANCE = 0.05
# Added when the month itself is missing and a neighbour's average stands in: the p95 drift of a
# monthly average over 1, 2 and 3 months (measured on the table), rounded up to half a point.
FALLBACK_WIDENING = {0: 0.0, 1: 0.035, 2: 0.055, 3: 0.07}
# "The latest year in the table" for articles with no date at all.
UNDATED_WINDOW_MONTHS = 12

_HEDGES = r"about|approximately|approx\.|around|roughly|some|nearly|almost|close\sto|~"
# What may stand between an amount and its conversion: an opening parenthesis (or ", or") and a
# hedge. Bounds ("more than", "up to") are not conversions of one figure and are left alone.
_BETWEEN = regex.compile(
    rf"^\s*(?:[(\[]|,?\s+or)\s*(?:(?P<hedge>{_HEDGES})\s+)?(?:equivalent\sto\s+)?$",
    regex.IGNORECASE,
)
_AFTER_PAREN = regex.compile(
    r"\s*(?:[,;]?\s*(?:at|using|based\son|according\sto)\b[^()\[\]]{0,80})?[)\]]",
    regex.IGNORECASE,
)
_PER_UNIT = regex.compile(
    r"\s*(?:a|per|for\seach)\s+(?:share|unit|ADS|ADR|bond)\b|\s*each\b", regex.I
)


@dataclass(frozen=True)
class ConversionClaim:
    """An amount and the conversion the text gives for it, with where it was said.

    `start` is the offset of `quote` in the article text, or None when only an event's numbers
    are known (then `quote` is the event's evidence sentence).
    """

    amount: Figure
    converted: Figure
    quote: str
    start: int | None
    hedged: bool = False
    entity: str | None = None
    period_end: dt.date | None = None


@dataclass(frozen=True)
class ArticleDates:
    """What is known of when an article was written."""

    published: dt.date | None = None
    date_hint: dt.date | None = None
    latest_event_date: dt.date | None = None


def find_conversion_claims(
    text: str, figures: Sequence[Figure] | None = None
) -> list[ConversionClaim]:
    """Every "AMOUNT (CONVERTED)" pair in `text` with two different currencies.

    `figures` are the text's figures when already found (`find_figures`), to save a pass.
    """
    money = [f for f in (find_figures(text) if figures is None else figures) if _is_money(f)]
    claims: list[ConversionClaim] = []
    for first, second in itertools.pairwise(money):
        if first.currency == second.currency or first.value <= 0 or second.value <= 0:
            continue
        between = _BETWEEN.match(text[first.end : second.start])
        if between is None:
            continue
        end = second.end
        if "(" in between.group(0) or "[" in between.group(0):
            after = _AFTER_PAREN.match(text, second.end)
            if after is None:
                continue
            end = after.end()
        elif first.scaled != second.scaled or _PER_UNIT.match(text, second.end):
            # ", or" without brackets also joins different quantities: "paid $2 billion, or
            # HK$5 a share". Only a like-for-like pair is read as a conversion.
            continue
        claims.append(
            ConversionClaim(
                amount=first,
                converted=second,
                quote=text[first.start : end],
                start=first.start,
                hedged=between.group("hedge") is not None,
            )
        )
    return claims


def _is_money(figure: Figure) -> bool:
    return figure.currency not in (None, "%", "pts")


def _same_value(figure: Figure, value: float) -> bool:
    return math.isclose(figure.value, value, rel_tol=1e-6)


def _event_claim(event: Event, text_claims: Sequence[ConversionClaim]) -> ConversionClaim | None:
    """The claim a financial_metric event carries, quoted from the text where it can be found."""
    attributes = event.attributes
    conversion = attributes.get("stated_conversion")
    value, currency = attributes.get("value"), attributes.get("currency")
    if not isinstance(conversion, dict) or value is None or not currency:
        return None
    converted_value = conversion.get("value")
    converted_currency = conversion.get("currency")
    if converted_value is None or not converted_currency:
        return None
    period_end = attributes.get("period_end")
    if isinstance(period_end, str):
        period_end = dt.date.fromisoformat(period_end)
    for claim in text_claims:
        inside = claim.start is not None and (
            event.evidence.start <= claim.start < event.evidence.end
        )
        if (
            inside
            and _same_value(claim.amount, float(value))
            and _same_value(claim.converted, float(converted_value))
        ):
            return replace(claim, entity=event.entity, period_end=period_end)
    start = event.evidence.start
    amount = Figure(float(value), value_half_unit(float(value)), currency, start, start, "")
    converted = Figure(
        float(converted_value),
        value_half_unit(float(converted_value)),
        converted_currency,
        start,
        start,
        "",
    )
    return ConversionClaim(
        amount, converted, event.evidence.text, None, entity=event.entity, period_end=period_end
    )


def collect_claims(
    events: Iterable[Event], text: str, figures: Sequence[Figure] | None = None
) -> list[ConversionClaim]:
    """Claims from the events' stated conversions and from the text, each once.

    A pair in the text that an event carries takes the event's company and period; a pair no
    event carries is still checked (an extractor may miss a metric; the arithmetic stands alone).
    """
    text_claims = find_conversion_claims(text, figures)
    claims: list[ConversionClaim] = []
    seen_starts: set[int] = set()
    for event in events:
        if event.type != "financial_metric":
            continue
        claim = _event_claim(event, text_claims)
        if claim is None:
            continue
        if claim.start is not None:
            if claim.start in seen_starts:
                continue
            seen_starts.add(claim.start)
        claims.append(claim)
    for claim in text_claims:
        if claim.start not in seen_starts:
            claims.append(replace(claim, entity=_covering_entity(events, claim.start)))
    return claims


def _covering_entity(events: Iterable[Event], offset: int | None) -> str | None:
    if offset is None:
        return None
    for event in events:
        if event.evidence.start <= offset < event.evidence.end and event.entity:
            return event.entity
    return None


# ---------------------------------------------------------------------------------------------
# Checking one claim
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Reference:
    rate: float  # units of the quoted currency per unit of the base currency
    period: str
    months_away: int
    sources: tuple[str, ...]
    basis: str  # why this month: "the publication month", ...


def _orientation(claim: ConversionClaim) -> tuple[str, str, float]:
    """(quoted currency, base currency, implied rate).

    Per USD whenever USD is one of them (rates are quoted so); otherwise the way round that
    gives a rate above one ("12.00 HKD per EUR", not "0.0833 EUR per HKD").
    """
    a, c = claim.amount, claim.converted
    assert a.currency is not None and c.currency is not None
    if a.currency == "USD" or (c.currency != "USD" and c.value > a.value):
        return c.currency, a.currency, c.value / a.value
    return a.currency, c.currency, a.value / c.value


def _cross(table: FxTable, quoted: str, base: str, period: str, basis: str) -> _Reference | None:
    top = table.rate(quoted, period)
    bottom = table.rate(base, period)
    if top is None or bottom is None:
        return None
    sources = tuple(sorted({r.source for r in (top, bottom) if r.currency != "USD"}))
    return _Reference(
        rate=top.units_per_usd / bottom.units_per_usd,
        period=top.period if top.currency != "USD" else bottom.period,
        months_away=max(top.months_away, bottom.months_away),
        sources=sources,
        basis=basis,
    )


def _candidate_periods(claim: ConversionClaim, dates: ArticleDates) -> list[tuple[str, str]]:
    periods: list[tuple[str, str]] = []
    if dates.published is not None:
        periods.append((month_of(dates.published), "the publication month"))
    elif dates.date_hint is not None:
        periods.append((month_of(dates.date_hint), "the month of the date given for the article"))
    elif dates.latest_event_date is not None:
        periods.append((month_of(dates.latest_event_date), "the month of the article's events"))
    if claim.period_end is not None:
        periods.append((month_of(claim.period_end), "the month the reported period ended"))
    return periods


def _off(implied: float, reference: float) -> float:
    """How far apart two rates are, symmetric in direction: 0.12 for 12%, 10.0 for a factor 11."""
    return max(implied / reference, reference / implied) - 1.0


def format_rate(rate: float) -> str:
    """A rate with the digits a reader needs: 7.17, 0.655, 157, 1,351."""
    if rate >= 100:
        return f"{rate:,.0f}"
    if rate >= 1:
        return f"{rate:.2f}"
    return f"{rate:.3g}"


def _how_far(implied: float, reference: float) -> str:
    ratio = max(implied / reference, reference / implied)
    if ratio >= 2:
        return (
            f"off by a factor of {ratio:.0f}" if ratio >= 10 else f"off by a factor of {ratio:.1f}"
        )
    return f"{abs(implied / reference - 1) * 100:.0f}% off"


def _source_text(sources: tuple[str, ...]) -> str:
    return " and ".join(SOURCE_NAMES.get(s, s) for s in sources)


def _value(claim: ConversionClaim, implied: float, reference: float, period: str) -> dict[str, Any]:
    return {
        "amount": claim.amount.value,
        "currency": claim.amount.currency,
        "converted": claim.converted.value,
        "converted_currency": claim.converted.currency,
        "implied_rate": round(implied, 6),
        "reference_rate": round(reference, 6),
        "reference_period": period,
    }


def check_claim(
    claim: ConversionClaim,
    dates: ArticleDates,
    table: FxTable,
    article_id: str | None = None,
) -> Conflict | None:
    """A Conflict when `claim` is off every applicable month's rate beyond tolerance, else None.

    None also when the check cannot be made: a currency the table lacks, or no rate within
    three months of the article's dates.
    """
    currencies = {claim.amount.currency, claim.converted.currency}
    if not currencies <= table.currencies or len(currencies) != 2:
        return None
    quoted, base, implied = _orientation(claim)
    # "about $5.3 billion": the last digit may be off by a whole unit, not half of one.
    rounding = (claim.amount.relative_precision + claim.converted.relative_precision) * (
        2 if claim.hedged else 1
    )
    candidates = _candidate_periods(claim, dates)
    if not candidates:
        return _check_undated(claim, table, quoted, base, implied, rounding, article_id)
    references = [
        ref
        for period, basis in candidates
        if (ref := _cross(table, quoted, base, period, basis)) is not None
    ]
    if not references:
        return None
    tolerances = [BASE_TOLERANCE + rounding + FALLBACK_WIDENING[r.months_away] for r in references]
    if any(_off(implied, r.rate) <= tol for r, tol in zip(references, tolerances, strict=True)):
        return None
    closest = min(references, key=lambda r: _off(implied, r.rate))
    fallback = ""
    if closest.months_away:
        fallback = " (the nearest month with a rate; the table has none for the month asked)"
    why = (
        f"implies {format_rate(implied)} {quoted} per {base}; the average in {closest.period}, "
        f"{closest.basis}{fallback}, was {format_rate(closest.rate)} "
        f"({_source_text(closest.sources)}); {_how_far(implied, closest.rate)}"
    )
    return Conflict(
        entity=claim.entity,
        field="stated_conversion",
        values=[
            ConflictValue(
                article=article_id,
                value=_value(claim, implied, closest.rate, closest.period),
                evidence=claim.quote,
            )
        ],
        why=why,
    )


def _check_undated(
    claim: ConversionClaim,
    table: FxTable,
    quoted: str,
    base: str,
    implied: float,
    rounding: float,
    article_id: str | None,
) -> Conflict | None:
    """No date at all: compare with the range of the latest year's monthly averages.

    The range of a whole year is the wider tolerance the missing date calls for: a conversion
    made at any month's rate in that year passes. The year is the table's latest (not the
    currency's: a currency whose rows stop years earlier is not checked), and at least half of
    its months must have a rate.
    """
    last = table.last_period()
    if last is None:
        return None
    window: list[_Reference] = []
    last_index = month_index(last)
    for index in range(last_index - UNDATED_WINDOW_MONTHS + 1, last_index + 1):
        ref = _cross(table, quoted, base, month_label(index), "")
        if ref is not None and ref.months_away == 0:
            window.append(ref)
    if len(window) < UNDATED_WINDOW_MONTHS // 2:
        return None
    low = min(window, key=lambda r: r.rate)
    high = max(window, key=lambda r: r.rate)
    tolerance = BASE_TOLERANCE + rounding
    if low.rate / (1 + tolerance) <= implied <= high.rate * (1 + tolerance):
        return None
    nearest = low if implied < low.rate else high
    side = "below" if implied < low.rate else "above"
    ratio = max(implied / nearest.rate, nearest.rate / implied)
    distance = (
        f"off by a factor of {ratio:.0f}"
        if ratio >= 2
        else f"{(ratio - 1) * 100:.0f}% {side} that range"
    )
    first, final = window[0].period, window[-1].period
    why = (
        f"implies {format_rate(implied)} {quoted} per {base}; the article gives no date, and over "
        f"the latest 12 months in the table ({first} to {final}) the monthly average ran from "
        f"{format_rate(low.rate)} to {format_rate(high.rate)} "
        f"({_source_text(nearest.sources)}); {distance}"
    )
    return Conflict(
        entity=claim.entity,
        field="stated_conversion",
        values=[
            ConflictValue(
                article=article_id,
                value=_value(claim, implied, nearest.rate, f"{first}..{final}"),
                evidence=claim.quote,
            )
        ],
        why=why,
    )


def check_conversions(
    events: Sequence[Event],
    text: str,
    dates: ArticleDates,
    table: FxTable,
    article_id: str | None = None,
    figures: Sequence[Figure] | None = None,
) -> list[Conflict]:
    """Conflicts for every stated conversion in the article that is off its period's rate."""
    conflicts: list[Conflict] = []
    for claim in collect_claims(events, text, figures):
        conflict = check_claim(claim, dates, table, article_id)
        if conflict is not None:
            conflicts.append(conflict)
    return conflicts
