"""Business lines named by the company's own capitalised name for them, which no segment list
holds: "its Consumer Security segment's revenues", "the company's Partner revenues", "the
Identity and Information Protection division".

A run of capitalised words before a figure's name could as well be a company we do not know
("Hewlett Packard revenues"), so it is read as a business line only when the text says so: a
unit word after it ("segment", "division", "unit", "business") or a possessive before it ("its",
"the company's", "Gen Digital's"). Headlines in title case are not read ("Cloud Revenue Jumps").
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tickerwire.extract.metric_terms import canonical_segment

# Capitalised words that name no business line: articles, periods, kinds of figure, sources.
_NOT_A_LINE_TEXT = (
    "the its their our a an this that total net gross quarterly annual overall adjusted "
    "organic reported record consolidated operating fiscal full-year first-quarter "
    "second-quarter third-quarter fourth-quarter q1 q2 q3 q4 fy company group zacks wall "
    "street consensus estimate estimates revenue revenues sales earnings eps"
)
_NOT_A_LINE_WORDS = frozenset(_NOT_A_LINE_TEXT.split())
_MONTH = regex.compile(r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?$")
# Capitalised words (joined by "and"/"&") ending right before the figure's name, an optional
# unit word, and an optional possessive.
_LINE_BEFORE = regex.compile(
    r"(?<![\w'’&-])(?P<name>[A-Z][\w-]*(?:\s+(?:(?:and|&)\s+)?[A-Z][\w-]*){0,5})"
    r"(?:\s+(?P<unit>segment|division|unit|business))?(?:['’]s)?\s+$"
)
# "its", "their", "the company's", "Gen Digital's": the line's owner written before it.
_OWNER_BEFORE = regex.compile(
    r"(?:\b(?:its|their)|['’]s)\s+$",
    regex.IGNORECASE,
)
_UNIT_WORDS = ("segment", "division", "unit", "business")
_LOWER_NEXT = regex.compile(r"\s*(?:[a-z(,.;:]|$)")


@dataclass(frozen=True, slots=True)
class LineName:
    """A business line's own name before a figure: where it starts and its segment key."""

    start: int
    segment: str


def line_name_before(text: str, start: int, term_start: int, term_end: int) -> LineName | None:
    """The business line named right before the figure name at text[term_start:term_end] (not
    before `start`): 'its Consumer Security segment's revenues' -> consumer_security."""
    last = text.rfind(" ", max(start, term_start - 40), term_start - 1)
    word = text[last + 1 : term_start].rstrip()
    if not word[:1].isupper() and not word.startswith(_UNIT_WORDS):
        return None  # the word before is neither a name nor a unit word (the common case)
    if not _LOWER_NEXT.match(text, term_end):
        return None  # "Cloud Revenue Jumps": a headline in title case
    found = _LINE_BEFORE.search(text, max(start, term_start - 80), term_start)
    if found is None:
        return None
    words = found.group("name").split()
    first = 0
    while first < len(words) and words[first].lower() in _NOT_A_LINE_WORDS:
        first += 1  # "The Gaming segment", "Our Partner revenues"
    key = line_key(words[first:])
    if key is None:
        return None
    name_start = found.start("name")
    for _ in range(first):
        name_start = text.index(" ", name_start) + 1
        while text[name_start].isspace():
            name_start += 1
    if found.group("unit") is None and not _OWNER_BEFORE.search(
        text, max(start, name_start - 20), name_start
    ):
        return None  # "Hewlett Packard revenues": maybe a company we do not know
    return LineName(name_start, key)


def line_key(words: list[str]) -> str | None:
    """The segment key of a line's capitalised name ("Identity and Information Protection" ->
    identity_and_information_protection), or None for words that name no line."""
    if not words or words[0] in ("and", "&") or words[-1] in ("and", "&"):
        return None
    if any(w.lower() in _NOT_A_LINE_WORDS or _MONTH.match(w) for w in words):
        return None  # "Gaming Revenue Estimates", "December Sales"
    for first in range(len(words)):
        # "Intelligent Cloud": the line a segment list knows ("cloud"), as the figure's name
        # with it would be read ("Intelligent Cloud revenue")
        known = canonical_segment(" ".join(words[first:]))
        if known is not None:
            return known
    return "_".join("and" if w == "&" else w.lower().replace("-", "_") for w in words)
