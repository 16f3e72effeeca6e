"""directions: one move told with the same figure both as a rise and as a fall. Texts run
through the whole pipeline, so the check sees the moves as the extraction keeps them."""

from __future__ import annotations

import datetime as dt

import pytest

from tickerwire.checks.directions import check_directions
from tickerwire.pipeline import Pipeline
from tickerwire.records import Article, Event, Evidence, RawDocument

TUESDAY = dt.date(2024, 3, 12)

SUMMARY_AND_BODY = (
    "Futures: Dow up 0.2%, Nasdaq up 0.9%\n"
    "Nasdaq futures fell on Tuesday as chip stocks slid ahead of the Fed decision.\n"
    "At 7:10 a.m. ET, Dow e-minis were up 80 points, or 0.2%, and Nasdaq 100 e-minis were "
    "down 160 points, or 0.9%."
)


def process(pipeline: Pipeline, text: str) -> Article:
    return pipeline.process(RawDocument(origin="test", text=text, published=TUESDAY))


def test_a_summary_line_against_the_story_leaves_the_story_move_and_no_conflict(
    pipeline: Pipeline,
) -> None:
    # The extraction keeps the move told with its points (the story's) and drops the summary
    # line's opposite figure, so no two claims are left to conflict; the check itself is
    # covered on hand-made events below.
    article = process(pipeline, SUMMARY_AND_BODY)
    assert [c for c in article.conflicts if c.field == "direction"] == []
    ndx = [e.attributes["change_pct"] for e in article.events if e.entity == "nasdaq-100"]
    assert ndx == [-0.9]


@pytest.mark.parametrize(
    "text",
    [
        # two days, one figure each
        "The Nasdaq Composite rose 1.1% on Monday as chipmakers rallied. "
        "The Nasdaq Composite fell 1.1% on Tuesday after the inflation report.",
        # two moments of one day, two figures
        "Intel shares rose 2% in early trading and were down 0.5% by noon on Tuesday.",
        # two listings, one figure
        "Intel shares rose 1.5% on Tuesday, while AMD fell 1.5%.",
    ],
)
def test_moves_that_can_all_hold_are_not_conflicts(pipeline: Pipeline, text: str) -> None:
    article = process(pipeline, text)
    assert [c for c in article.conflicts if c.field == "direction"] == []


def _move(change: float, start: int, *, approximate: bool = False) -> Event:
    return Event(
        type="index_move",
        entity="nasdaq-100",
        date=TUESDAY,
        evidence=Evidence(start=start, end=start + 10, text="quoted"),
        confidence=0.8,
        attributes={
            "index": "NDX",
            "change_pct": change,
            "period": "premarket",
            "instrument": "futures",
            "approximate": approximate,
        },
    )


def test_a_hedged_figure_or_a_move_without_a_day_is_not_checked() -> None:
    assert len(check_directions([_move(1.0, 0), _move(-1.0, 50)])) == 1
    assert check_directions([_move(1.0, 0), _move(-1.0, 50, approximate=True)]) == []
    undated = _move(-1.0, 50).model_copy(update={"date": None})
    assert check_directions([_move(1.0, 0), undated]) == []
