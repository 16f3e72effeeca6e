"""Checking reported index moves: the change and the level against the index's close.

A story that reuses an earlier day's market wrap ("the Hang Seng rose 1.94% to 25,829.91" under a
later day's news) carries figures that are true, but of another day. When the reported level and
change do not fit the claimed day, the closes around it are searched for the day they do fit,
and the `why` names it.
"""

from __future__ import annotations

import datetime as dt

from tickerwire.errors import CalendarError
from tickerwire.market.calendars import SessionCalendar, TradingCalendars, trading_calendars
from tickerwire.market.claims import IndexClaim
from tickerwire.market.provider import PriceProvider
from tickerwire.market.returns import session_change
from tickerwire.market.series import PriceSeries
from tickerwire.market.tolerance import Tolerance, change_tolerance, level_tolerance
from tickerwire.market.verification import SIGN_MARGIN_PP, PriceCheck, check_price_claim
from tickerwire.records import Verification

# How far (in sessions either side) to look for the day a misplaced level belongs to. Index levels
# wander back to the same values over months, so the search stays within about six weeks.
LEVEL_SEARCH_SESSIONS = 30


def _verification(
    claim: IndexClaim, verdict: str, why: str, actual: float | None = None
) -> Verification:
    return Verification(
        article=claim.article,
        listing=claim.index,
        date=claim.date,
        claimed_pct=claim.change_pct,
        actual_pct=actual,
        abnormal_pct=None,
        verdict=verdict,  # type: ignore[arg-type]
        why=why,
    )


def _figures(claim: IndexClaim) -> str:
    level = "" if claim.level is None else f" to {claim.level:,.2f}"
    return f"{claim.change_pct:+.2f}%{level}"


def _fits(
    series: PriceSeries,
    calendar: SessionCalendar,
    day: dt.date,
    claim: IndexClaim,
    tolerance: Tolerance,
) -> tuple[bool, bool]:
    """Whether the change and the level of `day` fit the claim (a level not claimed fits)."""
    pct = session_change(series, calendar, day).pct
    change_fits = (
        pct is not None
        and abs(pct - claim.change_pct) <= tolerance.pp
        and not (pct * claim.change_pct < 0 and abs(pct) > SIGN_MARGIN_PP)
    )
    if claim.level is None:
        return change_fits, True
    bar = series.bar(day)
    level_fits = bar is not None and abs(bar.close - claim.level) <= level_tolerance(claim.level)
    return change_fits, level_fits


def figures_day(
    series: PriceSeries,
    calendar: SessionCalendar,
    claim: IndexClaim,
    around: dt.date,
    tolerance: Tolerance,
) -> tuple[dt.date, bool] | None:
    """The session near `around` whose figures the claim gives, and whether both figures fit.

    A day where level and change both fit wins over one where only the level does; among equals
    the nearest day wins. Without a claimed level, days whose change alone fits are not reported:
    a change of +1.9% fits too many days to name one.
    """
    if claim.level is None:
        return None
    before = calendar.sessions_back(around, LEVEL_SEARCH_SESSIONS + 1)
    try:
        after = calendar.sessions_between(around + dt.timedelta(days=1), calendar.last)
    except CalendarError:
        after = ()
    candidates = [d for d in (*before, *after[:LEVEL_SEARCH_SESSIONS]) if d != around]
    best: tuple[int, int, dt.date] | None = None
    for day in candidates:
        change_fits, level_fits = _fits(series, calendar, day, claim, tolerance)
        if not level_fits:
            continue
        key = (0 if change_fits else 1, abs((day - around).days), day)
        if best is None or key < best:
            best = key
    if best is None:
        return None
    return best[2], best[0] == 0


def check_index_claim(
    claim: IndexClaim,
    prices: PriceProvider,
    *,
    calendars: TradingCalendars | None = None,
) -> PriceCheck:
    """Check a reported index change (and level, when given) against the index's closes."""
    calendars = calendars or trading_calendars()
    if claim.period != "session":
        # "Up 25% since January 13": the level, if any, is today's; the change is multi-day.
        return check_price_claim(claim.as_price_claim(), prices, calendars=calendars)
    if claim.date is None:
        return PriceCheck(
            _verification(claim, "unverifiable", "the claim's trading day is unknown")
        )
    try:
        calendar = calendars.for_ticker(claim.index)
    except CalendarError as exc:
        return PriceCheck(_verification(claim, "unverifiable", exc.reason))
    series = prices.series(claim.index)
    if series is None:
        return PriceCheck(
            _verification(claim, "unverifiable", f"no prices loaded for {claim.index}")
        )
    change = session_change(series, calendar, claim.date)
    if change.pct is None:
        return PriceCheck(_verification(claim, "unverifiable", change.reason or "unknown change"))
    tolerance = change_tolerance(claim.change_pct, approximate=claim.approximate)
    change_fits, level_fits = _fits(series, calendar, claim.date, claim, tolerance)
    bar = series.bar(claim.date)
    assert bar is not None
    actual = f"{claim.index} closed at {bar.close:,.2f}, {change.pct:+.2f}% on {claim.date}"
    if change_fits and level_fits:
        why = f"claimed {_figures(claim)}; {actual}; tolerance ±{tolerance.pp:.2f} pp"
        return PriceCheck(_verification(claim, "consistent", why, change.pct), change, tolerance)
    wrong = [name for name, fits in (("change", change_fits), ("level", level_fits)) if not fits]
    why = f"claimed {_figures(claim)} but {actual} ({' and '.join(wrong)} do not fit)"
    found = figures_day(series, calendar, claim, claim.date, tolerance)
    if found is not None:
        day, both = found
        other_bar = series.bar(day)
        other_change = session_change(series, calendar, day)
        assert other_bar is not None
        figures = f"close {other_bar.close:,.2f}"
        if other_change.pct is not None:
            figures += f", {other_change.pct:+.2f}%"
        if both:
            why += f"; these are the figures of {day} ({figures})"
        else:
            why += f"; the level is the close of {day} ({figures})"
    return PriceCheck(_verification(claim, "inconsistent", why, change.pct), change, tolerance)
