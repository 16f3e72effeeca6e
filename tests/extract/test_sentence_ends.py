"""Sentence-end candidates found from the punctuation marks equal the pattern's matches."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.extract.sentences import _candidate_ends, split_sentences

# What `_candidate_ends` replaces: tried at every character of the range.
_END = regex.compile(r"""[.!?]+['")\]]*(?=\s)""")

# Marks, closers, the spaces `regex` and `str.isspace` disagree on, and plain characters.
_ALPHABET = ".!?'\")] \n\t\x1c\x1f\u2009\u00a0\u200bAa1,"


def _by_pattern(text: str, start: int, end: int) -> list[tuple[int, int]]:
    return [m.span() for m in _END.finditer(text, start, end)]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_candidate_ends_are_the_pattern_matches(text: str, start: int, length: int) -> None:
    start = min(start, len(text))
    end = min(len(text), start + length)
    assert _candidate_ends(text, start, end) == _by_pattern(text, start, end)


def test_candidate_ends_in_news_sentences() -> None:
    text = (
        'Nvidia Corp. rose 3.5% on Friday. "It was a strong quarter!" the CEO said... '
        "Shares of Apple (AAPL.) fell?! Analysts at U.S. banks were surprised.\x1cNext"
    )
    for start, end in ((0, len(text)), (0, 33), (10, 60), (34, len(text) - 5)):
        assert _candidate_ends(text, start, end) == _by_pattern(text, start, end)
    sentences = [s.text for s in split_sentences(text)]
    # "Corp." and "U.S." do not end a sentence, nor does the mark inside "3.5%"
    assert sentences[0] == "Nvidia Corp. rose 3.5% on Friday."
    assert any(s.startswith("Analysts at U.S. banks were surprised.") for s in sentences)


def test_a_run_of_initials_does_not_end_a_sentence() -> None:
    text = (
        "Analysts at D.A. Davidson lifted their target on the stock. "
        "Shares of J.P. Morgan gained 1%. It was the bank's best day in a month."
    )
    assert [s.text for s in split_sentences(text)] == [
        "Analysts at D.A. Davidson lifted their target on the stock.",
        "Shares of J.P. Morgan gained 1%.",
        "It was the bank's best day in a month.",
    ]


def test_a_word_in_capitals_before_a_stop_still_ends_a_sentence() -> None:
    text = "The chipmaker sold the unit to AMD. Its shares rose 2%."
    assert [s.text for s in split_sentences(text)] == [
        "The chipmaker sold the unit to AMD.",
        "Its shares rose 2%.",
    ]


def test_a_line_ending_mid_clause_goes_on_below() -> None:
    # wire copy wrapped after a preposition or an apposition's first words, the next line
    # starting with a number or a capital
    text = (
        "The minister said wages should not rise.\n"
        "Consumer prices rose 1.8 pct last year after 3.2 pct in\n"
        "1986.\n"
        "The firm also unveiled the Sorter, a new\n"
        "DNA testing kit for hospitals.\n"
    )
    assert [s.text for s in split_sentences(text)] == [
        "The minister said wages should not rise.",
        "Consumer prices rose 1.8 pct last year after 3.2 pct in\n1986.",
        "The firm also unveiled the Sorter, a new\nDNA testing kit for hospitals.",
    ]


def test_page_lines_without_a_stop_still_end() -> None:
    # headlines, list items and table rows end at their line, even after a plain word
    text = (
        "Top movers\nApple buys the startup\n- Shares of Meta\n- Nvidia\n"
        "Revenue 4.2 5.1\n2024 6.0\n"
    )
    assert [s.text for s in split_sentences(text)] == [
        "Top movers",
        "Apple buys the startup",
        "- Shares of Meta",
        "- Nvidia",
        "Revenue 4.2 5.1",
        "2024 6.0",
    ]


def test_a_list_item_below_an_open_line_stands_alone() -> None:
    # the open ending would carry the clause on, but a line that starts with a bullet or a
    # bracket is a new item, not the clause's next word
    text = "Among the day's movers were shares of\n- Exxon, up 2%\n(Chevron was flat)\n"
    assert [s.text for s in split_sentences(text)] == [
        "Among the day's movers were shares of",
        "- Exxon, up 2%",
        "(Chevron was flat)",
    ]
