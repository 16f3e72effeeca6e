"""The floors file CI uses names only real figures (a typo would make a floor that never bites)."""

from __future__ import annotations

from pathlib import Path

from tickerwire.evaluation import EvalReport, check_floors, load_floors

FLOORS = Path(__file__).resolve().parents[2] / "eval" / "floors.json"


def test_floors_file_names_known_figures_for_both_gold_files():
    floors = load_floors(FLOORS)
    assert set(floors) == {"seeds.gold.json", "fnspid-dev.gold.json"}
    figures = EvalReport(gold_name="x", corpus=".").figures()
    for per_file in floors.values():
        check_floors(figures, per_file)  # raises on an unknown figure
        assert per_file["dates.errors"] == 0  # a wrong date is never acceptable
