"""Forecasts an article gives again with another value: one company's same forecast figure
(same metric, line and period as we read them) given a different value in a later sentence.
Either the later one is of another period that we could not name ("A quarter ago, it was
expected that Apple would post earnings of $1.39 per share" after this quarter's $2.09
consensus) or the article contradicts itself (a copy error: "the consensus for Apple's
quarter is $1.60 a share and $70.7 billion" in a paragraph about Alphabet). Either way the
later value, as we would state it, is wrong; the first statement, the one a story leads
with, is kept. A missing forecast is forgiven, a misattributed one is not.

Reported figures are left alone (a figure and its restatement are merged in `dedupe`; a prior
period's figure carries its own period), and so is market value, which articles recount at
several dates without naming them.
"""

from __future__ import annotations

from collections.abc import Hashable

from tickerwire.extract.dedupe import Found

# Two forecasts of one figure further apart than this share of the larger are contradictory:
# consensus figures from two providers, or a consensus and a guidance midpoint, differ by a few
# per cent; the copy errors seen in FNSPID (another company's figures) differ by 20% or more.
CONTRADICTION_SHARE = 0.1
_TIMELESS = frozenset({"market_cap"})


def drop_contradicted_forecasts(found: list[Found]) -> list[Found]:
    """`found` without the forecasts that restate an earlier sentence's forecast of the same
    figure with a value that disagrees with it."""
    groups: dict[Hashable, list[Found]] = {}
    for item in found:
        key = _forecast_key(item)
        if key is not None:
            groups.setdefault(key, []).append(item)
    dropped: set[int] = set()
    for items in groups.values():
        items.sort(key=lambda f: f.event.evidence.start)
        for index, later in enumerate(items):
            if any(
                earlier.event.evidence.start < later.event.evidence.start
                and id(earlier) not in dropped
                and _disagree(earlier, later)
                for earlier in items[:index]
            ):
                dropped.add(id(later))
    if not dropped:
        return found
    return [item for item in found if id(item) not in dropped]


def _forecast_key(item: Found) -> Hashable | None:
    event = item.event
    attributes = event.attributes
    if event.type != "financial_metric" or not attributes.get("is_estimate"):
        return None
    if attributes.get("metric") in _TIMELESS or attributes.get("value") is None:
        return None
    period = attributes.get("period")
    return (
        event.entity,
        attributes.get("metric"),
        attributes.get("segment"),
        attributes.get("currency"),
        " ".join(str(period).lower().split()) if period else None,
    )


def _disagree(first: Found, second: Found) -> bool:
    a = float(first.event.attributes["value"])
    b = float(second.event.attributes["value"])
    larger = max(abs(a), abs(b))
    return larger > 0 and abs(a - b) > CONTRADICTION_SHARE * larger
