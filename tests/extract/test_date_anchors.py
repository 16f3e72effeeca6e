"""The anchor search of date expressions: the fast path finds what the pattern finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.extract import dates
from tickerwire.extract.dates import ANCHOR_WORDS
from tickerwire.extract.prefiltered import finditer_at, starts_of


def test_anchor_words_cover_every_word_branch() -> None:
    pattern = dates._ANCHOR.pattern
    names = re.search(r"\\b\(\?:((?:[A-Z][a-z]{2}\|?)+)\)", pattern)
    assert names is not None
    assert set(names.group(1).split("|")) <= set(ANCHOR_WORDS)
    for word in ("yesterday", "today", "tonight", "tomorrow"):
        assert f"[{word[0].upper()}{word[0]}]{word[1:]}" in pattern
        assert {word, word.capitalize()} <= set(ANCHOR_WORDS)
    assert pattern.endswith(r"|\b\d{1,4}[-/]\d")  # the number branch `_anchors` reads


_WORDS = st.sampled_from(
    [
        *("Jan.", "January", "Mon", "Monday", "MAY", "May", "Sunday's", "Yesterday", "today"),
        *("tonight,", "Tomorrow", "2024-01-31", "12/31", "1-2", "12345-6", "x/7", "2024/", "7"),
        *("rose", "on", "the", "Decline", "Today's", "٣-٤", "-", "/"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.sampled_from([" ", "", "\n"]))
def test_fast_anchors_equal_the_pattern(words: list[str], gap: str) -> None:
    text = gap.join(words)
    expected = [m.span() for m in dates._ANCHOR.finditer(text)]
    assert [m.span() for m in dates._anchors(text)] == expected


_PERIOD_WORDS = st.sampled_from(
    [
        *("the", "The", "three", "3", "12", "six-month", "months", "quarter", "year", "ended"),
        *("ending", "to", "December", "Dec.", "31,", "2024", "June-quarter", "first", "4th"),
        *("fiscal", "Q3", "FQ2", "FY24", "full-year", "latest", "prior-year", "same", "of"),
        *("just-ended", "calendar", "second", "holiday", "period", "'25", "FY", "2"),
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_PERIOD_WORDS, max_size=12), st.sampled_from([" ", "-", "\n"]))
def test_periods_tried_at_their_starts_equal_the_pattern(words: list[str], gap: str) -> None:
    text = gap.join(words)
    expected = [m.span() for m in dates._PERIODS.finditer(text, 0, len(text))]
    starts = starts_of(text, dates.PERIOD_STARTS, 0, len(text))
    assert [m.span() for m in finditer_at(dates._PERIODS, text, starts, len(text))] == expected
