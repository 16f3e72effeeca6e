"""Words of market news: move verbs and nouns, share and metric nouns, periods, venues.

Patterns are compiled once at import (immutable) and shared by the extractors.
"""

from __future__ import annotations

from collections.abc import Mapping

import regex

from tickerwire.extract.prefiltered import Prefiltered, prefiltered
from tickerwire.extract.tokens import PhraseTable, forms


def _words(text: str) -> list[str]:
    return text.split()


def _alt(words: list[str]) -> str:
    return "|".join(
        regex.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


# Verbs of movement. Past, present, participle and gerund forms are listed because news uses all
# of them ("rose", "rising", "has risen", "were up"); "to" after a verb makes the number a level.
UP_VERBS = _words(
    """
    rose rise rises risen rising gained gain gains gaining climbed climb climbs climbing
    jumped jump jumps jumping surged surge surges surging soared soar soars soaring rallied
    rally rallies rallying advanced advance advances advancing added add adds adding increased
    increase increases increasing grew grow grows grown growing spiked spike spiking popped pop
    leapt leaped leap leaping rebounded rebound rebounding firmed firming skyrocketed skyrocketing
    rocketed rocketing catapulted catapulting improved improving expanded expanding climbed
    accelerated accelerating zoomed zooming ticked\\s+up edged\\s+up edging\\s+up moved\\s+up
    shot\\s+up extended\\s+gains extending\\s+gains appreciated appreciating bounced bounces
    bouncing bounced\\s+back bouncing\\s+back recovered recovering
    """
)
DOWN_VERBS = _words(
    """
    fell fall falls fallen falling dropped drop drops dropping declined decline declines
    declining slid slide slides sliding slumped slump slumps slumping tumbled tumble tumbles
    tumbling sank sink sinks sinking sunk plunged plunge plunges plunging plummeted plummet
    plummeting lost lose loses losing shed sheds shedding dipped dip dips dipping eased ease
    eases easing retreated retreat retreating slipped slip slips slipping decreased decrease
    decreases decreasing shrank shrink shrinks shrinking contracted contracting crashed crashing
    tanked tanking weakened sagged sagging skidded skidding cratered slashed ticked\\s+down
    edged\\s+down edging\\s+down gave\\s+back giving\\s+back pared paring depreciated
    depreciating
    """
)
UP_NOUNS = _words(
    """
    gain gains rise rises jump jumps surge surges rally rallies increase increases growth
    advance advances climb spike boost uptick pop rebound upside jump increment improvement
    expansion bounce
    """
)
DOWN_NOUNS = _words(
    """
    decline declines drop drops fall falls slump slumps plunge plunges slide slides decrease
    decreases dip dips loss losses contraction retreat selloff sell-off tumble downturn
    """
)
_VERB_FORMS = {w.replace("\\s+", " "): "up" for w in UP_VERBS} | {
    w.replace("\\s+", " "): "down" for w in DOWN_VERBS
}
_NOUN_FORMS = {w: "up" for w in UP_NOUNS} | {w: "down" for w in DOWN_NOUNS}


def verb_direction(word: str) -> str | None:
    """'up' / 'down' for a move verb (any form), else None."""
    return _VERB_FORMS.get(" ".join(word.lower().split()))


def noun_direction(word: str) -> str | None:
    """'up' / 'down' for a move noun ("surge", "decline"), else None."""
    return _NOUN_FORMS.get(word.lower())


MOVE_VERB_ALT = _alt(UP_VERBS + DOWN_VERBS)
MOVE_NOUN_ALT = _alt(UP_NOUNS + DOWN_NOUNS)
# "3% higher", "closed 2% lower"
HIGHER_LOWER = regex.compile(r"\s+(?:higher|lower)\b", regex.IGNORECASE)

# Nouns that make a sentence about a listing's price.
SHARE_WORDS = [
    *_words("share shares stock stocks adr adrs adss equity scrip"),
    "share price",
    "share prices",
    "stock price",
    "stock prices",
    "american depositary receipts",
    "american depositary receipt",
    "american depositary shares",
    "depositary receipts",
    "depositary shares",
]
# Nouns of figures that are not prices: a number after them is about the figure, and a later
# number in the sentence must not borrow an earlier subject across them.
BLOCKER_WORDS = [
    *_words(
        """
    user users subscriber subscribers customer customers impressions shipment shipments
    deliveries payroll payrolls job jobs employees headcount workforce yield yields rate rates
    inflation prices volume volumes order orders bookings traffic visits downloads production
    output export exports import imports gdp unemployment spending cost costs expenses tariff
    tariffs taxes tax wage wages demand supply sentiment oil crude gold bitcoin dollar yen euro
    yuan currency bond bonds treasury treasuries ownership stake holding holdings weighting
    weight probability odds chance valuation multiple premium discount upside downside return
    returns payout target backlog transactions esp surprise index ratio
    market markets sector sectors benchmark indexes indices peers rivals industry economy group
    """
    ),
    "share count",
    "shares outstanding",
    "outstanding shares",
    "share issuance",
    "share sale",
    "share offering",
    "index futures",
    "margin of error",
    "market share",
    "dividend yield",
    "tax rate",
    "price target",
]
# Nouns a text uses for a company it has named ("the industrial conglomerate", "the
# chipmaker"): a definite description of one of them stands for that company. Generic nouns that
# also name sectors or groups of companies ("group", "business", "platform") are left out.
COMPANY_NOUN_ALT = _alt(
    _words(
        """
    company firm conglomerate maker chipmaker drugmaker carmaker automaker retailer lender bank
    insurer giant manufacturer producer miner airline stalwart heavyweight
    """
    )
)
SUBJECT_TABLE = PhraseTable(
    forms(BLOCKER_WORDS, label="blocker") | forms(SHARE_WORDS, label="share")
)
# Verbs of movement and the adverbs of a level ("were up 2%", "trading down", "S&P off 0.7%").
VERB_TABLE = PhraseTable(
    {w.replace("\\s+", " "): "verb:up" for w in UP_VERBS}
    | {w.replace("\\s+", " "): "verb:down" for w in DOWN_VERBS}
    | {"up": "updown:up", "down": "updown:down", "off": "updown:down"}
    # "Apple is lower by about 1.5%": the comparative before its number
    | {"higher by": "updown:up", "lower by": "updown:down"}
)
# Words after a number that make it a forecast, a target or hypothetical, not a move.
FORECAST_BEFORE = prefiltered(
    regex.compile(
        r"\b(?:could|would|might|may|will|should|targets?|poised|set|likely|seen|if|potential|"
        r"implies|implying|implied|translates?|translating)\b"
        r"(?:\s+\w+){0,3}\s*$",
        regex.IGNORECASE,
    )
)
RELATIVE_CLOSE = regex.compile(
    r"[^.;]{0,40}?\bfrom\s+(?:its|the|their)\s+(?:close|closing\s+price|level)\s+in\b",
    regex.IGNORECASE,
)

# "the prior quarter's earnings-related move of 3.2%", "last quarter's post-earnings move":
# how options-tool reports give the stock's move after the previous results (the expected move
# they set beside it, "a +/- 5% move priced in", is no move).
PAST_EARNINGS_MOVE = (
    r"(?:previous|prior|last)\s+(?:quarter|report)['’]s\s+(?:earnings[\s-]related|"
    r"post[\s-]earnings|earnings[\s-]day)\s+(?:stock\s+|price\s+|share\s+)?move"
)
# The members an index ranks by their move in a session: "the top gainers on the Dow", "the
# worst performer in the S&P 500".
RANKED_MEMBERS = r"gainers?|losers?|decliners?|advancers?|laggards?|performers?"
# Words that tell a session under way when the move was read: "in early trading", "so far
# today", "thus far on the day", "in midday trade", "in afternoon trading". A move told with them
# is intraday (the change so far, not the close).
UNDER_WAY = (
    r"(?:in|during)\s+(?:early|midday|mid-day|morning|late[\s-]morning|early[\s-]afternoon|"
    r"afternoon|late[\s-]afternoon)\s+(?:trad(?:e|ing)|dealings?)"
    r"|(?:so|thus)\s+far\s+(?:today|on\s+the\s+day|(?:in\s+)?(?:this|the|today's)\s+session)"
    r"|(?:at|by|around|near)\s+midday"
)
# Periods of a price move, matched in the words around the number.
# Each is tried on the words around every move, and most windows name no period: the
# prefilter skips a pattern whose words the window lacks.
PERIOD_PATTERNS: tuple[tuple[str, Prefiltered[regex.Match[str]]], ...] = tuple(
    (name, prefiltered(regex.compile(pattern, regex.IGNORECASE)))
    for name, pattern in (
        (
            "premarket",
            r"\b(?:pre-?market|pre-?open|before\s+the\s+(?:opening\s+)?bell|"
            r"ahead\s+of\s+(?:the|today's|Monday's|Tuesday's|Wednesday's|Thursday's|"
            r"Friday's)\s+(?:open|opening)|premarket)\b",
        ),
        (
            "after_hours",
            r"\b(?:after[\s-]hours?|after\s+the\s+(?:closing\s+)?bell|"
            r"after\s+the\s+close|extended[\s-]trad(?:e|ing)|post[\s-]?market|"
            r"late\s+trading|after-market)\b",
        ),
        (
            "year_to_date",
            r"\b(?:year[\s-]to[\s-]date|YTD|so\s+far\s+(?:this|in\s+\d{4}|in\s+the)"
            r"\s*(?:year)?|since\s+the\s+(?:start|beginning)\s+of\s+(?:the\s+)?"
            r"(?:year|\d{4})|this\s+year|in\s+(?:20\d\d)\s+(?:so\s+far)|(?:early|so\s+far)\s+"
            r"(?:in|this)\s+(?:the\s+)?year)\b",
        ),
        (
            "year_over_year",
            r"\b(?:(?:over|in)\s+the\s+(?:past|last)\s+(?:year|12\s+months|"
            r"twelve\s+months)|in\s+(?:the\s+)?(?:past|last)\s+(?:year|12\s+months)"
            r"|in\s+one\s+year|over\s+one\s+year|over\s+a\s+year|"
            r"year[\s-]over[\s-]year|past\s+52\s+weeks|(?:12|twelve)[\s-]months?\s+"
            r"(?:increase|gain|rise|decline|drop|return)|trailing\s+(?:12|"
            r"twelve)[\s-]months?)\b",
        ),
        (
            "week",
            r"\b(?:this\s+week|last\s+week|on\s+the\s+week|for\s+the\s+week|weekly|"
            r"past\s+week|over\s+the\s+week|in\s+the\s+week|week[\s-]to[\s-]date|"
            r"past\s+(?:five|5)\s+(?:trading\s+)?(?:sessions|days))\b",
        ),
        (
            "month",
            r"\b(?:in\s+the\s+month\s+of|this\s+month|last\s+month|past\s+month|monthly|for\s+the\s+month|"
            r"month[\s-]to[\s-]date|in\s+(?:January|February|March|April|May|June|July|"
            r"August|September|October|November|December)\b(?!\s+\d))",
        ),
        (
            "intraday",
            r"\b(?:as\s+much\s+as|at\s+one\s+point|intraday|intra-day|earlier\s+in\s+"
            r"the\s+(?:day|session)|" + UNDER_WAY + r")\b",
        ),
        (
            "session",
            r"\b(?:on\s+the\s+day|in\s+(?:just\s+)?(?:one|a\s+single)\s+(?:trading\s+)?"
            r"(?:session|day)|single[\s-]day|one[\s-]day|in\s+(?:Monday|Tuesday|Wednesday"
            r"|Thursday|Friday)'s\s+session|at\s+the\s+close|closed|to\s+close)\b",
        ),
        (
            "other",
            # "last year" is the previous calendar year; "over the last year" is 12 months
            # "overnight": from one close to the next morning, across sessions (currencies and
            # futures trade through the night), so no one session of a day
            r"\b(?:(?<!\bthe\s+)last\s+year|in\s+the\s+(?:previous|prior)\s+year|"
            r"overnight(?!\s+(?:trad|session|deals?))|"
            r"over\s+the\s+(?:past|last)\s+(?:two|three|four|several|few|(?!12\b)\d+)\s+"
            r"(?:days?|sessions|months|years|weeks)|in\s+the\s+(?:past|last)\s+(?:two|three"
            r"|four|several|few|(?!12\b)\d+)\s+(?:days|sessions|months|years|weeks)|"
            r"over\s+(?:two|three|four|five|\d+)\s+(?:years|months|days|sessions)|"
            # the move after an earlier results report ("the previous quarter's
            # earnings-related move of -0.52%"): a past move of no named day
            + PAST_EARNINGS_MOVE
            + r")\b",
        ),
    )
)
# Words that tell a session as closed: "closed 1.5% lower", "to close at", "ended down",
# "finished the day", "settled", "at the close" (not "after the close": that is after-hours
# trading). Read over the whole sentence, not only the move's words: a close told anywhere in
# it makes the sentence a report of a closed session, and reading more only ever withholds a
# day. "ended the week/month/quarter/year" times a longer span (those moves are not of one
# session and never reach this check).
TOLD_CLOSED = regex.compile(
    r"\b(?:clos(?:ed|es|ing)|end(?:ed|ing)|finish(?:ed|es|ing)|settl(?:ed|es|ing)"
    r"|to\s+(?:close|end|finish|settle)|(?:at|by)\s+the\s+(?:close|closing\s+bell))\b",
    regex.IGNORECASE,
)
SAME_PERIOD = regex.compile(r"\b(?:in|over)\s+the\s+same\s+(?:period|span|stretch)\b", regex.I)

# "biggest single-day gain in over two years", "the highest level since October 2021"
MOVE_CONTEXT = prefiltered(
    regex.compile(
        r"\b(?:(?:the|its|their|a)\s+)?(?:biggest|largest|best|worst|steepest|sharpest|highest|"
        r"lowest|strongest|weakest|first|record)\b[^,.;()]{0,60}?"
        r"(?:\bsince\s+[^,.;()]{2,40}|\bin\s+(?:over\s+|more\s+than\s+|nearly\s+|almost\s+|about\s+)?"
        r"(?:\w+\s+){0,2}(?:years?|months?|weeks?|decades?|sessions))"
        r"|\b(?:a\s+)?(?:record|all-time|(?:\d+|three|two|five|ten)[\s-](?:year|month|week))\s+high\b",
        regex.IGNORECASE,
    )
)

# Venue words that select one listing of a company, and the key `ReferenceData.listing_for`
# understands for them.
VENUE = prefiltered(
    regex.compile(
        r"\b(?P<hk>Hong\s+Kong(?:[\s-]listed)?|HK[\s-]listed)\b"
        r"|(?P<us>\bU\.?S\.?(?:[\s-]listed|[\s-]traded)?(?=\W)|\bAmerican\b|\bNew\s+York(?:[\s-]listed)?\b"
        r"|\bNYSE\b|\bNasdaq[\s-]listed\b|\bADRs?\b|\bADSs?\b|\bdepositary\b|\bWall\s+Street\b)"
        r"|(?P<jp>\bTokyo\b)|(?P<cn>\bShanghai\b|\bShenzhen\b|\bA-shares?\b)|(?P<gb>\bLondon\b)",
        regex.IGNORECASE,
    )
)
VENUE_KEYS: Mapping[str, str] = {
    "hk": "hong kong",
    "us": "u.s.",
    "jp": "tokyo",
    "cn": "shanghai",
    "gb": "london",
}
