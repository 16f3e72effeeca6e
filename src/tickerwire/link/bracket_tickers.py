"""Bare tickers in brackets after a company's name: "Align Technology (ALGN)", "Norfolk
Southern (NSC)".

Market reports list movers in this form without an exchange prefix. A bracketed capital run is
also how writers introduce abbreviations ("Consumer Price Index (CPI)", "Bureau of Labor Statistics
(BLS)"), so the linker (`TickerMentions.bracket_tickers_found`) takes one only when:

- the symbol is a listing of the reference list and the name before it is a name of that
  listing's company (`name_agrees`); or
- the symbol is not in the list, the article writes tickers of known companies elsewhere (its
  house style), the name before it is a capitalised company name (`company_name_before`), and the
  symbol is no abbreviation of that name (`is_abbreviation`).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from tickerwire.link.gazetteer import strip_legal_suffix
from tickerwire.link.name_words import (
    GENERIC_ORG_WORDS,
    OPENERS,
    PLACES,
    STOP_WORDS,
    word_set,
)
from tickerwire.link.names import clean_org_span
from tickerwire.link.reference import ReferenceEntity
from tickerwire.link.tickers import EXCHANGE_PREFIXES

# "(ALGN)" after a word and one space; a share class may follow a dot ("(BRK.B)").
# The bracket opens the pattern so that the search jumps from bracket to bracket.
_BRACKET_SYMBOL = regex.compile(r"\((?<=[\w.][ ]\()(?P<sym>[A-Z]{1,5}(?:\.[A-Z])?)\)")
# A company's name before its ticker: up to six capitalised words ("Brookfield Asset
# Management"), joined by spaces, "&", "of" or "and"; a word may open with a small letter before
# a capital ("iRobot", "eHealth"). Also read by `ticker_mentions` before other ticker forms.
_NAME_WORD = r"(?:[A-Z0-9][\w&'’\-]*\w|[A-Z]|[a-z][A-Z][\w&'’\-]*)"
CAPITALISED_NAME = rf"{_NAME_WORD}(?:[ ](?:&[ ]|of[ ]|and[ ])?{_NAME_WORD}){{0,5}}"
# The name before the bracket may open with initials ("C.H. Robinson Worldwide"); a legal form
# after a comma may follow ("Hologic, Inc. (HOLX)", the form of Nasdaq's lists).
# Searched backwards ("(?r)") from the bracket: the same longest name as a forward search from
# the window's start (checked on the 724 brackets of the FNSPID sample), a sixth of the cost.
_COMPANY_NAME_BEFORE = regex.compile(
    rf"(?r)(?<![\w.&'’\-])(?P<name>(?:(?:[A-Z]\.){{1,3}}[ ]?)?{CAPITALISED_NAME})\.?"
    r"(?:,[ ](?:Inc|Corp|Co|Ltd|LLC|plc|PLC|Incorporated|Corporation|Company|Limited)\.?)?[ ]$"
)
# Last words of a name that is no company: an index, a rate, a law, a measure ("Cboe Volatility
# Index (VIX)", "Secured Overnight Financing Rate (SOFR)", "Inflation Reduction Act (IRA)").
_NOT_A_COMPANY_END = word_set(
    """
    Index Indices Indexes Average Rate Rates Ratio Yield Yields Act Bill Law Program Programme
    Plan Report Survey Sentiment Confidence Expectations Indicator Indicators Product Products
    Price Prices Income Margin Growth Return Returns Value Ratings Rating Standard Standards
    Principles Agreement Accord Treaty Protocol Initiative Scheme Facility Window Zone Area
    Union Organization Organisation Agency Administration Commission Committee Council Board
    Bureau Office Department Ministry Authority Association Federation Forum Summit Conference
    Meeting Exchange Market Markets System Reserve Treasury Court Congress Parliament Senate
    University Institute School College Foundation Fund Funds ETF ETFs Trust Note Notes Bond
    Bonds Bills Certificate Certificates Securities Contract Contracts Futures Options Swap
    Swaps Coin Token Model Models Vehicle Vehicles Intelligence Learning Network Protocols
    """
)
# Abbreviations that are no tickers however they are written.
_NOT_TICKERS = word_set(
    """
    CEO CFO COO CTO CIO AI EV EVs IPO ETF GDP CPI PPI PCE PMI EPS ROE ROI ROIC FCF EBITDA USD
    EUR GBP JPY CNY RMB HKD US UK EU UN USA OPEC FDA SEC FTC DOJ IRS IMF ECB BOJ PBOC FOMC NAV
    AUM YTD YOY QOQ TTM NTM LTM PE PEG CAGR ESG REIT REITs SPAC OTC ADR ADS ADRs LLC LP PLC NA
    """
)
_FUNCTION_WORDS = frozenset({"of", "and", "&", "for", "the", "de", "on", "in", "to"})
_WORD_PARTS = regex.compile(r"[A-Za-z0-9]+")


def bracket_symbols(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, symbol) of every "(SYMBOL)" right after a word and a space."""
    if " (" not in text:
        return
    for match in _BRACKET_SYMBOL.finditer(text):
        yield match.start(), match.end(), match["sym"]


