"""The stake patterns are skipped only on sentences they cannot match (their literal test)."""

from __future__ import annotations

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.extract.events.scan import lower_text
from tickerwire.extract.events.stakes import _BET, _BUY, _SELL
from tickerwire.extract.literals import required_literals

_WORDS = (
    *("Cohen", "bought", "sold", "Shares", "shares", "of", "in", "a", "stake", "position"),
    *("holdings", "raised", "boosted", "cut", "trimmed", "dumped", "offloaded", "added", "its"),
    *("$1", "$1.2", "billion", "million", "bn", "bet", "wager", "investment", "3.5", "the"),
    *("company", "increased", "reduced", "exited", "acquired", "\u212aelvin", "İn", "interest"),
    *("raised its stake in", "boosted his position in", "cut its holdings in", "$2 billion bet"),
    *("sold its entire stake in", "trimmed her position in", "a $3bn wager", "RAISED ITS STAKE IN"),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=14), st.sampled_from([" ", "  ", ", "]))
def test_a_stake_sentence_is_never_skipped(words: list[str], gap: str) -> None:
    text = gap.join(words)
    lowered = lower_text(text)
    for pattern in (_BUY, _SELL, _BET):
        literals = required_literals(pattern)
        assert literals is not None  # the test skips sentences: it must be known
        if pattern.search(text) is not None:
            assert literals.may_match(text, lowered, 0, len(text))


def test_sentences_of_each_pattern_match_and_pass_the_test() -> None:
    for pattern, text in (
        (_BUY, "Cohen raised his stake in the company."),
        (_SELL, "The fund cut its holdings in the bank."),
        (_BET, "Ackman's $1 billion bet paid off."),
    ):
        literals = required_literals(pattern)
        assert literals is not None and pattern.search(text) is not None
        assert literals.may_match(text, text.lower(), 0, len(text))


def test_a_sentence_without_the_verbs_is_skipped() -> None:
    text = "Its position as the market leader is secure."
    literals = required_literals(_BUY)
    assert literals is not None
    assert not literals.may_match(text, text.lower(), 0, len(text))
    assert regex.search(_BUY.pattern, text, _BUY.flags) is None
