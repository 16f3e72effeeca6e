"""Whose figure a paragraph that opens with no name gives: the company the paragraph before
ends on, when that sentence is about it alone; otherwise no one."""

import datetime as dt

from extract_helpers import run

from tickerwire.records import Event

DAY = dt.date(2024, 1, 29)


def owners(events: list[Event]) -> list[tuple]:
    return [
        (e.entity, e.attributes["metric"], e.attributes["value"])
        for e in events
        if e.type == "financial_metric"
    ]


def test_a_nameless_paragraph_carries_on_the_company_the_one_before_ends_on() -> None:
    text = (
        "Amazon reports this week. Amazon has beaten estimates four times running, and Amazon "
        "shares hit a record. Amazon is our top pick.\n\n"
        "Microsoft is slated to report on Tuesday. Microsoft's earnings beat estimates in each "
        "of the last four quarters.\n\n"
        "The consensus estimate for second-quarter earnings is pegged at $2.76 per share."
    )
    assert owners(run(text, DAY)) == [("microsoft", "eps", 2.76)]


def test_a_paragraph_before_that_ends_on_two_companies_gives_no_owner() -> None:
    text = (
        "Amazon reports this week. Amazon has beaten estimates four times running, and Amazon "
        "shares hit a record. Amazon is our top pick.\n\n"
        "Microsoft is slated to report on Tuesday. Microsoft's earnings beat estimates more "
        "often than Amazon's did.\n\n"
        "The consensus estimate for second-quarter earnings is pegged at $2.76 per share."
    )
    assert owners(run(text, DAY)) == []


def test_a_markets_or_a_lines_figure_after_a_companys_paragraph_is_not_its() -> None:
    for last, figure in (
        ("Microsoft shares fell 3% on Tuesday.", "Retail sales rose 0.6% in December."),
        (
            "Microsoft reports results on Tuesday.",
            "Global chip sales are expected to rise 11% in 2024.",
        ),
        ("Microsoft shares fell 3% on Tuesday.", "Revenue is expected to rise 11% in 2024."),
    ):
        text = (
            "Amazon reports this week. Amazon has beaten estimates four times running, and "
            f"Amazon shares hit a record. Amazon is our top pick.\n\n{last}\n\n{figure}"
        )
        assert owners(run(text, DAY)) == [], figure


def test_a_pronoun_in_a_contrast_clause_after_two_companies_owns_nothing() -> None:
    text = (
        "Microsoft reports tonight. Apple grows far more slowly than Microsoft, but it too sits "
        "in the $3 trillion market cap range."
    )
    assert owners(run(text, DAY)) == []


def test_a_pronoun_in_a_contrast_clause_after_one_company_is_that_company() -> None:
    text = "Microsoft reports tonight. Microsoft grew fast, but it is in the $3T market cap range."
    assert owners(run(text, DAY)) == [("microsoft", "market_cap", 3e12)]
