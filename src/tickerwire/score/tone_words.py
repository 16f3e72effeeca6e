"""Which sentences of a text are worth reading for tone: those holding a word of the lexicon
that can give one (most of a news article gives none: datelines, descriptions, quotes).

The test is a superset: a sentence it skips cannot give a cue, so skipping it changes no result.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from tickerwire.score.lexicon import Lexicon
from tickerwire.score.units import IMPERATIVE_CALLS

_FIRST_WORD = regex.compile(r"\W*(\w+)")
# A figure followed by a comparison: "EUR 5 mn (EUR 4 mn)", "to 5 from 4", "5 compared with 4".
_FIGURE_COMPARISON = regex.compile(
    r"\d.*?(?:\(|\bfrom\b|\bto\b|\bcompared\b|\bversus\b|\bvs\b|\bagainst\b)|\bfrom\b.*?\d"
)
_CALL_INITIALS = frozenset(call[0] for call in IMPERATIVE_CALLS)
# Runs of letters and digits (`str.isalnum`: `re`'s \w without "_"), and chains of them joined
# by single hyphens ("loss-making", "all-time-high").
_ALNUM_RUN = re.compile(r"[^\W_]+")
_HYPHEN_CHAIN = re.compile(r"[^\W_]+(?:-[^\W_]+)+")


def sentences_with_tone_words(
    lexicon: Lexicon, lowered: str, spans: Sequence[tuple[int, int]]
) -> list[bool]:
    """For each sentence span of `lowered`, whether it holds a word that may give a tone.

    A tone word counts when it stands alone, not inside a longer run of letters and digits
    ("rise", not "sunrise"): the sentence's runs and hyphenated chains are matched against the
    lexicon's words with one set test. A quantity alone counts when the sentence compares
    figures; the first word of a sentence counts when it is a call ("Buy ...").
    """
    tone_words = lexicon.tone_words
    flags: list[bool] = []
    for start, end in spans:
        words = _standalone_words(lowered[start:end])
        flags.append(
            not tone_words.tone.isdisjoint(words)
            or (
                not tone_words.quantity.isdisjoint(words)
                and _FIGURE_COMPARISON.search(lowered, start, end) is not None
            )
            or _opens_with_call(lowered, start, end)
        )
    return flags


def _standalone_words(sentence: str) -> list[str]:
    """Every piece of `sentence` that a word of the lexicon could be, with no letter or digit on
    either side: the runs of letters and digits, and every part of a hyphenated chain that is
    two runs or more ("all-time" and "time-high" in "all-time-high")."""
    words = _ALNUM_RUN.findall(sentence)
    if "-" in sentence:
        for chain in _HYPHEN_CHAIN.findall(sentence):
            runs = chain.split("-")
            words += [
                "-".join(runs[first:stop])
                for first in range(len(runs) - 1)
                for stop in range(first + 2, len(runs) + 1)
            ]
    return words


def _opens_with_call(lowered: str, start: int, end: int) -> bool:
    """Whether the first word of lowered[start:end] is a call ("buy ...")."""
    first = lowered[start : min(start + 1, end)]
    if first.isascii() and (first.isalnum() or first == "_") and first not in _CALL_INITIALS:
        return False  # the first word starts right here, with a letter no call starts with
    match = _FIRST_WORD.match(lowered, start, end)
    return match is not None and match.group(1) in IMPERATIVE_CALLS
