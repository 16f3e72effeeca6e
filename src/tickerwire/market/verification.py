"""Checking reported price and index moves against loaded prices (CONTRACT.md "Verification").

A claim is `consistent` when the claimed change is within the tolerance (tolerance.py) of the
measured change for its period, `inconsistent` when it is not, and `unverifiable` when the day or
the prices are unknown (the `why` says which). A verdict is only as good as its inputs, so every
`why` names the figures and the days compared.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from tickerwire.errors import CalendarError
from tickerwire.link.reference import ReferenceData
from tickerwire.market.abnormal import (
    MarketAdjusted,
    MarketModel,
    fit_market_model,
    market_adjusted,
    market_index_for,
)
from tickerwire.market.calendars import SessionCalendar, TradingCalendars, trading_calendars
from tickerwire.market.claims import PriceClaim
from tickerwire.market.provider import PriceProvider
from tickerwire.market.returns import (
    Change,
    change_between,
    change_over_sessions,
    change_since,
    intraday_extreme_change,
    month_to_date,
    session_change,
    unadjusted_change,
    week_to_date,
    year_over_year,
    year_to_date,
)
from tickerwire.market.series import PriceSeries
from tickerwire.market.tolerance import Tolerance, change_tolerance
from tickerwire.records import Verification

# Sessions either side of the claimed day searched for the day a wrong figure belongs to.
NEIGHBOUR_SESSIONS = 10
# Undated claims over a period ending "now" ("up 30% over the past year") are measured to one of
# the last sessions before publication: syndicated copy is written from the previous one to three
# closes (Zacks and Motley Fool figures in the FNSPID sample). More sessions would let a wrong
# figure fit some day by chance.
ASSUMED_DATE_SESSIONS = 3
PERIODS_ENDING_NOW: tuple[str, ...] = ("year_to_date", "year_over_year", "since", "week", "month")
# A small change in the opposite direction still contradicts "rose"/"fell": beyond this many
# points (the data margin of tolerance.py) the sign of the measured change is trusted.
SIGN_MARGIN_PP = 0.1


@dataclass(frozen=True)
class PriceCheck:
    """A Verification record and the measurements behind it (for `explain` and reports)."""

    record: Verification
    change: Change | None = None
    tolerance: Tolerance | None = None
    market: MarketAdjusted | None = None
    model: MarketModel | None = None
    alternatives: tuple[Change, ...] = field(default=())


def _pct(value: float) -> str:
    return f"{value:+.2f}%"


def _record(
    claim_article: str,
    listing: str,
    date: dt.date | None,
    claimed: float,
    verdict: str,
    why: str,
    actual: float | None = None,
    abnormal: float | None = None,
) -> Verification:
    return Verification(
        article=claim_article,
        listing=listing,
        date=date,
        claimed_pct=claimed,
        actual_pct=actual,
        abnormal_pct=abnormal,
        verdict=verdict,  # type: ignore[arg-type]
        why=why,
    )


def _unverifiable(claim: PriceClaim, why: str) -> PriceCheck:
    return PriceCheck(
        _record(claim.article, claim.listing, claim.date, claim.change_pct, "unverifiable", why)
    )


def _period_changes(
    claim: PriceClaim, series: PriceSeries, calendar: SessionCalendar, day: dt.date
) -> tuple[Change, ...] | str:
    """The measured changes a claim may mean: first the one reported, then other readings.

    Other readings are the same span in quoted (unadjusted) closes, and for periods whose base is
    loosely worded ("this week", "over the past year") the other common base.
    """
    period = claim.period
    if period == "intraday":
        main = session_change(series, calendar, day)
        extreme: Literal["high", "low"] = "high" if claim.change_pct >= 0 else "low"
        return (main, intraday_extreme_change(series, calendar, day, extreme))
    readings: tuple[Change, ...]
    if period == "session":
        readings = (session_change(series, calendar, day),)
    elif period == "week":
        readings = (
            week_to_date(series, calendar, day),
            _reading(change_over_sessions(series, calendar, day, 5), "the last 5 sessions"),
        )
    elif period == "month":
        month_ago = day - dt.timedelta(days=30)
        readings = (
            month_to_date(series, calendar, day),
            _reading(change_since(series, calendar, month_ago, day), "the last 30 days"),
        )
    elif period == "year_to_date":
        readings = (year_to_date(series, calendar, day),)
    elif period == "year_over_year":
        # "Over the past year": a calendar year back, or 52 weeks (364 days) back.
        readings = (
            year_over_year(series, calendar, day),
            _reading(change_since(series, calendar, day - dt.timedelta(days=364), day), "52 weeks"),
        )
    elif period == "since":
        if claim.since is None:
            return "the claim says 'since' without a date"
        readings = (change_since(series, calendar, claim.since, day),)
    else:
        return f"no prices to check a {period.replace('_', '-')} move against (daily closes only)"
    unadjusted = (unadjusted_change(series, reading) for reading in readings)
    return (*readings, *(u for u in unadjusted if u is not None))


def _reading(change: Change, words: str) -> Change:
    """Label another reading of a loosely worded period, for the `why`."""
    return replace(change, note=words)


def _describe_span(change: Change) -> str:
    return f"{change.start} -> {change.end}" if change.start else str(change.end)


def _matching_neighbour(
    claim: PriceClaim,
    series: PriceSeries,
    calendar: SessionCalendar,
    day: dt.date,
    tolerance: Tolerance,
) -> dt.date | None:
    """The nearest session around `day` whose close-to-close change fits the claim."""
    sessions = calendar.sessions_back(day, NEIGHBOUR_SESSIONS + 1)[:-1]
    try:
        after = calendar.sessions_between(day + dt.timedelta(days=1), calendar.last)
    except CalendarError:
        after = ()
    nearby = sorted((*sessions, *after[:NEIGHBOUR_SESSIONS]), key=lambda d: abs((d - day).days))
    for other in nearby:
        pct = session_change(series, calendar, other).pct
        if pct is not None and abs(pct - claim.change_pct) <= tolerance.pp:
            return other
    return None


def _market_measures(
    claim: PriceClaim,
    change: Change,
    prices: PriceProvider,
    calendars: TradingCalendars,
    mic: str,
    series: PriceSeries,
    calendar: SessionCalendar,
) -> tuple[MarketAdjusted | None, MarketModel | None, str]:
    index = market_index_for(mic, prices.tickers())
    if index is None or index == claim.listing or change.start is None:
        return None, None, ""
    index_series = prices.series(index)
    if index_series is None:
        return None, None, ""
    try:
        index_calendar = calendars.for_ticker(index)
    except CalendarError:
        return None, None, ""
    index_change = change_between(index_series, index_calendar, change.start, change.end)
    adjusted = market_adjusted(change, index_change, index)
    model: MarketModel | None = None
    if claim.period in ("session", "intraday"):
        fitted = fit_market_model(series, index_series, calendar, index_calendar, change.end)
        model = fitted if isinstance(fitted, MarketModel) else None
    notes = []
    if adjusted is not None:
        notes.append(
            f"{index} {_pct(adjusted.index_pct)}, abnormal {adjusted.abnormal_pct:+.2f} pp"
        )
    if model is not None:
        notes.append(model.describe())
    return adjusted, model, ("; " + "; ".join(notes)) if notes else ""


def check_price_claim(
    claim: PriceClaim,
    prices: PriceProvider,
    *,
    calendars: TradingCalendars | None = None,
    reference: ReferenceData | None = None,
) -> PriceCheck:
    """Check one reported move of a listing against loaded prices."""
    calendars = calendars or trading_calendars()
    if claim.date is None:
        return _unverifiable(claim, "the claim's trading day is unknown")
    try:
        calendar = calendars.for_ticker(claim.listing, reference)
    except CalendarError as exc:
        return _unverifiable(claim, exc.reason)
    series = prices.series(claim.listing)
    if series is None:
        return _unverifiable(claim, f"no prices loaded for {claim.listing}")
    changes = _period_changes(claim, series, calendar, claim.date)
    if isinstance(changes, str):
        return _unverifiable(claim, changes)
    main = changes[0]
    if main.pct is None:
        return _unverifiable(claim, main.reason or "the change is unknown")
    tolerance = change_tolerance(
        claim.change_pct, decimals=claim.decimals, approximate=claim.approximate
    )
    adjusted, model, market_note = _market_measures(
        claim, main, prices, calendars, calendar.mic, series, calendar
    )
    abnormal = None if adjusted is None else adjusted.abnormal_pct
    if abnormal is None and model is not None:
        abnormal = model.abnormal_pct
    verdict, why = _judge(claim, changes, tolerance, series, calendar)
    if verdict == "unverifiable":
        return _unverifiable(claim, why)
    if main.note:
        why += f"; {main.note}"
    record = _record(
        claim.article,
        claim.listing,
        claim.date,
        claim.change_pct,
        verdict,
        why + market_note,
        actual=main.pct,
        abnormal=abnormal,
    )
    return PriceCheck(record, main, tolerance, adjusted, model, tuple(changes[1:]))


def _judge(
    claim: PriceClaim,
    changes: Sequence[Change],
    tolerance: Tolerance,
    series: PriceSeries,
    calendar: SessionCalendar,
) -> tuple[str, str]:
    main = changes[0]
    assert main.pct is not None and main.end is not None
    claimed = claim.change_pct
    limits = f"tolerance ±{tolerance.pp:.2f} pp for {tolerance.basis}"
    if claim.period == "intraday":
        return _judge_intraday(claim, changes, limits, tolerance)
    label = "close-to-close change" if claim.period == "session" else f"{claim.period} change"
    label = label.replace("_", "-")
    candidates = [c for c in changes if c.pct is not None]
    best = min(candidates, key=lambda c: abs(c.pct - claimed))  # type: ignore[operator]
    assert best.pct is not None
    opposite = claimed * best.pct < 0 and abs(best.pct) > SIGN_MARGIN_PP
    if abs(best.pct - claimed) <= tolerance.pp and not opposite:
        which = "" if best is main else f" ({best.note or 'another reading of the period'})"
        return "consistent", (
            f"claimed {_pct(claimed)}, {label}{which} {_pct(best.pct)} "
            f"({_describe_span(best)}); {limits}"
        )
    why = (
        f"claimed {_pct(claimed)} but the {label} was {_pct(main.pct)} ({_describe_span(main)}), "
        f"{abs(main.pct - claimed):.2f} pp apart; {limits}"
    )
    if claim.period == "session":
        other = _matching_neighbour(claim, series, calendar, main.end, tolerance)
        if other is not None:
            why += f"; the figure matches the close-to-close change of {other}"
    return "inconsistent", why


def _judge_intraday(
    claim: PriceClaim, changes: Sequence[Change], limits: str, tolerance: Tolerance
) -> tuple[str, str]:
    main, extreme = changes[0], changes[1]
    assert main.pct is not None
    claimed = claim.change_pct
    side = "high" if claimed >= 0 else "low"
    if extreme.pct is None:
        return "unverifiable", extreme.reason or f"the day's {side} is unknown"
    if claim.peak:
        fits = abs(extreme.pct - claimed) <= tolerance.pp
        return ("consistent" if fits else "inconsistent"), (
            f"claimed as much as {_pct(claimed)}; the day's {side} was {_pct(extreme.pct)} "
            f"against the previous close (close {_pct(main.pct)}); {limits}"
        )
    # A snapshot ("was up 5% in afternoon trade") is true if the price passed there: between the
    # previous close and the day's extreme on the claim's side.
    low, high = sorted((0.0, extreme.pct))
    fits = low - tolerance.pp <= claimed <= high + tolerance.pp
    return ("consistent" if fits else "inconsistent"), (
        f"claimed {_pct(claimed)} during the session; the day's {side} was {_pct(extreme.pct)} "
        f"against the previous close (close {_pct(main.pct)}); {limits}"
    )


def verify_price_claim(
    claim: PriceClaim,
    prices: PriceProvider,
    *,
    calendars: TradingCalendars | None = None,
    reference: ReferenceData | None = None,
) -> Verification:
    """The Verification record of one reported move (see `check_price_claim` for the details)."""
    return check_price_claim(claim, prices, calendars=calendars, reference=reference).record


def check_claim_as_of(
    claim: PriceClaim,
    prices: PriceProvider,
    published: dt.date,
    *,
    sessions: int = ASSUMED_DATE_SESSIONS,
    calendars: TradingCalendars | None = None,
    reference: ReferenceData | None = None,
) -> PriceCheck:
    """Check an undated claim over a period ending "now" against the closes before `published`.

    Tries the last `sessions` sessions before the publication day, latest first; the first that
    fits makes the claim consistent. Otherwise the verdict for the last session before
    publication stands. The `why` says the date was assumed. Session moves are not dated here
    (see market_dating): a one-day move fits too many days to assume one.
    """
    if claim.date is not None or claim.period not in PERIODS_ENDING_NOW:
        return check_price_claim(claim, prices, calendars=calendars, reference=reference)
    calendars = calendars or trading_calendars()
    try:
        calendar = calendars.for_ticker(claim.listing, reference)
        candidates = calendar.sessions_back(calendar.session_before(published), sessions)
    except CalendarError as exc:
        return _unverifiable(claim, exc.reason)
    checks = []
    for age, day in enumerate(reversed(candidates), start=1):
        check = check_price_claim(
            replace(claim, date=day), prices, calendars=calendars, reference=reference
        )
        if check.record.verdict == "consistent":
            return _assumed(check, f"date assumed: {day}, session {age} before publication")
        checks.append(check)
    if not checks:
        return _unverifiable(claim, "no session before publication")
    return _assumed(
        checks[0],
        f"date assumed: the last session before publication (none of the last {sessions} fits)",
    )


def _assumed(check: PriceCheck, note: str) -> PriceCheck:
    record = check.record.model_copy(update={"why": f"{note}; {check.record.why}"})
    return replace(check, record=record)
