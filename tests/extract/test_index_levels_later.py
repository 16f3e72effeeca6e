"""An index level told later in the move's own clause chain ("fell 0.4% and last stood at
103.5", "rose 0.3% on the day, at 104.2"), the dollar measured against a basket of currencies
as the dollar index, and "overnight" as a move of no single session.

Each shape has look-alikes: another subject's level, a clock time, the dollar against one
currency."""

import datetime as dt

import pytest
from extract_helpers import ENTITIES, AliasLinker

from tickerwire.extract import extract_events
from tickerwire.link.reference import Listing, ReferenceEntity

THURSDAY = dt.date(2024, 2, 1)

_MORE = (
    ReferenceEntity(
        "us-dollar-index",
        "U.S. Dollar Index",
        "index",
        ("dollar index", "=USD"),
        (Listing("DXY", "XNYS", "USD", "US"),),
    ),
    ReferenceEntity(
        "nasdaq", "Nasdaq Composite", "index", ("Nasdaq",), (Listing("COMP", "XNAS", "USD", "US"),)
    ),
)
_LINKER = AliasLinker((*ENTITIES, *_MORE))


def index_moves(text: str) -> list[tuple[str, float, float | None, str]]:
    events = extract_events(_LINKER.link(text, THURSDAY), _LINKER.reference)
    return [
        (
            e.attributes["index"],
            e.attributes["change_pct"],
            e.attributes["level"],
            e.attributes["period"],
        )
        for e in events
        if e.type == "index_move"
    ]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("The dollar index slipped 0.4% and last stood at 103.5.", 103.5),
        ("The dollar index gained 0.3% on the day, at 104.2.", 104.2),
        ("The dollar index rose 0.3% against a basket of its peers, at 104.2.", 104.2),
        ("The Nasdaq advanced 1.5% and finished the day at 15,361.64.", 15361.64),
        ("The Nasdaq added 0.9% and touched a record at 15,410.", 15410.0),
    ],
)
def test_a_level_told_later_in_the_clause_is_the_moves(text, level):
    (move,) = index_moves(text)
    assert move[2] == level


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("The Nasdaq lost 1.3% or 201.7 points to settle at 15,022.4 on Tuesday.", 15022.4),
        ("The S&P 500 dropped 1.4%, or 68.2 points, ending the day at 4,860.11.", 4860.11),
        ("The Nasdaq rose 1.1%, or about 170 points, to 15,361.64.", 15361.64),
    ],
)
def test_points_after_or_restate_the_move_before_its_level(text, level):
    (move,) = index_moves(text)
    assert move[2] == level


@pytest.mark.parametrize(
    "text",
    [
        # the level of another subject after the restated points
        "The Nasdaq rose 1.1%, or 170 points, while the S&P 500 ended at 4,845.65.",
        # points that are not told with "or": another index's move and level
        "The Nasdaq rose 1.1% while the blue chips added 120 points to 38,150.20.",
    ],
)
def test_no_level_after_points_of_another_kind(text):
    assert [move[2] for move in index_moves(text)] == [None]


@pytest.mark.parametrize(
    "text",
    [
        # another subject's level
        "The dollar index slipped 0.4%, while the euro was at 1.08.",
        "The dollar index slipped 0.4%, with the euro at 1.08.",
        "The Nasdaq advanced 1.5% on Thursday, and Apple shares were at 188.",
        # a clock time, not a level
        "The Nasdaq advanced 1.5% at 10 a.m.",
        # another number on the way: the level may be of something else
        "The Nasdaq advanced 1.5% after 30 companies reported, at 15,361.",
    ],
)
def test_look_alikes_give_no_later_level(text):
    assert [move[2] for move in index_moves(text)] == [None]


@pytest.mark.parametrize(
    "text",
    [
        # each stops the later level by one rule alone (the others would let it through):
        # another name on the way (Apple's record, not the index's level)
        "The Nasdaq advanced 1.5% on Thursday and Apple hit a record at 195.",
        # a subject word on the way (the euro's rate)
        "The dollar index slipped 0.4% and the euro last stood at 1.08.",
        # a clause of another kind (the level it opened at, before the move)
        "The Nasdaq advanced 1.5% after opening at 15,100.",
        # words that do not end at "at" (a round number passed, not the level)
        "The Nasdaq advanced 1.5% and has risen above 15,000 for the first time.",
        # a clock time told after the move's day
        "The Nasdaq was up 1.5% on the day at 11 a.m.",
        # no index stands at or below zero
        "The dollar index slipped 0.4% and last stood at -2.",
    ],
)
def test_each_later_level_rule_alone_stops_a_look_alike(text):
    assert [move[2] for move in index_moves(text)] == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Falling yields weighed on the U.S. dollar, which lost 0.5% against its peers.",
        "The dollar slipped 0.5% against a basket of major currencies.",
        "The greenback was down 0.5% against six major peers.",
    ],
)
def test_the_dollar_against_a_basket_is_the_dollar_index(text):
    assert [(m[0], m[1]) for m in index_moves(text)] == [("DXY", -0.5)]


@pytest.mark.parametrize(
    "text",
    [
        "The dollar slipped 0.5% against the yen.",
        "The dollar slipped 0.5%.",
        "Dollar sales rose 5% against last year's weak figure.",
    ],
)
def test_the_dollar_against_one_currency_or_alone_is_no_index(text):
    assert index_moves(text) == []


def test_an_overnight_move_is_of_no_single_session():
    text = (
        "The dollar index lost 0.5% overnight and on Thursday held near the low end of its "
        "range at 103.1."
    )
    events = extract_events(_LINKER.link(text, THURSDAY), _LINKER.reference)
    assert index_moves(text) == [("DXY", -0.5, 103.1, "other")]
    assert [e.date for e in events if e.type == "index_move"] == [None]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Nasdaq ended Tuesday up +212 points, +1.4%, and the S&P 500 was +0.9%.",
            [("COMP", 1.4), ("SPX", 0.9)],
        ),
        ("The Nasdaq lost 120 points, -0.8%, on Thursday.", [("COMP", -0.8)]),
    ],
)
def test_a_signed_percent_after_the_points_and_a_comma_restates_the_move(text, expected):
    assert [(move[0], move[1]) for move in index_moves(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        # unsigned: a distance, not the move restated
        "The Nasdaq fell 120 points, 0.4% short of its high.",
        "The Nasdaq rose 120 points, 0.4% short of its record high.",
        # signed against the verb: another span's change
        "The Nasdaq fell 120 points, +0.4% for the week.",
    ],
)
def test_a_percent_after_the_points_that_does_not_restate_the_move_is_none(text):
    assert index_moves(text) == []
