"""Printing query results as JSON Lines, CSV, or a table that fits the terminal."""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, TextIO

FORMATS = ("table", "json", "csv")
_MIN_FLEXIBLE = 12  # a flexible column never shrinks below this, even on a narrow terminal


@dataclass(frozen=True)
class Column:
    """One column of a table: the row key it shows, its heading, whether it may shrink, and (for
    flexible columns) its share of the room left when several must shrink."""

    key: str
    heading: str
    flexible: bool = False
    align_right: bool = False
    weight: int = 1


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    if isinstance(value, list | tuple):
        return " ".join(_cell(v) for v in value)
    return " ".join(str(value).split())  # one line per row, whatever the evidence holds


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(width - 1, 0)] + "…"


def render_table(
    rows: Sequence[Mapping[str, Any]],
    columns: Sequence[Column],
    out: TextIO,
    width: int | None = None,
) -> None:
    """Aligned columns; flexible columns share what is left of the terminal width."""
    width = width or shutil.get_terminal_size((120, 24)).columns
    cells = [[_cell(row.get(c.key)) for c in columns] for row in rows]
    widths = [max([len(c.heading), *(len(r[i]) for r in cells)]) for i, c in enumerate(columns)]
    gap = 2
    fixed = sum(w for w, c in zip(widths, columns, strict=True) if not c.flexible)
    room = width - fixed - gap * (len(columns) - 1)
    # Flexible columns, the least demanding (width per weight) first, each take what they need
    # up to their weighted share of what is left; what one does not use goes to the others.
    flexible = sorted(
        (i for i, c in enumerate(columns) if c.flexible),
        key=lambda i: widths[i] / columns[i].weight,
    )
    weights_left = sum(columns[i].weight for i in flexible)
    for i in flexible:
        share = room * columns[i].weight // weights_left
        widths[i] = min(widths[i], max(share, _MIN_FLEXIBLE, len(columns[i].heading)))
        room -= widths[i]
        weights_left -= columns[i].weight

    def line(values: Sequence[str]) -> str:
        parts = []
        for value, w, column in zip(values, widths, columns, strict=True):
            value = _fit(value, w)
            parts.append(value.rjust(w) if column.align_right else value.ljust(w))
        return (" " * gap).join(parts).rstrip()

    out.write(line([c.heading for c in columns]) + "\n")
    out.write(line(["-" * w for w in widths]) + "\n")
    for values in cells:
        out.write(line(values) + "\n")


def render_csv(rows: Sequence[Mapping[str, Any]], keys: Sequence[str], out: TextIO) -> None:
    """CSV with a header; lists and dicts are written as JSON."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(keys)
    for row in rows:
        writer.writerow(
            [
                json.dumps(v, default=str) if isinstance(v, list | tuple | dict) else v
                for v in (row.get(k) for k in keys)
            ]
        )


def render_json_lines(rows: Sequence[Mapping[str, Any]], out: TextIO) -> None:
    """One JSON object per line (like `tickerwire extract`)."""
    for row in rows:
        out.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
