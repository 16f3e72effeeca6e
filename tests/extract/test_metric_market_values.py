"""Market values told as what a listed company is worth or its value, and the look-alikes that
are a holding, a deal, a pair's total, a difference, a view or a price per share."""

import datetime as dt

import pytest
from extract_helpers import run

from tickerwire.records import Event

DAY = dt.date(2024, 2, 1)


def values(events: list[Event]) -> list[tuple]:
    return [
        (e.entity, e.attributes["metric"], e.attributes["value"])
        for e in events
        if e.type == "financial_metric"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("After the rally, Amazon is now worth $1.7 trillion.", ("amazon", 1.7e12)),
        ("Microsoft, which is worth $3.1 trillion, led the gains.", ("microsoft", 3.1e12)),
        ("Meta added more than the whole $27 billion value of rival Snap.", ("snap", 27e9)),
        ("Pinterest's $25 billion valuation looks modest next to its peers.", ("pinterest", 25e9)),
    ],
)
def test_a_listed_companys_worth_is_its_market_value(text: str, expected: tuple) -> None:
    assert values(run(text, DAY)) == [(expected[0], "market_cap", expected[1])]


@pytest.mark.parametrize(
    "text",
    [
        "Berkshire's stake in Apple is worth $170 billion after the rally.",
        "Apple and Microsoft are worth $6 trillion between them.",
        "Microsoft is worth $200 billion more than Apple after the session.",
        "Microsoft is worth $3 trillion combined with its cash, one fund said.",
        "Analysts think Amazon is worth $2.5 trillion on a five-year view.",
        "The deal is worth $2 billion to Amazon over ten years.",
        "The $4 billion value of Apple shares held by the fund rose.",
        "The $2 billion value of the deal with Snap was a record.",
        "Apple stock is worth $200 a share, the bank said.",
        "Amazon would be worth $3 trillion if cloud sales doubled.",
    ],
)
def test_worth_look_alikes_give_no_market_value(text: str) -> None:
    assert values(run(text, DAY)) == []


def profits(events: list[Event]) -> list[tuple]:
    return [
        (e.entity, e.attributes["metric"], e.attributes["value"], e.attributes["is_estimate"])
        for e in events
        if e.type == "financial_metric"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meta earned $5.33 a share in the fourth quarter.", [("meta", "eps", 5.33, False)]),
        ("Apple earned an adjusted $2.18 a share.", [("apple", "adjusted_eps", 2.18, False)]),
        (
            "Microsoft earned $21.9 billion, or $2.93 a share, in the quarter.",
            [("microsoft", "net_income", 21.9e9, False), ("microsoft", "eps", 2.93, False)],
        ),
    ],
)
def test_earned_per_share_is_the_companys_profit(text: str, expected: list[tuple]) -> None:
    assert profits(run(text, DAY)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Apple earned $2 billion in fees from the search deal.",
        "Investors in Apple earned $5 a share in dividends over the decade.",
        "Meta earned $1.76 a share in the year-ago quarter.",
        "Meta earned $2 a share more than the year before.",
    ],
)
def test_earned_look_alikes_give_no_profit(text: str) -> None:
    assert profits(run(text, DAY)) == []


def test_a_market_value_reached_after_a_record_difference() -> None:
    text = (
        "Microsoft rallied. Microsoft saw its market value expand by an unprecedented $296 "
        "billion to about $3.5 trillion on Thursday."
    )
    assert [v for v in values(run(text, DAY)) if v[1] == "market_cap"] == [
        ("microsoft", "market_cap", 3.5e12)
    ]


def test_a_record_difference_alone_gives_no_market_value() -> None:
    text = "Microsoft rallied. Microsoft's market value swung by an unprecedented $296 billion."
    assert [v for v in values(run(text, DAY)) if v[1] == "market_cap"] == []
