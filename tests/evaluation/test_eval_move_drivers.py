"""Drivers per move: each matched gold move's driver categories against the predicted move's."""

from __future__ import annotations

from eval_builders import article, event, gold

from tickerwire.evaluation.scoring import score_document
from tickerwire.evaluation.summary import EvalReport

TEXT = (
    "Harbour Robotics jumped 9% after it raised its annual forecast, while Kestrel Motors slid "
    "4% after a court blocked its merger. Lantern Foods rose 2%."
)


def _moves(harbour_drivers, kestrel_drivers):
    return [
        {"listing": "HRB", "direction": "up", "change_pct": 9, "drivers": harbour_drivers},
        {"listing": "KST", "direction": "down", "change_pct": 4, "drivers": kestrel_drivers},
        {"listing": "LNF", "direction": "up", "change_pct": 2},
    ]


def _events():
    return [
        event(
            TEXT,
            "jumped 9%",
            "price_move",
            "h",
            listing="HRB",
            direction="up",
            change_pct=9.0,
            drivers=[1],
        ),
        event(TEXT, "raised its annual forecast", "guidance", "h"),
        event(
            TEXT,
            "slid 4%",
            "price_move",
            "k",
            listing="KST",
            direction="down",
            change_pct=-4.0,
            drivers=[1],
        ),
        event(TEXT, "rose 2%", "price_move", "l", listing="LNF", direction="up", change_pct=2.0),
    ]


def test_each_matched_move_is_scored_on_its_own_drivers():
    doc = gold(price_moves=_moves(["earnings"], ["legal"]), drivers=["earnings", "legal"])
    result = score_document(doc, article(TEXT, _events()))
    counts = result.fields["move_drivers"].counts
    # Harbour: guidance counts as earnings (right); Kestrel: earnings given, legal missed
    assert (counts.tp, counts.fp, counts.fn) == (1, 1, 1)
    assert result.fields["move_drivers"].missed == ["KST 4%: legal"]
    assert result.fields["move_drivers"].spurious == ["KST 4%: earnings"]
    # the document-level field sees the union of categories only: the misplaced cause is no error
    union = result.fields["drivers"].counts
    assert (union.tp, union.fp, union.fn) == (1, 0, 1)


def test_not_scored_without_per_move_gold_nor_before_drivers_exist():
    without = gold(price_moves=[{"listing": "HRB", "direction": "up", "change_pct": 9}])
    assert "move_drivers" not in score_document(without, article(TEXT, _events())).fields
    doc = gold(price_moves=_moves(["earnings"], []))
    plain = [
        e.model_copy(update={"attributes": {**e.attributes, "drivers": []}}) for e in _events()
    ]
    report = EvalReport("synthetic.gold.json", ".", [score_document(doc, article(TEXT, plain))])
    assert report.counts("move_drivers") is None
