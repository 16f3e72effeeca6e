"""`fact_level` of every event: a fact told, a forecast, or an opinion.

The event extractors of `extract.events` set the level from their own words (an analyst's view
is an opinion, a company's guidance a forecast, "plans to launch" a forecast). Moves and figures
come from the move and metric extractors, which do not say it; this module fills it in for them:
a figure marked as an estimate (consensus, guidance, "expected to") is a forecast, a move or a
reported figure is a fact.
"""

from __future__ import annotations

from tickerwire.records import Event, FactLevel


def fact_level_of(event: Event) -> FactLevel:
    """The level of an event that does not carry one (moves and figures)."""
    if event.type == "financial_metric" and event.attributes.get("is_estimate"):
        return "forecast"
    if event.type == "analyst_view":
        return "opinion"
    if event.type == "guidance":
        return "forecast"
    return "fact"


def with_fact_levels(events: list[Event]) -> list[Event]:
    """The events, each with `fact_level` in its attributes (kept where already set)."""
    result = []
    for event in events:
        if event.attributes.get("fact_level") is None:
            attributes = dict(event.attributes, fact_level=fact_level_of(event))
            event = event.model_copy(update={"attributes": attributes})
        result.append(event)
    return result
