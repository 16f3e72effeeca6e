"""Clause boundaries tried only where one can start equal those of the pattern tried everywhere."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.extract.events.clauses import _CLAUSE_BOUNDARY, _boundary_starts
from tickerwire.extract.prefiltered import finditer_at

# Boundary words and their look-alikes, punctuation and dashes, and plain words.
_PIECES = (
    *("but", "butter", "as", "has", "as well", "as a result", "while", "which", "who", "whom"),
    *("due to", "due", "thanks to", "on the back of", "on", "weighed down by", "led by", "news"),
    *("news that", "reports that", "if", "profit", "since", "with", ", with", "; ", ": ", ":"),
    *(" - ", " – ", "—", "-", ",", ".", " ", "  ", "\n", "shares", "rose", "3%", "apple", "é"),
)


def _spans(lowered: str, everywhere: bool) -> list[tuple[int, int, bool]]:
    if everywhere:
        matches = list(_CLAUSE_BOUNDARY.finditer(lowered))
    else:
        matches = list(
            finditer_at(_CLAUSE_BOUNDARY, lowered, _boundary_starts(lowered), len(lowered))
        )
    return [(m.start(), m.end(), m.group("relative") is not None) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14))
def test_boundaries_at_possible_starts_are_all_boundaries(pieces: list[str]) -> None:
    lowered = " ".join(pieces)
    assert _spans(lowered, everywhere=False) == _spans(lowered, everywhere=True)


def test_boundaries_in_news_sentences() -> None:
    for sentence in (
        "shares of apple rose 3% on the back of strong iphone sales, while rivals fell",
        "nvidia, which reported results on wednesday, gained as well - the chipmaker said",
        "the stock fell 2% after news that regulators weighed down by concerns; it rebounded",
        "revenue grew—due to higher prices—but margins shrank: analysts were unsure",
    ):
        assert _spans(sentence, everywhere=False) == _spans(sentence, everywhere=True)
        assert _spans(sentence, everywhere=False)
