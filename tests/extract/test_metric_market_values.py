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
