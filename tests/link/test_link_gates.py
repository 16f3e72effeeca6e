"""Cheap gates in the link stage give the same results as the patterns they spare."""

from __future__ import annotations

import functools

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.link import (
    ambiguous_aliases,
    gazetteer,
    linker,
    linker_for,
    load_reference,
    ticker_mentions,
)

_SUFFIX_TOKENS = [
    "Acme",
    " Inc",
    " Inc.",
    ", Inc.",
    " Holdings",
    " Holding",
    " Group",
    " & Co",
    "\u00a0Ltd",
    "\tLLC",
    " plc",
    " A/S",
    " KGaA",
    " Chairman",
    " Apple",
    "'s",
    ",",
    " ",
    "-",
    ".",
    "\n",
]


@settings(max_examples=400, deadline=None, database=None)
@given(st.lists(st.sampled_from(_SUFFIX_TOKENS), max_size=6))
def test_suffix_end_matches_the_pattern(tokens: list[str]) -> None:
    text = "Acme" + "".join(tokens)
    match = gazetteer._SUFFIX_RUN.match(text, 4)
    assert gazetteer.suffix_end(text, 4) == (match.end() if match else 4)


def _sentence_by_steps(text: str, start: int, end: int) -> tuple[int, int]:
    left = start
    while left > 0 and text[left - 1] not in ".!?\n":
        left -= 1
    found = regex.search(r"[.!?\n]", text[end:])
    return left, end + found.start() if found else len(text)


@given(st.text(alphabet="ab .!?\n", max_size=30), st.data())
def test_sentence_bounds_are_found_as_by_steps(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    assert ambiguous_aliases._sentence(text, start, end) == _sentence_by_steps(text, start, end)


_OLD_NON_ASCII_LETTER = regex.compile(r"[^\x00-\x7f’‘“”–—…•·\u00a0\u2009\u200b]")


@given(st.text(alphabet="a’‘“”–—…•·\u00a0\u2009\u200bé阿\u200c", max_size=12))
def test_non_ascii_letter_test_matches_the_pattern(text: str) -> None:
    expected = _OLD_NON_ASCII_LETTER.search(text) is not None
    assert gazetteer._has_non_ascii_letter(text) is expected


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.text(alphabet="aZ1 .$-/&_(é", max_size=3),
    st.sampled_from(["T", "GE", "BRK.B", "BRK-B", "MSFT"]),
    st.text(alphabet="aZ1 .$-/&_)é", max_size=3),
)
def test_a_bare_ticker_match_is_always_apart(before: str, sym: str, after: str) -> None:
    """`_apart` only skips positions where the bare ticker pattern cannot give `sym`."""
    text = before + sym + after
    start, end = len(before), len(before) + len(sym)
    match = ticker_mentions._BARE_TICKER.match(text, start)
    if match is not None and match["sym"] == sym:
        assert ticker_mentions._apart(text, start, end)


@functools.lru_cache(maxsize=1)
def _linker() -> linker.Linker:
    return linker_for(load_reference())


_WORDS = [
    "Apple",
    "Inc",
    "analysts",
    "said",
    "in",
    "a",
    "note",
    "chief",
    "executive",
    "Bank",
    "of",
    "America",
    "Research",
    "Group",
    "Federal",
    "Reserve",
    "Ministry",
    "Finance",
    "shares",
    "rose",
    "(",
    ").",
]


@settings(max_examples=200, deadline=None, database=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=16))
def test_one_pass_finds_what_each_automaton_finds(words: list[str]) -> None:
    linker_ = _linker()
    folded = " " + gazetteer.fold_for_matching(" ".join(words))
    aliases, cues = linker_.word_starts.matches(folded)
    assert sorted(aliases, key=repr) == sorted(linker_.gazetteer._ascii.iter(folded), key=repr)
    assert sorted(cues, key=repr) == sorted(linker_.names._cues.iter(folded), key=repr)
