"""Regular-session moves dated from the publication date, checked against the publication time.

A move told without a day is dated to the listing's last trading day on or before the
publication date (`article_frame.publication_day`). When the input states the moment of publication,
that day is checked in the exchange's zone and hours (`market_hours.checked_session_day`): a
report stamped before that day's open cannot tell that day's session, and a report stamped in
New York's evening can tell a Tokyo session under way on the next calendar day.

This runs after the article's frame has given its period to the moves told without one (a
pre-market report's "Merck climbed 2%" is pre-market, and keeps the day of that pre-market).

A move told as under way ("Shares are up 8.5%"), without period words, in a report stamped
after the close of the day it is dated to, is a quote of that evening's after-hours trading on
an exchange that has it: the regular session was over when the writer looked.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import regex

from tickerwire.extract.dedupe import Found
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.lexicon import TOLD_CLOSED
from tickerwire.extract.market_hours import after_close_day, checked_session_day, knows_hours

_SESSION_PERIODS = frozenset({"session", "intraday"})
_MOVES = frozenset({"price_move", "index_move"})
_DAY_KINDS = frozenset({"day", "weekday", "relative"})
# New York's exchanges trade after the close (to 20:00); elsewhere evening trading is thin or
# absent, and a move told in the evening is the session's.
_AFTER_HOURS_EXCHANGES = frozenset({"XNYS", "XNAS"})
# "Shares are up 8.5%", "are trading up a solid 4.9%", "is currently 3% higher": a move told as
# under way, in the words right before its number.
_UNDER_WAY_BEFORE = regex.compile(
    r"\b(?:is|are)\s+(?:(?:now|currently|still)\s+)?(?:trading\s+)?"
    r"(?:(?:up|down)\b[^.;:,%\d]{0,20})?$",
    regex.IGNORECASE,
)


def check_session_days(ctx: DocumentContext, found: list[Found]) -> list[Found]:
    """`found` with the days of its session and intraday moves dated from the publication
    date alone checked against the publication time (when the input states it)."""
    if ctx.published_at is None:
        return found
    result = []
    for item in found:
        event = item.event
        period = event.attributes.get("period")
        ticker = event.attributes.get("listing") or event.attributes.get("index")
        if (
            event.type not in _MOVES
            or period not in _SESSION_PERIODS
            or event.date is None
            or event.date_text is not None
            or item.explicit_date
            or not isinstance(ticker, str)
        ):
            result.append(item)
            continue
        mic = ctx.exchange_of(ticker)
        if not knows_hours(mic):
            result.append(item)
            continue
        start, end = event.evidence.start, event.evidence.end
        if _after_hours_quote(ctx, item, mic, ctx.published_at):
            attributes = dict(event.attributes, period="after_hours")
            result.append(replace(item, event=event.model_copy(update={"attributes": attributes})))
            continue
        day = checked_session_day(
            event.date,
            ctx.published_at,
            mic,
            told_closed=TOLD_CLOSED.search(ctx.text, start, end) is not None,
            names_day=any(d.kind in _DAY_KINDS for d in ctx.dates_in(start, end)),
        )
        if day != event.date:
            item = replace(item, event=event.model_copy(update={"date": day}))
        result.append(item)
    return result


def _after_hours_quote(
    ctx: DocumentContext, item: Found, mic: str | None, published_at: dt.datetime
) -> bool:
    """Whether a session move dated from the publication is told as under way without period
    words (_UNDER_WAY_BEFORE) in a report stamped (`published_at`) after that day's close, on
    an exchange that trades after it: an after-hours quote."""
    event = item.event
    if (
        event.type != "price_move"
        or not item.period_defaulted  # (a defaulted period here is always "session")
        or mic not in _AFTER_HOURS_EXCHANGES
    ):
        return False
    sentence_start = event.evidence.start
    if not _UNDER_WAY_BEFORE.search(ctx.text, max(sentence_start, item.anchor - 50), item.anchor):
        return False
    return after_close_day(published_at, mic) == event.date
