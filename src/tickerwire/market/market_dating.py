"""Dating an undated story by the market: which trading day moved as the story says?

A scraped page without a date that says "soared 19% in one trading session" still dates itself:
moves that large are rare. Within a window of sessions the caller finds plausible (for example the
weeks before the page was crawled), every session whose close-to-close change fits the claim (the
same tolerance as verification) is a candidate. Exactly one candidate dates the story; several,
or none, leave it undated, because a wrong date is worse than no date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tickerwire.errors import CalendarError
from tickerwire.link.reference import ReferenceData
from tickerwire.market.calendars import SessionCalendar, TradingCalendars, trading_calendars
from tickerwire.market.provider import PriceProvider
from tickerwire.market.returns import session_change
from tickerwire.market.series import PriceSeries
from tickerwire.market.tolerance import change_tolerance

# Confidence of a unique fit, a heuristic on three facts (chosen so that an exact fit with full
# price coverage and no near miss scores 0.9, and a fit at the edge of the tolerance 0.6):
# how close the fit is (0 at the tolerance's edge, 1 exact), whether another session came within
# twice the tolerance (a near miss halves it: a slightly different rounding would have picked it),
# and the share of the window's sessions with known prices (an unpriced day might have fitted).
BASE_CONFIDENCE = 0.6
CLOSENESS_WEIGHT = 0.3
NEAR_MISS_FACTOR = 0.5


@dataclass(frozen=True)
class Candidate:
    date: dt.date
    actual_pct: float


@dataclass(frozen=True)
class MarketDating:
    """The result of dating one claimed move: a date when exactly one session fits."""

    listing: str
    claimed_pct: float
    window_start: dt.date
    window_end: dt.date
    date: dt.date | None
    confidence: float
    evidence: str
    fits: tuple[Candidate, ...] = ()
    near_misses: tuple[Candidate, ...] = ()
    sessions_without_prices: int = 0


def date_by_market(
    series: PriceSeries,
    calendar: SessionCalendar,
    claimed_pct: float,
    window_start: dt.date,
    window_end: dt.date,
    *,
    approximate: bool = False,
    decimals: int | None = None,
    weekday: int | None = None,
) -> MarketDating:
    """Find the one session in [window_start, window_end] whose close-to-close change fits.

    `weekday` (0 = Monday) keeps only sessions on that weekday, for a story that says "on Monday"
    without a date.
    """
    tolerance = change_tolerance(claimed_pct, decimals=decimals, approximate=approximate)
    try:
        sessions = calendar.sessions_between(
            max(window_start, calendar.first), min(window_end, calendar.last)
        )
    except CalendarError:
        sessions = ()
    if weekday is not None:
        sessions = tuple(day for day in sessions if day.weekday() == weekday)
    fits: list[Candidate] = []
    near: list[Candidate] = []
    unknown = 0
    for day in sessions:
        pct = session_change(series, calendar, day).pct
        if pct is None:
            unknown += 1
            continue
        if pct * claimed_pct < 0:
            continue
        distance = abs(pct - claimed_pct)
        if distance <= tolerance.pp:
            fits.append(Candidate(day, pct))
        elif distance <= 2 * tolerance.pp:
            near.append(Candidate(day, pct))

    def result(date: dt.date | None, confidence: float, evidence: str) -> MarketDating:
        return MarketDating(
            listing=series.ticker,
            claimed_pct=claimed_pct,
            window_start=window_start,
            window_end=window_end,
            date=date,
            confidence=confidence,
            evidence=evidence,
            fits=tuple(fits),
            near_misses=tuple(near),
            sessions_without_prices=unknown,
        )

    scope = f"{len(sessions)} sessions of {calendar.mic} from {window_start} to {window_end}" + (
        f" ({unknown} without prices)" if unknown else ""
    )
    if not sessions or unknown == len(sessions):
        return result(None, 0.0, f"no prices for {series.ticker} in {scope}")
    if not fits:
        return result(
            None, 0.0, f"no session moved {claimed_pct:+g}% (±{tolerance.pp:.2f} pp) in {scope}"
        )
    if len(fits) > 1:
        days = ", ".join(f"{c.date} ({c.actual_pct:+.2f}%)" for c in fits)
        return result(None, 0.0, f"{len(fits)} sessions fit {claimed_pct:+g}%: {days}")
    only = fits[0]
    closeness = 1.0 - abs(only.actual_pct - claimed_pct) / tolerance.pp
    confidence = BASE_CONFIDENCE + CLOSENESS_WEIGHT * closeness
    if near:
        confidence *= NEAR_MISS_FACTOR
    confidence *= (len(sessions) - unknown) / len(sessions)
    evidence = (
        f"{series.ticker} closed {only.actual_pct:+.2f}% on {only.date}, the only session of "
        f"{scope} within ±{tolerance.pp:.2f} pp of {claimed_pct:+g}%"
    )
    if near:
        evidence += "; near misses: " + ", ".join(f"{c.date} ({c.actual_pct:+.2f}%)" for c in near)
    return result(only.date, round(confidence, 3), evidence)


def date_claim_by_market(
    listing: str,
    claimed_pct: float,
    prices: PriceProvider,
    window_start: dt.date,
    window_end: dt.date,
    *,
    approximate: bool = False,
    weekday: int | None = None,
    calendars: TradingCalendars | None = None,
    reference: ReferenceData | None = None,
) -> MarketDating | str:
    """`date_by_market` for a listing by ticker: its prices and its exchange's calendar.

    Returns a reason string when the listing has no prices or no known exchange.
    """
    calendars = calendars or trading_calendars()
    try:
        calendar = calendars.for_ticker(listing, reference)
    except CalendarError as exc:
        return exc.reason
    series = prices.series(listing)
    if series is None:
        return f"no prices loaded for {listing}"
    return date_by_market(
        series,
        calendar,
        claimed_pct,
        window_start,
        window_end,
        approximate=approximate,
        weekday=weekday,
    )
