"""Strings a regular expression cannot match without: a cheap test before running it.

Most event and metric patterns are long alternations that find nothing in most sentences, and
the engine tries every branch at every position before saying so. `required_literals` reads a
pattern once and returns a few strings one of which every match must hold ("launch", "unveil",
"introduc", ...); `str.find` for them costs a fraction of a regular-expression search, so a
sentence without any of them skips the search. The answer is exact (a sentence the test skips
holds no match), never a guess: when the pattern has a part the reading does not know, there is
no test (`None`) and the pattern always runs.

The pattern is read with the standard library's parser (`re._parser`): `regex`'s syntax for the
patterns of this package is the same, and a pattern it cannot parse, or with a flag outside the
shared ones, gets no test.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import ahocorasick
import regex

# Sets of strings larger than this are not multiplied out (a test with hundreds of strings
# costs as much as the search it saves); 64 keeps "(?:a|b|c)\s*(?:d|e)"-style runs exact.
_MAX_STRINGS = 64
_MAX_CLASS = 8  # a character class of up to this many characters is a set of one-letter strings
_SHARED_FLAGS = int(
    regex.IGNORECASE | regex.VERBOSE | regex.MULTILINE | regex.DOTALL | regex.UNICODE | regex.V0
)
_FLAG_MAP = {
    int(regex.IGNORECASE): re.IGNORECASE,
    int(regex.VERBOSE): re.VERBOSE,
    int(regex.MULTILINE): re.MULTILINE,
    int(regex.DOTALL): re.DOTALL,
}
_REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT}
_ZERO_WIDTH = {sre.AT, sre.ASSERT, sre.ASSERT_NOT}


@dataclass(frozen=True)
class _Info:
    """What a part of a pattern matches: exactly one of `exact` (when known and small), and
    one string of each set of `required` as a substring (empty: nothing known)."""

    exact: frozenset[str] | None
    required: tuple[frozenset[str], ...] = ()


_UNKNOWN = _Info(None)
_EMPTY = _Info(frozenset({""}))
# Sets tested per alternative: the most selective few; a sentence rarely passes three.
_MAX_SETS = 3

Conjunction = tuple[tuple[str, ...], ...]  # one string of each group must be there


# A group of more strings than this is looked for with one Aho-Corasick pass, not one `in`
# test each (measured on FNSPID sentences: a pass costs about as much as ten tests).
_MAX_FINDS = 10


def _automaton(strings: tuple[str, ...]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for string in strings:
        automaton.add_word(string, string)
    automaton.make_automaton()
    return automaton


def _shortest_only(group: tuple[str, ...]) -> tuple[str, ...]:
    """`group` less the strings that hold another of its strings: a segment holding "hours"
    holds "hour", so one of ("hour", "hours") is there exactly when "hour" is."""
    return tuple(s for s in group if not any(o != s and o in s for o in group))


def _compile_test(
    alternatives: tuple[Conjunction, ...], lowered: bool
) -> tuple[Callable[[str], bool], Callable[[str], bool]]:
    """Two functions of a segment: whether it holds one string of each group of one of
    `alternatives`, and the same for a segment not yet lower-cased.

    The test is written out as one Python expression ("'after' in s and ('hour' in s or 'bell'
    in s) or ...") and compiled once: a loop over the groups costs several times the `in` tests
    it runs, and these tests run a few hundred times per article (measured with callgrind on
    FNSPID articles: the loop was the largest cost of the pre-test). A group of many strings is
    one Aho-Corasick pass instead.
    """
    namespace: dict[str, Any] = {"_next": next}
    terms: list[str] = []
    for groups in alternatives:
        parts: list[str] = []
        for group in groups:
            strings = _shortest_only(group)
            if len(strings) > _MAX_FINDS:
                name = f"_automaton{len(namespace)}"
                namespace[name] = _automaton(strings)
                parts.append(f"_next({name}.iter(s), None) is not None")
            else:
                parts.append("(" + " or ".join(f"{string!r} in s" for string in strings) + ")")
        terms.append("(" + " and ".join(parts) + ")")
    body = " or ".join(terms) if terms else "False"
    # Ignoring case, "k" also matches the Kelvin sign and "s" the long s: only an ASCII text
    # is sure to hold the lower-cased string of every match (see `Literals.may_match`).
    prepare = "    if not s.isascii():\n        return True\n    s = s.lower()\n" if lowered else ""
    source = (
        f"def held_in(s):\n    return {body}\ndef may_match_in(s):\n{prepare}    return {body}\n"
    )
    exec(compile(source, "<required literals>", "exec"), namespace)
    return namespace["held_in"], namespace["may_match_in"]


@dataclass(frozen=True)
class Literals:
    """What every match holds: for one of `alternatives`, one string of each of its groups.

    `held_in(segment)` tells whether `segment` holds that (`segment` already lower-cased for
    a pattern that ignores case); `may_match_in(segment)` is the same for a segment of a text
    not lower-cased beforehand. Both are False only where the pattern cannot match.
    """

    alternatives: tuple[Conjunction, ...]
    lowered: bool  # the pattern ignores case: look in the lower-cased text, only if ASCII
    held_in: Callable[[str], bool] = field(init=False, repr=False, compare=False)
    may_match_in: Callable[[str], bool] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        held_in, may_match_in = _compile_test(self.alternatives, self.lowered)
        object.__setattr__(self, "held_in", held_in)
        object.__setattr__(self, "may_match_in", may_match_in)

    def may_match(self, text: str, lowered_text: str, start: int, end: int) -> bool:
        """False when text[start:end] lacks what every match holds, so the pattern cannot
        match there. `lowered_text` is `text` lower-cased with the same offsets."""
        source = text
        if self.lowered:
            # Ignoring case, "k" also matches the Kelvin sign and "s" the long s: only an
            # ASCII text is sure to hold the lower-cased string of every match.
            if not text.isascii() and not text[start:end].isascii():
                return True
            source = lowered_text
        return self.held_in(source[start:end])


@lru_cache(maxsize=1024)  # one entry per module-level pattern: a few hundred
def required_literals(pattern: regex.Pattern[str] | re.Pattern[str]) -> Literals | None:
    """What every match of `pattern` holds (see `Literals`); None if nothing is known."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    tree, ignore_case = parsed
    alternatives: list[Conjunction] = []
    for items in _top_alternatives(tree):
        required = _sequence(items, ignore_case).required
        if not required:
            return None  # one way to match holds nothing known
        alternatives.append(tuple(tuple(sorted(group)) for group in required))
    return Literals(tuple(alternatives), ignore_case)


