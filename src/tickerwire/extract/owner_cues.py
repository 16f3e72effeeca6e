"""Words that decide whose figure a number is, beyond a name before it: a group's total, a
quoted source, a period's name after "for the", a possessive of a company we do not know.

Compiled once at import (immutable); `owners.py` and `owner_references.py` apply them.
"""

from __future__ import annotations

import regex

from tickerwire.extract.prefiltered import prefiltered

# Capitalised words that open a period's name ("for the Fourth Quarter", "Full-Year").
PERIOD_WORDS = frozenset(
    [
        "first",
        "second",
        "third",
        "fourth",
        "full",
        "half",
        "holiday",
        "christmas",
        "trailing",
        "last",
        "latest",
        "prior",
    ]
)
# A sentence about the figures of many companies together: its unnamed figures are theirs.
AGGREGATE_SENTENCE = prefiltered(
    regex.compile(
        r"\b(?:aggregate|combined|index\s+(?:earnings|members|constituents|companies)|"
        r"(?:S&P\s+500|sector|industry|index)(?:'s|’s)?\s+(?:earnings|revenues?|sales|companies|"
        r"members)|total\s+(?:[\w-]+\s+){0,2}?(?:earnings|revenues?|sales)\s+for\s+the|"
        r"Mag(?:nificent)?\s+(?:7|Seven)|Big\s+(?:7|Tech))\b",
        regex.IGNORECASE,
    )
)
ANALYSTS_AT = regex.compile(r"\b(?:analysts?|economists?|strategists?)\s+(?:at|with)\s+$", regex.I)
POSSESSIVE_NAME = regex.compile(r"(?<![\w'-])(?P<name>[A-Z][\w&.-]*)['’]s\b")
# The end of a sentence (a full stop after a lower-case word or a digit, not "U.S.") or a line.
SENTENCE_END = regex.compile(r"(?<![A-Z])[.!?][\"'”’)]*\s+|\n")
CLAUSE_AFTER_NUMBER = regex.compile(r"[,;]|\b(?:while|whereas|but)\b", regex.IGNORECASE)
# The first word of a name after "of/for/at" ("for the 'Mag 7'", "of the S&P 500").
HOLDER_NAME = regex.compile(r"(?:the\s+)?[‘'\"“]?(?P<word>[A-Z][\w&.'’-]*)")
# A name with its bracketed ticker ("Meritage (MTH)", "Fabrinet (NYSE: FN)").
TICKERED_NAME_TEXT = r"\b[A-Z][\w&.-]+\s*\((?:NYSE|NASDAQ|Nasdaq|NYSEARCA)?:?\s?[A-Z]{1,5}\)"
TICKERED_NAME = regex.compile(TICKERED_NAME_TEXT)
COMPANY_LIKE = regex.compile(
    r"\b[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*)*\s+(?:Inc|Corp|Co|Ltd|Group|Holdings|PLC|plc|SA|AG|NV|"
    rf"LLC)\b|{TICKERED_NAME_TEXT}|"
    r"\b[A-Z0-9]{2,5}\.[A-Z]{1,2}\b"
)
DEMONYM = regex.compile(r"(?:ese|ian|ean|can|ish)$")
# Capitalised words of financial prose that name no company.
PLAIN_CAPITALS = frozenset(
    {
        *("the", "a", "an", "in", "on", "at", "for", "of", "and", "but", "as", "its", "their"),
        *("this", "that", "these", "those", "it", "they", "we", "our", "i", "he", "she"),
        *("q1", "q2", "q3", "q4", "fy", "ceo", "cfo", "coo", "eps", "gaap", "non-gaap", "ai"),
        *("u.s", "us", "usa", "zacks", "consensus", "estimate", "estimates", "rank", "lseg"),
        *("wall", "street", "revenue", "revenues", "sales", "net", "gross", "operating", "total"),
        *("adjusted", "earnings", "income", "profit", "margin", "fiscal", "year", "quarter"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
        *("january", "february", "march", "april", "may", "june", "july", "august"),
        *("september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun"),
        *("jul", "aug", "sep", "sept", "oct", "nov", "dec", "ttm", "yoy", "analysts", "shares"),
        *("according", "data", "reuters", "visible", "alpha", "factset", "refinitiv"),
        *("cagr", "esp", "ebitda", "fx", "etf", "ipo", "aws", "capex", "r&d", "mln", "dlrs"),
    }
)
# Names after these are who said or estimated a figure, not whose figure it is.
SOURCE_BEFORE = regex.compile(
    r"\b(?:by|according\s+to|per|from|via|polled\s+by|data\s+from)\s+(?:the\s+)?$", regex.I
)
