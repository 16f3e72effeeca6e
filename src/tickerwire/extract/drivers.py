"""Drivers: for each price move, the events the text gives as its cause.

The text links a move to its causes with causal words (`causes`): in the move's sentence
("climbed 6% following a sales beat", "posted upbeat results, sending shares up 1%"), in a
later sentence that refers back to the move ("The climb was driven by strong sales"), in a
reaction ("Investors reacted to news that ..."), in a move told without a number ("Tencent's
stock got a lift after ..."), in the headline ("X Surges 19% on Y": the cause applies to
the main move of X), and in a lede about market value ("added $280 billion after reporting
results"). The events told inside the cause phrase are the drivers; a phrase that only points
back ("on the news") takes the events told just before; a phrase that names a kind of event
without one being found ("after projecting lower handset shipments") takes the article's event
of that kind for the company, or creates it, with the sentence as evidence. A move without
causal words keeps an empty list: nothing is attached by proximity alone.
"""

from __future__ import annotations

import bisect
import re
from typing import Any

import regex

from tickerwire.extract.cause_links import (
    CauseArticle,
    Told,
    add_drivers,
    existing_event,
    last_move_before,
    link,
    link_named_results,
    link_previous_sentence,
    main_move,
    moves_of_named,
)
from tickerwire.extract.causes import (
    BACK_REFERENCE,
    BEHIND,
    REACTION,
    RESULT_BEFORE_MOVE,
    cause_after,
    cause_categories,
    title_cause,
)
from tickerwire.extract.dedupe import Found
from tickerwire.extract.document import DocumentContext
from tickerwire.extract.events import Draft, merge_drafts
from tickerwire.extract.events.cues import CAUSE_CUE_TYPES
from tickerwire.extract.events.market_value import market_values_of_caps
from tickerwire.extract.events.scan import SentenceScan
from tickerwire.extract.lede_causes import lede_sector_causes, results_lede_causes
from tickerwire.extract.lexicon import PAST_EARNINGS_MOVE
from tickerwire.extract.respective_causes import RespectiveCauses, respective_causes
from tickerwire.extract.sentences import Sentence
from tickerwire.records import Event

# A move named for the results that caused it: "the previous quarter's earnings-related move
# of 6.83%" (read on the lower-cased text).
_EARNINGS_MOVE = regex.compile(rf"{PAST_EARNINGS_MOVE}\s+(?:of|was)\s+(?:\w+\s+)?$")
_BACK_SUBJECT = regex.compile(
    r"^\W*(?:(?:however|but|still|yet|meanwhile|nonetheless|nevertheless|and)\W+)?(?:the\s+stock|the\s+shares|its\s+(?:shares|stock)|their\s+(?:shares|stock)|shares|"
    r"the\s+company's\s+(?:shares|stock))\b",
    regex.IGNORECASE,
)
_NUMBERLESS_MOVE = re.compile(
    r"""\b(?:shares|stock|adrs)(?P<of>\s+of\s+[^,;.]{1,40}?)?\s+(?:(?:have|has|had|is|are|was|were)\s+)?
    (?:(?:trending|moving|heading|edging|trading)\s+(?:higher|upwards?|lower|downwards?|up|down)|
    got|received|won|were\s+given|
    (?:rallied|jumped|surged|soared|climbed|rose|gained|advanced|fell|dropped|slumped|tumbled|
    sank|plunged|slid|declined))\b(?:\s+(?:another|a|an)\s+(?:[\w-]+\s+){0,2}?(?:shot\s+in\s+the
    \s+arm|boost|lift|fillip|bump|jolt|blow|hit))?""",
    re.VERBOSE,
)
# Words that give a referred-to move its direction (lower case).
_UP_WORDS = re.compile(
    r"\b(?:surge|rally|gains?|jump|rise|climb|advance|rebound|ascent|uptick|revival|spike|"
    r"run-up|pop|cheered|welcomed|applauded|celebrated|rewarded)\b"
)
_DOWN_WORDS = re.compile(r"\b(?:selloff|sell-off|drop|decline|fall|slump|rout|plunge|slide)\b")
_NEW_MOVE = re.compile(r"\b(?:a|an)\s+(?:[\w.-]+\s+){0,3}?\d|\d+(?:\.\d+)?\s*%")
# These read the lower-cased text with the standard engine (see causes.py).
_VALUE_CHANGE = re.compile(
    r"\b(?:add|gain|lo(?:st|se)|shed|wip|eras|shr[au]nk|value\s+(?:rose|fell|grew))"
)
_SPAN_END = re.compile(r",\s*(?:which|but|with|as)\b|\b(?:while|whereas|even\s+as)\b|;|\s[-–—]\s")


