"""An article's own dictionary of names and tickers, from the lines its page closes with.

Zacks pages end with one line per company the article covers, "BlackLine (BL) : Free Stock
Analysis Report"; the clean stage removes them as boilerplate (`CleanDocument.removed`). For a
company the reference list does not know, those lines say which ticker the body's "BlackLine",
"BlackLine BL" and "BlackLine (BL)" stand for. Only that exact line shape counts, and only plain
US tickers as the line writes them (no exchange suffix is ever added).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from tickerwire.link.gazetteer import strip_legal_suffix
from tickerwire.link.names import Occupied
from tickerwire.link.reference import ReferenceData
from tickerwire.link.ticker_mentions import bare_ticker_spans, ticker_right_after
from tickerwire.records import Removed

# "Tractor Supply Company (TSCO) : Free Stock Analysis Report": a name of up to eight words and a
# plain US ticker (a share class after a dot: "BRK.B").
_FOOTER_LINE = regex.compile(
    r"(?m)^[ \t]*(?P<name>[A-Za-z0-9][\w&.,'’\- ]{0,80}?)[ ]\((?P<ticker>[A-Z]{1,5}(?:\.[A-Z])?)\)"
    r"[ ]:[ ]Free[ ]Stock[ ]Analysis[ ]Report[ \t]*$"
)
# A legal form after the short name: "Tractor Supply Co.", "Acme Widgets, Inc.".
_LEGAL_FORM = regex.compile(
    r",?[ ](?:Inc|Corp|Co|Company|Corporation|Incorporated|Ltd|Limited|LLC|plc|PLC)\b\.?"
)
# A capitalised word after the name makes it part of a longer name ("BlackLine Systems").
_LONGER_NAME = regex.compile(r"[ ][A-Z][a-z]")


@dataclass(frozen=True)
class FooterCompany:
    """A company of the footer that the reference list does not know."""

    name: str  # as the footer writes it: "Tractor Supply Company"
    ticker: str  # "TSCO"; a share class with a hyphen as in the reference list ("BRK-B")
    short_name: str  # without its legal form: "Tractor Supply"


@dataclass(frozen=True)
class FooterMention:
    """Where the body names a footer company: start, end and the ticker written after the name
    (None when the name stands alone)."""

    company: FooterCompany
    start: int
    end: int
    ticker: str | None


def footer_companies(removed: Iterable[Removed], reference: ReferenceData) -> list[FooterCompany]:
    """The companies of the page's footer lines whose ticker and name the reference list lacks."""
    companies: dict[str, FooterCompany] = {}
    for piece in removed:
        if "Free Stock Analysis Report" not in piece.text:
            continue
        for match in _FOOTER_LINE.finditer(piece.text):
            name = match["name"].strip()
            ticker = match["ticker"].replace(".", "-")
            short_name = strip_legal_suffix(name).rstrip(".")
            if (
                reference.by_ticker(ticker) is not None
                or reference.by_alias(name) is not None
                or reference.by_alias(short_name) is not None
            ):
                continue  # known: the reference list links it, with its own listings
            companies.setdefault(ticker, FooterCompany(name, ticker, short_name))
    return list(companies.values())


def footer_mentions(
    text: str, companies: Iterable[FooterCompany], occupied: Occupied
) -> Iterator[FooterMention]:
    """The body's mentions of the footer companies, outside `occupied`: the full or the short
    name, with the ticker after it when written ("BlackLine BL"), and then the ticker alone
    ("BL shares"). A one-word name the article
    also writes in lower case is an ordinary word there ("Match", "Snowflake"): it counts only
    with its ticker after it."""
    for company in companies:
        named = False
        ordinary = " " not in company.short_name and _written_lower(text, company.short_name)
        names = sorted({company.name, company.short_name}, key=len, reverse=True)
        for name in names:
            for match in regex.finditer(rf"(?<![\w&.\-]){regex.escape(name)}(?![\w&\-])", text):
                start, end = match.span()
                legal_form = _LEGAL_FORM.match(text, end)
                if legal_form is not None:
                    end = legal_form.end()
                # the ticker right after the name: "BlackLine BL", "BlackLine (BL)"
                after = ticker_right_after(text, end, company.ticker)
                if after is None and (ordinary or _LONGER_NAME.match(text, end)):
                    continue
                if after is not None:
                    end = after
                if occupied.overlaps(start, end):
                    continue
                occupied.add(start, end)
                named = True
                yield FooterMention(company, start, end, company.ticker if after else None)
        if named:
            yield from _bare_tickers(text, company, occupied)


def _bare_tickers(text: str, company: FooterCompany, occupied: Occupied) -> Iterator[FooterMention]:
    """The ticker alone, once the company is named ("QLLN reports on Feb 13"): as for the
    reference's companies (ticker_mentions.py), three letters or more, or "stock"/"shares" after."""
    for start, end in bare_ticker_spans(text, company.ticker):
        if not occupied.overlaps(start, end):
            occupied.add(start, end)
            yield FooterMention(company, start, end, company.ticker)


def _written_lower(text: str, word: str) -> bool:
    return regex.search(rf"(?<!\w){regex.escape(word.lower())}(?!\w)", text) is not None
