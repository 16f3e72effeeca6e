"""Figures told in the shapes results stories use widely, and their look-alikes that are none."""

import datetime as dt

from extract_helpers import run

from tickerwire.records import Event

DAY = dt.date(2024, 2, 1)


def metrics(events: list[Event]) -> list[tuple]:
    return [
        (
            e.entity,
            e.attributes["metric"],
            e.attributes["value"],
            e.attributes["is_estimate"],
        )
        for e in events
        if e.type == "financial_metric"
    ]


def test_a_period_between_the_name_and_its_verb() -> None:
    text = (
        "Microsoft beat forecasts. Revenue for the July through September quarter totaled $56.5 "
        "billion. Free cash flow for all of 2023 came in at $59 billion. Net income in the final "
        "quarter of 2023 was $21.9 billion."
    )
    assert metrics(run(text, DAY)) == [
        ("microsoft", "revenue", 56.5e9, False),
        ("microsoft", "free_cash_flow", 59e9, False),
        ("microsoft", "net_income", 21.9e9, False),
    ]


def test_a_prior_period_between_name_and_verb_gives_nothing() -> None:
    text = "Microsoft beat forecasts. Revenue in the year-ago quarter was $50.1 billion."
    assert metrics(run(text, DAY)) == []


def test_an_amount_in_a_named_cash_flow_or_profit() -> None:
    text = "Microsoft said it expects $70 billion in free cash flow for 2024."
    assert metrics(run(text, DAY)) == [("microsoft", "free_cash_flow", 70e9, True)]


def test_cash_and_market_value_after_in_are_not_the_figure() -> None:
    text = "Microsoft paid $2 billion in cash for the startup and shed $40 billion in market value."
    assert metrics(run(text, DAY)) == []


def test_profit_in_cents_is_per_share() -> None:
    text = "Analysts had expected Snap to post a profit of 6 cents on revenue of $1.38 billion."
    assert metrics(run(text, DAY)) == [
        ("snap", "eps", 0.06, True),
        ("snap", "revenue", 1.38e9, True),
    ]


def test_an_estimate_revision_in_cents_is_no_eps() -> None:
    text = "Pinterest saw an upward earnings estimate revision of 3 cents over the past month."
    assert metrics(run(text, DAY)) == []


def test_price_target_per_share_is_no_eps() -> None:
    text = "Analysts at the bank raised their price target on Apple to $200 per share."
    assert metrics(run(text, DAY)) == []


def test_pair_whose_first_amount_is_per_share() -> None:
    text = (
        "Amazon reports next week. The consensus estimate for Amazon's earnings and revenues is "
        "pegged at $0.80 per share and $166.2 billion, respectively."
    )
    assert metrics(run(text, DAY)) == [
        ("amazon", "eps", 0.8, True),
        ("amazon", "revenue", 166.2e9, True),
    ]


def test_market_value_past_a_round_figure() -> None:
    text = (
        "Strong cloud demand lifted Microsoft's market value above $3 trillion on Wednesday. "
        "Meta rejoined the $1 trillion club last week."
    )
    assert metrics(run(text, DAY)) == [
        ("microsoft", "market_cap", 3e12, False),
        ("meta", "market_cap", 1e12, False),
    ]


def test_market_value_look_alikes_give_nothing() -> None:
    text = (
        "Apple rose 2%. Large caps usually carry a market capitalization above $10 billion. "
        "Apple and Microsoft are the only members of the $3 trillion club. The market value of "
        "the deal is $2 billion."
    )
    assert metrics(run(text, DAY)) == []


def test_a_country_before_a_business_line_gives_nothing() -> None:
    text = (
        "Apple's U.S. ad revenue was $4 billion in 2023, while its iPhone revenue hit $200 billion."
    )
    assert metrics(run(text, DAY)) == [("apple", "revenue", 200e9, False)]


def test_the_parent_named_in_an_apposition_is_not_the_owner() -> None:
    text = (
        "Whole Foods, a unit of Seattle-based Amazon, said net income for the quarter rose to "
        "$300 million."
    )
    assert metrics(run(text, DAY)) == []


def test_a_later_forecast_with_another_value_is_left_out() -> None:
    text = (
        "The consensus estimate for Apple's earnings is $2.09 per share. Meta reports on "
        "Thursday. The consensus estimate for Apple's earnings is $4.96 per share."
    )
    assert metrics(run(text, DAY)) == [("apple", "eps", 2.09, True)]


def test_a_forecast_restated_with_rounding_is_kept() -> None:
    text = (
        "Analysts expect Apple's revenue to be $117.9 billion. The consensus estimate for "
        "Apple's revenue is $117.6 billion."
    )
    assert metrics(run(text, DAY)) == [
        ("apple", "revenue", 117.9e9, True),
        ("apple", "revenue", 117.6e9, True),
    ]
