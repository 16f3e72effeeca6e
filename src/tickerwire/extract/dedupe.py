"""One event per fact: a move an article repeats ("the 19% surge", six times) is one event."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from tickerwire.records import Event

# Confidence given up when a move's period is read from the article's other moves.
ARTICLE_PERIOD_PENALTY = 0.05


@dataclass(frozen=True)
class Found:
    """An event with what the merge needs to know: whether its date is written in the text,
    where its number stands, and whether its period was defaulted for lack of words."""

    event: Event
    explicit_date: bool = False
    anchor: int = 0
    period_defaulted: bool = False


def propagate_article_period(
    found: list[Found],
    frame: str | None = None,
    redate: Callable[[Event, str], dt.date | None] | None = None,
) -> list[Found]:
    """A pre-market (or after-hours) report: moves told without period words get that period.

    When every move of the article that names its trading period names the same one of
    premarket / after_hours, the article is a report of that period, and its moves of the same
    market told without period words ("Amazon.com jumped 7.2%") belong to it too. A move told
    with its own day ("rose 2.3% on Thursday") keeps its session: the day places it, and a
    report of one period often recalls the regular session before it.

    `frame` is the trading period the article's opening states for itself ("Ahead of today's
    open, ..."): with no move naming its period, it stands for them when the article's moves
    told without period words are all of one market.

    A move given the period keeps no day of its own words (it has none); the day it was given
    from publication is read again for its new period by `redate(event, period)`: the session
    on the publication date is not the after-hours of a report written the next morning.
    """
    timed = [
        f
        for f in found
        if f.event.type == "price_move"
        and not f.period_defaulted
        and f.event.attributes.get("period") in ("session", "premarket", "after_hours", "intraday")
    ]
    named = {f.event.attributes["period"] for f in timed}
    if not named and frame in ("premarket", "after_hours"):
        untimed = {
            _market(f.event.attributes["listing"])
            for f in found
            if f.event.type == "price_move" and f.period_defaulted
        }
        if len(untimed) != 1:
            return found
        named, markets = {frame}, untimed
    elif len(named) != 1 or not named & {"premarket", "after_hours"}:
        return found
    else:
        # only moves of the same market: a Hong Kong move in a US pre-market report keeps its
        # session
        markets = {_market(f.event.attributes["listing"]) for f in timed}
    period = named.pop()
    result = []
    for f in found:
        if (
            f.event.type == "price_move"
            and f.period_defaulted
            and f.event.attributes["period"] == "session"
            and f.event.date_text is None
            and _market(f.event.attributes["listing"]) in markets
        ):
            attributes = dict(f.event.attributes, period=period)
            confidence = round(max(0.05, f.event.confidence - ARTICLE_PERIOD_PENALTY), 3)
            day = f.event.date
            if day is not None and redate is not None:
                day = redate(f.event, period)
            event = f.event.model_copy(
                update={"attributes": attributes, "confidence": confidence, "date": day}
            )
            f = replace(f, event=event, period_defaulted=False)
        result.append(f)
    return result


def _market(listing: str | None) -> str:
    """The market of a ticker: its exchange suffix ("HK", "T"), or "" for US tickers."""
    if not listing or "." not in listing:
        return ""
    return listing.rsplit(".", 1)[1]


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


def merge_repeats(found: list[Found]) -> list[Event]:
    """Merge repeats of one fact, keeping the best-evidenced mention and the earliest date.

    Each `Found` says whether its event's date is explicit in the text. Repeats are events
    with the same type, entity and attributes; two repeats with different explicit dates are
    different facts and stay apart. The kept event is the most confident mention (the earliest
    among equals); its date is the earliest explicit date among the repeats, else its own.
    Events come out in text order.
    """
    groups: dict[tuple[Any, ...], list[list[Found]]] = {}
    for item in found:
        clusters = groups.setdefault(_key(item.event), [])
        for cluster in clusters:
            dates = {f.event.date for f in cluster if f.explicit_date}
            if not item.explicit_date or not dates or item.event.date in dates:
                cluster.append(item)
                break
        else:
            clusters.append([item])
    kept: list[tuple[int, Event]] = []
    for clusters in groups.values():
        for cluster in clusters:
            # an index move told with its level is the better evidence ("Dow up 0.15%" in a
            # summary line, "up 56.62 points, or 0.15%, at 38,523.93" in the story)
            best = max(
                cluster,
                key=lambda f: (
                    f.event.attributes.get("level") is not None,
                    f.event.confidence,
                    -f.anchor,
                ),
            )
            event = best.event
            dated = sorted((f for f in cluster if f.explicit_date), key=lambda f: f.anchor)
            if dated and not best.explicit_date:
                first = dated[0].event
                event = event.model_copy(update={"date": first.date, "date_text": first.date_text})
            elif not dated and event.date is None:
                inferred = [f.event for f in cluster if f.event.date is not None]
                if inferred:
                    event = event.model_copy(update={"date": inferred[0].date, "date_text": None})
            kept.append((best.anchor, event))
    kept.sort(key=lambda pair: (pair[1].evidence.start, pair[0]))
    return [event for _, event in kept]
