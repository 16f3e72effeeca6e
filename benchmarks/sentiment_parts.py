"""Count the machine instructions each part of the sentiment stage costs per article.

    PYTHONHASHSEED=0 PYTHONPATH=src valgrind --tool=callgrind --callgrind-out-file=/dev/null \
        --collect-atstart=no --toggle-collect=starmap_next \
        python benchmarks/sentiment_parts.py [N] PART

PART: article (the whole stage), split (sentence spans), gate (sentences worth reading),
tokens (tokenising the sentences read), units (read_units), cues (read_units + find_cues).
As in `stage_instructions.py`, the timed loop runs inside `itertools.starmap`: divide the
"Collected" figure by N. Inputs are the first N FNSPID articles, cleaned and linked beforehand
(only what the part reads is computed), after one untimed warm-up pass.
"""

from __future__ import annotations

import itertools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tickerwire.clean import clean_document
from tickerwire.ingest import read_inputs
from tickerwire.records import RawDocument
from tickerwire.score.cues import find_cues
from tickerwire.score.entity_sentiment import ArticleSentimentScorer
from tickerwire.score.lexicon import default_lexicon
from tickerwire.score.text_units import lower_text, split_sentences
from tickerwire.score.tokens import sentence_tokens
from tickerwire.score.tone_words import sentences_with_tone_words
from tickerwire.score.units import read_units

ARTICLES = Path("/work/shared/eval-data/fnspid-sample/articles")


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    part = sys.argv[2] if len(sys.argv) > 2 else "units"
    lexicon = default_lexicon()
    docs = [d for d in read_inputs([ARTICLES]) if isinstance(d, RawDocument)][:count]
    cleans = [clean_document(d) for d in docs]
    texts = [c.text for c in cleans]
    lowered = [lower_text(t) for t in texts]
    spans = [split_sentences(t) for t in texts]
    read = [
        [s for s, flag in zip(ss, sentences_with_tone_words(lexicon, low, ss), strict=True) if flag]
        for low, ss in zip(lowered, spans, strict=True)
    ]

    def tokens(low: str, spans: list[tuple[int, int]]) -> None:
        for start, end in spans:
            sentence_tokens(low, start, end)

    def units(text: str, low: str, spans: list[tuple[int, int]]) -> None:
        for start, end in spans:
            read_units(lexicon, text, low, start, end)

    def cues(text: str, low: str, spans: list[tuple[int, int]]) -> None:
        for start, end in spans:
            find_cues(read_units(lexicon, text, low, start, end))

    scorer = ArticleSentimentScorer()
    parts: dict[str, tuple[Callable[..., Any], list[tuple[Any, ...]]]] = {
        "article": (
            lambda c: scorer.score(c.text, c.title, [], []),
            [(c,) for c in cleans],
        ),
        "split": (split_sentences, [(t,) for t in texts]),
        "gate": (
            lambda low, ss: sentences_with_tone_words(lexicon, low, ss),
            list(zip(lowered, spans, strict=True)),
        ),
        "tokens": (tokens, list(zip(lowered, read, strict=True))),
        "units": (units, list(zip(texts, lowered, read, strict=True))),
        "cues": (cues, list(zip(texts, lowered, read, strict=True))),
    }
    run, arguments = parts[part]
    for item in arguments:  # warm-up, outside `starmap` (not collected)
        run(*item)
    list(itertools.starmap(run, arguments))


if __name__ == "__main__":
    main()
