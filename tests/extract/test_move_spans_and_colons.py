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
