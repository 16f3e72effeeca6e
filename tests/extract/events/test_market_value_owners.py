"""market_value: the company a value is given to is the one the words that give it are about,
not one passed, one named in a clause set against it, or one before another's own verb."""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import of_type, run

DAY = dt.date(2024, 2, 2)


def values(text: str) -> list[tuple[str | None, float | None]]:
    return [(e.entity, e.attributes["amount"]) for e in of_type(run(text, DAY), "market_value")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the company passed is not the most valuable one
        (
            "Nvidia ended Monday as the most valuable company on the market, passing Apple as "
            "they swap the crown of most valuable company back and forth.",
            [],
        ),
        # a clause set against the first by "while" is about another company
        (
            "Nvidia has grown fast. Five years ago, the chip designer had a market cap of "
            "$90 billion, while the iPhone maker was worth $1 trillion.",
            [("nvidia", 90e9)],
        ),
        # the value is the one of the company with its own verb before it
        (
            "Four chip stocks now carry market values above $500 billion, while Meta is near "
            "that line and Nvidia has had a market cap above $2 trillion before.",
            [],
        ),
    ],
)
def test_a_value_is_not_given_to_a_company_it_is_not_about(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nvidia is worth $2.1 trillion, while Apple has a market cap of $2.9 trillion.",
            [("nvidia", 2.1e12), ("apple", 2.9e12)],
        ),
        ("Nvidia overtook Apple to become the most valuable company.", [("nvidia", None)]),
        (
            "Nvidia, which passed Apple last week, has a market value of $3.3 trillion.",
            [("nvidia", 3.3e12)],
        ),
        (
            "Meta rallied 20%. Its market value rose by $196 billion, while its rival's fell.",
            [("meta", 196e9)],
        ),
    ],
)
def test_a_value_told_of_its_subject_is_kept(text, expected):
    assert values(text) == expected
