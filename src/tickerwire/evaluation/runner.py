"""Running the pipeline over the documents of a gold file (the only part of evaluation with I/O)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from tickerwire.evaluation.gold import GoldDocument, GoldFile
from tickerwire.evaluation.scoring import score_document, unreadable_document
from tickerwire.evaluation.summary import EvalReport
from tickerwire.ingest import read_inputs
from tickerwire.pipeline import Pipeline
from tickerwire.records import RawDocument, ReadError

_ARTICLE_NUMBER = re.compile(r"#([1-9][0-9]*)$")


def default_corpus(gold_path: Path) -> Path:
    """The folder gold `doc` paths are relative to: the parent of the gold file's folder."""
    return gold_path.resolve().parent.parent


def read_gold_document(
    gold_doc: GoldDocument, corpus: Path, pipeline: Pipeline
) -> RawDocument | str:
    """The document a gold entry annotates, with the gold's publication date; or why it failed.

    The gold `published` replaces whatever the input says: FNSPID dates live in `.json` sidecars
    the reader does not know, and a gold null means the article must be run with no date at all.
    In a file holding several articles (JSON Lines, feeds), `doc` may end in `#N` to name the
    N-th article (from 1); without it the first is meant.
    """
    relative, number = split_doc_path(gold_doc.doc)
    path = corpus / relative
    if not path.is_file():
        return f"{path}: no such file"
    first_error = None
    for position, item in enumerate(read_inputs([path], pipeline.settings.ingest), start=1):
        if isinstance(item, ReadError):
            first_error = first_error or f"{item.origin}: {item.reason}"
            if position == number:
                return first_error
        elif position == number:
            return replace(item, published=gold_doc.published)
    return first_error or f"{path}: no article number {number} in the file"


def split_doc_path(doc: str) -> tuple[str, int]:
    """`feed.jsonl#2` -> (`feed.jsonl`, 2); `page.txt` -> (`page.txt`, 1)."""
    match = _ARTICLE_NUMBER.search(doc)
    if match is None:
        return doc, 1
    return doc[: match.start()], int(match.group(1))


def evaluate_gold(gold: GoldFile, corpus: Path, pipeline: Pipeline) -> EvalReport:
    """Run `pipeline` on every document of `gold` (paths relative to `corpus`) and score it."""
    report = EvalReport(gold_name=gold.name, corpus=str(corpus))
    for gold_doc in gold.documents:
        raw = read_gold_document(gold_doc, corpus, pipeline)
        if isinstance(raw, str):
            report.documents.append(unreadable_document(gold_doc, raw))
            continue
        try:
            article = pipeline.process(raw)
        except Exception as exc:  # a stage's bug: report it on this document, score the rest
            reason = f"pipeline failed: {type(exc).__name__}: {exc}"
            report.documents.append(unreadable_document(gold_doc, reason))
            continue
        report.documents.append(score_document(gold_doc, article))
    return report
