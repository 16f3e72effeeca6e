"""Printing an EvalReport: a table for people (optionally with per-document details) or JSON."""

from __future__ import annotations

import json
from typing import Any

from tickerwire.evaluation.floors import FloorCheck
from tickerwire.evaluation.scoring import MOVE_FIELDS, SCORED_FIELDS
from tickerwire.evaluation.summary import EvalReport, Figure

FIELD_LABELS = {
    "price_moves": "price moves",
    "index_moves": "index moves",
    "metrics": "metrics",
    "tickers": "tickers",
    "names": "names",
    "event_types": "event types",
    "drivers": "drivers",
    "move_drivers": "drivers per move",
    "consistency": "consistency flags",
}
DETAIL_LABELS = {
    "error": "could not read",
    "missed": "missed",
    "spurious": "spurious",
    "wrong_periods": "wrong period",
    "dates": "dates",
    "boilerplate_leaked": "boilerplate left in text",
    "off_topic_leaked": "off-topic text left in text",
    "off_topic_events": "events from off-topic text",
    "level_errors": "index levels the text does not give",
}


def _ratio(value: Figure) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def render_table(report: EvalReport, check: FloorCheck | None, verbose: bool = False) -> str:
    """The report as aligned text: per-field counts and figures, dates, removal, floors."""
    figures = report.figures()
    lines = [
        f"tickerwire eval: {report.gold_name} ({len(report.documents)} documents,"
        f" corpus {report.corpus})",
        "",
        f"{'field':<18} {'tp':>5} {'fp':>5} {'fn':>5} {'precision':>10} {'recall':>8}",
    ]
    for name in SCORED_FIELDS:
        label = FIELD_LABELS[name]
        counts = report.counts(name)
        if counts is None:
            why = report.gated_reason(name) or "not annotated in this gold file"
            lines.append(f"{label:<18} {'n/a':>5}  ({why})")
            continue
        lines.append(
            f"{label:<18} {counts.tp:>5} {counts.fp:>5} {counts.fn:>5}"
            f" {_ratio(counts.precision):>10} {_ratio(counts.recall):>8}"
        )
        if name in MOVE_FIELDS:
            periods = report.periods(name)
            lines.append(
                f"{'  period':<18} {periods.correct} right, {periods.wrong} wrong"
                f" of matched moves with a gold period"
                f" (accuracy {_ratio(figures[f'{name}.period_accuracy'])})"
            )
        if name == "index_moves":
            lines.append(
                f"{'  level':<18} {figures['index_moves.level_errors']} given where gold has"
                " none (errors)"
            )
    dates = report.dates()
    lines += [
        "",
        f"dates of matched moves with a gold day: {dates.correct} right, {dates.wrong} WRONG,"
        f" {dates.not_known} not known, {dates.missed} missing",
        "  (not known: null on an undated article, honest; missing: null on a dated article)",
        f"  date precision {_ratio(figures['dates.precision'])},"
        f" recall {_ratio(figures['dates.recall'])}, date errors {dates.wrong}"
        + (f"; {dates.unexpected} dated where gold has no day" if dates.unexpected else ""),
    ]
    for kind, label in (("boilerplate", "boilerplate"), ("off_topic", "off-topic text")):
        removed, leaked = report.removal(kind)
        lines.append(
            f"{label} removed: {removed} of {removed + leaked} gold strings"
            f" (share {_ratio(figures[f'{kind}.removed_share'])})"
        )
    lines.append(f"events whose evidence holds off-topic text: {figures['off_topic.event_errors']}")
    for failed in report.read_errors:
        lines.append(f"could not read {failed.doc}: {failed.error}")
    if check is not None:
        lines += ["", *floor_lines(check)]
    if verbose:
        lines += ["", *verbose_lines(report)]
    return "\n".join(lines)


def floor_lines(check: FloorCheck) -> list[str]:
    measured = check.checked - len(check.not_measured)
    lines = []
    if check.passed:
        lines.append(f"floors: all {measured} measurable met")
    else:
        lines.append(f"floors: {len(check.failures)} of {measured} measurable FAILED")
        lines += [f"  FAILED {failure}" for failure in check.failures]
    if check.not_measured:
        lines.append(
            f"  {len(check.not_measured)} not measurable in this run (n/a):"
            f" {', '.join(check.not_measured)}"
        )
    return lines


def verbose_lines(report: EvalReport) -> list[str]:
    """Per document: what was missed, what was spurious, wrong dates and periods, leaks."""
    lines = []
    for result in report.documents:
        details = report.document_details(result)
        lines.append(f"--- {details.pop('doc')}")
        if not details:
            lines.append("  all gold items found, nothing spurious")
        for key, value in details.items():
            label = DETAIL_LABELS[key]
            if isinstance(value, dict):
                for field_name, items in value.items():
                    lines.append(f"  {label} {FIELD_LABELS.get(field_name, field_name)}:")
                    lines += [f"    - {item}" for item in items]
            elif isinstance(value, list):
                lines.append(f"  {label}:")
                lines += [f"    - {item}" for item in value]
            else:
                lines.append(f"  {label}: {value}")
    return lines


def render_json(report: EvalReport, check: FloorCheck | None) -> str:
    data: dict[str, Any] = report.to_dict()
    if check is not None:
        data["floors"] = {
            "checked": check.checked,
            "failed": [str(f) for f in check.failures],
            "not_measured": list(check.not_measured),
        }
    return json.dumps(data, indent=2, ensure_ascii=False)
