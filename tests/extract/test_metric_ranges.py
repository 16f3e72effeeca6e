"""Figures stated as a range ("revenue of $300 million to $330 million"): `value` is null and
`value_low`/`value_high` hold the ends, in base units, with the currency of both ends."""

import datetime as dt

import pytest
from extract_helpers import run

from tickerwire.extract.quantities import find_quantities
from tickerwire.records import Event

DAY = dt.date(2024, 2, 1)


def ranges(events: list[Event]) -> list[tuple]:
    return [
        (
            e.entity,
            e.attributes["metric"],
            e.attributes["value"],
            e.attributes["value_low"],
            e.attributes["value_high"],
            e.attributes["currency"],
            e.attributes["is_estimate"],
        )
        for e in events
        if e.type == "financial_metric"
    ]


@pytest.mark.parametrize(
    ("text", "metric", "low", "high"),
    [
        ("Microsoft expects revenue of $300 million to $330 million.", "revenue", 3e8, 3.3e8),
        ("Amazon said it expects earnings of $2.25 to $3.25 a share.", "eps", 2.25, 3.25),
        ("Apple forecast revenues between $36.5 billion and $40 billion.", "revenue", 36.5e9, 40e9),
        ("Meta expects revenues between $36.5 billion to $40 billion.", "revenue", 36.5e9, 40e9),
        ("Apple guided to revenue of $8.60 billion-$8.80 billion.", "revenue", 8.6e9, 8.8e9),
        ("Pinterest sees sales in the range of $8.9-$9.7 billion.", "revenue", 8.9e9, 9.7e9),
        ("Snap expects revenue to be between $1.1 and $1.2 billion.", "revenue", 1.1e9, 1.2e9),
    ],
)  # fmt: skip
def test_guidance_range_gives_both_ends_and_no_value(text, metric, low, high):
    [found] = ranges(run(text, DAY))
    assert found[1:] == (metric, None, low, high, "USD", True)


def test_each_range_of_a_sentence_keeps_its_own_metric():
    text = (
        "Pinterest forecast non-GAAP EPS of 61-68 cents and GAAP EPS of 30-37 cents, with "
        "sales of $410-$450 million, for its fiscal second quarter."
    )
    events = run(text, DAY)
    assert [r[1:5] for r in ranges(events)] == [
        ("adjusted_eps", None, 0.61, 0.68),
        ("eps", None, 0.3, 0.37),
        ("revenue", None, 4.1e8, 4.5e8),
    ]
    metrics = [e for e in events if e.type == "financial_metric"]
    assert {e.attributes["period"] for e in metrics} == {"fiscal second quarter"}


def test_range_beside_the_consensus_gives_both_figures():
    text = "Snap forecast Q1 revenue of $1.1 billion-$1.2 billion, below the consensus of $1.3 bln."
    found = [(r[2], r[3], r[4]) for r in ranges(run(text, DAY))]
    assert found == [(None, 1.1e9, 1.2e9), (1.3e9, None, None)]


def test_a_loss_range_is_negative_low_end_first():
    text = "Snap expects a net loss of $10 million to $12 million for the quarter."
    [found] = ranges(run(text, DAY))
    assert found[1:5] == ("net_income", None, -12e6, -10e6)


def test_a_margin_range_is_a_percent_range():
    [found] = ranges(run("Apple expects gross margin of 45% to 46% in the quarter.", DAY))
    assert found[1:5] == ("gross_margin", None, 45.0, 46.0)


@pytest.mark.parametrize(
    "text",
    [
        "Apple expects revenue of $300 million to 330 million euros.",  # which currency?
        "Apple shares traded between $30 and $35.",  # a price band, not a figure
        "Apple expects revenue growth of 10% to 15% next year.",  # a change range
        "Apple expects revenue to rise 10% to 15% next year.",
        "Apple revenue rose from $300 million to $330 million.",  # a move, not a range
        "Apple revenue was between $30 and 35 billion.",  # unit of the low end not said
    ],
)
def test_look_alike_ranges_give_no_figure(text):
    assert ranges(run(text, DAY)) == []


def test_a_range_with_two_currencies_has_none():
    [q] = find_quantities("revenue of $300 million to 330 million euros")
    assert (q.low, q.high, q.currency) == (3e8, 3.3e8, None)


def test_range_ends_carry_no_float_noise():
    [q] = find_quantities("revenue in the range of $8.9-$9.7 billion")
    assert (q.low, q.high) == (8.9e9, 9.7e9)


@pytest.mark.parametrize(
    "text",
    [
        "Apple reported Q4 revenue of $5 billion. It forecast 2024 adjusted EPS of $7.10-$7.40.",
        "Apple reported Q4 sales of $5 billion. It expects EPS of $7.10 to $7.40 for all of 2024.",
    ],
)
def test_a_year_named_with_the_figure_is_its_period_not_the_quarter_before(text):
    events = [e for e in run(text, DAY) if e.attributes.get("value_low") is not None]
    assert [e.attributes["period"] for e in events] == ["2024"]


def test_summaries_show_both_ends_of_a_range():
    from tickerwire.cli.extract import describe_event
    from tickerwire.cli.query_commands import event_summary

    [event] = [
        e
        for e in run("Microsoft expects revenue of $300 million to $330 million.", DAY)
        if e.type == "financial_metric"
    ]
    assert "300 million to 330 million USD" in describe_event(event)
    assert "300m-330m USD" in event_summary(event)


def test_a_consensus_set_beside_a_ranges_midpoint_is_the_estimate() -> None:
    text = (
        "Microsoft gave its outlook. It sees revenue between $36.5 billion and $40 billion in "
        "Q4, which, at the midpoint, falls short of the $38.9 billion analysts had expected."
    )
    assert ranges(run(text, DAY)) == [
        ("microsoft", "revenue", None, 36.5e9, 40e9, "USD", True),
        ("microsoft", "revenue", 38.9e9, None, None, "USD", True),
    ]


def test_a_midpoint_beside_an_amount_of_no_forecast_gives_nothing_more() -> None:
    text = (
        "Microsoft gave its outlook. It sees revenue between $36.5 billion and $40 billion in "
        "Q4, which, at the midpoint, falls short of the $38.9 billion it spent on buybacks."
    )
    assert ranges(run(text, DAY)) == [("microsoft", "revenue", None, 36.5e9, 40e9, "USD", True)]
