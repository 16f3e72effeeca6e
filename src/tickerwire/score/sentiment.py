"""Finance-aware sentence sentiment: a lexicon, negation, intensity, contrast, event polarity.

A sentence is read as a row of units (`units.py`), the units give cues of tone (`cues.py`), and
the sum of the cues is squashed into -1..1 and labelled with a neutral band.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from tickerwire.records import SentimentLabel
from tickerwire.score.cues import Cue, find_cues
from tickerwire.score.lexicon import Lexicon, default_lexicon
from tickerwire.score.text_units import lower_text
from tickerwire.score.tone_words import sentences_with_tone_words
from tickerwire.score.units import read_units

# --- tuned constants (chosen on the development split: PhraseBank Sentences_75Agree lines that
# are not in Sentences_AllAgree; AllAgree was only scored after they were fixed) -------------

# Half-width of the neutral band: |score| below it is "neutral". Chosen by a sweep over
# 0.05..0.5 on the development split (macro-F1 peaks at 0.2: 0.805, against 0.779 at 0.15 and
# 0.798 at 0.25; `python benchmarks/sentiment_compare.py --sweep` prints it).
NEUTRAL_BAND = 0.2
# Squashing: score = raw / sqrt(raw^2 + ALPHA). With 1.0 a single clear cue (raw 1.0, "profit
# rose") scores 0.71 and a weak one (raw 0.15, "signed a contract") 0.15, inside the band.
# With the band at 0.2, ALPHA 0.5 gave macro-F1 0.774 and 2.0 gave 0.797 (1.0: 0.805).
ALPHA = 1.0

__all__ = [
    "ALPHA",
    "NEUTRAL_BAND",
    "Cue",
    "SentenceScorer",
    "SentenceSentiment",
    "label_for",
    "squash",
]


# Not frozen, though never changed: one is built per sentence, and frozen=True makes building
# cost three times as much (object.__setattr__ per field); unsafe_hash keeps the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class SentenceSentiment:
    """The tone of one sentence: score in -1..1, its label, its cues, and its clauses (where
    each starts, and what opened it: "start", "contrast", "concession", "boundary", "punct")."""

    start: int
    end: int
    score: float
    label: SentimentLabel
    cues: tuple[Cue, ...]
    clause_starts: tuple[int, ...]
    clause_kinds: tuple[str, ...] = ()

    @property
    def raw(self) -> float:
        """The sum of the cues before squashing."""
        return sum(cue.value for cue in self.cues)


def squash(raw: float) -> float:
    """Map a sum of cues to -1..1."""
    return raw / math.sqrt(raw * raw + ALPHA)


def label_for(score: float, band: float = NEUTRAL_BAND) -> SentimentLabel:
    """positive / negative outside the neutral band (|score| < band), else neutral."""
    if score >= band:
        return "positive"
    if score <= -band:
        return "negative"
    return "neutral"


class SentenceScorer:
    """Scores sentences with a lexicon (built once, then used for every article)."""

    def __init__(self, lexicon: Lexicon | None = None, neutral_band: float = NEUTRAL_BAND):
        self.lexicon = lexicon or default_lexicon()
        self.neutral_band = neutral_band

    def score(self, text: str, start: int = 0, end: int | None = None) -> SentenceSentiment:
        """The sentiment of the sentence `text[start:end]`; offsets in the result index `text`.

        (For many sentences of one text, `score_spans` lower-cases the text only once.)

        >>> SentenceScorer().score("Acme did not miss estimates.").label
        'positive'
        """
        stop = len(text) if end is None else end
        return self._score(text, lower_text(text), start, stop)

    def score_spans(self, text: str, spans: Iterable[tuple[int, int]]) -> list[SentenceSentiment]:
        """Score the sentences `text[start:end]` of one text (sentences without a tone word
        are found in one pass and not read further: about half of a news article)."""
        lowered = lower_text(text)
        spans = list(spans)
        worth_reading = sentences_with_tone_words(self.lexicon, lowered, spans)
        return [
            self._score(text, lowered, start, end) if read else self._no_tone(start, end)
            for (start, end), read in zip(spans, worth_reading, strict=True)
        ]

    def _no_tone(self, start: int, end: int) -> SentenceSentiment:
        return SentenceSentiment(
            start, end, 0.0, label_for(0.0, self.neutral_band), (), (start,), ("start",)
        )

    def _score(self, text: str, lowered: str, start: int, end: int) -> SentenceSentiment:
        sentence = read_units(self.lexicon, text, lowered, start, end)
        cues = find_cues(sentence)
        score = squash(sum(cue.value for cue in cues))
        return SentenceSentiment(
            start=start,
            end=end,
            score=score,
            label=label_for(score, self.neutral_band),
            cues=tuple(cues),
            clause_starts=tuple(sentence.clause_starts),
            clause_kinds=tuple(sentence.clause_kinds),
        )