def _parse(
    pattern: regex.Pattern[str] | re.Pattern[str],
) -> tuple[list[tuple[Any, Any]], bool] | None:
    """The parse tree of `pattern` and whether it ignores case; None when a flag outside the
    shared ones is set or the standard parser does not read it as `regex` does."""
    flags = int(pattern.flags)
    if flags & ~_SHARED_FLAGS:
        return None
    re_flags = 0
    for flag, re_flag in _FLAG_MAP.items():
        if flags & flag:
            re_flags |= re_flag
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # "possible nested set": regex reads it otherwise
            tree = sre_parse.parse(pattern.pattern, re_flags)
    except (re.error, Warning, RecursionError):
        return None
    return list(tree), bool(flags & regex.IGNORECASE)


def _group_flags_known(add_flags: int, del_flags: int, ignore_case: bool) -> bool:
    """Whether a group's inline flags keep its strings findable: only the shared flags, and no
    case-insensitive part in a case-sensitive pattern (its strings would be looked for in a text
    not lower-cased)."""
    if (add_flags | del_flags) & ~(re.IGNORECASE | re.VERBOSE | re.MULTILINE | re.DOTALL):
        return False
    return not (add_flags & re.IGNORECASE and not ignore_case)


def _top_alternatives(items: list[tuple[Any, Any]]) -> list[list[tuple[Any, Any]]]:
    """The ways a pattern can match: "(?P<cue>\\b(?:A|B))" is "\\bA" or "\\bB", each with its
    own required words (a pattern of three branches need not share one word list)."""
    solid = [(op, av) for op, av in items if op not in _ZERO_WIDTH]
    if len(solid) != 1:
        return [items]
    op, av = solid[0]
    if op is sre.SUBPATTERN and not (av[1] | av[2]):
        return _top_alternatives(list(av[3]))
    if op is sre.BRANCH:
        return [alt for branch in av[1] for alt in _top_alternatives(list(branch))]
    return [items]


