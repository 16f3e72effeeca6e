"""When a reference alias is here a word of another name, not its entity.

"MSCI Information Technology Index" is an index MSCI compiles, "iShares Dow Jones US Technology
ETF" a fund on an index, "Saudi Arabian Oil Minister" a minister's remit, "Dow Jones and Co" a
firm named like an index and "Merrell Dow" the tail of a longer name: the linker drops such
alias hits (`another_name_here`).
"""

from __future__ import annotations

import regex

from tickerwire.link.ambiguous_aliases import name_word_before
from tickerwire.link.gazetteer import AliasHit, AliasRule
from tickerwire.link.name_words import OPENERS
from tickerwire.link.names import in_headline
from tickerwire.link.reference import ReferenceEntity

# A minister's title after a company's name makes the name his remit: "Saudi Arabian Oil
# Minister", "the Oil Ministry" (Reuters-21578 and OPEC reports write them so).
_MINISTER_AFTER = regex.compile(r"[ ]Minist(?:er|ry)\b")
# After an index's name, words that make it a firm's or a paper's: "Dow Jones and Co", "Nasdaq
# Inc", "Dow said" (an index does not speak), "the Nikkei business daily".
_NOT_AN_INDEX_AFTER = regex.compile(
    r",?[ ](?:(?:&|and)[ ](?:Co|Company)|Inc|Corp|Co|Ltd|LLC)\b"
    r"|[ ](?:said|says|told|announced|reported|reports|business[ ]daily|newspaper|daily)\b"
)
# A company's name opening the name of an index or a fund it compiles or sponsors: "MSCI
# Information Technology Index", "Morningstar US Market Index", "ICE BofA US High Yield Index".
# The words after it name the product, whose moves are not the company's; up to six name words
# (capitalised, figures such as "25/50", "&") before "Index"/"ETF" (the longest such names in
# the FNSPID articles have five).
_NAME_WORDS = r"(?:[ ](?:[A-Z][\w.&'\-]*|\d[\d/.]*|&)){1,6}[ ]"
_INDEX_NAME_AFTER = regex.compile(_NAME_WORDS + r"(?:Index|Indices|Indexes|ETFs?|Funds?)\b")
# An index's name opening a fund's: "iShares Dow Jones US Technology ETF" is no Dow move.
_FUND_NAME_AFTER = regex.compile(_NAME_WORDS + r"(?:ETFs?|Funds?)\b")


def _names_index_or_fund(text: str, end: int, pattern: regex.Pattern[str]) -> bool:
    """Whether the words from `end` on finish the name of an index or a fund ("... Information
    Technology Index"). In a headline, where every word is capitalised, only a name that ends
    the line or comes before its ticker in brackets: "Microsoft Lead Index Higher" is no name."""
    match = pattern.match(text, end)
    if match is None or any(word in OPENERS for word in match[0].split()):
        return False
    if not in_headline(text, end):
        return True
    return text[match.end() : match.end() + 2] in ("", "\n", " (")


def another_name_here(
    text: str, hit: AliasHit, entity: ReferenceEntity | None
) -> tuple[bool, bool]:
    """Whether the alias at `hit` is here a word of another name, not its entity (and whether
    the span is then closed to later steps): an index or fund the company compiles ("MSCI
    Information Technology Index"), a fund on an index ("iShares Dow Jones US Technology ETF"),
    a minister's remit ("Saudi Arabian Oil Minister"), a firm or paper named like an index ("Dow
    Jones and Co", "Dow said", "the Nikkei business daily"), or the tail of a longer name
    ("Merrell Dow", "David La Roche")."""
    if entity is None or entity.type not in ("company", "index"):
        return False, False
    end = hit.end
    following = text[end : end + 2]
    if entity.type == "company":
        if following == " M" and _MINISTER_AFTER.match(text, end):
            return True, False
        product_name = _INDEX_NAME_AFTER
    else:
        if following[:1] in (" ", ",") and _NOT_AN_INDEX_AFTER.match(text, end):
            return True, False
        product_name = _FUND_NAME_AFTER
    # Both product patterns go on with a capitalised word or a figure: most names are not
    # followed by one, and the pattern is not tried.
    if (
        following[:1] == " "
        and (following[1:].isupper() or following[1:].isdigit())
        and _names_index_or_fund(text, end, product_name)
    ):
        return True, True
    start = hit.start
    # The word before must be capitalised and end in a lower-case letter: cheap tests before
    # the pattern, which most hits ("of Apple", "said Apple") fail.
    if start < 3 or not text[start - 2].islower() or hit.rule is AliasRule.AMBIGUOUS:
        return False, False
    word_start = max(text.rfind(" ", 0, start - 1), text.rfind("\n", 0, start - 1)) + 1
    if not text[word_start : word_start + 1].isupper():
        return False, False
    if " " in text[start:end]:
        return False, False
    word = name_word_before(text, start)
    own_words = (entity.name, *entity.aliases)
    return word is not None and not any(word in name.split() for name in own_words), False
