"""The unit patterns are only tried where they can match: the figures found stay the same."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.checks.amounts import _patterns

_AFTER_NUMBER = [
    "%",
    " %",
    " percent",
    " Per cent",
    " PCT",
    " percentage points",
    " basis points",
    " points",
    " pts",
    "m",
    "bn",
    "K",
    "\u212a",
    " million",
    " billion yuan",
    " ſwiss francs",
    " Swiss francs",
    " yen",
    " dollars",
    " and",
    " shares",
    ",",
    ".",
    ")",
    "-",
    "\u00a0",
    "\n",
    " ",
    "",
]


@settings(max_examples=400, deadline=None, database=None)
@given(
    st.sampled_from(["20", "5.3", "1,200", "$12", "HK$ 4"]),
    st.lists(st.sampled_from(_AFTER_NUMBER), max_size=3),
)
def test_unit_patterns_match_only_where_the_gate_allows(number: str, after: list[str]) -> None:
    text = number + "".join(after)
    end = len(number)
    patterns = _patterns()
    for pattern, opening in (
        (patterns.percent, patterns.percent_opening),
        (patterns.suffix, patterns.suffix_opening),
    ):
        if pattern.match(text, end) is not None:
            assert opening.allows(text, end), (pattern.pattern[:30], text)


def test_gates_cover_every_case_insensitive_first_letter() -> None:
    """A letter the patterns open with matches its other cases and their IGNORECASE twins."""
    patterns = _patterns()
    for opening, letters in (
        (patterns.percent_opening, "pb"),
        (patterns.suffix_opening, "mbktcluhsanrywegdpij"),
    ):
        for letter in letters:
            twins = {
                chr(code)
                for code in [*range(0x41, 0x7B), 0x130, 0x17F, 0x212A]
                if regex.fullmatch(letter, chr(code), regex.IGNORECASE)
            }
            assert twins <= opening.after_space, letter
