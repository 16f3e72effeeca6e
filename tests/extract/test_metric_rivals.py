"""A rival's figure set right after a company's ("a market value of $3.01 trillion, just ahead of
Apple at $3.00 trillion"); with look-alikes (an analyst's number, a deal's amount, an amount per
share beside a total) that give the rival nothing."""

import datetime as dt

from extract_helpers import run

from tickerwire.records import Event

DAY = dt.date(2024, 2, 1)


def figures(events: list[Event]) -> list[tuple]:
    return [
        (e.entity, e.attributes["metric"], e.attributes["value"], e.attributes["is_estimate"])
        for e in events
        if e.type == "financial_metric"
    ]


def test_a_rivals_market_value_after_the_companys() -> None:
    text = (
        "Microsoft hit a record. On Friday, Microsoft closed with a market value of $3.01 "
        "trillion, just ahead of Apple at $3.00 trillion."
    )
    assert figures(run(text, DAY)) == [
        ("microsoft", "market_cap", 3.01e12, False),
        ("apple", "market_cap", 3.00e12, False),
    ]


def test_a_rivals_revenue_compared_by_possessive() -> None:
    text = (
        "Microsoft posted results. Microsoft reported revenue of $62 billion, compared with "
        "Amazon's $170 billion."
    )
    assert figures(run(text, DAY)) == [
        ("microsoft", "revenue", 62e9, False),
        ("amazon", "revenue", 170e9, False),
    ]


def test_amounts_that_are_not_the_rivals_figure_give_it_nothing() -> None:
    for text in (
        "Microsoft posted results. Microsoft reported revenue of $62 billion, compared with "
        "Amazon's $13.7 billion takeover of Whole Foods.",
        "Microsoft posted results. Microsoft reported EPS of $2.93, ahead of Apple at $1.2 "
        "billion.",
        "Microsoft posted results. Microsoft reported revenue of $62 billion, compared with "
        "analysts' $61 billion.",
    ):
        assert [f[0] for f in figures(run(text, DAY))] == ["microsoft"], text
