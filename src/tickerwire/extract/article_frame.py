"""An article's frame: the session its opening sets it in, and the day read from its publication.

A move told without a day belongs to the publication's session when the text gives no other
("Shares rose 3%" in a report of that day); a pre-market or after-hours move to the session the
publication's time of day falls in; and a report that opens "In pre-market trading" or on Wall
Street's futures before the open sets its unmarked moves in that pre-market. A paragraph or a
report that opens on a session under way ("In early trading on Wednesday, ...") sets its session
moves in it: they are intraday (`under_way_frame`).
"""

from __future__ import annotations

import datetime as dt

import regex

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.lexicon import PERIOD_PATTERNS, UNDER_WAY
from tickerwire.extract.market_hours import (
    EXTENDED_HOURS_PERIODS,
    before_open,
    extended_hours_day,
    knows_hours,
    opened_on_stamp_day,
)
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.release_words import MARKET_HOURS, move_period_match
from tickerwire.extract.sentences import Sentence
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
# A paragraph that opens on a session under way ("In early trading on Wednesday, ...", "So far
# today, ...", "At midday, ...") sets the moves it tells without period words in that session:
# they are intraday. The opening phrase may carry its day and ends at a comma; one that names a
# place ("In early trading in Tokyo, ...") is another market's frame and is not read.
_UNDER_WAY_OPENING = regex.compile(
    r"\W*(?:(?:and|but|meanwhile),?\s+)?(?:" + UNDER_WAY + r")"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday)|\s+today)?\s*,",
    regex.IGNORECASE,
)
_UNDER_WAY_WORDS = prefiltered(regex.compile(r"\b(?:" + UNDER_WAY + r")\b", regex.IGNORECASE))
# A paragraph that opens on the session of a named day ("In Thursday's trading session, Wall
# Street's major averages closed higher. ...") tells that session's moves after it.
_DAY_SESSION_OPENING = regex.compile(
    r"\W*(?:In|During)\s+(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri)day|yesterday)['’]s\s+"
    r"(?:trading\s+)?session\s*,",
    regex.IGNORECASE,
)
# A turn to another clause between the words and the move: "Stocks were lower in early trading,
# while Apple rose 2%" (whose session "while" leaves open).
_CLAUSE_TURN = regex.compile(
    r"[;:]|\b(?:while|whereas|but|although|though|unlike|meanwhile|after|before)\b",
    regex.IGNORECASE,
)


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


def under_way_frame(
    ctx: DocumentContext, sentence: Sentence, move_start: int, mic: str | None
) -> tuple[int, int] | None:
    """The span of the words that set a move of `sentence` (its words start at `move_start`)
    in a session under way: such words before it and before every percentage of its sentence,
    with no turn to another clause between ("the worst performer thus far on the day is Cisco,
    trading down 2%"; "in morning trading Intel is off 1%, and AMD is lower by 2%"), else the
    opening of its paragraph or of the article (_UNDER_WAY_OPENING). Such an opening holds
    for a listing of exchange `mic` only if the report was stamped on one of its trading days
    after the open (when the stamp and the hours are known): "In early trading" of New York
    does not set a Hong Kong move written that evening in Hong Kong."""
    text = ctx.text
    opening = _UNDER_WAY_OPENING.match(text, sentence.start, move_start)
    if opening is not None:
        return opening.span()
    own = _UNDER_WAY_WORDS.search(text, sentence.start, move_start)
    if (
        own is not None
        and not _CLAUSE_TURN.search(text, own.end(), move_start)
        and not any(q.kind == "percent" for q in ctx.quantities_in(sentence.start, own.start()))
    ):
        return own.span()
    first = _paragraph_start(ctx, sentence)
    opening = _UNDER_WAY_OPENING.match(text, first.start, first.end)
    if opening is None and first.index > 0:
        # a report that opens on it ("In early trading on Friday, ...") is set in it throughout
        lead = ctx.sentences[0]
        opening = _UNDER_WAY_OPENING.match(text, lead.start, lead.end)
    if opening is None:
        return None
    if ctx.published_at is not None and opened_on_stamp_day(ctx.published_at, mic) is False:
        return None
    return opening.span()


def paragraph_day(ctx: DocumentContext, sentence: Sentence) -> tuple[int, int] | None:
    """The span of the day named by the opening of `sentence`'s paragraph when it opens on
    that day's session (_DAY_SESSION_OPENING), else None."""
    first = _paragraph_start(ctx, sentence)
    opening = _DAY_SESSION_OPENING.match(ctx.text, first.start, first.end)
    return opening.span("day") if opening is not None else None


def _paragraph_start(ctx: DocumentContext, sentence: Sentence) -> Sentence:
    """The first sentence of `sentence`'s paragraph."""
    first = sentence
    while first.index > 0 and ctx.sentences[first.index - 1].paragraph == sentence.paragraph:
        first = ctx.sentences[first.index - 1]
    return first
