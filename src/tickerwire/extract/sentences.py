"""Text normalisation and sentence splitting, keeping offsets into the clean text.

Extractors match on a normalised copy of the text that has exactly the same length as the
original (curly quotes become straight ones, non-breaking spaces become spaces, the minus sign
becomes a hyphen), so every offset found in the copy is an offset into `Article.text`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tickerwire.extract.prefiltered import starts_of

# One character for one character: the normalised text keeps every offset. Most articles hold
# only a few of these, so each is replaced only when present (str.translate with a mapping
# costs more than the whole rest of normalisation).
_SAME_LENGTH = (
    ("\u2019", "'"),
    ("\u2018", "'"),
    ("\u201c", '"'),
    ("\u201d", '"'),
    ("\u00a0", " "),
    ("\u2009", " "),
    ("\u202f", " "),
    ("\u2212", "-"),
    ("\u2011", "-"),
    ("\u2010", "-"),
    ("\uff05", "%"),
)


def normalise(text: str) -> str:
    """The same text with quotes, spaces and minus signs made plain; same length as `text`."""
    if text.isascii():
        return text
    for odd, plain in _SAME_LENGTH:
        if odd in text:
            text = text.replace(odd, plain)
    return text


# Not frozen, though never changed: one is built per sentence, and frozen=True makes building
# cost three times as much (object.__setattr__ per field); unsafe_hash keeps the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class Sentence:
    """One sentence: `start`/`end` are offsets into the document text; `text` is normalised."""

    index: int
    start: int
    end: int
    text: str
    paragraph: int


# Words after which a full stop does not end a sentence (titles, company suffixes, months,
# "U.S.", "a.m.", "No."). Single capital letters (initials) are handled by the pattern itself.
_ABBREVIATIONS = frozenset(
    [
        "inc",
        "corp",
        "co",
        "ltd",
        "llc",
        "plc",
        "cos",
        "bros",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof",
        "sr",
        "jr",
        "st",
        "mt",
        "no",
        "nos",
        "vs",
        "etc",
        "approx",
        "est",
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
        "gov",
        "sen",
        "rep",
        "gen",
        "lt",
        "col",
        "capt",
        "dept",
        "univ",
        "a.m",
        "p.m",
        "u.s",
        "u.k",
        "u.n",
        "e.u",
        "u.s.a",
        "e.g",
        "i.e",
        "fig",
        "ft",
        "al",
        "avg",
    ]
)

# Capitals each followed by a full stop, the last one's stop not included: "D.A", "J.P", "A.G".
_INITIALS = regex.compile(r"(?:[A-Z]\.)+[A-Z]")

# A candidate sentence end: terminal punctuation, optional closing quotes/brackets, then space
# (`_candidate_ends`).
_TERMINALS = ".!?"
_TERMINAL_MARKS = tuple(_TERMINALS)
_CLOSERS = "'\")]"
# The characters `regex` reads as `\s` (Unicode White_Space), which the candidate ends were
# first found with: `str.isspace` also takes the separators \x1c-\x1f.
_SPACES = (
    "\t\n\x0b\x0c\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000"
)
_LINE = regex.compile(r"[^\n]+")


def _candidate_ends(text: str, start: int, end: int) -> list[tuple[int, int]]:
    r"""The spans in text[start:end] of terminal punctuation, then any closing quotes or
    brackets, then (before `end`) a space: the matches of `[.!?]+['")\]]*(?=\s)`.

    Found from the punctuation marks (`str.find`), not by trying a pattern at every character:
    an article holds a few dozen marks in thousands of characters, and the search cost a third
    of sentence splitting (0.6M of 1.6M machine instructions per FNSPID article). A span runs
    from a mark over the marks and closers that follow; it is a candidate only if a space comes
    right after, as the pattern's greedy runs can end nowhere else.
    """
    marks = starts_of(text, _TERMINAL_MARKS, start, end)
    spans: list[tuple[int, int]] = []
    resume = start
    for mark in marks:
        if mark < resume:
            continue  # inside the previous span
        after = mark + 1
        while after < end and text[after] in _TERMINALS:
            after += 1
        while after < end and text[after] in _CLOSERS:
            after += 1
        if after < end and text[after] in _SPACES:
            spans.append((mark, after))
            resume = after
    return spans


def _ends_sentence(text: str, dot: int, after: int) -> bool:
    """Whether the punctuation at `dot` ends a sentence, looking at the words around it."""
    if text[dot] != ".":
        return True
    following = text[after : after + 2].lstrip()
    if not following:
        return True
    first = following[0]
    if first.islower():
        # "... a year. iPhone sales ...": a name in camel case opens a sentence
        return text[after : after + 3].lstrip()[1:2].isupper()
    if first in ",;:%$":
        return False
    space = max(text.rfind(" ", max(0, dot - 20), dot), text.rfind("\n", max(0, dot - 20), dot))
    word = text[space + 1 : dot].lstrip("(\"'")
    if not word or not word[0].isalpha():
        return True
    if len(word) == 1 and word.isupper():
        return False  # an initial: "John F. Kennedy", "Class A. shares" is rare
    if _INITIALS.fullmatch(word):
        return False  # a run of initials: "D.A. Davidson", "J.P. Morgan", like "U.S." above
    return word.lower().rstrip(".") not in _ABBREVIATIONS


def split_sentences(text: str) -> list[Sentence]:
    """Split normalised `text` into sentences.

    A line break ends a sentence, except inside hard-wrapped text (newswire copy wraps at about
    65 characters): a line that is long, ends without punctuation and is followed by a line
    that is not indented, or by one that starts in lower case, continues on the next line.

    >>> [s.text for s in split_sentences("Shares rose 3% on Friday. Revenue fell.")]
    ['Shares rose 3% on Friday.', 'Revenue fell.']
    """
    sentences: list[Sentence] = []
    for paragraph, (block_start, block_end) in enumerate(_blocks(text)):
        start = block_start
        for dot, after in _candidate_ends(text, block_start, block_end):
            if not _ends_sentence(text, dot, after):
                continue
            _append(sentences, text, start, after, paragraph)
            start = after
        _append(sentences, text, start, block_end, paragraph)
    return sentences


# A wrapped line is at least this long: headlines and table rows are shorter, while wire copy
# wraps at 60-70 characters (Reuters-21578) and web copy keeps a paragraph on one line.
_WRAPPED_LINE = 45


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of text that read as one run: lines joined where the copy is hard-wrapped."""
    blocks: list[tuple[int, int]] = []
    previous: tuple[int, int] | None = None
    lines = list(_LINE.finditer(text))
    wrapped = _hard_wrapped([m.end() - m.start() for m in lines])
    for line in lines:
        start, end = line.span()
        if not text[start:end].strip():
            previous = None
            continue
        if previous is not None and _continues(text, previous, start, end, wrapped):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
        previous = (start, end)
    return blocks


