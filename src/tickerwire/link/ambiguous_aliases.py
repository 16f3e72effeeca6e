"""Whether an ambiguous alias ("Apple", "Target", "Musk") names its entity where it stands.

Step 3 of the link stage (`linker`): an alias that is also an ordinary word or a common name is
kept only with a business context in its sentence (a person's alias: a title before it or a
cue such as "said" or "CEO" after it), never when the words after it make it the ordinary word
("apple pie", "Target price"), and not when it is a word of a longer capitalised name ("Times
Square"). An alias that is kept once anchors its other mentions (`Linker._validate_ambiguous`).
"""

from __future__ import annotations

import regex

from tickerwire.link.names import in_headline

# A business context for an ambiguous company alias ("Apple", "Target") in the same sentence.
_BUSINESS_CUE = regex.compile(
    r"(?i:\b(?:shares?|stocks?|inc|corp|company|companies|ceo|chief[ ]executive|revenue|sales|"
    r"earnings|profits?|quarter(?:ly)?|investors?|analysts?|markets?|valuation|billion|million|"
    r"trillion|products?|brands?|retailer|maker|giant|firm|rivals?|peers?|suppliers?|customers?|"
    r"deal|acquisition|stake|results|guidance|forecasts?|dividends?|buybacks?|listed|nasdaq|nyse|"
    r"s&p|ipo|subsidiary|platforms?|users|advertis\w*|devices?|chips?|iphones?|cloud|ai|"
    r"e-commerce|tech|technology|partnership|partnered|invest\w*|traded?|trading)\b)|[$%]"
)
# A business context for an ambiguous person alias ("Musk", "Trump", "Powell").
_PERSON_CUE = regex.compile(
    r"(?i:\b(?:said|says|told|wrote|added|announced|tweeted|posted|president|ceo|chairman|chair|"
    r"administration|founder|billionaire|tariffs?)\b)"
)
_TITLE_BEFORE = regex.compile(
    r"(?:President|Chairman|Chair|CEO|Premier|Secretary|Governor|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
    r"founder|billionaire|chief)[ ]$"
)
# Words after an ambiguous alias that make it the ordinary word: "apple pie", "Target price",
# "Amazon rainforest", "Block trade", "Oracle of Omaha".
_NOT_A_NAME_AFTER = regex.compile(
    r"[ ](?:pies?|juice|trees?|orchards?|river|rainforest|basin|jungle|forest|prices?|practice|"
    r"audience|date|range|trades?|election|footage|feet|foot|meters|up|down|of[ ]Omaha|of[ ]Delphi|"
    r"cards?[ ]holders?|application|applications|requirements?|waivers?|holders?|fees|between|"
    r"hours|lines?|chain|cider|sauce|seeds?|blossoms?)\b"
)
_SENTENCE_END = regex.compile(r"[.!?\n]")
# An ambiguous company alias inside a longer capitalised name is that other name's word:
# "Washington Square Capital", "Times Square", "Square Enix", "Oracle Park". The word before counts
# when a lower-case word or a comma stands before it (a capital at a sentence start, "Automaker
# Ford", says nothing); days and months are not names ("on Tuesday Apple said").
_NAME_WORD_BEFORE = regex.compile(
    r"[a-z0-9,][ \t\n]+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
    r"February|March|April|May|June|July|August|September|October|November|December)[ \t\n])"
    r"[A-Z][a-z]+[ \t\n]+$"
)
# A job title after the alias is not part of the name: "Target Chief Executive Brian Cornell".
_NAME_WORD_AFTER = regex.compile(
    r"[ \t]+(?!(?:Chief|Executive|President|Chairman|Chairwoman|Chair|Director|Officer|Vice|"
    r"Senior|Founder|Co-founder|Head|Spokesman|Spokeswoman|Spokesperson)\b)[A-Z][a-z]"
)


def ordinary_word_after(text: str, end: int) -> bool:
    """Whether the words after an ambiguous alias ending at `end` make it the ordinary word."""
    return bool(_NOT_A_NAME_AFTER.match(text, end))


def in_name_context(text: str, start: int, end: int, is_person: bool) -> bool:
    """Whether the ambiguous alias at text[start:end] stands in its entity's context: a
    possessive or a business cue in its sentence, and no longer capitalised name around it; for
    a person, a title before it or a cue after it."""
    if is_person:
        if _TITLE_BEFORE.search(text[max(0, start - 20) : start]):
            return True
        return bool(_PERSON_CUE.search(text, end, min(len(text), end + 40)))
    if text[end : end + 2] in ("'s", "’s"):
        return True
    if (
        _NAME_WORD_AFTER.match(text, end)
        or _NAME_WORD_BEFORE.search(text, max(0, start - 40), start)
    ) and not in_headline(text, start):
        return False  # a word of a longer name; an anchored mention elsewhere still counts
    sentence_start, sentence_end = _sentence(text, start, end)
    before = text[sentence_start:start]
    after = text[end:sentence_end]
    return bool(_BUSINESS_CUE.search(before) or _BUSINESS_CUE.search(after))


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around text[start:end] (a line break also ends a sentence)."""
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    found = _SENTENCE_END.search(text, end)
    right = found.start() if found else len(text)
    return left, right