def assemble(
    ctx: DocumentContext,
    title: str | None,
    found: list[Found],
    merged: list[Event],
    drafts: list[Draft],
    cued: dict[str, list[Sentence]],
    lowered: str,
) -> list[Event]:
    """All events of the article in text order, each price move with its `drivers`; `lowered`
    is the article's `lower_text`."""
    records = list(merged)
    told = _foundation_mentions(ctx, found, merged)
    drafts = drafts + market_values_of_caps(ctx, merged, drafts)
    kept = merge_drafts(drafts)
    kept_index: dict[tuple[Any, ...], int] = {}
    for draft in kept:
        kept_index[_draft_identity(draft)] = len(records)
        records.append(draft.event(ctx))
    for draft in drafts:
        record = kept_index[_draft_identity(draft)]
        told.append(Told(record, draft.type, draft.entity, draft.sentence, draft.start, draft.end))
    told.sort(key=lambda t: t.start)
    article = CauseArticle(ctx, records, told, cued, lowered)
    if article.moves:
        _find_drivers(article, title)
    return _ordered(article)


# -- mentions ------------------------------------------------------------------------------------


def _identity(event: Event) -> tuple[Any, ...]:
    a = event.attributes
    return (
        event.type,
        event.entity,
        a.get("listing") or a.get("index") or a.get("metric"),
        a.get("change_pct"),
        a.get("period"),
        a.get("value"),
        a.get("segment"),
        a.get("is_estimate"),
    )


def _draft_identity(draft: Draft) -> tuple[Any, ...]:
    return (draft.type, draft.entity, *draft.key)


def _foundation_mentions(
    ctx: DocumentContext, found: list[Found], merged: list[Event]
) -> list[Told]:
    by_identity = {_identity(e): i for i, e in enumerate(merged)}
    starts = [s.start for s in ctx.sentences]
    told = []
    for item in found:
        record = by_identity.get(_identity(item.event))
        if record is None:
            continue
        index = max(0, bisect.bisect_right(starts, item.event.evidence.start) - 1)
        sentence = ctx.sentences[index]
        start, end = _anchor(ctx, sentence, item)
        told.append(Told(record, item.event.type, item.event.entity, sentence, start, end))
    return told


def _anchor(ctx: DocumentContext, sentence: Sentence, item: Found) -> tuple[int, int]:
    """Where a move's or a figure's number stands in its sentence."""
    a = item.event.attributes
    wanted = [abs(v) for v in (a.get("change_pct"), a.get("value")) if isinstance(v, float)]
    for quantity in ctx.quantities_in(sentence.start, sentence.end):
        if quantity.start == item.anchor or any(
            abs(abs(quantity.value) - w) <= 1e-6 * max(1.0, w) for w in wanted
        ):
            return quantity.start, quantity.end
    return sentence.start, sentence.start + 1


# -- finding causes -------------------------------------------------------------------------------


def _find_drivers(article: CauseArticle, title: str | None) -> None:
    text = article.lowered  # the cause patterns read lower-cased text (causes.py)
    moves = article.moves
    move_sentences = {m.sentence.index for m in moves}
    respective: dict[int, RespectiveCauses | None] = {}
    for number, move in enumerate(moves):
        sentence = move.sentence
        following = [m for m in moves[number + 1 :] if m.sentence.index == sentence.index]
        limit = _own_limit(text, move, following, sentence.end)
        causes = []
        after = cause_after(text, move.end, limit)
        if sentence.index not in respective:
            ends = [m.end for m in moves if m.sentence.index == sentence.index]
            respective[sentence.index] = respective_causes(text, ends, sentence.end)
        paired = respective[sentence.index]
        if paired is not None:
            if after is not None and after[0] >= paired.start:
                after = None  # the list "respectively" closes: this move's item only
            mine = paired.items[sum(1 for m in moves[:number] if m.sentence is sentence)]
            if mine is not None:
                causes.append(mine)
        if after is not None:
            causes.append(after)
        before = _result_clause(text, sentence, move.start)
        if before is not None:
            causes.append(before)
        own = _EARNINGS_MOVE.search(text, max(sentence.start, move.start - 90), move.start)
        if own is not None:  # "the prior quarter's post-earnings move of 4%"
            results_end = text.index("earnings", own.start(), own.end()) + len("earnings")
            link_named_results(article, move, own.start(), results_end)
        found = False
        for start, end in causes:
            found |= link(article, move, sentence, start, end)
        if not found and _BACK_SUBJECT.match(sentence.text):
            link_previous_sentence(article, move)
    for kind, cued in _cued_sentences(article.cued):
        for sentence in cued:
            _sentence_causes(article, sentence, sentence.index in move_sentences, kind)
    _value_change_causes(article)
    lede_sector_causes(article)
    results_lede_causes(article)
    if title:
        _title_causes(article, title)


