"""Analyst views and stake changes: who speaks or holds, and which company it is about."""

from __future__ import annotations

from event_helpers import of_type, run


def test_view_of_a_company_by_a_broker_is_about_the_company():
    text = "Nomura said Alibaba's cloud business could double its revenue by 2027."
    view = of_type(run(text), "analyst_view")[0]
    assert view.entity == "alibaba"
    assert view.attributes["firm"] == "Nomura Holdings"
    assert view.attributes["stance"] == "positive"
    assert view.attributes["claim"].startswith("Alibaba's cloud business could double")
    assert view.attributes["fact_level"] == "opinion"


def test_speaker_after_the_claim():
    text = (
        "We see Tencent's gaming revenue slowing sharply next year on fewer new titles, "
        "Barclays analysts wrote in a note on Monday."
    )
    view = of_type(run(text), "analyst_view")[0]
    assert (view.entity, view.attributes["firm"]) == ("tencent", "Barclays PLC")
    assert view.attributes["stance"] == "negative"
    assert view.attributes["claim"].startswith("We see Tencent's gaming revenue")


def test_rating_decides_the_stance():
    up = of_type(run("Barclays upgraded Nvidia to overweight from equal weight."), "analyst_view")
    assert (up[0].entity, up[0].attributes["stance"]) == ("nvidia", "positive")
    down = run("Nomura cut its price target on Apple, citing weak iPhone demand in China.")
    view = of_type(down, "analyst_view")[0]
    assert (view.entity, view.attributes["stance"]) == ("apple", "negative")


def test_analysts_without_a_firm():
    view = of_type(run("Analysts expect Meta to grow ad revenue 20% this year."), "analyst_view")[0]
    assert (view.entity, view.attributes["firm"], view.attributes["analyst"]) == (
        "meta",
        None,
        None,
    )


def test_a_view_about_no_company_is_left_out():
    assert of_type(run("Nomura said the yen could weaken further this year."), "analyst_view") == []


def test_stake_bought_with_shares_and_value_from_the_next_sentence():
    text = (
        "GameStop chief Ryan Cohen lifted his holding in Alibaba again. "
        "He now owns about 5 million shares worth roughly $600 million."
    )
    stake = of_type(run(text), "stake_change")[0]
    assert stake.entity == "alibaba"
    assert stake.attributes["holder"] == "Ryan Cohen"
    assert stake.attributes["direction"] == "buy"
    assert (stake.attributes["shares"], stake.attributes["value"]) == (5e6, 600e6)
    assert stake.attributes["currency"] == "USD"


def test_stake_sold():
    stake = of_type(run("Samsung sold its entire stake in Nvidia last quarter."), "stake_change")[0]
    assert (stake.entity, stake.attributes["holder"], stake.attributes["direction"]) == (
        "nvidia",
        "Samsung Electronics",
        "sell",
    )


def test_event_belongs_to_the_clause_subject_not_the_first_name():
    text = "Unlike Samsung, Apple declared a quarterly dividend of $0.25 per share."
    assert [e.entity for e in of_type(run(text), "dividend")] == ["apple"]
    text = "After talks with Samsung, Meta unveiled new smart glasses for developers."
    launch = of_type(run(text), "product_launch")[0]
    assert launch.entity == "meta"


def test_back_reference_takes_the_company_named_before():
    text = "Tencent reported quarterly sales. The company also declared a special dividend."
    assert [e.entity for e in of_type(run(text), "dividend")] == ["tencent"]


def test_a_bullish_speaker_is_a_positive_view():
    views = of_type(
        run("Analysts are bullish about Nvidia's prospects in data centers."), "analyst_view"
    )
    assert [(v.entity, v.attributes["stance"]) for v in views] == [("nvidia", "positive")]
    views = of_type(
        run("Most analysts remain bearish on Apple's hardware outlook."), "analyst_view"
    )
    assert [(v.entity, v.attributes["stance"]) for v in views] == [("apple", "negative")]
