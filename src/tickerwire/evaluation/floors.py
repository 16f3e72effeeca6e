"""Accuracy floors: the figures a change may not make worse.

A floors file is JSON keyed by gold file name, then by figure name:

    {"seeds.gold.json": {"price_moves.recall": 1.0, "dates.errors": 0}}

For a share (every figure but error counts) the number is a minimum; for a figure whose name ends
in `errors` it is a maximum. Floors only go up (ceilings only go down): `lowered_floors` compares
two versions of the file so CI can refuse a change that loosens one.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from tickerwire.errors import UsageError
from tickerwire.evaluation.summary import Figure, is_ceiling

Floors = dict[str, dict[str, float]]


@dataclass(frozen=True)
class FloorFailure:
    figure: str
    value: Figure
    floor: float

    def __str__(self) -> str:
        if self.value is None:
            return f"{self.figure} is n/a but has a floor of {self.floor:g}"
        relation = "above its ceiling" if is_ceiling(self.figure) else "under its floor"
        return f"{self.figure} = {self.value:.4g} is {relation} {self.floor:g}"


@dataclass(frozen=True)
class FloorCheck:
    """The result of checking one gold file's figures: failures, and floors that could not apply."""

    checked: int = 0
    failures: tuple[FloorFailure, ...] = ()
    not_measured: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        return not self.failures


def parse_floors(data: object, source: str) -> Floors:
    """Check decoded floors JSON: {gold file name: {figure: number}}. Raises UsageError."""
    if not isinstance(data, Mapping):
        raise UsageError(source, "floors must be a JSON object keyed by gold file name")
    floors: Floors = {}
    for gold_name, figures in data.items():
        if not isinstance(figures, Mapping):
            raise UsageError(source, f"{gold_name}: expected an object of figure: number")
        floors[gold_name] = {}
        for figure, value in figures.items():
            if isinstance(value, bool) or not isinstance(value, int | float):
                raise UsageError(source, f"{gold_name}.{figure}: expected a number, got {value!r}")
            floors[gold_name][figure] = float(value)
    return floors


def load_floors(path: str | Path) -> Floors:
    """Read a floors file. Raises UsageError naming the file and the reason."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(str(path), f"cannot read floors: {exc}") from None
    except json.JSONDecodeError as exc:
        raise UsageError(str(path), f"floors are not valid JSON: {exc.msg}") from None
    return parse_floors(data, str(path))


def check_floors(
    figures: Mapping[str, Figure], floors: Mapping[str, float], source: str = "floors"
) -> FloorCheck:
    """Compare figures with their floors (ceilings for error counts).

    A floor naming a figure that does not exist is a usage error (a typo would otherwise make a
    floor that never bites). A floor on a figure that is n/a in this run is not failed but listed
    in `not_measured`: precision is n/a when nothing is predicted, and the recall floor on the
    same field is what catches that.
    """
    unknown = sorted(set(floors) - set(figures))
    if unknown:
        raise UsageError(source, f"unknown figure(s) {', '.join(unknown)}")
    failures = []
    not_measured = []
    for figure, floor in floors.items():
        value = figures[figure]
        if value is None:
            not_measured.append(figure)
        elif (value > floor + 1e-9) if is_ceiling(figure) else (value < floor - 1e-9):
            failures.append(FloorFailure(figure, value, floor))
    return FloorCheck(len(floors), tuple(failures), tuple(not_measured))


def lowered_floors(old: Floors, new: Floors) -> list[str]:
    """What `new` loosens compared with `old`: a floor lowered, a ceiling raised, one removed."""
    problems = []
    for gold_name, figures in old.items():
        for figure, before in figures.items():
            after = new.get(gold_name, {}).get(figure)
            if after is None:
                problems.append(f"{gold_name}: {figure} (was {before:g}) was removed")
            elif is_ceiling(figure) and after > before:
                problems.append(f"{gold_name}: ceiling {figure} raised {before:g} -> {after:g}")
            elif not is_ceiling(figure) and after < before:
                problems.append(f"{gold_name}: floor {figure} lowered {before:g} -> {after:g}")
    return problems
