"""A company named in full is later called by the first word of its name: "Brookfield Asset
Management (NYSE:BAM) ... the Oracle tapped Brookfield as an intriguing pick".

Precision first, since the first word of a name is often a place or an ordinary word ("Texas
Instruments", "Home Depot", "General Motors"). A first word is a short name of its company only
when:

- it is one word of four letters or more, capitalised, not a stop word, a place, a generic firm
  word or a usual opening word of company names (`_COMMON_FIRST_WORDS`);
- no other entity of the reference list has a name or alias that starts with it ("Brookfield"
  stops being a short name when the list holds two Brookfield companies) and it is no alias
  itself;
- in the article: the company has a sure mention before it, no other entity found in the article
  starts with the same word, and the word stands alone in the middle of a sentence (a capital
  there marks a name) or with a possessive, not beside another capitalised word ("Brookfield
  Renewable", "in Brookfield Zoo").
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from tickerwire.link.name_words import (
    GENERIC_ORG_WORDS,
    OPENERS,
    PLACES,
    STOP_WORDS,
    word_set,
)
from tickerwire.link.reference import ReferenceData

# Words that open many company names and mean something else alone ("General", "American"), or
# people's names and places ("Baker", "Saudi"): the usual openers of US company names, and every
# first word of the bundled list read as risky alone (chosen by reading `ShortNames.by_entity`).
_COMMON_FIRST_WORDS = word_set(
    """
    General American United First National Royal Southern Northern Western Eastern Pacific
    Atlantic Applied Advanced Digital Universal Standard Public Capital Home Bank Energy Health
    Great Grand Central Continental Consolidated Allied Associated Liberty Republic Union
    Interactive Premier Prime Summit Pioneer Sun Star Alpha Delta Omega Blue Green Red Black
    White Golden Silver Diamond Eagle Oracle Hudson Lincoln Franklin Marathon Phillips Morgan
    Johnson Wells Goldman Charles Edward Mission Main Target Dollar Simon Live Match
    Paramount Select Booking Block Vertex Arch Atlas Apex Ally Marvell Intercontinental
    Nasdaq Dow Deutsche Banco Credit China Hong Japan Korea India Texas Boston Palo Las Santa San
    Saint Eli North South East West Kraft Coca Mister Carnival Ford Norwegian Canadian British
    Saudi Southwest Galaxy Master Power Trade Link Open John Philip Raymond Baker Henderson Chow
    Sunny Super Best Orient Mitsubishi Sumitomo Nippon Cardinal Electronic Walt Fast Charter
    Analog Automatic Contemporary Bristol Piper Sanford Societe Sands Warner Monster Hugging
    Norfolk Merrill Hartford
    """
)
# A word of the first name word: capitalised, letters after ("Brookfield", "Nextracker").
_SHORT_NAME = regex.compile(r"[A-Z][a-z]{3,}")
_CAPITALISED_AFTER = regex.compile(r"[ \t]+[A-Z][A-Za-z]")
_CAPITALISED_BEFORE = regex.compile(r"[A-Z][\w&.'’\-]*[ \t]+$")
_SENTENCE_OPEN = frozenset(".!?:;\n\"“‘'(")


class ShortNames:
    """The short names a reference list allows. Build once per ReferenceData."""

    def __init__(self, reference: ReferenceData) -> None:
        self._reference = reference
        # First word of every name and alias -> the entities whose names start with it.
        self._owners: dict[str, set[str]] = {}
        for entity in reference.entities:
            for name in (entity.name, *entity.aliases, *entity.ambiguous_aliases):
                self._owners.setdefault(name.split(" ")[0], set()).add(entity.id)
        # The first words of each entity's names, and the short name of each company that has one.
        self.first_words: dict[str, tuple[str, ...]] = {}
        self.by_entity: dict[str, str] = {}
        for entity in reference.entities:
            names = (entity.name, *entity.aliases, *entity.ambiguous_aliases)
            self.first_words[entity.id] = tuple({name.split(" ")[0] for name in names})
            if entity.type == "company":
                for name in (entity.name, *entity.aliases):
                    word = self.short_name(name, entity.id)
                    if word is not None:
                        self.by_entity.setdefault(entity.id, word)

    def short_name(self, name: str, entity_id: str | None) -> str | None:
        """The first word of `name` when it may stand for the company `entity_id` alone
        (`None`: a company the list does not hold)."""
        words = name.split(" ")
        first = words[0]
        if len(words) < 2 or not _SHORT_NAME.fullmatch(first) or _common_word(first):
            return None
        owners = self._owners.get(first, set())
        if owners - {entity_id} or self._reference.by_alias(first) is not None:
            return None
        return first


def _common_word(word: str) -> bool:
    return (
        word in _COMMON_FIRST_WORDS
        or word in STOP_WORDS
        or word in OPENERS
        or word in PLACES
        or word in GENERIC_ORG_WORDS
    )


def short_name_spans(
    text: str,
    candidates: dict[str, str],
    first_sure: dict[str, int],
) -> Iterator[tuple[int, int, str]]:
    """(start, end, entity id) of each short name (`candidates`: word -> entity id) standing
    alone after the first sure mention of its company (`first_sure`: entity id -> start)."""
    for word, entity_id in candidates.items():
        if entity_id not in first_sure:
            continue
        position = text.find(word, first_sure[entity_id])
        while position != -1:
            end = position + len(word)
            if _stands_alone(text, position, end):
                yield position, end, entity_id
            position = text.find(word, end)


def _stands_alone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else " "
    if before.isalnum() or before in "-&/.@" or after.isalnum() or after in "-&/@":
        return False
    if _CAPITALISED_AFTER.match(text, end):
        return False  # "Brookfield Renewable": another name
    possessive = text[end : end + 2] in ("'s", "’s")
    if not possessive and _sentence_start(text, start):
        return False  # a capital that may be the sentence's, not the name's
    return not _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)


def _sentence_start(text: str, start: int) -> bool:
    index = start - 1
    while index >= 0 and text[index] in " \t":
        index -= 1
    return index < 0 or text[index] in _SENTENCE_OPEN
