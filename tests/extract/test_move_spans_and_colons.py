"""A move too large for one session told without day or period words is of a span the text
leaves open (period "other", no day); the same size told with its day, or with words that name
its trading period, keeps them."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import ENTITIES, AliasLinker

from tickerwire.extract import extract_events
from tickerwire.records import Event

THURSDAY = dt.date(2024, 2, 1)
_LINKER = AliasLinker(ENTITIES)


def run(text: str, published: dt.date | None = THURSDAY) -> list[Event]:
    return extract_events(_LINKER.link(text, published), _LINKER.reference)


def moves(text: str) -> list[tuple[str, float, str, dt.date | None]]:
    return [
        (e.attributes["listing"], e.attributes["change_pct"], e.attributes["period"], e.date)
        for e in run(text)
        if e.type == "price_move"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "As a leader of the AI trade, the Microsoft stock price soared more than 58%.",
        "Meta shares have nearly tripled, surging 194%.",
        "Amazon stock rallied 81% as its cloud business recovered.",
    ],
)
def test_a_move_too_large_for_a_session_without_period_words_is_of_no_session(text):
    ((_, _, period, day),) = moves(text)
    assert (period, day) == ("other", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day named: that day's session, however large
        ("Snap shares soared 58% on Wednesday after upbeat results.", ("session", "2024-01-31")),
        # a trading period named (kept; too large to date from the publication alone)
        ("Snap shares soared 58% in premarket trading.", ("premarket", "None")),
        # a session-sized move without words keeps the default session
        ("Snap shares rose 4% after upbeat results.", ("session", "2024-02-01")),
    ],
)
def test_a_day_or_period_words_keep_the_session(text, expected):
    ((_, _, period, day),) = moves(text)
    assert (period, str(day)) == expected


# -- a move after a colon, told as the market's reaction -------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a label: the name alone before the colon
        ("Snap: -3.4% on the news of a weak ad forecast.", [("SNAP", -3.4, "session")]),
        ("Pinterest: down 5% in early trading after the forecast.", [("PINS", -5.0, "intraday")]),
        # a named subject with a short predicate of its own
        (
            "Meta Platforms is flying high this morning: +6.2% in pre-market trading.",
            [("META", 6.2, "premarket")],
        ),
        # a description of the one company the sentence before names; a company compared in
        # an opening phrase is not the subject
        (
            "Pinterest missed revenue estimates on Wednesday. Unlike Snap's steady run, "
            "lately the social media company has been struggling: -4.1% on the results.",
            [("PINS", -4.1, "session")],
        ),
        # a later number told for the company of the move before it
        (
            "Snap has had a rough month: -3.4% on the news adds to the -12% for the stock, "
            "year to date.",
            [("SNAP", -3.4, "session"), ("SNAP", -12.0, "year_to_date")],
        ),
        (
            "Snap has had a rough month: -3.4% on the news adds to the -12% for Snap this year.",
            [("SNAP", -3.4, "session"), ("SNAP", -12.0, "year_to_date")],
        ),
    ],
)
def test_a_move_opening_the_clause_after_a_colon_is_the_subjects(text, expected):
    assert [m[:3] for m in moves(text)] == expected


def test_a_reaction_after_a_colon_is_dated_like_a_current_move():
    text = "Snap has been hitting the skids: -3.4% on the news of a weak ad forecast."
    assert moves(text) == [("SNAP", -3.4, "session", THURSDAY)]


@pytest.mark.parametrize(
    "text",
    [
        # no words of a market reaction after the number
        "Snap reported its results: -3.4% versus the consensus estimate.",
        "Snap (SNAP): -3.4% year over year in daily users.",
        # a figure is the subject before the colon
        "Snap's revenue has been slipping: -3.4% on the news of a weak ad market.",
        # a description with no company just before, or with two
        "Ad spending slowed in January. The company has been struggling: -4% on the news.",
        "Snap and Pinterest reported on Tuesday. The social media company has been struggling: "
        "-4% on the news.",
        # the name nearest the colon is an object, not the subject
        "Snap kept pace with Pinterest: -4% on the news of weak ad demand.",
        # another name in the clause before the colon
        "Snap has lagged the likes of Pinterest: -4% on the news.",
        # the one company named before is named in passing: the description may be any other
        "Ad budgets moved to rivals like Snap. The social media company has been struggling: "
        "-4% on the news.",
        # the company compared is the one named before: the description is another company
        "Snap posted results on Tuesday. Like Snap, the social media company has been "
        "struggling: -4% on the news.",
        # the description's clause names a figure
        "Snap reported on Tuesday. The social media company has seen ad revenue slip: -4% on "
        "the news.",
        # a description that is the object, not the subject
        "Ad buyers have been wary of Snap. Analysts now shun the company: -4% on the news.",
    ],
)
def test_look_alikes_after_a_colon_give_no_move(text):
    assert moves(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # another subject word between the two numbers
        "Snap has had a rough month: -3.4% on the news, while ad revenue is -2% for the company.",
        # the number before is a figure's change, or the move of two companies
        "Snap's ad revenue slipped 3.4% in the quarter after the -2% for the company a year ago.",
        "Snap and Pinterest have had a rough month: -3.4% on the news adds to the -12% for the "
        "stock this year.",
        # a figure named between the two numbers
        "Snap has had a rough month: -3.4% on the news of weaker ad revenue adds to the -2% "
        "for the company in January.",
        # a later number for another company
        "Snap has had a rough month: -3.4% on the news adds to the -12% for Pinterest this year.",
    ],
)
def test_a_later_number_for_another_subject_is_not_the_moves(text):
    assert -2.0 not in [m[1] for m in moves(text)]
    assert -12.0 not in [m[1] for m in moves(text)]