def _own_limit(text: str, move: Told, following: list[Told], end: int) -> int:
    """Where a move's own cause phrase must end: at the next move of the sentence, unless the
    two numbers are one list ("rose 15% and 7% ..., respectively", "0.7% and 1.4%")."""
    previous_end = move.end
    for other in following:
        gap = text[previous_end : other.start]
        if len(gap) <= 12 and regex.fullmatch(r"\s*(?:,|and|,\s*and|%)?\s*", gap):
            previous_end = other.end
            continue
        return other.start
    return end


def _result_clause(text: str, sentence: Sentence, position: int) -> tuple[int, int] | None:
    """The cause told before its result: "posted upbeat results, sending shares up 1%"."""
    best = None
    for match in RESULT_BEFORE_MOVE.finditer(text, sentence.start, sentence.end):
        if match.start() >= position:
            break
        if position - match.start() <= 80:
            best = match
    if best is None:
        return None
    start = max(sentence.start, text.rfind(";", sentence.start, best.start()) + 1)
    return (start, best.start()) if best.start() - start > 5 else None


def _cued_sentences(cued: dict[str, list[Sentence]]) -> list[tuple[str, list[Sentence]]]:
    """The sentences worth reading for each shape of cause (their cue words were found)."""
    return [(kind, cued.get(kind, [])) for kind in CAUSE_CUE_TYPES]


def _sentence_causes(article: CauseArticle, sentence: Sentence, has_move: bool, kind: str) -> None:
    """Causes told in a sentence of their own about a move told before."""
    text = article.lowered
    if kind == "cause_reaction":
        _reaction(article, sentence)
        return
    if kind == "cause_numberless":
        if not has_move:
            _numberless_move(article, sentence)
        return
    if has_move:
        return
    head = text[sentence.start : sentence.end]
    reference = BACK_REFERENCE.match(head) or BEHIND.match(head)
    if reference is not None:
        start = sentence.start + reference.end()
        target = last_move_before(article, sentence)
        if reference.groupdict().get("pronoun") and (
            target is None or target.sentence.index != sentence.index - 1
        ):
            return  # "This came amid ...": of the sentence just before only, when it tells a move
        if target is not None and _same_direction(article, target, reference.group(0)):
            end = _span_end(text, start, sentence.end)
            link(article, target, sentence, start, end)
            intro = reference.groupdict().get("intro")
            if intro:  # "Besides higher profit, the climb was also driven by ..."
                intro_start = sentence.start + reference.start("intro")
                link(article, target, sentence, intro_start, intro_start + len(intro))
        return
    drove = RESULT_BEFORE_MOVE.search(text, sentence.start, sentence.end)
    if drove is None or drove.start() - sentence.start <= 5:
        return
    if _NEW_MOVE.search(drove.group(0)):
        return  # "fuel a 24% surge in the index": a move of its own, not one told before
    target = last_move_before(article, sentence)
    if target is not None and _same_direction(article, target, drove.group(0)):
        link(article, target, sentence, sentence.start, drove.start())


def _same_direction(article: CauseArticle, move: Told, words: str) -> bool:
    """Whether the words that refer back to a move ("the rally", "investors cheered") fit its
    direction: a rally does not explain a fall."""
    direction = article.records[move.record].attributes.get("direction")
    if _UP_WORDS.search(words):
        return direction == "up"
    if _DOWN_WORDS.search(words):
        return direction == "down"
    return True


def _reaction(article: CauseArticle, sentence: Sentence) -> None:
    """'Investors reacted enthusiastically to news that ...': the cause of the named company's
    main move (or of the move told last)."""
    text = article.lowered
    reaction = REACTION.search(text, sentence.start, sentence.end)
    if reaction is not None:
        start = reaction.end()
        # "investors cheered": a cause of gains only
        targets_up = _UP_WORDS.search(reaction.group(0)) is not None
        end = _span_end(text, start, sentence.end)
        targets = moves_of_named(article, start, end)
        if not targets:
            last = last_move_before(article, sentence)
            targets = [last] if last is not None else []
        if targets_up:
            targets = [t for t in targets if _same_direction(article, t, "rally")]
        for target in targets:
            link(article, target, sentence, start, end)