def _usable(candidates: Iterable[frozenset[str]]) -> list[frozenset[str]]:
    return [c for c in candidates if c and "" not in c]


def _selectivity(strings: frozenset[str]) -> tuple[int, int]:
    """Longer shortest string first (rarer in text), then fewer strings."""
    return (min(map(len, strings)), -len(strings))


def _best(info: _Info) -> frozenset[str] | None:
    """The single most selective set every match of `info` holds a string of."""
    usable = _usable([*info.required, *([info.exact] if info.exact is not None else [])])
    return max(usable, key=_selectivity) if usable else None


def _sequence(items: list[tuple[Any, Any]], ignore_case: bool) -> _Info:
    """A concatenation: runs of exact parts multiply out; every run and every part's sets
    are held by each match, so all of them (the most selective few) are required together."""
    candidates: list[frozenset[str]] = []
    run: frozenset[str] = frozenset({""})
    exact = True
    for op, av in items:
        part = _node(op, av, ignore_case)
        if part.exact is not None and len(run) * len(part.exact) <= _MAX_STRINGS:
            run = frozenset(a + b for a in run for b in part.exact)
            continue
        exact = False
        candidates.append(run)
        candidates.extend(part.required)
        run = part.exact if part.exact is not None else frozenset({""})
    candidates.append(run)
    usable = sorted(set(_usable(candidates)), key=_selectivity, reverse=True)
    return _Info(run if exact else None, tuple(usable[:_MAX_SETS]))


def _node(op: Any, av: Any, ignore_case: bool) -> _Info:
    if op is sre.LITERAL:
        return _char(chr(av), ignore_case)
    if op is sre.IN:
        return _char_class(av, ignore_case)
    if op in _ZERO_WIDTH:
        return _EMPTY  # a boundary or a look-around consumes nothing
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if not _group_flags_known(add_flags, del_flags, ignore_case):
            return _UNKNOWN
        # A case-sensitive part of a case-insensitive pattern is looked for in lower case
        # too: text holding "Qwen" holds "qwen" once lower-cased.
        return _sequence(list(sub), ignore_case)
    if op is sre.ATOMIC_GROUP:
        return _sequence(list(av), ignore_case)
    if op is sre.BRANCH:
        return _branch(av[1], ignore_case)
    if op in _REPEATS:
        low, high, sub = av
        part = _sequence(list(sub), ignore_case)
        if low == 1 and high == 1:
            return part
        if low == 0:
            if high == 1 and part.exact is not None and len(part.exact) < _MAX_STRINGS:
                return _Info(part.exact | {""})
            return _UNKNOWN
        return _Info(None, _with_exact(part))
    return _UNKNOWN


def _with_exact(info: _Info) -> tuple[frozenset[str], ...]:
    """Every set a match of `info` holds a string of, its exact strings included."""
    exact = _usable([info.exact] if info.exact is not None else [])
    return tuple(sorted({*info.required, *exact}, key=_selectivity, reverse=True))[:_MAX_SETS]


def _branch(branches: list[Any], ignore_case: bool) -> _Info:
    parts = [_sequence(list(b), ignore_case) for b in branches]
    exact: frozenset[str] | None = None
    if all(p.exact is not None for p in parts):
        union = frozenset().union(*(p.exact for p in parts if p.exact is not None))
        exact = union if len(union) <= _MAX_STRINGS else None
    required: set[str] = set()
    for part in parts:
        best = _best(part)
        if best is None:
            return _Info(exact)
        required |= best
    return _Info(exact, (frozenset(required),) if len(required) <= _MAX_STRINGS else ())


