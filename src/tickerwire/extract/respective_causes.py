"""Causes told "respectively": "X and Y rose 3% and 2% after a chip launch and a cloud deal,
respectively" gives the launch to X's move and the deal to Y's.

A cause list that "respectively" closes pairs its items, in order, with the sentence's moves.
When the count of items is not the count of moves, which cause is whose is left open: no move
takes the list (precision first). A "respectively" before the causes ("rose 3% and 2%,
respectively, after ...") pairs the numbers with their subjects only; the causes are shared.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tickerwire.extract.causes import cause_after

_RESPECTIVELY = re.compile(r",?\s*respectively\b")
# How far past a cause phrase's end its "respectively" may stand (", respectively" and a stop).
_CLOSING_REACH = 16
# Where one item of a cause list ends: a comma (with or without "and"), or "and" between items.
_ITEM_BREAK = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")


@dataclass(frozen=True)
class RespectiveCauses:
    """A cause list that "respectively" closes, after a sentence's last move."""

    start: int  # where the list starts: a move's own cause from here on is the list
    items: tuple[tuple[int, int] | None, ...]  # each move's item, in order; None: not paired


def respective_causes(text: str, ends: Sequence[int], sentence_end: int) -> RespectiveCauses | None:
    """The cause list after the last of a sentence's moves (their numbers end at `ends`, in
    order) when "respectively" closes it; None when there is none (each move reads its causes
    as usual). The items pair with the moves when there are as many of them; else no move
    takes one."""
    if len(ends) < 2:
        return None
    shared = cause_after(text, ends[-1], sentence_end)
    if shared is None:
        return None
    start, end = shared
    closing = _RESPECTIVELY.search(text, start, min(sentence_end, end + _CLOSING_REACH))
    if closing is None:
        return None
    items = _items(text, start, min(end, closing.start()))
    if len(items) != len(ends):
        return RespectiveCauses(start, (None,) * len(ends))
    return RespectiveCauses(start, tuple(items))


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    items = []
    at = start
    for gap in _ITEM_BREAK.finditer(text, start, end):
        if gap.start() > at:
            items.append((at, gap.start()))
        at = gap.end()
    if end > at:
        items.append((at, end))
    return items
