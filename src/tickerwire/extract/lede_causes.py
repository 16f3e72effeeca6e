"""Causes told in an article's lede for moves told later: a sector's move that carries its
members' moves, and a company's reported results that its after-hours move answers."""

from __future__ import annotations

import re

import regex

from tickerwire.extract.cause_links import ONE_DAY, CauseArticle, add_drivers
from tickerwire.extract.sentences import Sentence

# The lede is the article's first sentence of this many words or more: headline lines and
# the short lines of a live blog's header are shorter (read on the FNSPID articles' openings).
_LEDE_WORDS = 15
# How a sector moved, read near its name in the lede ("chip stocks shed $90 billion", "the
# warning hit bank stocks"): verbs only, not adjectives such as "rising costs".
_SECTOR_DOWN = re.compile(
    r"\b(?:lost|los(?:e|es|ing)|fell|dropped|slid|slumped|tumbled|sank|dented|weighed\s+on|"
    r"declined|retreated|shed|wiped|erased|sold\s+off|sell-?off|hammered|battered)\b"
)
_SECTOR_UP = re.compile(
    r"\b(?:rose|gained|added|rallied|jumped|surged|climbed|soared|advanced|lifted|boosted|"
    r"rebounded)\b"
)
# Words of a sector's name that do not tell which sector it is.
_GROUP_WORDS = frozenset(
    (
        *("other", "rival", "fellow", "peer", "big", "major", "large", "smaller", "u", "s"),
        *("us", "chinese", "european", "asian", "japanese", "regional", "global", "broader"),
        *("domestic", "stocks", "shares", "sector", "sectors", "names", "firms", "companies"),
        *("peers", "giants", "industry", "related", "focused", "the", "most", "and", "china"),
        *("hong", "kong", "mid", "sized", "midsize"),
    )
)
_SECTOR_REACH = 60  # characters around a lede's sector name in which its move verb stands


def _lede(article: CauseArticle) -> Sentence | None:
    """The article's first sentence of `_LEDE_WORDS` words or more."""
    return next((s for s in article.ctx.sentences if len(s.text.split()) >= _LEDE_WORDS), None)


def results_lede_causes(article: CauseArticle) -> None:
    """A results story: the lede tells a company's reported results ("Microsoft beat estimates
    for quarterly revenue on Tuesday") and the next paragraph its shares' after-hours move
    with no cause of their own ("Microsoft shares fell 1% in after-hours trading"). The move
    is the market's answer to the results: in the extended session right after them, nothing
    else has been told. Other moves (last year's, a rival's) are not."""
    lede = _lede(article)
    if lede is None:
        return
    results = [
        t
        for t in article.told
        if t.sentence.index == lede.index
        and t.type == "earnings"
        and article.records[t.record].attributes.get("fact_level") == "fact"
        and not article.records[t.record].attributes.get("scheduled")
    ]
    if not results:
        return
    for move in article.moves:
        record = article.records[move.record]
        if (
            record.attributes.get("period") != "after_hours"
            or article.drivers.get(move.record)
            or move.sentence.paragraph - lede.paragraph > 1
        ):
            continue
        own = [t.record for t in results if t.entity == move.entity]
        if own:
            add_drivers(article, move, own[:1])


def lede_sector_causes(article: CauseArticle) -> None:
    """A lede such as 'chip stocks shed $90 billion on Monday after a rival's warning', then
    'Nvidia, another big seller of AI chips, slid 3%':
    a one-day move told later without a cause of its own, in the sector's direction, in a
    sentence that names the sector's word, is part of the sector's move. The companies the lede
    names (whose news moved the sector) are not its members here."""
    lede = _lede(article)
    if lede is None:
        return
    text = article.lowered
    sectors = []
    for told in article.told:
        if told.type != "sector" or told.sentence.index != lede.index:
            continue
        around = text[max(lede.start, told.start - _SECTOR_REACH) : told.end + _SECTOR_REACH]
        down, up = _SECTOR_DOWN.search(around), _SECTOR_UP.search(around)
        word = _sector_word(text[told.start : told.end])
        if word is not None and bool(down) != bool(up):
            sectors.append((told, "down" if down else "up", word))
    if not sectors:
        return
    named = {g.entity_id for g in article.ctx.groups_in(lede.start, lede.end)}
    for move in article.moves:
        attributes = article.records[move.record].attributes
        if (
            move.sentence.index <= lede.index
            or article.drivers.get(move.record)
            or attributes["period"] not in ONE_DAY
            or move.entity in named
        ):
            continue
        sentence_text = text[move.sentence.start : move.sentence.end]
        for told, direction, word in sectors:
            if attributes["direction"] == direction and regex.search(word, sentence_text):
                add_drivers(article, move, [told.record])
                break


def _sector_word(name: str) -> str | None:
    """The pattern of the word that tells which sector a name is ("ai-related companies":
    AI; "chipmakers": chip...), or None when the name holds none."""
    for word in re.findall(r"[a-z]+", name):
        if word in _GROUP_WORDS:
            continue
        stem = word.removesuffix("makers")
        return rf"\b{stem}\b" if len(stem) <= 3 else rf"\b{stem}"
    return None
