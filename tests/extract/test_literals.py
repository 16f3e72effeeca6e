"""The literal pre-test of a pattern: exact (never skips a sentence the pattern matches)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.extract.events.generic import compile_rule
from tickerwire.extract.literals import Literals, leading_strings, required_literals
from tickerwire.extract.prefiltered import finditer_at, prefiltered, starts_of


def _strings(pattern: regex.Pattern[str]) -> list[list[set[str]]] | None:
    found = required_literals(pattern)
    if found is None:
        return None
    return [[set(group) for group in groups] for groups in found.alternatives]


def test_alternation_of_words_gives_its_words() -> None:
    pattern = compile_rule(r"\b(?:launch(?:ed|es)|unveil(?:ed|s))\s+(?P<obj>\w+)")
    assert _strings(pattern) == [[{"launched", "launches", "unveiled", "unveils"}]]


def test_every_part_of_a_sequence_is_required() -> None:
    pattern = regex.compile(r"\b(?:an?)\s+(?:quarterly\s+)?dividend\s+(?:of|worth)\b")
    assert _strings(pattern) == [[{"dividend"}, {"of", "worth"}, {"a", "an"}]]
    text = "a dividend was paid, worth noting"
    assert required_literals(pattern).may_match(text, text, 0, len(text))  # type: ignore[union-attr]
    text = "a dividend was paid"
    assert not required_literals(pattern).may_match(text, text, 0, len(text))  # type: ignore[union-attr]


def test_top_level_branches_are_tried_apart() -> None:
    pattern = regex.compile(r"(?P<cue>\b(?:results\s+(?:are\s+)?due|will\s+report))")
    assert _strings(pattern) == [[{"results"}, {"due"}], [{"report"}, {"will"}]]
    found = required_literals(pattern)
    assert found is not None
    text = "results will be good"  # a word of each branch, neither branch whole
    assert not found.may_match(text, text, 0, len(text))


def test_optional_and_open_patterns_give_no_test() -> None:
    assert required_literals(regex.compile(r"\w+\s*(?:of)?")) is None
    assert required_literals(regex.compile(r"(?:rose|\d+)")) is None  # one branch is unknown
    # a case-insensitive part of a case-sensitive pattern would need the lower-cased text
    assert required_literals(regex.compile(r"(?i:shares)")) is None


def test_case_insensitive_pattern_reads_lower_case_ascii_text() -> None:
    pattern = regex.compile(r"\bbuy\s*back\b", regex.IGNORECASE)
    literals = required_literals(pattern)
    assert literals is not None and literals.lowered
    text = "Apple unveiled a BUYBACK plan."
    assert literals.may_match(text, text.lower(), 0, len(text))
    assert not literals.may_match(text, text.lower(), 0, 15)
    # the Kelvin sign matches "k" ignoring case: a non-ASCII text is always searched
    kelvin = regex.compile(r"kin", regex.IGNORECASE)
    odd = "\u212aIN"
    assert kelvin.search(odd) is not None
    found = required_literals(kelvin)
    assert found is not None and found.may_match(odd, odd.lower(), 0, len(odd))


_PATTERNS = [
    compile_rule(r"(?P<cue>\b(?:acquir(?:e|es|ed)|agreed\s+to\s+(?:buy|purchase)))\s+\w+"),
    compile_rule(r"\b(?:raised|cut)\s+(?:its\s+)?(?:annual\s+)?(?:forecast|outlook)\b"),
    regex.compile(r"(?-i:[A-Z][a-z]+)\s+(?:said|says)\b", regex.IGNORECASE),
    regex.compile(r"(?:up|down)\s+[\d.]+%|[+-][\d.]+%"),
    regex.compile(r"[$€£]\s?\d+(?:\.\d+)?\s*(?:billion|million|bn|mln)", regex.IGNORECASE),
    # optional and repeated lead-ins: matches start at the part or after it
    compile_rule(r"(?P<cue>\b(?:(?:its|annual)\s+)?(?:forecast|outlook))\b"),
    regex.compile(r"(?:up\s+)*down\b"),
]
_WORDS = st.sampled_from(
    [
        *("acquire", "acquired", "agreed", "to", "buy", "purchase", "raised", "cut", "its"),
        *("annual", "forecast", "outlook", "Nomura", "said", "says", "up", "down", "5.2%"),
        *("+3%", "-1.5%", "$", "€", "12", "4.5", "billion", "Billion", "mln", "the", "a"),
        *(",", ".", "ÄB", "\u212a"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12), st.sampled_from([" ", "  ", "\n"]))
def test_no_sentence_with_a_match_is_skipped(words: list[str], gap: str) -> None:
    text = gap.join(words)
    lowered = text.lower() if len(text.lower()) == len(text) else text
    for pattern in _PATTERNS:
        literals = required_literals(pattern)
        assert literals is not None
        source = text if pattern.flags & regex.IGNORECASE else lowered
        if pattern.search(source) is not None:
            assert literals.may_match(source, lowered, 0, len(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12), st.integers(0, 20), st.integers(0, 80))
def test_prefiltered_pattern_finds_what_the_pattern_finds(
    words: list[str], pos: int, length: int
) -> None:
    text = " ".join(words)
    endpos = min(len(text), pos + length)
    for compiled in _PATTERNS:
        fast = prefiltered(compiled)
        expected = compiled.search(text, pos, endpos)
        found = fast.search(text, pos, endpos)
        assert (found and found.span()) == (expected and expected.span())
        assert [m.span() for m in fast.finditer(text, pos)] == [
            m.span() for m in compiled.finditer(text, pos)
        ]
        assert fast.sub("#", text) == compiled.sub("#", text)


def test_leading_strings_are_where_every_match_starts() -> None:
    pattern = compile_rule(r"(?<!\bnot\s)(?P<cue>\b(?:launch(?:ed|es)|(?:will|to)\s+launch))\b")
    assert leading_strings(pattern) == ("launched", "launches", "to", "will")
    # an optional part leads with its own strings or lets the rest lead
    assert leading_strings(regex.compile(r"(?:the\s+)?quarter")) == ("quarter", "the")
    # a part that may repeat leads with one round of itself: "ababc" starts "ab", not "abc"
    assert leading_strings(regex.compile(r"(?:ab)*c")) == ("ab", "c")
    assert leading_strings(regex.compile(r"(?:\w+\s+)?tech")) is None  # may start anywhere


@settings(max_examples=200, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=12), st.integers(0, 20))
def test_tried_only_at_leading_strings_finds_what_the_pattern_finds(
    words: list[str], start: int
) -> None:
    text = " ".join(words)
    lowered = text.lower()
    start = min(start, len(text))
    for compiled in _PATTERNS:
        leading = leading_strings(compiled)
        if leading is None or (compiled.flags & regex.IGNORECASE and not text.isascii()):
            continue
        source = text if compiled.flags & regex.IGNORECASE else lowered
        starts = starts_of(lowered, leading, start, len(text))
        expected = [m.span() for m in compiled.finditer(source, start, len(text))]
        assert [m.span() for m in finditer_at(compiled, source, starts, len(text))] == expected


def _holds(alternatives: tuple[tuple[tuple[str, ...], ...], ...], segment: str) -> bool:
    """The pre-test's meaning, read plainly: one string of each group of one alternative."""
    return any(
        all(any(string in segment for string in group) for group in groups)
        for groups in alternatives
    )


