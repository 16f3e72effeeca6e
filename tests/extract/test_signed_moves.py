"""A bare signed number is a move only right after its subject: brackets, commas, a ticker or
a copula may stand between ("Honeywell (HON) -2.3% before the bell", "shares of Intel, -1.4%",
"the S&P 500 was +1.2%"); a word that names another figure of the subject may not
("Nvidia margins (-2%)")."""

import datetime as dt

import pytest
from extract_helpers import ENTITIES, US, AliasLinker

from tickerwire.extract import extract_events
from tickerwire.link.reference import ReferenceEntity

_MORE = (
    ReferenceEntity("nvidia", "Nvidia Corp", "company", ("Nvidia",), (US("NVDA"),)),
    ReferenceEntity("intel", "Intel Corp", "company", ("Intel",), (US("INTC"),)),
)
_LINKER = AliasLinker((*ENTITIES, *_MORE))


def moves(text: str) -> list[tuple[str, float]]:
    events = extract_events(_LINKER.link(text, dt.date(2024, 2, 1)), _LINKER.reference)
    return [
        (str(e.attributes.get("listing") or e.attributes.get("index")), e.attributes["change_pct"])
        for e in events
        if e.type in ("price_move", "index_move")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Nvidia (+3.1%) and Intel (-0.5%) traded apart on Thursday.",
            [("NVDA", 3.1), ("INTC", -0.5)],
        ),
        ("Shares of Intel, -1.4%, weighed on chip stocks.", [("INTC", -1.4)]),
        ("The Dow closed flat, while the S&P 500 was +1.2%.", [("SPX", 1.2)]),
    ],
)
def test_a_signed_number_right_after_its_subject_is_its_move(text, expected):
    assert moves(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia margins (-2%) shrank on higher memory costs.",
        "Intel royalties were -4% in the quarter.",
        "Nvidia payouts (+8%) grew again.",
    ],
)
def test_a_word_naming_another_figure_of_the_subject_blocks_the_move(text):
    assert moves(text) == []
