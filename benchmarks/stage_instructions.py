"""Count the machine instructions one stage (or the whole pipeline) costs per article.

    PYTHONHASHSEED=0 PYTHONPATH=src valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        --collect-atstart=no --toggle-collect=starmap_next \
        python benchmarks/stage_instructions.py [N] [process|clean|link|extract|sentiment|checks]

CPU time on a shared virtual machine moves by 10-20% between runs; instruction counts move by
0.1%, so they tell whether a change pays. The timed loop runs inside `itertools.starmap`, whose
C function `starmap_next` callgrind collects alone (nothing else here uses it): divide the
"Collected" figure by N. Inputs are the first N FNSPID articles, each stage's input computed
beforehand, after one untimed warm-up pass.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tickerwire.checks import check_article
from tickerwire.clean import clean_document
from tickerwire.extract import extract_events
from tickerwire.ingest import read_inputs
from tickerwire.link import link_document
from tickerwire.pipeline import Pipeline, article_id, freeze_long_lived
from tickerwire.records import RawDocument

ARTICLES = Path("/work/shared/eval-data/fnspid-sample/articles")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    stage = sys.argv[2] if len(sys.argv) > 2 else "process"
    pipeline = Pipeline()
    reference = pipeline.reference
    docs = [d for d in read_inputs([ARTICLES]) if isinstance(d, RawDocument)][:count]
    for doc in docs:
        pipeline.process(doc)  # warm-up: calendars and automata are built here
    cleans = [clean_document(d) for d in docs]
    linked = [link_document(c, reference) for c in cleans]
    events = [extract_events(item, reference) for item in linked]
    stages: dict[str, tuple[Callable[..., Any], list[tuple[Any, ...]]]] = {
        "process": (pipeline.process, [(d,) for d in docs]),
        "clean": (clean_document, [(d,) for d in docs]),
        "link": (lambda c: link_document(c, reference), [(c,) for c in cleans]),
        "extract": (lambda item: extract_events(item, reference), [(i,) for i in linked]),
        "sentiment": (
            lambda c, item: pipeline.sentiment.score(c.text, c.title, item.mentions, item.entities),
            list(zip(cleans, linked, strict=True)),
        ),
        "checks": (
            lambda e, c: check_article(e, c.text, c.published, article_id=article_id(c.text)),
            list(zip(events, cleans, strict=True)),
        ),
    }
    freeze_long_lived()  # as `tickerwire extract` does after its first article
    run, arguments = stages[stage]
    list(itertools.starmap(run, arguments))


if __name__ == "__main__":
    main()
