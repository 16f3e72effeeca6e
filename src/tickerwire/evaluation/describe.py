"""Gold and predicted items in plain words, for `--verbose` and the JSON per-document details."""

from __future__ import annotations

from tickerwire.evaluation.gold import GoldIndexMove, GoldMetric, GoldPriceMove
from tickerwire.evaluation.matching import PredictedMetric, PredictedMove

# Enough of an evidence sentence to find it in the article, short enough for one line.
EVIDENCE_PREVIEW_CHARS = 80


def _pct(value: float | None) -> str:
    return "?" if value is None else f"{value:g}%"


def _amount(value: float | None) -> str:
    """33400000000.0 -> "33.4bn": gold values are in base units, hard to read as written."""
    if value is None:
        return "-"
    for scale, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= scale:
            return f"{value / scale:.6g}{suffix}"
    return f"{value:g}"


def preview(text: str) -> str:
    """A quoted one-line excerpt of evidence text, with a leading space."""
    text = " ".join(text.split())
    if len(text) > EVIDENCE_PREVIEW_CHARS:
        text = text[: EVIDENCE_PREVIEW_CHARS - 1] + "…"
    return f' "{text}"'


def describe_gold_move(gold: GoldPriceMove | GoldIndexMove) -> str:
    key = gold.listing if isinstance(gold, GoldPriceMove) else gold.index
    level = f" at {gold.level:g}" if isinstance(gold, GoldIndexMove) and gold.level else ""
    return (
        f"{key} {gold.direction} {_pct(gold.change_pct)}{level} [{gold.period or '?'}]"
        f" on {gold.date or '-'}"
    )


def describe_predicted_move(move: PredictedMove) -> str:
    level = f" at {move.level:g}" if move.level else ""
    return (
        f"{move.key} {move.direction} {_pct(move.change_pct)}{level} [{move.period or '?'}]"
        f" on {move.date or '-'}{preview(move.evidence)}"
    )


def describe_gold_metric(gold: GoldMetric) -> str:
    segment = f"/{gold.segment}" if gold.segment else ""
    if gold.value is None and gold.value_low is not None:
        value = f"{_amount(gold.value_low)}..{_amount(gold.value_high)}"
    else:
        value = _amount(gold.value)
    change = "" if gold.change_pct is None else f" ({gold.change_pct:+g}%)"
    return f"{gold.listing or '?'} {gold.metric}{segment} {value}{change}"


def describe_predicted_metric(metric: PredictedMetric) -> str:
    owner = "/".join(sorted(metric.owners)) or "?"
    segment = f"/{metric.segment}" if metric.segment else ""
    value = _amount(metric.value)
    change = "" if metric.change_pct is None else f" ({metric.change_pct:+g}%)"
    return f"{owner} {metric.metric}{segment} {value}{change}{preview(metric.evidence)}"
