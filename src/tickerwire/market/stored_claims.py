"""Checking the moves of stored articles, and dating undated articles by the market.

Pure functions of events (as the store hands them back) and a `PriceProvider`; the CLI reads and
writes the database around them.

Dating an undated article: its largest session move of a listing with loaded prices is matched
to the sessions whose close-to-close change fits (`date_by_market`). The window is the last
`DATING_WINDOW_DAYS` of that listing's loaded prices: a corpus is checked against prices loaded
for its period, and a longer window lets moderate moves fit several days (then the article stays
undated, which is safe but useless). "On Friday" in the move's own words keeps only Fridays.

An undated session claim of an article that has a date (published, or inferred) is checked against
the latest session of the claim's exchange on or before that date, or the one before it when that
one fits: a page dated by a Hong Kong Monday that also reports the New York move reports the last
New York close before it, and a story written before the open reports the previous close.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from tickerwire.errors import CalendarError
from tickerwire.market.calendars import TradingCalendars
from tickerwire.market.claims import IndexClaim, PriceClaim
from tickerwire.market.index_checks import check_index_claim
from tickerwire.market.market_dating import MarketDating, date_claim_by_market
from tickerwire.market.provider import PriceProvider
from tickerwire.market.verification import PriceCheck, check_claim_as_of, check_price_claim
from tickerwire.records import Event

# Two years of sessions: long enough to hold a corpus of a season's news, short enough that a
# move of 15% or more (the kind a headline dates itself by) fits one session of a large-cap
# listing (9988.HK had two sessions above +15% in 2024-2025).
DATING_WINDOW_DAYS = 730
# Moves smaller than this fit too many sessions to date anything (a 2% day happens weekly).
MIN_DATING_MOVE_PCT = 5.0
# An undated session move in a dated text is the move of the latest session on or before the date
# or of the one before it (a story written before the open reports the previous close); more
# sessions would let a wrong figure fit some day by chance.
ASSUMED_SESSIONS = 2
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday")
_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b", re.IGNORECASE)


@dataclass(frozen=True)
class ArticleEvents:
    """One stored article's events, with its date as stored (None when undated)."""

    article_id: str
    published: dt.date | None
    events: Sequence[Event]


@dataclass(frozen=True)
class ClaimCheck:
    """The check of one event of one article."""

    article_id: str
    position: int
    check: PriceCheck


def _weekday(event: Event) -> int | None:
    match = _WEEKDAY_WORD.search(event.date_text or "")
    return None if match is None else _WEEKDAYS.index(match.group(1).lower())


def latest_mentioned_date(events: Sequence[Event]) -> dt.date | None:
    """The latest past day an article's events name (their dates, 'since' dates), or None.

    Scheduled days are left out: they lie ahead of the text and bound nothing from below.
    """
    days = [e.date for e in events if e.date is not None]
    for event in events:
        since = event.attributes.get("since")
        if isinstance(since, str):
            try:
                days.append(dt.date.fromisoformat(since[:10]))
            except ValueError:
                continue
        elif isinstance(since, dt.date):
            days.append(since)
    return max(days, default=None)


def date_article_by_market(
    article: ArticleEvents,
    prices: PriceProvider,
    calendars: TradingCalendars,
) -> tuple[int, MarketDating] | None:
    """Date an undated article by its largest session move; None when it has no move to try."""
    candidates = []
    for position, event in enumerate(article.events):
        claim = PriceClaim.from_event(article.article_id, event)
        if claim is None or claim.period != "session" or claim.date is not None:
            continue
        if abs(claim.change_pct) < MIN_DATING_MOVE_PCT or prices.series(claim.listing) is None:
            continue
        candidates.append((abs(claim.change_pct), position, claim))
    if not candidates:
        return None
    _, position, claim = max(candidates, key=lambda c: (c[0], -c[1]))
    series = prices.series(claim.listing)
    assert series is not None and series.last is not None
    end = series.last
    start = end - dt.timedelta(days=DATING_WINDOW_DAYS)
    mentioned = latest_mentioned_date(article.events)
    if mentioned is not None and mentioned > start:
        # A story that looks back at a day cannot be older than that day.
        start = mentioned
    found = date_claim_by_market(
        claim.listing,
        claim.change_pct,
        prices,
        start,
        end,
        approximate=claim.approximate,
        weekday=_weekday(article.events[position]),
        calendars=calendars,
    )
    if isinstance(found, str):
        return None
    return position, found


def _assumed_sessions(
    listing: str, day: dt.date, calendars: TradingCalendars
) -> tuple[tuple[dt.date, ...], str]:
    """The sessions an undated move in a text of `day` may be: the latest on or before it, then
    the one before (a morning story reports the previous close). Empty when unknown."""
    try:
        calendar = calendars.for_ticker(listing)
        latest = day if calendar.is_session(day) else calendar.session_before(day)
        sessions = (latest, calendar.session_before(latest))
    except CalendarError:
        return (), ""
    return sessions[:ASSUMED_SESSIONS], calendar.mic


def _first_fitting(
    checks: Sequence[tuple[dt.date, PriceCheck]], mic: str, day: dt.date
) -> PriceCheck:
    """The first consistent check (latest session first), else the latest session's verdict."""
    for age, (session, check) in enumerate(checks):
        if check.record.verdict == "consistent":
            which = "latest" if age == 0 else "previous"
            return _with_note(
                check, f"date assumed: {session}, the {which} {mic} session on or before {day}"
            )
    session, check = checks[0]
    return _with_note(
        check, f"date assumed: {session}, the latest {mic} session on or before {day}"
    )


def _with_note(check: PriceCheck, note: str) -> PriceCheck:
    record = check.record.model_copy(update={"why": f"{note}; {check.record.why}"})
    return replace(check, record=record)


def check_event(
    article: ArticleEvents,
    position: int,
    prices: PriceProvider,
    calendars: TradingCalendars,
) -> PriceCheck | None:
    """Check one price or index move of an article (None for other events)."""
    event = article.events[position]
    published = article.published
    price = PriceClaim.from_event(article.article_id, event)
    if price is not None:
        if price.date is None and published is not None and price.period == "session":
            sessions, mic = _assumed_sessions(price.listing, published, calendars)
            if sessions:
                checks = [
                    (day, check_price_claim(replace(price, date=day), prices, calendars=calendars))
                    for day in sessions
                ]
                return _first_fitting(checks, mic, published)
        if price.date is None and published is not None:
            return check_claim_as_of(price, prices, published, calendars=calendars)
        return check_price_claim(price, prices, calendars=calendars)
    index = IndexClaim.from_event(article.article_id, event)
    if index is None:
        return None
    if index.date is None and published is not None and index.period == "session":
        sessions, mic = _assumed_sessions(index.index, published, calendars)
        if sessions:
            checks = [
                (day, check_index_claim(replace(index, date=day), prices, calendars=calendars))
                for day in sessions
            ]
            return _first_fitting(checks, mic, published)
    return check_index_claim(index, prices, calendars=calendars)


def check_articles(
    articles: Sequence[ArticleEvents],
    prices: PriceProvider,
    calendars: TradingCalendars,
    ticker: str | None = None,
) -> list[ClaimCheck]:
    """Check every price and index move of these articles (of `ticker` only, when given)."""
    checks = []
    for article in articles:
        for position in range(len(article.events)):
            check = check_event(article, position, prices, calendars)
            if check is None:
                continue
            if ticker and check.record.listing.upper() != ticker.upper():
                continue
            checks.append(ClaimCheck(article.article_id, position, check))
    return checks
