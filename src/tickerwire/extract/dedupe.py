"""One event per fact: a move an article repeats ("the 19% surge", six times) is one event."""

from __future__ import annotations

from typing import Any

from tickerwire.records import Event

_MOVE_KEYS = ("listing", "index", "direction", "change_pct", "period", "since", "instrument")
_METRIC_KEYS = ("metric", "segment", "value", "currency", "change_pct", "period_end", "is_estimate")


def _key(event: Event) -> tuple[Any, ...]:
    keys = _METRIC_KEYS if event.type == "financial_metric" else _MOVE_KEYS
    return (event.type, event.entity, *(_hashable(event.attributes.get(k)) for k in keys))


def _hashable(value: object) -> object:
    if isinstance(value, float):
        return round(value, 6)
    if isinstance(value, (list, dict)):
        return repr(value)
    return value


def merge_repeats(found: list[tuple[Event, bool]]) -> list[Event]:
    """Merge repeats of one fact, keeping the best-evidenced mention and the earliest date.

    `found` pairs each event with whether its date is explicit in the text. Repeats are events
    with the same type, entity and attributes; two repeats with different explicit dates are
    different facts and stay apart. The kept event is the most confident mention (the earliest
    among equals); its date is the earliest explicit date among the repeats, else its own.
    Events come out in text order.
    """
    groups: dict[tuple[Any, ...], list[list[tuple[Event, bool]]]] = {}
    for event, explicit in found:
        clusters = groups.setdefault(_key(event), [])
        for cluster in clusters:
            dates = {e.date for e, x in cluster if x}
            if not explicit or not dates or event.date in dates:
                cluster.append((event, explicit))
                break
        else:
            clusters.append([(event, explicit)])
    kept: list[Event] = []
    for clusters in groups.values():
        for cluster in clusters:
            best = max(cluster, key=lambda pair: (pair[0].confidence, -pair[0].evidence.start))[0]
            dated = sorted(
                (pair for pair in cluster if pair[1]), key=lambda pair: pair[0].evidence.start
            )
            if dated and not any(e is best for e, _ in dated):
                first = dated[0][0]
                best = best.model_copy(update={"date": first.date, "date_text": first.date_text})
            elif not dated and best.date is None:
                inferred = [e for e, _ in cluster if e.date is not None]
                if inferred:
                    best = best.model_copy(update={"date": inferred[0].date, "date_text": None})
            kept.append(best)
    kept.sort(key=lambda e: (e.evidence.start, e.type))
    return kept
