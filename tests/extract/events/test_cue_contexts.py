"""Cue words in a context that makes them no event: a deal's condition, a proposal, a deal
given up, a statistic of the jobs data. Each has a look-alike that must still give the event."""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import of_type, run

WEDNESDAY = dt.date(2025, 3, 12)

# (type, a sentence whose cue word tells no event of the type)
NO_EVENT = [
    (
        "market_value",
        "Nvidia sells into AI hardware, a fast-growing industry. That is shown by its valuation "
        "of $203 billion in 2023 and its projected rise to $650 billion by 2031, a CAGR of 15%.",
    ),
    (
        "regulation",
        "Apple agreed to sell its modem unit to Samsung for $1 billion, subject to shareholder "
        "and regulatory approval.",
    ),
    (
        "regulation",
        "Tencent said its purchase of the game studio remains pending antitrust review.",
    ),
    (
        "product_launch",
        "Tencent said a regulators' panel recommended the introduction of a shelf registration "
        "system.",
    ),
    (
        "partnership",
        "Apple had planned to build a car platform in partnership with Samsung, but later "
        "walked away from the project.",
    ),
    (
        "partnership",
        "Meta scrapped its alliance with Samsung on smart glasses after two years.",
    ),
    (
        "partnership",
        "Nvidia and Samsung had partnered on a memory chip, but the two ended the deal in May.",
    ),
    (
        "management",
        "The week's economic calendar includes job openings, Nvidia, weekly jobless claims and "
        "announced layoffs.",
    ),
]

# (type, a sentence of the same words that tells the event)
STILL_AN_EVENT = [
    (
        "market_value",
        "Nvidia is worth $3.2 trillion after the rally, and analysts expect its revenue to "
        "reach $200 billion by 2026.",
    ),
    ("regulation", "Tencent faced a regulatory probe into its games business."),
    ("product_launch", "Tencent announced the introduction of a new AI chatbot for its app."),
    ("partnership", "Apple signed a partnership with Samsung to build a car platform."),
    ("partnership", "Nvidia and Samsung have partnered on a memory chip for the data center."),
    ("management", "Meta said it would cut 5% of its workforce, its first layoffs this year."),
]


@pytest.mark.parametrize(("event_type", "text"), NO_EVENT)
def test_cue_word_in_a_context_that_tells_no_event(event_type: str, text: str) -> None:
    assert of_type(run(text, WEDNESDAY), event_type) == []


@pytest.mark.parametrize(("event_type", "text"), STILL_AN_EVENT)
def test_same_cue_words_still_tell_the_event(event_type: str, text: str) -> None:
    assert len(of_type(run(text, WEDNESDAY), event_type)) == 1
