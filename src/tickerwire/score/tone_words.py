"""Which sentences of a text are worth reading for tone: those holding a word of the lexicon
that can give one (most of a news article gives none: datelines, descriptions, quotes).

The test is a superset: a sentence it skips cannot give a cue, so skipping it changes no result.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

from tickerwire.score.lexicon import Lexicon, ToneWords, word_boundaries
from tickerwire.score.units import IMPERATIVE_CALLS

# The first letters of a sentence, as the first word token starts: the tokens skip what is
# not a word, a number or a mark ("_", "$"), and a word token ends at a digit ("Buy52-week"
# is "buy" and "52-week"). A sentence opening with a figure has no call to find.
_FIRST_WORD = regex.compile(r"[\W_]*([^\W\d_]+)")
# A figure followed by a comparison: "EUR 5 mn (EUR 4 mn)", "to 5 from 4", "5 compared with 4".
_FIGURE_COMPARISON = regex.compile(
    r"\d.*?(?:\(|\bfrom\b|\bto\b|\bcompared\b|\bversus\b|\bvs\b|\bagainst\b)|\bfrom\b.*?\d"
)
_CALL_INITIALS = frozenset(call[0] for call in IMPERATIVE_CALLS)
# The pieces of `_FIGURE_COMPARISON`, searched one after the other (see `_compares_figures`).
_DIGIT = regex.compile(r"\d")
_COMPARISON = regex.compile(r"\(|\bfrom\b|\bto\b|\bcompared\b|\bversus\b|\bvs\b|\bagainst\b")
_FROM = regex.compile(r"\bfrom\b")


def sentences_with_tone_words(
    lexicon: Lexicon, lowered: str, spans: Sequence[tuple[int, int]]
) -> list[bool]:
    """For each sentence span of `lowered`, whether it holds the words of a phrase that may
    give a tone (see `ToneWords`).

    The words of a sentence are those of `word_boundaries(lowered)`, split and looked up in
    sets at C speed (an Aho-Corasick automaton run over the text cost more: it read every
    character and reported words inside longer ones, "cut" in "execute", for Python to set
    aside). A quantity alone counts when the sentence compares figures; the first word of a
    sentence counts when it is a call ("Buy ...").
    """
    tone_words = lexicon.tone_words
    bounded = word_boundaries(lowered)
    flags: list[bool] = []
    for start, end in spans:
        words = bounded[start + 1 : end + 1].split()  # character i is at i + 1 in `bounded`
        if not tone_words.words.isdisjoint(words):
            flags.append(True)  # most sentences worth reading have a one-word phrase
            continue
        tone, quantity = _phrases_held(tone_words, words)
        flags.append(
            tone
            or (quantity and _compares_figures(lowered, start, end))
            or _opens_with_call(lowered, start, end)
        )
    return flags


def _phrases_held(tone_words: ToneWords, words: list[str]) -> tuple[bool, bool]:
    """Whether `words` hold all the words of a phrase that gives a tone, and of one that only
    names a quantity."""
    quantity = not tone_words.quantity_words.isdisjoint(words)
    keys = tone_words.phrase_keys.intersection(words)
    if keys:
        held = set(words)
        for key in keys:
            for needed, only_quantity in tone_words.phrases[key]:
                if needed <= held:
                    if not only_quantity:
                        return True, quantity
                    quantity = True
    return False, quantity


def _compares_figures(lowered: str, start: int, end: int) -> bool:
    """Whether `_FIGURE_COMPARISON` is found in lowered[start:end], by plain searches.

    In a span without a line break the pattern's `.*?` reaches its end, so the first figure
    decides the first half (a comparison anywhere after it) and the first "from" the second (a
    figure anywhere after it); the lazy pattern tried at every figure cost a quarter of the
    sentence test. A span with a line break is searched with the pattern itself.
    """
    if lowered.find("\n", start, end) >= 0:
        return _FIGURE_COMPARISON.search(lowered, start, end) is not None
    figure = _DIGIT.search(lowered, start, end)
    if figure is None:
        return False  # both halves need a figure
    if _COMPARISON.search(lowered, figure.end(), end) is not None:
        return True
    after = _FROM.search(lowered, start, end)
    return after is not None and _DIGIT.search(lowered, after.end(), end) is not None


def _opens_with_call(lowered: str, start: int, end: int) -> bool:
    """Whether the first word of lowered[start:end] is a call ("buy ...")."""
    first = lowered[start : min(start + 1, end)]
    if first.isascii() and first.isalnum() and first not in _CALL_INITIALS:
        return False  # the first token starts right here, with no letter a call starts with
    match = _FIRST_WORD.match(lowered, start, end)
    return match is not None and match.group(1) in IMPERATIVE_CALLS
