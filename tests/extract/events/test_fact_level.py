"""fact_level: every event says whether it is a fact told, a forecast or an opinion."""

from __future__ import annotations

import datetime as dt

from event_helpers import of_type, run

from tickerwire.extract.fact_level import fact_level_of, with_fact_levels
from tickerwire.records import Event, Evidence

MONDAY = dt.date(2025, 3, 10)


def test_every_event_carries_a_level():
    text = (
        "Tencent rose 3% in Hong Kong on Monday after it posted quarterly revenue of "
        "172 billion yuan. The company plans to launch a new game next month. Nomura said "
        "Tencent could lift its dividend."
    )
    events = run(text, MONDAY)
    assert events
    assert all(e.attributes["fact_level"] in ("fact", "forecast", "opinion") for e in events)
    assert of_type(events, "price_move")[0].attributes["fact_level"] == "fact"
    assert of_type(events, "financial_metric")[0].attributes["fact_level"] == "fact"
    assert of_type(events, "product_launch")[0].attributes["fact_level"] == "forecast"
    assert of_type(events, "analyst_view")[0].attributes["fact_level"] == "opinion"


def test_launch_told_as_done_is_a_fact_and_as_planned_a_forecast():
    done = of_type(run("Apple unveiled a cheaper iPhone on Monday."), "product_launch")[0]
    planned = of_type(run("Apple will unveil a cheaper iPhone in May."), "product_launch")[0]
    assert (done.attributes["fact_level"], planned.attributes["fact_level"]) == ("fact", "forecast")
    assert planned.confidence < done.confidence


def test_estimated_figure_is_a_forecast():
    metric = Event(
        type="financial_metric",
        entity="apple",
        evidence=Evidence(start=0, end=4, text="text"),
        confidence=0.8,
        attributes={"metric": "revenue", "is_estimate": True},
    )
    assert fact_level_of(metric) == "forecast"
    assert fact_level_of(metric.model_copy(update={"attributes": {"is_estimate": False}})) == "fact"


def test_a_level_already_set_is_kept():
    told = Event(
        type="earnings",
        entity="apple",
        evidence=Evidence(start=0, end=4, text="text"),
        confidence=0.8,
        attributes={"summary": "x", "fact_level": "forecast"},
    )
    assert with_fact_levels([told])[0].attributes["fact_level"] == "forecast"
