"""Sentence-end marks: the fast path finds what the pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.extract import sentences

_PIECES = st.sampled_from(
    ["Shares", "rose", "3.5%", "Inc.", "U.S.", "?!", "...", '."', ".)", "'", "\n", " ", "!", "x"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIECES, max_size=20), st.integers(0, 6), st.integers(0, 6))
def test_fast_end_marks_equal_the_pattern(pieces: list[str], lead: int, trail: int) -> None:
    text = " ".join(pieces)
    start, end = min(lead, len(text)), max(min(lead, len(text)), len(text) - trail)
    expected = [m.span() for m in sentences._END.finditer(text, start, end)]
    assert [m.span() for m in sentences._end_matches(text, start, end)] == expected
