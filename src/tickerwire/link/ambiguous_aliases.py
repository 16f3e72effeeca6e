"""Whether an ambiguous alias ("Apple", "Target", "Musk") names its entity where it stands.

Step 3 of the link stage (`linker`): an alias that is also an ordinary word or a common name is
kept only with a business context in its sentence (a person's alias: a title before it or a
cue such as "said" or "CEO" after it), never when the words after it make it the ordinary word
("apple pie", "Target price"), and not when it is a word of a longer capitalised name ("Times
Square"). An alias that is kept once anchors its other mentions (`Linker._validate_ambiguous`).
"""

from __future__ import annotations

from collections.abc import Iterable

import regex

from tickerwire.link.name_words import OPENERS, PLACES, STOP_WORDS, word_set
from tickerwire.link.names import HEADLINE_MAX, WRAP_MIN, in_headline

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
    r"audience|date|range|election|footage|feet|foot|meters|of[ ]Omaha|of[ ]Delphi|"
    r"cards?[ ]holders?|application|applications|requirements?|waivers?|holders?|fees|between|"
    r"hours|lines?|chain|cider|sauce|seeds?|blossoms?)\b"
)
# Words after an alias that make it ordinary only when nothing else in the article names the
# company: "Block trade", "Snap up"; where it is named for sure, "Apple trades at 31 times
# earnings" and "Merck up after results" are the company.
_ORDINARY_UNLESS_NAMED_AFTER = regex.compile(r"[ ](?:trades?|up|down)\b")
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
    r"Senior|Founder|Co-founder|Head|Spokesman|Spokeswoman|Spokesperson)\b)([A-Z][a-z]+)"
)
# A capitalised word before the alias on its line, after a lower-case word or a closing bracket
# (Reuters writes "<DOW> Merrell Dow"): "in Times Square". A line break between the alias and
# the word may end a heading ("Stocks to Consider\nApple ..."); one before the word is read by
# `after_name_word`.
_SAME_LINE_NAME_WORD_BEFORE = regex.compile(r"[a-z0-9,>)][ \t\n]+([A-Z][a-z]+)[ \t]+$")
# Capitalised words after a brand that name its products, services or share classes, not another
# firm ("Apple Watch", "Apple Pay", "Amazon Prime", "Meta Class A", "Ford Pro"): ordinary nouns
# that product names reuse, read from the product lines of the companies with ambiguous aliases.
_PRODUCT_WORDS = word_set(
    """
    Watch Watches Pay Music TV Card Care Arcade Store Stores Cloud Prime Vision Pro Max Plus One
    Home Studio Search Maps Mail Video Games Gaming Intelligence Silicon Pencil Books News Fitness
    Health Wallet Phone Pharmacy Fresh Go Ads Shopping Marketplace Model Class Series Edition
    Devices Device Chips Chip Glasses Headset Services Software App Apps Account Accounts Credit
    Debit Rewards Points Assistant Speaker Tablet Laptop Car Cars Truck Trucks Platform Platforms
    Network Subscription Bundle Ultra Mini Air Lite Stock Shares Share
    """
)
# Words a title-case heading leaves in lower case.
_SMALL_TITLE_WORDS = word_set(
    "a an the and or nor but of on in into onto at to for from by with vs is are as"
)


def ordinary_word_after(text: str, end: int, named_elsewhere: bool) -> bool:
    """Whether the words after an ambiguous alias ending at `end` make it the ordinary word
    (`named_elsewhere`: the article names the alias's entity for sure elsewhere)."""
    if _NOT_A_NAME_AFTER.match(text, end):
        return True
    return not named_elsewhere and bool(_ORDINARY_UNLESS_NAMED_AFTER.match(text, end))


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


def names_another_firm(text: str, start: int, end: int, known_names: Iterable[str]) -> bool:
    """Whether the ambiguous alias at text[start:end], although its company is named for sure
    elsewhere, is here a word of another capitalised name: "Eaton Vance" (an asset manager) in
    an article on Eaton Corp, "Times Square" in one on Block (Square).

    Not when the word after it goes on with one of the company's own names (`known_names`:
    "Meta PlatformsMETA.O"), names a product ("Apple Watch", "Meta Class A"), is a common noun
    that the article writes in lower case elsewhere ("Apple Podcasts ... podcasts"), a
    market word ("Meta Stock"), a place ("Ford Europe") or a title; nor in a title-case
    heading, where every word is capitalised."""
    after = _NAME_WORD_AFTER.match(text, end)
    if after is not None:
        word = after[1]
        longer = f"{text[start:end]} {word}"
        if not (
            _plain_word(word)
            or word in _PRODUCT_WORDS
            or any(name.startswith(longer) for name in known_names)
            or _written_in_lower_case(text, word)
        ):
            return not _title_case_line(text, start)
    before = _SAME_LINE_NAME_WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is not None and not _plain_word(before[1]):
        return not _title_case_line(text, start)
    return False


def name_word_before(text: str, start: int) -> str | None:
    """The capitalised word, no opener, place or market word, that stands right before
    `start` after a lower-case word, as in "Merrell Dow", "investor David La Roche"; None when
    there is none. The two may stand on two lines of hard-wrapped copy, not after a heading
    ("Recovery Signals\nBeyond Alibaba's ..."); a title-case heading says nothing, as every word
    of it is capitalised."""
    before = _SAME_LINE_NAME_WORD_BEFORE.search(text, max(0, start - 40), start)
    if before is None or _plain_word(before[1]):
        return None
    if "\n" in text[before.start() : before.start(1)]:
        line_start = text.rfind("\n", 0, before.start()) + 1
        if before.start() + 1 - line_start < WRAP_MIN:
            return None
    if _title_case_line(text, start) or in_headline(text, start):
        return None
    return str(before[1])


def _written_in_lower_case(text: str, word: str) -> bool:
    """Whether `word` (or its singular: "Watches", "watch") stands in lower case in `text`."""
    lower = word.lower()
    stem = lower[:-2] if lower.endswith("es") else lower[:-1] if lower.endswith("s") else lower
    return regex.search(rf"\b(?:{lower}|{stem})\b", text) is not None


def _plain_word(word: str) -> bool:
    return word in STOP_WORDS or word in OPENERS or word in PLACES


def _title_case_line(text: str, index: int) -> bool:
    """Whether `index` lies in a short line in title case: every word but the small ones
    capitalised ("Analysts Are Bullish on Meta Heading into Q4 Report")."""
    line_start = text.rfind("\n", 0, index) + 1
    line_end = text.find("\n", index)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    if len(line) > HEADLINE_MAX:
        return False
    words = [w for w in line.split() if w[:1].isalpha()]
    return len(words) >= 3 and all(w[0].isupper() or w in _SMALL_TITLE_WORDS for w in words)


def _sentence(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the sentence around text[start:end] (a line break also ends a sentence)."""
    left = max(text.rfind(mark, 0, start) for mark in ".!?\n") + 1
    found = _SENTENCE_END.search(text, end)
    right = found.start() if found else len(text)
    return left, right
