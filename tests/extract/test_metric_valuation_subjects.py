"""Market values told of the sentence's subject: "with a $3 trillion valuation", "At a $1.2
trillion valuation, Meta ...", "Snap is a $26 billion company", "It's worth $1.6 trillion now",
and a rival's figure set after "outstripping"."""

import datetime as dt

from extract_helpers import run

from tickerwire.records import Event

DAY = dt.date(2024, 2, 1)


def market_caps(events: list[Event]) -> list[tuple]:
    return [
        (e.entity, e.attributes["value"])
        for e in events
        if e.type == "financial_metric" and e.attributes["metric"] == "market_cap"
    ]


def test_the_subject_of_a_sentence_with_a_valuation() -> None:
    text = "Microsoft edged ahead of Apple in recent sessions with a $3 trillion valuation."
    assert market_caps(run(text, DAY)) == [("microsoft", 3e12)]


def test_a_fronted_valuation_is_of_the_subject_after_the_comma() -> None:
    text = (
        "Meta is the next trillion-dollar company. At a $1.2 trillion valuation, the social "
        "media giant could get there first."
    )
    assert market_caps(run(text, DAY)) == [("meta", 1.2e12)]
    text = "At a $1.2 trillion valuation, Meta trades at 25 times earnings."
    assert market_caps(run(text, DAY)) == [("meta", 1.2e12)]


def test_a_subject_that_refers_to_the_company_of_the_sentence_before() -> None:
    text = (
        "For Amazon to join Apple as the next company worth $3 trillion, it will have to "
        "double. It's worth $1.6 trillion now."
    )
    assert market_caps(run(text, DAY)) == [("amazon", 1.6e12)]
    text = "Microsoft could be next. The company is halfway there with a $1.6 trillion valuation."
    assert market_caps(run(text, DAY)) == [("microsoft", 1.6e12)]


def test_a_company_of_a_size() -> None:
    assert market_caps(run("Snap is now a $26 billion company.", DAY)) == [("snap", 26e9)]


def test_a_rivals_figure_after_outstripping() -> None:
    text = (
        "Microsoft's market value stood at $2.95 trillion, outstripping Apple's $2.85 "
        "trillion in market capital."
    )
    assert market_caps(run(text, DAY)) == [("microsoft", 2.95e12), ("apple", 2.85e12)]


def test_valuations_that_are_not_the_subjects_market_value() -> None:
    for text in (
        "Snap raised money from investors at a $20 billion valuation.",
        "If you have a $600 billion company that makes cars, it needs growth.",
        "Snap and Pinterest both report today. It's worth $26 billion now.",
        "Microsoft trails Apple, which sits with a $3 trillion valuation.",
        "Microsoft is ready. The deal is worth $26 billion.",
        "Analysts think Snap is a $40 billion company.",
    ):
        assert market_caps(run(text, DAY)) == [], text
