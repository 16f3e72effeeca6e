"""Drivers per move: for each gold price move that carries `drivers` and was matched, its gold
driver categories against the categories of the events the predicted move names as drivers.

The per-document `drivers` field compares the union over an article's moves; this one asks
whether each cause went to the right move (FNSPID gold annotates drivers per move). Counts are
summed over matched moves; a gold move that was not matched is scored by `price_moves`, not here.
"""

from __future__ import annotations

from collections.abc import Sequence

from tickerwire.evaluation.gold import GoldPriceMove
from tickerwire.evaluation.matching import PredictedMove
from tickerwire.records import Event

# A driver's category is its event type, except that figures and guidance count as earnings
# (CONTRACT.md); the same table as scoring.DRIVER_CATEGORY_ALIASES.
_ALIASES = {"financial_metric": "earnings", "guidance": "earnings"}


def move_driver_counts(
    gold: Sequence[GoldPriceMove],
    predicted: Sequence[PredictedMove],
    pairs: list[tuple[int, int]],
    events: Sequence[Event],
) -> tuple[int, int, int, list[str], list[str]] | None:
    """(tp, fp, fn, missed, spurious) over matched moves whose gold gives drivers, or None when
    no gold move of the document gives them."""
    if not any(g.drivers is not None for g in gold):
        return None
    tp = fp = fn = 0
    missed: list[str] = []
    spurious: list[str] = []
    for gi, pi in pairs:
        wanted = gold[gi].drivers
        if wanted is None:
            continue
        event = events[predicted[pi].event_index]
        found = set()
        for index in event.attributes.get("drivers") or []:
            if isinstance(index, int) and 0 <= index < len(events):
                kind = events[index].type
                found.add(_ALIASES.get(kind, kind))
        tp += len(found & set(wanted))
        fp += len(found - set(wanted))
        fn += len(set(wanted) - found)
        label = f"{gold[gi].listing} {gold[gi].change_pct:g}%"
        missed += [f"{label}: {c}" for c in sorted(set(wanted) - found)]
        spurious += [f"{label}: {c}" for c in sorted(found - set(wanted))]
    return tp, fp, fn, missed, spurious
