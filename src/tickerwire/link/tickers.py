"""Inline ticker patterns: "(NASDAQ: AMD)", "(NYSE:BABA, HKG: 9988)", Reuters RICs ("META.O",
"9988.HK", "SNAP.N"), cashtags ("$AAPL").

Each pattern gives a ticker in the contract's form: plain for US listings (`BABA`, `BRK-B`),
exchange-suffixed elsewhere (`9988.HK`, `7201.T`, `005930.KS`, `HL.L`). Resolving the ticker to an
entity, and deciding what an unknown ticker may create, is the linker's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex

# Exchange prefixes as written before a colon, to the suffix of the contract's ticker form
# ("" = United States, plain ticker). TSE is Tokyo for numeric codes and Toronto otherwise.
EXCHANGE_PREFIXES: dict[str, str] = {
    **dict.fromkeys(
        (
            "NASDAQ",
            "NASDAQGS",
            "NASDAQGM",
            "NASDAQCM",
            "NYSE",
            "NYSEAMERICAN",
            "NYSEARCA",
            "NYSEMKT",
            "AMEX",
            "BATS",
            "CBOE",
            "OTC",
            "OTCMKTS",
            "OTCQX",
            "OTCQB",
            "OTCPK",
            "OTCMARKETS",
        ),
        "",
    ),
    "HKG": "HK",
    "HKEX": "HK",
    "SEHK": "HK",
    "TYO": "T",
    "TSE": "T",
    "TSX": "TO",
    "TSXV": "V",
    "LSE": "L",
    "LON": "L",
    "SHA": "SS",
    "SSE": "SS",
    "SHE": "SZ",
    "SZSE": "SZ",
    "TPE": "TW",
    "TWSE": "TW",
    "KRX": "KS",
    "KOSPI": "KS",
    "KOSDAQ": "KQ",
    "ASX": "AX",
    "ETR": "DE",
    "XETRA": "DE",
    "FRA": "F",
    "EPA": "PA",
    "AMS": "AS",
    "SWX": "SW",
    "SIX": "SW",
    "BIT": "MI",
    "BME": "MC",
    "STO": "ST",
    "CPH": "CO",
    "OSL": "OL",
    "HEL": "HE",
    "NSE": "NS",
    "BOM": "BO",
    "SGX": "SI",
}
# Prefixes of instruments that are not listed companies: skipped, and their span is no alias.
NON_EQUITY_PREFIXES = frozenset({"CRYPTO", "INDEXSP", "INDEXNASDAQ", "INDEXDJX", "CURRENCY"})

# Reuters RIC suffixes to the contract's suffix ("" = US). ".UL" marks an unlisted company.
RIC_SUFFIXES: dict[str, str] = {
    **dict.fromkeys(("O", "OQ", "N", "A", "K", "P"), ""),
    **{s: s for s in ("L", "HK", "T", "SS", "SZ", "TW", "TWO", "KS", "KQ", "AX", "TO", "V")},
    **{s: s for s in ("DE", "F", "PA", "AS", "MI", "MC", "ST", "CO", "OL", "HE", "NS", "BO")},
    **{s: s for s in ("SI", "SR", "SW")},
    "S": "SW",
    "UL": "UL",
}
# Markets whose codes are numbers: a numeric symbol needs one of these, a letter symbol none.
NUMERIC_MARKETS = frozenset({"HK", "T", "SS", "SZ", "TW", "TWO", "KS", "KQ", "SR"})

_PREFIX_ALTERNATION = "|".join(
    sorted(
        {
            "NASDAQ(?:GS|GM|CM)?",
            "Nasdaq(?:GS|GM|CM)?",
            r"NYSE(?:\s?American|\s?AMERICAN|\s?Arca|\s?ARCA|\s?MKT)?",
            r"OTC(?:MKTS|QX|QB|PK|\s?Markets)?",
            *(p for p in EXCHANGE_PREFIXES if not p.startswith(("NASDAQ", "NYSE", "OTC"))),
            *NON_EQUITY_PREFIXES,
        },
        key=len,
        reverse=True,
    )
)
_SPACE = regex.compile(r"\s")
_PREFIXED = regex.compile(
    rf"(?<![\w.])(?P<ex>{_PREFIX_ALTERNATION})\s?:\s?(?P<sym>[A-Z0-9]{{1,6}}(?:[.\-/][A-Z0-9]{{1,3}})?)"
    r"(?![\w\-])"
)
# The symbol sits in a lookbehind, so that the pattern opens with its dot: the search jumps from
# dot to dot instead of trying every capital letter and digit of the text. The match is the same:
# the symbol is the whole run of word characters before the dot (nothing before it may be one),
# so a dot has one symbol whichever end it is found from; and a symbol never starts inside an
# earlier match, which ends before a character that is no word character (or is the next dot,
# after which a symbol is refused). The hit starts at `match.start("sym")`.
_RIC = regex.compile(
    r"(?<=(?<![\w.$/@\-])(?P<sym>[A-Z0-9]{1,6}[a-z]?))\."
    r"(?P<suf>OQ|O|N|A|K|P|L|HK|TWO|TW|T|SS|SZ|KS|KQ|AX|TO|V|DE|F|PA|AS|MI|MC|SW|ST|S|CO|OL|HE|NS"
    r"|BO|SI|SR|UL)(?P<glued>[a-z]*)(?![\w])"
)
# A RIC glued to the company name before it by a lost space ("Exxon MobilXOM.N", "Meta
# PlatformsMETA.O", "New York Community BancorpNYCB.K", .K being the NYSE consolidated quote),
# seen in syndicated Reuters copy: an upper-case symbol right after a lower-case letter, on the US
# markets only. It counts only when the name before it is one of the ticker's company's names
# (see the linker).
_GLUED_RIC = regex.compile(
    r"(?<=[a-z])(?P<sym>[A-Z]{2,5})\.(?P<suf>OQ|O|N|K)(?P<glued>[a-z]*)(?!\w)"
)
_CASHTAG = regex.compile(r"(?<![\w$])\$(?P<sym>[A-Z]{1,6}(?:[.\-][A-Z]{1,2})?)(?![\w])")


@dataclass(frozen=True)
class TickerHit:
    """A ticker written inline. `ticker` is None for a Reuters unlisted marker (".UL").

    `form` is `exchange` (prefixed), `ric` or `cashtag`. `strict` marks hits that only count when
    the ticker is known and the same company is named right before it (single-letter RICs such
    as "C.N" could be initials).
    """

    start: int
    end: int
    ticker: str | None
    form: str
    strict: bool = False
    bracketed: bool = False
    after_name: bool = False  # glued to the word before it: that word must end the company's name


def us_ticker(symbol: str) -> str:
    """US share classes in the contract's form: "BRK.B", "BRK/B", "BRKb" -> "BRK-B"."""
    if len(symbol) > 1 and symbol[-1].islower():
        return f"{symbol[:-1]}-{symbol[-1].upper()}"
    return symbol.replace(".", "-").replace("/", "-")


