"""An article's frame: the session its opening sets it in, and the day read from its publication.

A move told without a day belongs to the publication's session when the text gives no other
("Shares rose 3%" in a report of that day); a pre-market or after-hours move to the session the
publication's time of day falls in; and a report that opens "In pre-market trading" or on Wall
Street's futures before the open sets its unmarked moves in that pre-market.
"""

from __future__ import annotations

import datetime as dt

import regex

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.lexicon import PERIOD_PATTERNS
from tickerwire.extract.market_hours import (
    EXTENDED_HOURS_PERIODS,
    before_open,
    extended_hours_day,
    knows_hours,
)
from tickerwire.extract.release_words import MARKET_HOURS, move_period_match
from tickerwire.extract.trading_days import last_session_on_or_before
from tickerwire.records import Event

# Periods whose day can be inferred from the publication date when the text names none.
# After-hours moves are left out: articles about them are often published the next morning, so
# only the publication's time of day dates them (`market_hours`).
INFERABLE_PERIODS = frozenset({"session", "intraday", "premarket"})
# An article states its frame in its opening: the headline and the first sentences.
_FRAME_SENTENCES = 4
# A report whose lead tells Wall Street's index futures or where it is set to open ("U.S. stock
# index futures rose on Thursday", "Wall Street looked set for a weaker open"),
# stamped on a trading day before New York's opening bell, is a report of that pre-market.
# Both are needed: a lead about futures is written at any hour, and an early stamp alone does
# not say the moves are the morning's. Two sentences: the lead and the one that completes it.
_OPENING_SENTENCES = 2
_FUTURES_OPENING = regex.compile(
    r"\b(?:(?:stock|equity|index)\s+futures|e-minis?)\b"
    r"|\b(?:S&P\s*500|Dow|Nasdaq(?:\s+100)?|Wall\s+Street)\s+(?:[\w-]+\s+){0,2}?futures\b"
    r"|\b(?:set|poised|headed|on\s+track)\s+(?:to|for)\s+(?:an?\s+)?(?:\w+\s+)?open\b"
    r"|\b(?:higher|lower|firmer|weaker|flat)\s+open\b",
    regex.IGNORECASE,
)
_US_MARKET = regex.compile(r"\b(?:U\.?S\.?|Wall\s+Street|S&P\s*500|Dow|Nasdaq)\b", regex.I)
_NEW_YORK = "XNYS"


def publication_day(ctx: DocumentContext, period: str, mic: str | None) -> dt.date | None:
    """The trading day of exchange `mic` that a `period` move told without a day belongs to,
    read from the publication: its time of day for pre-market and after-hours moves when the
    input states one and the exchange's hours are known, else its date for the periods of
    INFERABLE_PERIODS; None when neither says."""
    if reads_clock(ctx, period, mic):
        assert ctx.published_at is not None  # for mypy: reads_clock checked it
        return extended_hours_day(period, ctx.published_at, mic)
    if period in INFERABLE_PERIODS and ctx.published is not None:
        return last_session_on_or_before(mic, ctx.published)
    return None


def reads_clock(ctx: DocumentContext, period: str, mic: str | None) -> bool:
    """Whether a `period` move is dated by the publication's time of day (see publication_day)."""
    return period in EXTENDED_HOURS_PERIODS and ctx.published_at is not None and knows_hours(mic)


def frame_day(ctx: DocumentContext, event: Event, period: str) -> dt.date | None:
    """The day of a price move told without period or day words once the article's frame
    gives it `period` (its day read from publication again, for that period)."""
    listing = event.attributes.get("listing")
    mic = ctx.exchange_of(listing) if isinstance(listing, str) else None
    return publication_day(ctx, period, mic)


def article_frame(ctx: DocumentContext) -> str | None:
    """The trading period an article's opening sentences set it in ("Ahead of today's open,
    ...", "In pre-market trading, ..."): premarket or after_hours, when exactly one is named
    there for trading (words that time a scheduled release do not count); premarket for a
    report that opens on Wall Street's futures before the open (`_opens_on_us_futures`)."""
    found: set[str] = set()
    for sentence in ctx.sentences[:_FRAME_SENTENCES]:
        for name, pattern in PERIOD_PATTERNS:
            if name in MARKET_HOURS and move_period_match(
                name, pattern, sentence.text, ctx.text, sentence.start
            ):
                found.add(name)
    if not found and _opens_on_us_futures(ctx):
        return "premarket"
    return found.pop() if len(found) == 1 else None


def _opens_on_us_futures(ctx: DocumentContext) -> bool:
    """Whether the article opens on Wall Street's futures or its coming open and was stamped
    before New York's open on a trading day (see _FUTURES_OPENING)."""
    if ctx.published_at is None or not before_open(ctx.published_at, _NEW_YORK):
        return False
    return any(
        _FUTURES_OPENING.search(sentence.text) and _US_MARKET.search(sentence.text)
        for sentence in ctx.sentences[:_OPENING_SENTENCES]
    )
