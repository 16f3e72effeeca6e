"""Running the pipeline over the documents of a gold file (the only part of evaluation with I/O)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from tickerwire.evaluation.gold import GoldDocument, GoldFile
from tickerwire.evaluation.scoring import score_document, unreadable_document
from tickerwire.evaluation.summary import EvalReport
from tickerwire.ingest import read_inputs
from tickerwire.pipeline import Pipeline
from tickerwire.records import RawDocument, ReadError


def default_corpus(gold_path: Path) -> Path:
    """The folder gold `doc` paths are relative to: the parent of the gold file's folder."""
    return gold_path.resolve().parent.parent


def read_gold_document(
    gold_doc: GoldDocument, corpus: Path, pipeline: Pipeline
) -> RawDocument | str:
    """The document a gold entry annotates, with the gold's publication date; or why it failed.

    The gold `published` replaces whatever the input says: FNSPID dates live in `.json` sidecars
    the reader does not know, and a gold null means the article must be run with no date at all.
    A file holding several articles (JSON Lines) is annotated by its first.
    """
    path = corpus / gold_doc.doc
    if not path.is_file():
        return f"{path}: no such file"
    for item in read_inputs([path], pipeline.settings.ingest):
        if isinstance(item, ReadError):
            return f"{item.origin}: {item.reason}"
        return replace(item, published=gold_doc.published)
    return f"{path}: no article found in the file"


def evaluate_gold(gold: GoldFile, corpus: Path, pipeline: Pipeline) -> EvalReport:
    """Run `pipeline` on every document of `gold` (paths relative to `corpus`) and score it."""
    report = EvalReport(gold_name=gold.name, corpus=str(corpus))
    for gold_doc in gold.documents:
        raw = read_gold_document(gold_doc, corpus, pipeline)
        if isinstance(raw, str):
            report.documents.append(unreadable_document(gold_doc, raw))
            continue
        report.documents.append(score_document(gold_doc, pipeline.process(raw)))
    return report
