"""Adding document results up into one report, and the flat figures floors are checked against.

Figure names are `field.figure`: `price_moves.recall`, `dates.errors`, `boilerplate.removed_share`.
A figure is None ("n/a") when it cannot be measured on this gold file: precision when nothing was
predicted, recall when the gold has nothing of that kind, drivers and consistency while no
prediction in the run carries any (those stages have not landed). Figures whose name ends in
`errors` are counts where lower is better; every other figure is a share in 0..1.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any

from tickerwire.evaluation.scoring import (
    MOVE_FIELDS,
    SCORED_FIELDS,
    Counts,
    DateResult,
    DocumentResult,
    PeriodResult,
)

Figure = float | int | None

# Fields scored only once some prediction in the run carries them: until the stage that produces
# them lands, every gold item would be a miss and the figure would measure the stage's absence.
STAGE_GATED_FIELDS = {
    "drivers": "no predicted price move gives drivers yet",
    "move_drivers": "no predicted price move gives drivers yet",
    "consistency": "no article has conflicts yet",
}


def is_ceiling(figure: str) -> bool:
    """True for figures where lower is better (error counts): their floor is a maximum."""
    return figure.endswith("errors")


def _share(numerator: int, denominator: int) -> float | None:
    return numerator / denominator if denominator else None


@dataclass
class EvalReport:
    """The scores of one gold file."""

    gold_name: str
    corpus: str
    documents: list[DocumentResult] = field(default_factory=list)

    @property
    def read_errors(self) -> list[DocumentResult]:
        return [d for d in self.documents if d.error is not None]

    def gated_reason(self, name: str) -> str | None:
        """Why a stage-gated field is n/a in this run, or None when it is scored."""
        drivers = name in ("drivers", "move_drivers")
        if drivers and not any(d.drivers_predicted for d in self.documents):
            return STAGE_GATED_FIELDS[name]
        if name == "consistency" and not any(d.conflicts_predicted for d in self.documents):
            return STAGE_GATED_FIELDS[name]
        return None

    def counts(self, name: str) -> Counts | None:
        """Totals of a field over the documents that score it, or None when none does."""
        per_document = [d.fields[name].counts for d in self.documents if name in d.fields]
        if not per_document or self.gated_reason(name):
            return None
        total = Counts()
        for counts in per_document:
            total = total + counts
        return total

    def periods(self, name: str) -> PeriodResult:
        total = PeriodResult()
        for d in self.documents:
            if name in d.periods:
                total.correct += d.periods[name].correct
                total.wrong += d.periods[name].wrong
        return total

    def dates(self) -> DateResult:
        total = DateResult()
        for d in self.documents:
            total.correct += d.dates.correct
            total.wrong += d.dates.wrong
            total.not_known += d.dates.not_known
            total.missed += d.dates.missed
            total.unexpected += d.dates.unexpected
        return total

    def removal(self, kind: str) -> tuple[int, int]:
        """(removed, leaked) gold strings of `kind` (`boilerplate` or `off_topic`)."""
        removed = leaked = 0
        for d in self.documents:
            result = d.boilerplate if kind == "boilerplate" else d.off_topic
            removed += result.removed
            leaked += len(result.leaked)
        return removed, leaked

    def figures(self) -> dict[str, Figure]:
        """Every figure by name (always the same names; None where n/a)."""
        figures: dict[str, Figure] = {"documents.read_errors": len(self.read_errors)}
        for name in SCORED_FIELDS:
            counts = self.counts(name)
            figures[f"{name}.precision"] = counts.precision if counts else None
            figures[f"{name}.recall"] = counts.recall if counts else None
        for name in MOVE_FIELDS:
            periods = self.periods(name)
            figures[f"{name}.period_accuracy"] = _share(
                periods.correct, periods.correct + periods.wrong
            )
        dates = self.dates()
        figures["dates.errors"] = dates.wrong
        figures["dates.precision"] = _share(dates.correct, dates.correct + dates.wrong)
        # Honest nulls on undated articles are left out: those days could not be known.
        figures["dates.recall"] = _share(dates.correct, dates.correct + dates.wrong + dates.missed)
        for kind in ("boilerplate", "off_topic"):
            removed, leaked = self.removal(kind)
            figures[f"{kind}.removed_share"] = _share(removed, removed + leaked)
        figures["off_topic.event_errors"] = sum(len(d.off_topic_events) for d in self.documents)
        figures["index_moves.level_errors"] = sum(len(d.level_errors) for d in self.documents)
        return figures

    def to_dict(self) -> dict[str, Any]:
        """Everything as plain JSON-able data: figures, counts per field, per-document details."""
        fields: dict[str, Any] = {}
        for name in SCORED_FIELDS:
            counts = self.counts(name)
            fields[name] = (
                {"tp": counts.tp, "fp": counts.fp, "fn": counts.fn}
                if counts
                else {"n/a": self.gated_reason(name) or "not annotated in this gold file"}
            )
        dates = self.dates()
        return {
            "gold": self.gold_name,
            "corpus": self.corpus,
            "documents": len(self.documents),
            "figures": self.figures(),
            "fields": fields,
            "periods": {
                name: {"correct": self.periods(name).correct, "wrong": self.periods(name).wrong}
                for name in MOVE_FIELDS
            },
            "dates": {
                "correct": dates.correct,
                "wrong": dates.wrong,
                "not_known": dates.not_known,
                "missed": dates.missed,
                "unexpected": dates.unexpected,
            },
            "removal": {
                kind: dict(zip(("removed", "leaked"), self.removal(kind), strict=True))
                for kind in ("boilerplate", "off_topic")
            },
            "per_document": [self.document_details(d) for d in self.documents],
        }

    def document_details(self, result: DocumentResult) -> dict[str, Any]:
        """What went wrong in one document (fields n/a in this run left out)."""
        gated = {name for name in STAGE_GATED_FIELDS if self.gated_reason(name)}
        return document_details(result, skip=gated)


def document_details(result: DocumentResult, skip: Collection[str] = ()) -> dict[str, Any]:
    """What went wrong in one document, as plain data (what `--verbose` prints)."""
    details: dict[str, Any] = {"doc": result.doc}
    if result.error:
        details["error"] = result.error
    for name, field_result in result.fields.items():
        if name in skip:
            continue
        if field_result.missed:
            details.setdefault("missed", {})[name] = field_result.missed
        if field_result.spurious:
            details.setdefault("spurious", {})[name] = field_result.spurious
    for name, periods in result.periods.items():
        if periods.notes:
            details.setdefault("wrong_periods", {})[name] = periods.notes
    if result.dates.notes:
        details["dates"] = result.dates.notes
    if result.boilerplate.leaked:
        details["boilerplate_leaked"] = result.boilerplate.leaked
    if result.off_topic.leaked:
        details["off_topic_leaked"] = result.off_topic.leaked
    if result.off_topic_events:
        details["off_topic_events"] = result.off_topic_events
    if result.level_errors:
        details["level_errors"] = result.level_errors
    return details
