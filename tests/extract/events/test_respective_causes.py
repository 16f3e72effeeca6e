"""Causes told "respectively": each item of the list goes to the move in its place."""

from __future__ import annotations

import datetime as dt

import pytest
from event_helpers import run

FRIDAY = dt.date(2025, 3, 14)


def _drivers_by_listing(text: str) -> dict[str, list[tuple[str, str | None]]]:
    events = run(text, FRIDAY)
    found = {}
    for move in (e for e in events if e.type == "price_move"):
        causes = [events[i] for i in move.attributes["drivers"]]
        found[move.attributes["listing"]] = [(c.type, c.entity) for c in causes]
    return found


@pytest.mark.parametrize(
    "text",
    [
        "Shares of Nvidia and Meta rose 3% and 2% on Friday after the launch of a new AI chip "
        "and a partnership with Samsung, respectively.",
        "Nvidia rose 3% and Meta gained 2% on Friday after the launch of a new AI chip and a "
        "partnership with Samsung, respectively.",
    ],
)
def test_each_move_takes_the_cause_in_its_place(text):
    assert _drivers_by_listing(text) == {
        "NVDA": [("product_launch", "nvidia")],
        "META": [("partnership", "meta")],
    }


def test_a_list_that_does_not_pair_gives_no_move_a_cause():
    # one cause for two moves, "respectively" after it: whose it is the words leave open
    text = "Nvidia and Meta rose 3% and 2% on Friday after upbeat quarterly results, respectively."
    assert _drivers_by_listing(text) == {"NVDA": [], "META": []}


def test_respectively_before_the_causes_pairs_only_the_numbers():
    # the numbers pair with the subjects; the cause after them is both moves'
    text = (
        "Nvidia and Meta rose 3% and 2%, respectively, on Friday after the chipmaker unveiled "
        "a new AI chip."
    )
    drivers = _drivers_by_listing(text)
    assert drivers["NVDA"] == drivers["META"] == [("product_launch", "nvidia")]


def test_acts_listed_respectively_without_moves_are_no_one_s():
    # no numbers to pair by: the subjects named before the list are not known to be the owners
    text = (
        "Meta and Nvidia were poised to open higher on Friday after a strong quarter and a new "
        "partnership with Samsung, respectively."
    )
    events = run(text, FRIDAY)
    assert [(e.type, e.entity) for e in events if e.entity in ("meta", "nvidia")] == []
