"""Sentences and word tokens of news text, with character offsets, for sentiment scoring.

Both splitters are rules on purpose: they run on every article, so they must cost microseconds,
and sentiment only needs sentence and clause extents, not a full parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

import regex

TokenKind = Literal["word", "num", "punct"]

# Words are letter runs that may be joined by & ' or - ("S&P", "didn't", "pre-tax"); a digit run
# joined to letters by a hyphen ("52-week", "2-for-1") is one word so that phrases can name it.
# Numbers keep a following "%" (PhraseBank writes "5.2 %"), so a change figure is one token.
TOKEN_PATTERN = regex.compile(
    r"""
    (?P<word>\d+(?:-[^\W\d_]+)+(?:-\d+)?)
  | (?P<word>[^\W\d_]+(?:[&'’\-][^\W\d_]+)*)
  | (?P<num>(?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:\s?%)?)
  | (?P<punct>--|—|–|[;:,.!?()\[\]"“”\-])
    """,
    regex.VERBOSE,
)

# TOKEN_PATTERN for ASCII text, in `re` (a call costs a third of one to `regex`). On ASCII the
# two engines agree once the classes are spelt out: \w is [A-Za-z0-9_] and \d [0-9] in both,
# but `re` counts \x1c-\x1f as \s and `regex` does not, so the space before "%" is listed.
# The two word alternatives share one group, so that findall gives (word, num, punct) as well.
ASCII_TOKEN_PATTERN = re.compile(
    r"""
    ((?:\d+(?:-[a-zA-Z]+)+(?:-\d+)?)|(?:[a-zA-Z]+(?:[&'\-][a-zA-Z]+)*))
  | ((?:\d[\d,]*(?:\.\d+)?|\.\d+)(?:[\t\n\x0b\x0c\r\x20]?%)?)
  | (--|[;:,.!?()\[\]"\-])
    """,
    re.VERBOSE | re.ASCII,
)

# "52-week", "10-month": the number does not change the meaning ("hit a 10-month high").
_SPAN_OF_TIME = regex.compile(r"^\d+-(?=(?:day|week|month|year|session|quarter)s?$)")
# Words after which a full stop is usually not the end of a sentence.
_ABBREVIATIONS = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "plc",
        "llc",
        "mr",
        "mrs",
        "ms",
        "dr",
        "st",
        "jr",
        "sr",
        "vs",
        "no",
        "nos",
        "approx",
        "est",
        "dept",
        "gov",
        "sen",
        "rep",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.k",
        "e.g",
        "i.e",
        "etc",
        "al",
        "fig",
    ]
)
# After an abbreviation such as "Inc.", these words still start a new sentence.
_SENTENCE_STARTERS = frozenset(
    [
        "The",
        "It",
        "Its",
        "He",
        "She",
        "They",
        "This",
        "That",
        "These",
        "Those",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Shares",
        "Analysts",
        "A",
        "An",
        "We",
        "However",
        "Meanwhile",
        "Revenue",
        "Sales",
        "Net",
    ]
)
_SENTENCE_END = regex.compile(r"[.!?]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[\p{Lu}\d])|\n+")
_WORD_BEFORE = regex.compile(r"([\p{L}.]+)[.!?]*[\"”’')\]]*\s*$")
# The letters, dots, ! and ? that end a window (a reverse match): where `_WORD_BEFORE` can start
# in a window ending with a full stop. Searching from there returns the same match at a
# quarter of the cost of trying every position of the window.
_NEXT_WORD = regex.compile(r"[\"“‘'(\[]?(\w+)")
_TAIL_RUN = regex.compile(r"(?r)[\p{L}.!?]*")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: `text` is lower-cased with curly apostrophes made straight, and a span of time
    such as "52-week" written "n-week"."""

    text: str
    kind: TokenKind
    start: int
    end: int


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Word, number and punctuation tokens of `text[start:end]`, offsets into `text`."""
    stop = len(text) if end is None else end
    tokens: list[Token] = []
    for match in TOKEN_PATTERN.finditer(text, start, stop):
        kind = match.lastgroup
        lowered = lower_text(match.group())
        if kind == "word" and lowered[0].isdigit():
            lowered = normalise_word(lowered)
        tokens.append(Token(lowered, kind, match.start(), match.end()))
    return tokens


def lower_text(text: str) -> str:
    """`text` lower-cased with curly apostrophes made straight, always of the same length (a
    letter whose lower case is longer, such as "İ", is kept as it is) so offsets still hold."""
    lowered = text.lower()
    if len(lowered) != len(text):
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return lowered.replace("’", "'")


def normalise_word(word: str) -> str:
    """A lower-cased word token as the lexicon spells it ("52-week" -> "n-week")."""
    return _SPAN_OF_TIME.sub("n-", word)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text[start:end]`, white space trimmed.

    A sentence ends at a line break, or at . ! ? followed by a capital or a digit, except after
    an abbreviation ("Inc.", "U.S.") or an initial ("J. P.") unless a sentence opener follows.

    >>> split_sentences("Apple Inc. rose. Sony fell.")
    [(0, 16), (17, 27)]
    """
    stop = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _SENTENCE_END.finditer(text, start, stop):
        if "\n" not in match.group() and not _ends_sentence(text, sentence_start, match):
            continue
        _append_trimmed(text, sentence_start, match.start() + _punct_length(match.group()), spans)
        sentence_start = match.end()
    _append_trimmed(text, sentence_start, stop, spans)
    return spans


def _punct_length(separator: str) -> int:
    """How much of a separator match (punctuation, quotes, then space) belongs to the sentence."""
    return len(separator) - len(separator.lstrip(".!?\"”’')]"))


def _ends_sentence(text: str, sentence_start: int, match: regex.Match[str]) -> bool:
    if not match.group().startswith("."):
        return True
    stop = match.start()
    window_start = max(sentence_start, stop - 24)
    word = _plain_word_before(text, window_start, stop)
    if word is None:
        tail = _TAIL_RUN.match(text, window_start, stop + 1)
        before = _WORD_BEFORE.search(text, tail.start() if tail else window_start, stop + 1)
        if before is None:
            return True
        word = before.group(1).rstrip(".").lower()
    if len(word) == 1 and word.isalpha():
        return False  # an initial: "J. P. Morgan"
    if word in _ABBREVIATIONS:
        next_word = _NEXT_WORD.match(text[match.end() : match.end() + 30])
        return next_word is not None and next_word.group(1) in _SENTENCE_STARTERS
    return True


def _plain_word_before(text: str, window_start: int, stop: int) -> str | None:
    """The word before the full stop at `stop`, lower-cased, when it is ASCII letters after a
    space ("rose.", "Inc."): what `_TAIL_RUN` and `_WORD_BEFORE` find then, without their two
    calls. None for any other shape ("U.S.", "Yahoo!.", a window cut inside the word)."""
    space = text.rfind(" ", window_start, stop)
    if space < 0:
        return None
    word = text[space + 1 : stop]
    return word.lower() if word.isascii() and word.isalpha() else None


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append((start, end))
