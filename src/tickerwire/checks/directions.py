"""One move told both as a rise and as a fall.

"Futures: Dow up 0.13%, Nasdaq up 1.16%" in a story's summary lines and "Nasdaq 100 e-minis
were down 203.5 points, or 1.16%" in its body cannot both hold: the same contract, on the same
day and in the same session, moved by the same figure one way only. The check reads the
article's own move events, so it sees what the extraction kept (listing or index, day, period,
instrument).

It flags a pair only when everything but the sign agrees: the same listing or index, the same
day (a move without a day is passed over), the same period and instrument, and the same
magnitude as written, neither hedged ("over 1%"). Two different figures for one move may be two
moments of a trading day ("up 0.5% early, then 0.3% higher by noon"), so they are left alone; a
figure repeated with its sign flipped is a slip of the pen.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import combinations

from tickerwire.records import Conflict, ConflictValue, Event

_MOVE_TYPES = ("price_move", "index_move")


def _move_key(event: Event) -> tuple[object, ...] | None:
    """What must agree for two moves to be the same move; None for a move the check skips."""
    attributes = event.attributes
    change = attributes.get("change_pct")
    if (
        event.type not in _MOVE_TYPES
        or event.date is None
        or not isinstance(change, (int, float))
        or change == 0
        or attributes.get("approximate")
    ):
        return None
    instrument = attributes.get("listing") or attributes.get("index")
    if not instrument:
        return None
    return (
        event.type,
        instrument,
        event.date,
        attributes.get("period"),
        attributes.get("instrument"),
        abs(change),
    )


def check_directions(events: Sequence[Event], article_id: str | None = None) -> list[Conflict]:
    """Pairs of moves of one listing or index, day and period, with the same figure and
    opposite signs, in text order of the first of each pair."""
    keyed = [(key, event) for event in events if (key := _move_key(event)) is not None]
    conflicts: list[Conflict] = []
    flagged: set[tuple[object, ...]] = set()
    for (key, first), (other_key, second) in combinations(keyed, 2):
        if key != other_key or key in flagged:
            continue
        if first.attributes["change_pct"] * second.attributes["change_pct"] >= 0:
            continue
        if first.evidence.start == second.evidence.start:
            continue  # one sentence read twice is not two claims
        flagged.add(key)
        instrument = key[1]
        magnitude = key[5]
        conflicts.append(
            Conflict(
                entity=first.entity,
                field="direction",
                values=[
                    ConflictValue(
                        article=article_id,
                        value={
                            "index" if event.type == "index_move" else "listing": instrument,
                            "date": event.date.isoformat() if event.date else None,
                            "period": event.attributes.get("period"),
                            "change_pct": event.attributes["change_pct"],
                        },
                        evidence=event.evidence.text,
                    )
                    for event in (first, second)
                ],
                why=(
                    f"{instrument} is said to have moved {magnitude:g}% on the same day both up "
                    "and down"
                ),
            )
        )
    return conflicts
