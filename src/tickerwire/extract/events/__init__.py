"""Events beyond moves and figures: analyst views, stakes, corporate acts, policy, results.

`find_drafts` reads an article once for the cue words of every type (`cues`), then runs each
type's patterns on the sentences that hold one of its cues only. Each finder takes a
`SentenceScan` (the sentence's clauses, actor, counterpart, amounts) and returns `Draft`s; the
caller merges repeats and turns drafts into `Event` records.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Mapping

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.events.analyst_views import BROKERS, analyst_view_drafts
from tickerwire.extract.events.corporate import (
    ACQUISITION,
    BUYBACK,
    DIVIDEND,
    INVESTMENT_PLAN,
    LISTING,
    MANAGEMENT,
    PARTNERSHIP,
    PRODUCT_LAUNCH,
    SUPPLY_CHAIN,
)
from tickerwire.extract.events.cues import cue_index, sentences_by_kind
from tickerwire.extract.events.drafts import Draft, merge_drafts
from tickerwire.extract.events.earnings import earnings_drafts, guidance_drafts
from tickerwire.extract.events.generic import GenericRule, generic_drafts
from tickerwire.extract.events.market_value import market_value_drafts
from tickerwire.extract.events.policy import (
    GOVERNMENT_POLICY,
    LEGAL,
    MACRO,
    MACRO_CONDITIONS,
    REGULATION,
    SECTOR,
)
from tickerwire.extract.events.scan import SentenceScan
from tickerwire.extract.events.stakes import stake_drafts
from tickerwire.extract.sentences import Sentence

__all__ = ["Draft", "cue_kinds", "cued_sentences", "find_drafts", "merge_drafts"]

Finder = Callable[[SentenceScan], list[Draft]]


def _rules(rules: tuple[GenericRule, ...]) -> Finder:
    return lambda scan: generic_drafts(scan, rules)


FINDERS: Mapping[str, Finder] = {
    "guidance": guidance_drafts,
    "analyst_view": analyst_view_drafts,
    "stake_change": stake_drafts,
    "market_value": market_value_drafts,
    "product_launch": _rules(PRODUCT_LAUNCH),
    "partnership": _rules(PARTNERSHIP),
    "acquisition": _rules(ACQUISITION),
    "investment_plan": _rules(INVESTMENT_PLAN),
    "listing": _rules(LISTING),
    "management": _rules(MANAGEMENT),
    "dividend": _rules(DIVIDEND),
    "buyback": _rules(BUYBACK),
    "supply_chain": _rules(SUPPLY_CHAIN),
    "legal": _rules(LEGAL),
    "regulation": _rules(REGULATION),
    "government_policy": _rules(GOVERNMENT_POLICY),
    "macro": _rules(MACRO + MACRO_CONDITIONS),
    "sector": _rules(SECTOR),
}


def cue_kinds(ctx: DocumentContext, lowered: str) -> dict[int, set[str]]:
    """For each sentence holding cue words (by index), the kinds of cue it holds (`cues`);
    `lowered` is `ctx.text.lower()`."""
    return cue_index().sentence_kinds(lowered, ctx.sentences)


def cued_sentences(ctx: DocumentContext, kinds: dict[int, set[str]]) -> dict[str, list[Sentence]]:
    """For each event type (and shape of cause), the sentences holding one of its cue words,
    from the article's `cue_kinds`."""
    return sentences_by_kind(kinds, ctx.sentences)


# The results finder runs where a results word stands with a comparison, a release verb, a
# tone or a date word (its patterns check which).
_EARNINGS_CUES = frozenset({"earn_compare", "earn_beat", "earn_release", "earn_tone"})


def find_drafts(ctx: DocumentContext, kinds: dict[int, set[str]], lowered: str) -> list[Draft]:
    """Every event draft of the article, repeats included, in text order, from the article's
    `cue_kinds`; `lowered` is its `scan.lower_text`."""
    kinds = dict(kinds)  # the broker cues below are added to copies, not to the caller's sets
    # a broker named in a sentence is a cue for a view ("Nomura said ...")
    starts = [s.start for s in ctx.sentences]
    for group in ctx.groups:
        if group.entity_id in BROKERS:
            index = bisect.bisect_right(starts, group.start) - 1
            if index >= 0:
                kinds[index] = kinds.get(index, set()) | {"analyst_view"}
    drafts: list[Draft] = []
    for index, held in kinds.items():
        sentence = ctx.sentences[index]
        scan = SentenceScan(ctx, sentence, lowered, frozenset(held))
        if held & _EARNINGS_CUES or {"earn_result", "earn_schedule"} <= held:
            drafts.extend(earnings_drafts(scan))
        # Sorted: a set's order follows the hash seed, and drafts of one start would otherwise
        # come out in a different order from run to run.
        for kind in sorted(held):
            finder = FINDERS.get(kind)
            if finder is not None:
                drafts.extend(finder(scan))
    drafts.sort(key=lambda d: (d.sentence.start, d.start))
    return drafts