def _span_end(text: str, start: int, end: int) -> int:
    stop = _SPAN_END.search(text, start, end)
    return stop.start() if stop is not None else end


def _numberless_move(article: CauseArticle, sentence: Sentence) -> None:
    """'Tencent's stock got a lift on Tuesday after ...': a move without a
    number is still a move of its company; its cause goes to the company's main move."""
    ctx = article.ctx
    for match in _NUMBERLESS_MOVE.finditer(article.lowered, sentence.start, sentence.end):
        if any(q.kind == "percent" for q in ctx.quantities_in(sentence.start, sentence.end)):
            return
        scan = SentenceScan(ctx, sentence)
        owner = (
            scan.possessor(match.start())
            or _company_named_before(scan, match.start())
            or _company_named_in(scan, *match.span("of"))
        )
        if owner is None:
            return
        target = main_move(article, owner)
        cause = cause_after(article.lowered, match.end(), sentence.end)
        if target is not None and cause is not None:
            link(article, target, sentence, *cause)
        return


def _company_named_before(scan: SentenceScan, position: int) -> str | None:
    for group in reversed(scan.groups):
        if group.end <= position and position - group.end <= 25 and group.entity_type == "company":
            return group.entity_id
    return None


def _company_named_in(scan: SentenceScan, start: int, end: int) -> str | None:
    group = scan.group_after(start, end) if start >= 0 else None
    return group.entity_id if group is not None else None


def _value_change_causes(article: CauseArticle) -> None:
    """'Meta and Amazon added $280 billion in market value after reporting results': the cause
    of a value change in the lede is the cause of each named company's main move."""
    ctx = article.ctx
    for told in article.told:
        if told.type != "market_value" or told.sentence.paragraph > 1:
            continue
        if not _VALUE_CHANGE.search(article.lowered, told.start, told.end):
            continue
        end = _span_end(article.lowered, told.end, told.sentence.end)
        cause = cause_after(article.lowered, told.end, end)
        if cause is None:
            continue
        scan = SentenceScan(ctx, told.sentence)
        clause = scan.clause_start(told.start)
        owners: list[str | None] = [
            g.entity_id
            for g in scan.groups
            if clause <= g.start < told.start and g.entity_type == "company"
        ]
        owners = owners or [told.entity]
        for owner in dict.fromkeys(owners):
            target = main_move(article, owner) if owner else None
            if target is not None:
                link(article, target, told.sentence, *cause)


def _title_causes(article: CauseArticle, title: str) -> None:
    """'Baidu Stock Climbs 7% on Cloud Orders and Chip Progress': the headline's cause
    goes to the main move of its subject, through events of the body (a headline holds no
    evidence offsets, so no event is made from it)."""
    parsed = title_cause(title)
    if parsed is None:
        return
    subject, cause = parsed
    owner = _company_in(article, subject) or article.ctx.main_company
    if owner is None:
        return
    pct = regex.search(r"(\d+(?:\.\d+)?)\s*%", title)
    target = main_move(article, owner, float(pct.group(1)) if pct else None)
    if target is None:
        return
    for category in cause_categories(cause):
        existing = existing_event(article, category, owner, None)
        if existing is not None:
            add_drivers(article, target, [existing])


def _company_in(article: CauseArticle, words: str) -> str | None:
    reference = article.ctx.reference
    for entity in article.ctx.entities.values():
        if entity.type != "company":
            continue
        known = reference.entity(entity.id)
        names = {
            entity.name,
            *(known.aliases if known else ()),
            *(known.ambiguous_aliases if known else ()),
        }
        for name in names:
            if len(name) >= 3 and regex.search(rf"(?<!\w){regex.escape(name)}(?!\w)", words):
                return entity.id
    return None


# -- output ------------------------------------------------------------------------------------


def _ordered(article: CauseArticle) -> list[Event]:
    """Records in text order, with each move's drivers as indices into that order."""
    order = sorted(
        range(len(article.records)),
        key=lambda i: (article.records[i].evidence.start, i),
    )
    position = {record: index for index, record in enumerate(order)}
    result = []
    for record in order:
        event = article.records[record]
        if event.type == "price_move":
            drivers = sorted(position[d] for d in article.drivers.get(record, []))
            event = event.model_copy(update={"attributes": dict(event.attributes, drivers=drivers)})
        result.append(event)
    return result
