"""The cue pass gives, per sentence, the kinds of cue it holds: the same as one (kind,
sentence) pair per accepted hit, the plain reading of the automaton's hits."""

from __future__ import annotations

import bisect

from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.extract.events.cues import CueIndex, cue_index, sentences_by_kind
from tickerwire.extract.events.scan import lower_text
from tickerwire.extract.sentences import Sentence

_PIECES = (
    *("Apple", "posted", "strong", "results", "beat", "estimates", "acquired", "acquisition"),
    *("the", "fed", "federal", "reserve", "asset", "set", "settle", "sell-off", "due", "residue"),
    *("launched", "relaunch", "wall street", "than-expected", "market's", "dividends", "payout"),
    *("İstanbul", "\u212aelvin", "_fed", "fed_", "3fed", "ceo", "CEO", "upgrade", "x", "2024"),
)


def _plain(index: CueIndex, text: str, sentences: list[Sentence]) -> dict[str, list[Sentence]]:
    """One (kind, sentence) pair per hit at word bounds, as the cue pass read hits before."""
    lowered = text.lower()
    starts = [s.start for s in sentences]
    found: dict[str, list[Sentence]] = {}
    seen: set[tuple[str, int]] = set()
    for end, (length, prefix, types) in index._automaton.iter(lowered):
        start = end - length + 1
        if start > 0 and lowered[start - 1].isalnum():
            continue
        if not prefix and lowered[end + 1 : end + 2].isalnum():
            continue
        at = bisect.bisect_right(starts, start) - 1
        if at < 0 or start >= sentences[at].end:
            continue
        for kind in types:
            if (kind, at) not in seen:
                seen.add((kind, at))
                found.setdefault(kind, []).append(sentences[at])
    for cued in found.values():
        cued.sort(key=lambda s: s.index)
    return found


def _sentences(pieces: list[list[str]], gap: str) -> tuple[str, list[Sentence]]:
    text = ""
    sentences: list[Sentence] = []
    for number, words in enumerate(pieces):
        if text:
            text += "  "  # a gap between sentences that belongs to none
        body = gap.join(words) + "."
        sentences.append(Sentence(number, len(text), len(text) + len(body), body, 0))
        text += body
    return text, sentences


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(st.sampled_from(_PIECES), max_size=10), max_size=5),
    st.sampled_from([" ", "-", ", ", "_"]),
)
def test_kinds_by_sentence_match_the_pairs_per_hit(pieces: list[list[str]], gap: str) -> None:
    text, sentences = _sentences(pieces, gap)
    index = cue_index()
    kinds = index.sentence_kinds(text.lower(), sentences)
    assert sentences_by_kind(kinds, sentences) == _plain(index, text, sentences)


def test_kinds_of_a_sentence() -> None:
    text, sentences = _sentences([["Apple", "posted", "strong", "results"], ["x", "asset"]], " ")
    kinds = cue_index().sentence_kinds(text.lower(), sentences)
    assert set(kinds) == {0}  # "asset" holds "set" inside a word: no cue
    assert {"earn_release", "earn_tone", "earn_result"} <= kinds[0]


@given(st.text(alphabet="aBİ\u212a ß.-", max_size=20))
def test_lower_text_with_the_lower_cased_text_given(text: str) -> None:
    assert lower_text(text, text.lower()) == lower_text(text)
    assert len(lower_text(text)) == len(text)
