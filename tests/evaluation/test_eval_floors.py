"""Floors: figures under a floor fail, ceilings on error counts, and floors that may only go up."""

from __future__ import annotations

import json

import pytest

from tickerwire.errors import UsageError
from tickerwire.evaluation import check_floors, load_floors, lowered_floors

FIGURES = {
    "price_moves.recall": 0.75,
    "price_moves.precision": None,
    "dates.errors": 1,
    "boilerplate.removed_share": 1.0,
}


def test_floors_met():
    check = check_floors(FIGURES, {"price_moves.recall": 0.75, "boilerplate.removed_share": 1.0})
    assert check.passed and check.checked == 2


def test_floor_failing_is_reported_with_figure_and_floor():
    check = check_floors(FIGURES, {"price_moves.recall": 0.8, "boilerplate.removed_share": 0.5})
    assert not check.passed
    assert [str(f) for f in check.failures] == ["price_moves.recall = 0.75 is under its floor 0.8"]


def test_error_count_floor_is_a_ceiling():
    assert not check_floors(FIGURES, {"dates.errors": 0}).passed
    assert check_floors(FIGURES, {"dates.errors": 1}).passed


def test_na_figure_is_listed_not_failed():
    check = check_floors(FIGURES, {"price_moves.precision": 0.9})
    assert check.passed
    assert check.not_measured == ("price_moves.precision",)


def test_unknown_figure_is_a_usage_error():
    with pytest.raises(UsageError, match=r"price_move\.recall"):
        check_floors(FIGURES, {"price_move.recall": 0.1})


def test_floors_file_is_checked(tmp_path):
    path = tmp_path / "floors.json"
    path.write_text(json.dumps({"seeds.gold.json": {"price_moves.recall": "high"}}))
    with pytest.raises(UsageError, match="expected a number"):
        load_floors(path)
    path.write_text(json.dumps({"seeds.gold.json": {"price_moves.recall": 1}}))
    assert load_floors(path) == {"seeds.gold.json": {"price_moves.recall": 1.0}}


def test_lowered_floors():
    old = {"a.json": {"price_moves.recall": 0.5, "dates.errors": 0, "metrics.recall": 0.2}}
    new = {"a.json": {"price_moves.recall": 0.4, "dates.errors": 1}, "b.json": {"x.recall": 0}}
    problems = lowered_floors(old, new)
    assert len(problems) == 3
    assert any("price_moves.recall lowered 0.5 -> 0.4" in p for p in problems)
    assert any("ceiling dates.errors raised" in p for p in problems)
    assert any("metrics.recall" in p and "removed" in p for p in problems)
    assert lowered_floors(old, {"a.json": {**old["a.json"], "price_moves.recall": 0.9}}) == []
