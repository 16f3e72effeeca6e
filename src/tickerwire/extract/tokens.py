"""Words of a document and fast phrase lookup over them.

Long alternations of words ("rose|fell|jumped|...", a hundred nouns) are slow as regular
expressions because the engine tries each one at every position. Reading the words once per
document and looking each up in a table is several times faster; `PhraseTable` does that for
single words and for short phrases ("share count", "ticked up").
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

_WORD = re.compile(r"[A-Za-z][A-Za-z'&.-]*")
# A Reuters code run into the next word by a lost space ("AAPL.Ofell", "CVX.Nadded"): the
# code and the word are two words. Only the common exchange suffixes (link.tickers has them
# all): "X.Company" is no code.
_RIC_GLUED = re.compile(
    r"[A-Z0-9]{1,6}[a-z]?\.(?:OQ|O|N|A|K|P|L|HK|TO|T|SS|SZ|KS|AX|DE|PA|AS|MI|SW|V|S|F|ST)"
    r"(?=[a-z]{2,}$)"
)
# A US code run into the name before it ("ChevronCVX.Nadded", "MobilXOM.N"): where the name
# ends (the linker finds the code there only when the name is its company's).
_NAME_GLUED = re.compile(r"(?<=[a-z])(?=[A-Z]{2,5}\.(?:OQ|O|N)(?:[a-z]{2,})?$)")


def _glued_heads(written: str) -> list[str]:
    """The words a Reuters code glued to its neighbours splits off the front of `written`:
    "ChevronCVX.Nadded" -> ["Chevron", "CVX.N"] (then "added" is the word left)."""
    heads = []
    named = _NAME_GLUED.search(written)
    if named is not None:
        heads.append(written[: named.start()])
        written = written[named.start() :]
    glued = _RIC_GLUED.match(written)
    if glued is not None:
        heads.append(written[: glued.end()])
    return heads


@dataclass(frozen=True)
class Tokens:
    """The words of a text: parallel lists of starts, ends and lower-cased forms.

    A trailing full stop or apostrophe-s is not part of the lower-cased form ("Inc." -> "inc",
    "Alibaba's" -> "alibaba"), so that tables hold plain words.
    """

    text: str
    starts: list[int]
    ends: list[int]
    words: list[str]

    @classmethod
    def of(cls, text: str, start: int = 0, end: int | None = None) -> Tokens:
        """The words of text[start:end] (offsets stay those of `text`)."""
        starts: list[int] = []
        ends: list[int] = []
        words: list[str] = []
        # findall and str.find are cheaper than finditer's match objects; a word starts with a
        # letter and none lies between two words, so the next occurrence is the word itself
        find = text.find
        offset = start
        for written in _WORD.findall(text, start, len(text) if end is None else end):
            offset = find(written, offset)
            if "." in written:
                for head in _glued_heads(written):
                    starts.append(offset)
                    ends.append(offset + len(head))
                    words.append(head.lower())
                    offset += len(head)
                    written = written[len(head) :]
            starts.append(offset)
            offset += len(written)
            ends.append(offset)
            word = written.lower().rstrip(".-'")
            words.append(word[:-2] if word.endswith("'s") else word)
        return cls(text, starts, ends, words)

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Indexes [lo, hi) of the words lying inside text[start:end]."""
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        while hi > lo and self.ends[hi - 1] > end:
            hi -= 1
        return lo, hi


@dataclass(frozen=True)
class PhraseMatch:
    start: int  # character offsets
    end: int
    label: str
    first: int  # word indexes [first, last)
    last: int


class PhraseTable:
    """Phrases of one to three words, each with a label; the longest phrase at a word wins."""

    def __init__(self, phrases: Mapping[str, str]):
        self._by_first: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for phrase, label in phrases.items():
            words = tuple(phrase.lower().split())
            self._by_first.setdefault(words[0], []).append((words, label))
        for options in self._by_first.values():
            options.sort(key=lambda option: -len(option[0]))

    def match_at(self, tokens: Tokens, index: int, hi: int) -> PhraseMatch | None:
        """The longest phrase starting at word `index` (words up to `hi`), if any."""
        options = self._by_first.get(tokens.words[index])
        if not options:
            return None
        for words, label in options:
            last = index + len(words)
            if last > hi:
                continue
            if all(tokens.words[index + k] == words[k] for k in range(1, len(words))) and all(
                tokens.text[tokens.ends[k] : tokens.starts[k + 1]].isspace()
                for k in range(index, last - 1)
            ):
                return PhraseMatch(tokens.starts[index], tokens.ends[last - 1], label, index, last)
        return None

    def find(self, tokens: Tokens, lo: int, hi: int) -> Iterator[PhraseMatch]:
        """Phrases in words [lo, hi), left to right, not overlapping."""
        openers, words = self._by_first, tokens.words
        index = lo
        while index < hi:
            # most words open no phrase: skip them without the call
            match = self.match_at(tokens, index, hi) if words[index] in openers else None
            if match is None:
                index += 1
                continue
            yield match
            index = match.last

    def last_before(self, tokens: Tokens, lo: int, hi: int) -> PhraseMatch | None:
        """The phrase that ends last among words [lo, hi)."""
        openers, words = self._by_first, tokens.words
        for index in range(hi - 1, lo - 1, -1):
            if words[index] in openers:
                match = self.match_at(tokens, index, hi)
                if match is not None:
                    return match
        return None


def forms(*groups: Iterable[str], label: str) -> dict[str, str]:
    """A phrase table's entries: every phrase of `groups` with one label."""
    return {phrase: label for group in groups for phrase in group}
