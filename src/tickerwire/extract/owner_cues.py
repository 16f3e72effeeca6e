"""Words that decide whose figure a number is, beyond a name before it: a group's total, a
quoted source, a period's name after "for the", a possessive of a company we do not know.

Compiled once at import (immutable); `owners.py` applies them.
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