def _char(char: str, ignore_case: bool) -> _Info:
    if not ignore_case:
        return _Info(frozenset({char}))
    if not char.isascii():
        # a non-ASCII letter may match an ASCII one ignoring case (the Kelvin sign, "k")
        return _Info(frozenset({char})) if char.lower() == char.upper() else _UNKNOWN
    return _Info(frozenset({char.lower()}))


def _char_class(items: list[tuple[Any, Any]], ignore_case: bool) -> _Info:
    chars: set[str] = set()
    for op, av in items:
        if op is sre.LITERAL:
            chars.add(chr(av))
        elif op is sre.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:
            return _UNKNOWN  # a negated class, a category (\s, \w) or a wide range
    if len(chars) > _MAX_CLASS:
        return _UNKNOWN
    result: set[str] = set()
    for char in chars:
        info = _char(char, ignore_case)
        if info.exact is None:
            return _UNKNOWN
        result |= info.exact
    return _Info(frozenset(result))


@lru_cache(maxsize=1024)  # one entry per module-level pattern: a few hundred
def leading_strings(pattern: regex.Pattern[str] | re.Pattern[str]) -> tuple[str, ...] | None:
    """Strings one of which every match of `pattern` starts with (lower-cased if the pattern
    ignores case); None if not known. With them a search can try the pattern only where one
    starts (`prefiltered.finditer_at`)."""
    parsed = _parse(pattern)
    if parsed is None:
        return None
    found = _leading(*parsed)
    return tuple(sorted(found)) if found else None


def _leading(items: list[tuple[Any, Any]], ignore_case: bool) -> frozenset[str] | None:
    """The strings every match of a sequence starts with: its leading exact parts multiplied
    out, then the leading strings of the first part that is not exact."""
    run: frozenset[str] = frozenset({""})
    for index, (op, av) in enumerate(items):
        part = _node(op, av, ignore_case)
        if part.exact is not None and len(run) * len(part.exact) <= _MAX_STRINGS:
            run = frozenset(a + b for a in run for b in part.exact)
            continue
        lead: frozenset[str] | None = None
        if part.exact is None and op in _REPEATS and av[0] == 0:
            lead = _optional_leading(av, items[index + 1 :], ignore_case)
        elif part.exact is None:
            lead = _leading_of(op, av, ignore_case)
        if lead is not None and len(run) * len(lead) <= _MAX_STRINGS:
            run = frozenset(a + b for a in run for b in lead)
        break
    return None if "" in run else run


def _optional_leading(
    repeat: Any, rest: list[tuple[Any, Any]], ignore_case: bool
) -> frozenset[str] | None:
    """The strings a match starts with at an optional part ("(?:Chinese|global)\\s+)?tech"):
    those of the part (followed by the rest when it stands at most once) and those of the rest
    without it. A part that may repeat leads with its own strings only: "(?:ab)*c" can start
    "abab"."""
    _, high, sub = repeat
    taken = _leading([*sub, *rest] if high == 1 else list(sub), ignore_case)
    skipped = _leading(rest, ignore_case)
    if taken is None or skipped is None:
        return None
    union = taken | skipped
    return union if len(union) <= _MAX_STRINGS else None


def _leading_of(op: Any, av: Any, ignore_case: bool) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        if not _group_flags_known(add_flags, del_flags, ignore_case):
            return None
        return _leading(list(sub), ignore_case)
    if op is sre.ATOMIC_GROUP:
        return _leading(list(av), ignore_case)
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in av[1]:
            lead = _leading(list(branch), ignore_case)
            if lead is None:
                return None
            union |= lead
        return frozenset(union)
    if op in _REPEATS and av[0] >= 1:
        return _leading(list(av[2]), ignore_case)
    return None
