"""A change in points, its percentage and the level reached, which must all hold together."""

from __future__ import annotations

import pytest

from tickerwire.checks.index_levels import check_index_levels, find_move_claims
from tickerwire.records import Event, Evidence


def _whys(text: str) -> list[str]:
    return [c.why for c in check_index_levels([], text)]


def test_a_consistent_triple_is_not_flagged() -> None:
    # 400 / (25,829 - 400) = 1.57%, written 1.6%.
    assert _whys("The Hang Seng Index rose 400 points, or 1.6%, to 25,829 on Monday.") == []
    assert _whys("The benchmark gained 491.62 points, or 1.94%, to 25,829.91.") == []


def test_an_inconsistent_triple_is_flagged() -> None:
    text = "The Hang Seng Index rose 400 points, or 2.5%, to 25,829 on Monday."
    [conflict] = check_index_levels([], text)
    assert conflict.field == "change_pct"
    assert conflict.values[0].evidence == "rose 400 points, or 2.5%, to 25,829"
    assert conflict.why == (
        "a rise of 400 points to 25,829 means a previous level of 25,429 and a rise of 1.57%, "
        "not 2.5%"
    )
    assert conflict.values[0].value["implied_previous"] == pytest.approx(25429)


def test_level_first_and_falls() -> None:
    assert _whys("The Nikkei closed at 38,120.50, down 410.25 points, or 1.1%.") == []
    [why] = _whys("The Nikkei closed at 38,120.50, down 410.25 points (2.1%).")
    assert "a fall of 410.25 points to 38,120.50 means a previous level of 38,530.75" in why


def test_a_share_price_move_in_dollars() -> None:
    assert _whys("Shares of Birchwood Labs added $2.40, or 3.2%, to close at $77.40.") == []
    assert len(_whys("Shares of Birchwood Labs added $2.40, or 4.2%, to close at $77.40.")) == 1


def test_rough_points_are_read_generously() -> None:
    # "300 points" may be 250 to 350: at 21,000 that is 1.2% to 1.7%, so 1.5% stands.
    assert _whys("The index fell 300 points, or 1.5%, to 21,000.") == []


def test_hedged_changes_and_mismatched_units_are_left_alone() -> None:
    assert find_move_claims("The Dow fell more than 500 points, or 9%, to 38,000.") == []
    assert find_move_claims("Shares rose 4 points, or 2%, to $204.") == []
    assert find_move_claims("Revenue rose $4, or 2%, to $204 million.") == []
    assert len(find_move_claims("Revenue rose $4 million, or 2%, to $204 million.")) == 1


def test_the_conflict_names_the_index_of_the_covering_event() -> None:
    text = "Hong Kong stocks rallied. The Hang Seng rose 400 points, or 2.5%, to 25,829."
    sentence = "The Hang Seng rose 400 points, or 2.5%, to 25,829."
    start = text.index(sentence)
    event = Event(
        type="index_move",
        entity="hang-seng",
        evidence=Evidence(start=start, end=start + len(sentence), text=sentence),
        confidence=0.8,
        attributes={"index": "HSI", "direction": "up", "change_pct": 2.5, "level": 25829.0},
    )
    [conflict] = check_index_levels([event], text)
    assert conflict.entity == "hang-seng"
