"""Shape predicates on single lines: how long, how headline-like, how a line ends.

Rules elsewhere in the clean stage combine these with vocabulary. Everything here is pure and cheap
(a few compiled regexes), because it runs on every line of every page.
"""

from __future__ import annotations

import re

_LETTERS = re.compile(r"[^\W\d_]")
# A line "ends a sentence" when its last visible character, before closing quotes or brackets,
# is terminal punctuation.
_TERMINAL = re.compile(r"[.!?…:;][\"'”’)\]»]*\s*$")
_ENDS_WITH_PERIOD = re.compile(r"[.…][\"'”’)\]]*\s*$")
_BULLET_MARKS = "•·▪►▸‣◦∙*–—-"
_BULLET = re.compile(rf"^\s*(?:[{_BULLET_MARKS}]|\d{{1,2}}[.)])\s+")
# Words that stay lower case in English title case; they do not count against a headline.
_SMALL_WORDS_TEXT = (
    "a an and as at but by for from in into nor of on onto or over per so the to up upon via vs "
    "vs. with is are be was were it its than that this"
)
_SMALL_WORDS = frozenset(_SMALL_WORDS_TEXT.split())
# Sentence boundary: terminal punctuation (optionally closed by quotes or brackets), white space,
# then something that can start a sentence. Abbreviations are handled by `split_sentences`.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9$*])")
_ABBREVIATION_TAIL = re.compile(
    r"(?:\b(?:Inc|Corp|Co|Ltd|Plc|LLC|Mr|Mrs|Ms|Dr|Prof|St|Jr|Sr|No|vs|etc|Jan|Feb|Mar|Apr|Jun|"
    r"Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|Gov|Sen|Rep|Gen|Lt|Col|Capt)|\b[A-Z]|\b(?:[A-Z]\.)+[A-Z]?|"
    r"\b[ap]\.m)"
    r"\.[\"'”’)\]]*$"
)
_TICKER_IN_PARENS = re.compile(r"\((?:[A-Z]{1,5}:\s?)?[A-Z]{1,5}(?:\.[A-Z]{1,3})?\)")
_FIGURE = re.compile(r"[$€£¥%]|\d[.,]\d")


def word_count(text: str) -> int:
    return len(text.split())


def strip_bullet(text: str) -> str:
    """`text` without a leading list marker ("• ", "- ", "1. ")."""
    # A marker opens the text, maybe after white space: most lines open with a letter, and the
    # substitution (a search, whatever the anchor) is not run on them.
    first = text[:1]
    if first and not (first in _BULLET_MARKS or first.isdigit() or first.isspace()):
        return text
    return _BULLET.sub("", text, count=1)


def has_bullet(text: str) -> bool:
    return _BULLET.match(text) is not None


def ends_sentence(text: str) -> bool:
    """True when the line ends with terminal punctuation (possibly inside quotes/brackets)."""
    return _TERMINAL.search(text) is not None


def ends_with_period(text: str) -> bool:
    return _ENDS_WITH_PERIOD.search(text) is not None


def title_case_ratio(text: str) -> float:
    """Share of the significant words (not "of", "the", ...) that start with a capital or digit."""
    significant = 0
    capitalised = 0
    for token in text.split():
        core = token.strip("\"'“”‘’()[]{},;:!?.–—-#*")
        if not core or not _LETTERS.search(core):
            continue
        if core.lower() in _SMALL_WORDS:
            continue
        significant += 1
        first = core[0]
        if first.isupper() or first.isdigit() or first in "$#@":
            capitalised += 1
    return capitalised / significant if significant else 0.0


def is_all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(not c.islower() for c in letters)


def is_headline_shaped(text: str, max_words: int = 14) -> bool:
    """Short and not ending in a full stop: a heading, a link, a menu entry, a title."""
    count = word_count(text)
    return 0 < count <= max_words and len(text) <= 120 and not ends_with_period(text)


def is_title_case(text: str, threshold: float = 0.7) -> bool:
    # 0.7: headlines in the FNSPID and seed pages ("Zacks Names ... to Double", "More From
    # InvestorPlace") score 0.8-1.0; sentence-case news lines score under 0.5.
    return title_case_ratio(text) >= threshold


def has_figures(text: str) -> bool:
    """Money, percentages or decimals: the marks of a data line rather than a link or heading."""
    return _FIGURE.search(text) is not None


def has_ticker_in_parens(text: str) -> bool:
    return _TICKER_IN_PARENS.search(text) is not None


def is_truncated_paragraph(text: str, min_words: int = 20) -> bool:
    """A long paragraph that stops without terminal punctuation: cut off mid-sentence."""
    stripped = text.rstrip()
    if word_count(stripped) < min_words or not stripped:
        return False
    last = stripped[-1]
    return last.isalnum() or last in ",-–—"


def is_paragraph(text: str) -> bool:
    """Running prose: a line long enough, or a complete sentence of some length."""
    count = word_count(text)
    return count >= 15 or (count >= 6 and ends_sentence(text))


def split_sentences(text: str) -> list[str]:
    """Split a paragraph into sentences; abbreviations such as "Inc." or "U.S." do not split.

    The pieces concatenate (with single spaces) back to the paragraph's words.
    """
    pieces: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        stop = match.start()
        # An abbreviation holds no space and ends the candidate text[start:stop]: it is looked
        # for after the last space only, not from the sentence's start (the same match: the
        # pattern's \b sees the character before the window, and $ matches at `stop`).
        window = max(start, text.rfind(" ", start, stop) + 1)
        if _ABBREVIATION_TAIL.search(text, window, stop):
            continue
        end = match.end()
        pieces.append(text[start:end].strip())
        start = end
    tail = text[start:].strip()
    if tail:
        pieces.append(tail)
    return pieces


# Typographic quotes and dashes, each with the ASCII character it is compared as. A chain of
# str.replace costs a twentieth of str.translate with a table, which looks every character of a
# non-ASCII text up in a dict.
_UNIFIED_QUOTES_AND_DASHES = (
    ("’", "'"),
    ("‘", "'"),
    ("“", '"'),
    ("”", '"'),
    ("–", "-"),
    ("—", "-"),
)


def normalise_for_compare(text: str) -> str:
    """Case-folded text with quotes, dashes and white space unified: for duplicate checks."""
    if not text.isascii():  # only non-ASCII characters are replaced
        for typographic, plain in _UNIFIED_QUOTES_AND_DASHES:
            text = text.replace(typographic, plain)
    collapsed = " ".join(text.split()).casefold()
    return collapsed.strip(" .…:;,!?\"'")


def normalised_word_count(normalised: str) -> int:
    """`word_count` of a text that `normalise_for_compare` returned, without splitting it again:
    its words are separated by single spaces, with none at either end."""
    return normalised.count(" ") + 1 if normalised else 0
