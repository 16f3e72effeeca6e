"""Event and driver shapes read off unseen FNSPID articles (session 11 audits), each with the
look-alikes that must give nothing. Texts are our own sentences in the style of the wires."""

from __future__ import annotations

import datetime as dt

from event_helpers import ENTITIES, _other, driver_types, of_type, run
from extract_helpers import AliasLinker

from tickerwire.extract import extract_events
from tickerwire.records import Event

THURSDAY = dt.date(2024, 2, 1)


def _move(events: list[Event], listing: str) -> Event:
    return next(e for e in events if e.type == "price_move" and e.attributes["listing"] == listing)


# -- predictions are not results ------------------------------------------------------------------


def test_a_predicted_beat_of_several_companies_is_no_result():
    text = (
        "Our screen says Apple and Meta Platforms carry the mix of factors needed to deliver an "
        "earnings beat when they report."
    )
    earnings = of_type(run(text, THURSDAY), "earnings")
    assert [e.attributes["vs_expectations"] for e in earnings] == []


def test_a_reported_beat_keeps_its_comparison():
    earnings = of_type(run("Apple posted an earnings beat on Thursday.", THURSDAY), "earnings")
    assert [e.attributes["vs_expectations"] for e in earnings] == ["beat"]


def test_an_expected_beat_with_its_period_tells_no_comparison():
    text = "Analysts expect Apple to beat estimates for its fiscal first quarter on Thursday."
    earnings = of_type(run(text, THURSDAY), "earnings")
    assert [(e.attributes["vs_expectations"], e.attributes["fact_level"]) for e in earnings] == [
        (None, "forecast")
    ]


# -- analyst views: the firm is the employer -------------------------------------------------------


def test_the_company_an_analyst_covers_is_not_the_firm():
    text = (
        "Jane Roe, an Apple analyst, said the company sold up to 180,000 headsets in the first "
        "weekend of orders."
    )
    views = of_type(run(text, THURSDAY), "analyst_view")
    assert [(v.entity, v.attributes["firm"]) for v in views] == [("apple", None)]


def test_a_broker_named_the_same_way_is_the_firm():
    views = of_type(
        run("A Barclays analyst said Apple shares look cheap.", THURSDAY), "analyst_view"
    )
    assert [v.attributes["firm"] for v in views] == ["Barclays PLC"]


def test_a_count_of_analysts_is_no_firm():
    # the linker may take "31 Wall Street" for an organisation; the view names no firm then
    linker = AliasLinker(
        (*ENTITIES, _other("31-wall-street", "31 Wall Street", "organization", ("31 Wall Street",)))
    )
    text = (
        "Going by the ratings of 31 Wall Street analysts, Apple's mean price target is $205, "
        "about 7% above where the stock trades now."
    )
    views = of_type(extract_events(linker.link(text, THURSDAY), linker.reference), "analyst_view")
    assert views and all(v.attributes["firm"] is None for v in views)


# -- drivers ------------------------------------------------------------------------------------


def test_the_causes_of_an_earlier_move_are_not_this_move_s():
    text = (
        "Alibaba rose 1% in Hong Kong on Thursday after Wednesday's 20% slide on a dividend cut "
        "and a surprise loss."
    )
    events = run(text, THURSDAY)
    assert _move(events, "9988.HK").attributes["drivers"] == []


def test_a_cause_after_an_earlier_move_with_its_size_is_not_this_move_s():
    text = "Alibaba rose 2% in Hong Kong on Thursday after a 20% drop on Wednesday on weak results."
    assert _move(run(text, THURSDAY), "9988.HK").attributes["drivers"] == []


def test_a_loss_named_as_the_cause_is_still_a_cause():
    text = "Apple rose 3% on Thursday following a smaller-than-expected quarterly loss."
    events = run(text, THURSDAY)
    assert driver_types(events, _move(events, "AAPL")) == ["earnings"]


def test_a_rank_between_the_move_and_its_cause_keeps_the_cause():
    text = (
        "Meta Platforms (META) jumped over 5% and ranked as the biggest gainer in the Nasdaq 100 "
        "following upbeat fourth-quarter results from the company."
    )
    events = run(text, THURSDAY)
    assert driver_types(events, _move(events, "META")) == ["earnings"]


def test_a_rank_without_a_cause_gives_none():
    text = "Nvidia rose 4% and was the best performer on the Nasdaq 100 on Thursday."
    assert _move(run(text, THURSDAY), "NVDA").attributes["drivers"] == []


def test_this_came_amid_names_the_cause_of_the_move_just_told():
    text = (
        "Nvidia shares surged 6% on Thursday. This came after the company unveiled a new "
        "line of AI chips."
    )
    events = run(text, THURSDAY)
    assert driver_types(events, _move(events, "NVDA")) == ["product_launch"]


def test_this_came_after_a_sentence_without_a_move_is_not_the_move_s():
    text = (
        "Nvidia shares surged 6% on Thursday. Nvidia cut prices of its gaming cards in China. "
        "This came after the company unveiled a new line of AI chips."
    )
    events = run(text, THURSDAY)
    assert _move(events, "NVDA").attributes["drivers"] == []


def test_the_verb_of_a_plan_found_in_the_cause_is_not_guidance_too():
    text = (
        "Meta Platforms fell 7% on Thursday after the company reported weaker-than-expected ad "
        "revenue and projected higher AI-related spending."
    )
    events = run(text, THURSDAY)
    assert sorted(driver_types(events, _move(events, "META"))) == ["earnings", "investment_plan"]


def test_a_results_lede_is_the_cause_of_the_after_hours_move():
    text = (
        "Jan 30 (Reuters) - Meta Platforms beat Wall Street estimates for quarterly revenue on "
        "Tuesday, helped by strong advertising demand.\n\n"
        "Meta shares fell 1% in volatile after-hours trading. They climbed 190% last year."
    )
    events = run(text, dt.date(2024, 1, 30))
    after_hours = _move(events, "META")
    assert driver_types(events, after_hours) == ["earnings"]
    last_year = [e for e in of_type(events, "price_move") if e.attributes["change_pct"] == 190]
    assert [e.attributes["drivers"] for e in last_year] == [[]]


def test_a_scheduled_report_in_the_lede_is_no_cause():
    text = (
        "Jan 30 (Reuters) - Meta Platforms is scheduled to report quarterly results after the "
        "bell on Thursday, with investors focused on its spending.\n\n"
        "Meta shares fell 1% in after-hours trading on Tuesday."
    )
    events = run(text, dt.date(2024, 1, 30))
    assert _move(events, "META").attributes["drivers"] == []


def test_a_result_better_than_expected_is_no_prediction():
    text = "Meta Platforms posted better-than-expected fourth-quarter results on Thursday."
    earnings = of_type(run(text, THURSDAY), "earnings")
    assert [(e.attributes["vs_expectations"], e.attributes["fact_level"]) for e in earnings] == [
        ("beat", "fact")
    ]