_PIECES = st.text(alphabet="abcd-' ", min_size=1, max_size=4)
_ALTERNATIVES = st.lists(
    # groups of up to 14 strings: those past ten are looked for with an automaton
    st.lists(st.lists(_PIECES, min_size=1, max_size=14, unique=True), min_size=1, max_size=3),
    min_size=1,
    max_size=4,
)


@settings(max_examples=300, deadline=None)
@given(_ALTERNATIVES, st.text(alphabet="abcdABCD-' \u212a", max_size=30))
def test_compiled_test_holds_what_the_groups_say(
    alternatives: list[list[list[str]]], segment: str
) -> None:
    shaped = tuple(tuple(tuple(sorted(group)) for group in groups) for groups in alternatives)
    plain = Literals(shaped, lowered=False)
    assert plain.held_in(segment) == _holds(shaped, segment)
    assert plain.may_match_in(segment) == _holds(shaped, segment)
    lowered = Literals(shaped, lowered=True)
    assert lowered.held_in(segment) == _holds(shaped, segment)
    # a non-ASCII segment always may match (the Kelvin sign is a "k" ignoring case)
    expected = _holds(shaped, segment.lower()) if segment.isascii() else True
    assert lowered.may_match_in(segment) == expected


def test_a_group_is_held_by_its_shortest_strings() -> None:
    literals = Literals(((("hour", "hours", "after-hours"),),), lowered=True)
    assert literals.may_match_in("Shares slipped after HOURS")
    assert literals.may_match_in("an hour later")
    assert not literals.may_match_in("in late trading")
