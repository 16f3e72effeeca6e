"""A move told through a ranking: "X led the declines with a 3% fall", "X was the top gainer on
the S&P 500 with a 6% jump", "X led the Nasdaq's gainers, up 4%". The number is the ranked
subject's move; an index named as the field of the ranking did not move by it.

Each shape has look-alikes that must give no move (or not the index's).
"""

import datetime as dt

import pytest
from extract_helpers import ENTITIES, US, AliasLinker

from tickerwire.extract import extract_events
from tickerwire.link.reference import Listing, ReferenceEntity
from tickerwire.records import Event

THURSDAY = dt.date(2024, 2, 1)

_MORE = (
    ReferenceEntity("nvidia", "Nvidia Corp", "company", ("Nvidia",), (US("NVDA"),)),
    ReferenceEntity("intel", "Intel Corp", "company", ("Intel",), (US("INTC"),)),
    ReferenceEntity(
        "nasdaq", "Nasdaq Composite", "index", ("Nasdaq",), (Listing("COMP", "XNAS", "USD", "US"),)
    ),
)
_LINKER = AliasLinker((*ENTITIES, *_MORE))


def moves(text: str) -> list[tuple[str, str, float]]:
    events: list[Event] = extract_events(_LINKER.link(text, THURSDAY), _LINKER.reference)
    return [
        (
            e.type,
            str(e.attributes.get("listing") or e.attributes.get("index")),
            e.attributes["change_pct"],
        )
        for e in events
        if e.type in ("price_move", "index_move")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Intel led the declines with a 3.4% fall after its forecast.", ("INTC", -3.4)),
        ("Nvidia led the gains with a 4% jump as chip stocks rallied.", ("NVDA", 4.0)),
        ("Intel has led the losers on Thursday with a 6% slide.", ("INTC", -6.0)),
        ("Nvidia led the S&P 500's gains with a 2.5% rise.", ("NVDA", 2.5)),
        ("Nvidia led the Nasdaq higher with a 3% advance.", ("NVDA", 3.0)),
        ("Intel was the biggest loser on the S&P 500 with a 9% plunge.", ("INTC", -9.0)),
        ("Nvidia was among the top gainers on the Nasdaq, up 5%.", ("NVDA", 5.0)),
        ("Intel led the Nasdaq's decliners, down 2.2%.", ("INTC", -2.2)),
        ("Nvidia topped the S&P 500 gainers, rising 5.1%.", ("NVDA", 5.1)),
    ],
)
def test_the_ranked_subject_owns_the_move(text, expected):
    assert moves(text) == [("price_move", *expected)]


@pytest.mark.parametrize(
    "text",
    [
        # the ranking and the move disagree: whose move it is stays open
        "Intel led the declines with a 3% jump.",
        "Nvidia was the biggest loser on the S&P 500 with a 5% rise.",
        # the subject led an index: whose 2% the words leave open
        "Nvidia led the Nasdaq higher, rising 2%.",
        # a figure of the business, not of the shares
        "Nvidia led the chip sector with a 5% revenue increase.",
        # a company whose own verb takes another object
        "Nvidia reported record sales, a 12% jump.",
    ],
)
def test_look_alikes_give_no_price_move_and_no_index_move(text):
    assert [m for m in moves(text) if m[0] in ("price_move", "index_move")] == []


def test_an_index_moved_by_its_leader_keeps_its_own_number():
    # "led the Nasdaq 2% higher": the number stands between the index and its comparative
    assert moves("Nvidia led the Nasdaq 2% higher.") == [("index_move", "COMP", 2.0)]
    assert moves("The S&P 500 rose 1.1%, led by Nvidia.") == [("index_move", "SPX", 1.1)]
