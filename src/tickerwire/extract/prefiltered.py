"""A compiled pattern that skips its search where the strings every match needs are missing.

`prefiltered(regex.compile(...))` behaves as the pattern itself for `search`, `finditer` and
`sub`: the same results, found faster where most calls find nothing. Before running the engine
it looks in the searched range for the strings `literals.required_literals` reads from the
pattern ("because", "due", "thanks" ...); a range holding none of them cannot match, and the
call returns what a failed search returns. Worth it for long alternations tried on many short
ranges (a sentence, the words before a number); a pattern whose matches need no known string is
searched as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any, Generic, TypeVar

import ahocorasick
import regex

from tickerwire.extract.literals import Literals, required_literals

MatchT = TypeVar("MatchT", regex.Match[str], re.Match[str])


class Prefiltered(Generic[MatchT]):
    """`pattern`'s searches, each first tested for the strings its matches hold."""

    __slots__ = ("_may_match_in", "_pattern", "flags", "pattern")

    def __init__(self, compiled: Any, literals: Literals | None) -> None:
        self._pattern = compiled
        # The test itself, not the `Literals`: one call per search, not three.
        self._may_match_in = literals.may_match_in if literals is not None else None
        self.pattern: str = compiled.pattern
        self.flags: int = compiled.flags

    # `string[pos:endpos]` is the searched range: slicing clips `endpos` to the string's end
    # (and `None` means the end) as the engine does.

    def search(self, string: str, pos: int = 0, endpos: int | None = None) -> MatchT | None:
        may_match_in = self._may_match_in
        if may_match_in is not None and not may_match_in(string[pos:endpos]):
            return None
        if endpos is None:
            return self._pattern.search(string, pos)
        return self._pattern.search(string, pos, endpos)

    def finditer(self, string: str, pos: int = 0, endpos: int | None = None) -> Iterator[MatchT]:
        may_match_in = self._may_match_in
        if may_match_in is not None and not may_match_in(string[pos:endpos]):
            return iter(())
        if endpos is None:
            return self._pattern.finditer(string, pos)
        return self._pattern.finditer(string, pos, endpos)

    def sub(self, repl: Any, string: str, count: int = 0) -> str:
        may_match_in = self._may_match_in
        if may_match_in is not None and not may_match_in(string):
            return string  # nothing to replace
        return self._pattern.sub(repl, string, count)


def prefiltered(compiled: regex.Pattern[str]) -> Prefiltered[regex.Match[str]]:
    """`compiled`, with its searches skipped where they cannot match (see the module)."""
    return Prefiltered(compiled, required_literals(compiled))


def prefiltered_re(compiled: re.Pattern[str]) -> Prefiltered[re.Match[str]]:
    """`prefiltered` for a pattern of the standard library's engine."""
    return Prefiltered(compiled, required_literals(compiled))


# More strings than this are looked for with one Aho-Corasick pass, not one `str.find` loop
# each: measured on the calls of an FNSPID run (5,213, of 1 to 60 strings), the pass costs less
# from about six strings on, and the whole costs 40% of the loops'.
_MAX_FIND_LOOPS = 6


@lru_cache(maxsize=256)  # one entry per tuple of leading strings: a few dozen
def _start_automaton(strings: tuple[str, ...]) -> ahocorasick.Automaton:
    """An automaton of `strings`, each found with its length less one (end to start)."""
    automaton = ahocorasick.Automaton()
    for string in strings:
        automaton.add_word(string, len(string) - 1)
    automaton.make_automaton()
    return automaton


def starts_of(text: str, strings: tuple[str, ...], start: int, end: int) -> list[int]:
    """Where each of `strings` starts in text[start:end] (overlaps included), in order."""
    if len(strings) > _MAX_FIND_LOOPS:
        # The automaton copies the string it reads (as UCS-4): give it the range, not the text.
        hits = _start_automaton(strings).iter(text[start:end])
        return sorted({start + last - back for last, back in hits})
    found: set[int] = set()
    find = text.find
    for string in strings:
        at = find(string, start, end)
        while at >= 0:
            found.add(at)
            at = find(string, at + 1, end)
    return sorted(found)


def finditer_at(
    pattern: regex.Pattern[str], text: str, starts: list[int], end: int
) -> Iterator[regex.Match[str]]:
    """`pattern.finditer(text, starts[0]..., end)` for a pattern that can only match at one of
    `starts` (sorted): the same non-empty, non-overlapping matches in the same order, each
    tried only where it can begin instead of at every character."""
    position = 0
    for at in starts:
        if at < position:
            continue
        match = pattern.match(text, at, end)
        if match is not None:
            yield match
            position = match.end()