def suffixed_ticker(symbol: str, suffix: str) -> str | None:
    """A symbol on a non-US market in the contract's form, or None when it cannot be one."""
    base = symbol.split(".")[0] if "." in symbol else symbol
    if suffix in NUMERIC_MARKETS:
        if not base.isdigit():
            return None
        if suffix == "HK":
            base = base.lstrip("0").zfill(4)
    elif base.isdigit():
        return None
    return f"{base}.{suffix}"


def find_ticker_hits(text: str) -> Iterator[TickerHit]:
    """Every inline ticker pattern in `text`, in no particular order."""
    yield from _prefixed_hits(text)
    yield from _ric_hits(text)
    for match in _GLUED_RIC.finditer(text):
        end = match.end() - len(match["glued"])
        yield TickerHit(match.start(), end, match["sym"], "ric", strict=True, after_name=True)
    for match in _CASHTAG.finditer(text):
        yield TickerHit(match.start(), match.end(), us_ticker(match["sym"]), "cashtag")


def _prefixed_hits(text: str) -> Iterator[TickerHit]:
    for match in _PREFIXED.finditer(text):
        code = _SPACE.sub("", match["ex"]).upper()
        symbol = match["sym"]
        if code in NON_EQUITY_PREFIXES:
            yield TickerHit(match.start(), match.end(), None, "non_equity")
            continue
        suffix = EXCHANGE_PREFIXES[code]
        if code == "TSE" and not symbol.isdigit():
            suffix = "TO"
        ticker = us_ticker(symbol) if suffix == "" else suffixed_ticker(symbol, suffix)
        if ticker is not None:
            bracketed = (
                _neighbour(text, match.start(), -1) in "([,;"
                and _neighbour(text, match.end(), 1) in ")],;"
            )
            yield TickerHit(match.start(), match.end(), ticker, "exchange", bracketed=bracketed)


def _neighbour(text: str, index: int, step: int) -> str:
    """The first non-space character before (`step` -1) or from (`step` 1) `index`, or ""."""
    i = index - 1 if step < 0 else index
    while 0 <= i < len(text) and text[i] in " \t":
        i += step
    return text[i] if 0 <= i < len(text) else "\x00"


def _ric_hits(text: str) -> Iterator[TickerHit]:
    for match in _RIC.finditer(text):
        symbol, suffix, glued = match["sym"], match["suf"], match["glued"]
        end = match.end() - len(glued)
        # "U.S.", "N.Y.", "U.S.-listed": a dotted abbreviation goes on after the suffix.
        if not glued and end < len(text) and text[end] == ".":
            if len(symbol) == 1 and len(suffix) == 1:
                continue
            if end + 1 < len(text) and text[end + 1].isalnum():
                continue
        market = RIC_SUFFIXES[suffix]
        if market == "UL":
            yield TickerHit(match.start("sym"), end, None, "ric")
            continue
        if market == "":
            if symbol.isdigit():
                continue
            ticker: str | None = us_ticker(symbol)
        else:
            if symbol[-1].islower():
                continue
            ticker = suffixed_ticker(symbol, market)
        if ticker is None:
            continue
        # Text glued to a RIC ("SNAP.Nand") is a typesetting slip seen in syndicated Reuters
        # copy; a one-letter symbol ("C.N") may be initials. Both need confirmation.
        strict = bool(glued) or len(symbol) == 1
        if glued and suffix not in ("O", "N", "OQ"):
            continue
        yield TickerHit(match.start("sym"), end, ticker, "ric", strict=strict)