def capitalised_words_before(text: str, bracket_start: int) -> tuple[int, int] | None:
    """The span of the run of capitalised words right before a bracket at `bracket_start`."""
    match = _COMPANY_NAME_BEFORE.search(text, max(0, bracket_start - 80), bracket_start)
    return match.span("name") if match else None


def company_name_before(text: str, bracket_start: int) -> tuple[int, int] | None:
    """The span of the capitalised company name right before a bracket at `bracket_start`,
    or None when the words there are no company's name (a place, a generic phrase, an index)."""
    match = _COMPANY_NAME_BEFORE.search(text, max(0, bracket_start - 80), bracket_start)
    if match is None:
        return None
    start = match.start("name")
    words = match["name"].split(" ")
    # "Shares of Align Technology": the name starts after the sentence's own words.
    while len(words) > 1 and (words[0] in OPENERS or words[0] in _FUNCTION_WORDS):
        start += len(words.pop(0)) + 1
    span = clean_org_span(text, start, match.end("name"))
    if span is None:
        return None
    words = text[span[0] : span[1]].split(" ")
    if words[-1] in _NOT_A_COMPANY_END or words[0] in OPENERS or words[0] in _FUNCTION_WORDS:
        return None
    significant = [w for w in words if w not in _FUNCTION_WORDS]
    if all(w in GENERIC_ORG_WORDS or w in PLACES or w in STOP_WORDS for w in significant):
        return None
    return span


def name_spelled_as_ticker(text: str, bracket_start: int, symbol: str) -> tuple[int, int] | None:
    """The span of the one capitalised word before the bracket at `bracket_start` when it is
    the symbol itself in a name's case: "Nov (NOV)", "Post (POST)" (Zacks lists write NOV Inc and
    Post Holdings so). The word may be an ordinary one (a month, a noun): the ticker after it
    makes it the name of the ticker's company, which the caller checks is listed."""
    start = bracket_start - 1 - len(symbol)
    if start < 0 or len(symbol) < 2 or text[start : bracket_start - 1] != symbol.capitalize():
        return None
    if start > 0 and (text[start - 1].isalnum() or text[start - 1] in ".&'’-"):
        return None
    return start, bracket_start - 1


def never_a_ticker(symbol: str) -> bool:
    """Whether a bracketed capital run is an abbreviation whatever name it follows ("(AI)")."""
    return symbol in _NOT_TICKERS or symbol in EXCHANGE_PREFIXES or symbol in STOP_WORDS


def is_abbreviation(symbol: str, name: str) -> bool:
    """Whether `symbol` is built from the initials of `name`'s words (or their hyphenated
    parts), in order, starting with the first: "Consumer Price Index" -> "CPI", "Bank of Japan"
    -> "BOJ", "Treasury Inflation-Protected Securities" -> "TIPS". Such a bracket introduces an
    abbreviation; a real ticker that happens to be one is missed, never invented."""
    if never_a_ticker(symbol):
        return True
    initials = [part[0].upper() for part in _WORD_PARTS.findall(name)]
    letters = symbol.replace(".", "")
    # From any word on: "Daily Active Users (DAU)" abbreviates all three words.
    return any(
        _initials_spell(letters, initials[first:])
        for first in range(len(initials))
        if initials[first] == letters[0]
    )


def _initials_spell(letters: str, initials: list[str]) -> bool:
    """Whether `letters` are `initials[0]` and then some of the later initials, in order."""
    position = 1
    for letter in letters[1:]:
        while position < len(initials) and initials[position] != letter:
            position += 1
        if position == len(initials):
            return False
        position += 1
    return True


def name_agrees(written: str, entity: ReferenceEntity) -> bool:
    """Whether the name written before a known ticker is a name of the ticker's company: without
    legal forms, it and one of the company's names are the same words or one starts the other
    ("Aflac Corporation (AFL)", "Alphabet Class C (GOOG)"; not "Norfolk Logistics (NSC)")."""
    words = _name_words(written)
    if not words:
        return False
    for name in (entity.name, *entity.aliases, *entity.ambiguous_aliases):
        known = _name_words(name)
        shorter = min(len(known), len(words))
        if known and known[:shorter] == words[:shorter]:
            return True
    return False


def _name_words(name: str) -> list[str]:
    words = [w.strip(".,'’").casefold() for w in strip_legal_suffix(name).split()]
    return [w for w in words if w and w != "the"]