def _hard_wrapped(lengths: list[int]) -> bool:
    """Whether most lines are of wrapping width (newswire copy), not whole paragraphs."""
    if len(lengths) < 4:
        return False
    at_width = sum(1 for n in lengths if _WRAPPED_LINE <= n <= 90)
    return at_width >= 0.6 * len(lengths)


# A line ending in a word no sentence or headline ends with (a preposition, an article, a
# conjunction), or in an apposition's first words ("the Extractor, a new"), goes on below.
_OPEN_ENDING = regex.compile(
    r"(?:^|[\s(])(?:a|an|the|of|in|to|for|from|with|by|at|on|into|and|or|nor|its|their|his|"
    r"her|our|than|that|which|whose),?$|,\s+(?:a|an|the)\s+[a-z][\w-]*$"
)


def _continues(text: str, previous: tuple[int, int], start: int, end: int, wrapped: bool) -> bool:
    if text.count("\n", previous[1], start) > 1:
        return False  # a blank line between: a new paragraph
    before = text[previous[0] : previous[1]].rstrip()
    if before.isupper():
        return False  # an all-capitals headline stands alone
    if not before or before[-1] in ".!?:;\"')":
        return False
    first = text[start:end].lstrip()[:1]
    if first.islower():
        return True
    if _OPEN_ENDING.search(before) and first.isalnum():
        return True  # "fell to 2.1 pct from 4.7 pct in" / "1985.": the clause goes on
    indented = text[start] in " \t"
    long_line = len(before.strip()) >= _WRAPPED_LINE
    return wrapped and long_line and not indented and not first.isdigit()


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end], paragraph))
