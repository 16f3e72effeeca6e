"""A market value is a figure as of a day: it takes no results period from the figures beside
it, and a move of it with no amount ("a 7% fall in its market value") is no market value."""

import datetime as dt

from extract_helpers import run

from tickerwire.records import Event

DAY = dt.date(2024, 2, 2)


def market_caps(events: list[Event]) -> list[tuple]:
    return [
        (e.entity, e.attributes["value"], e.attributes["change_pct"], e.attributes["period"])
        for e in events
        if e.type == "financial_metric" and e.attributes["metric"] == "market_cap"
    ]


def test_a_market_value_does_not_take_the_quarter_of_the_results_before_it() -> None:
    text = (
        "Meta posted revenue of $40.1 billion for the December quarter. Its shares jumped 14% "
        "after the bell, lifting its market capitalization to $1.16 trillion."
    )
    assert market_caps(run(text, DAY)) == [("meta", 1.16e12, None, None)]


def test_a_market_value_does_not_take_a_quarter_named_in_its_sentence() -> None:
    text = (
        "Amazon sales rose 14% in the December quarter, and the rally put Amazon's market "
        "capitalization at $1.78 trillion."
    )
    assert market_caps(run(text, DAY)) == [("amazon", 1.78e12, None, None)]


def test_a_market_value_keeps_the_year_it_is_told_for() -> None:
    text = "In 2023, Apple reached a market cap of $3 trillion for the first time."
    assert market_caps(run(text, DAY)) == [("apple", 3e12, None, "2023")]


def test_a_fall_in_market_value_without_an_amount_is_no_market_value() -> None:
    for text in (
        "Meanwhile, Microsoft saw a 7.3% fall in its market value in January.",
        "Apple lost 4% of its market value on Thursday.",
    ):
        assert market_caps(run(text, DAY)) == [], text
