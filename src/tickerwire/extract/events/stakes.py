"""`stake_change`: someone buys into or sells out of a company.

"raised her holding in Baidu", "took a 5% stake in", "sold 2 million shares of",
"cut its holding in". The holder is the clause's subject (a person or a company: "GameStop CEO
Ryan Cohen" is Cohen); the event's entity is the company whose shares change hands. A holding
told without a change ("holds some 40 million shares") is not a change; it only lends its
share count and value to a change told in the sentence before ("She now holds about 3 million
of them, worth some $400 million").
"""

from __future__ import annotations

from typing import Literal

import regex

from tickerwire.extract.events.drafts import Draft
from tickerwire.extract.events.generic import HEDGED_PENALTY, STRONG
from tickerwire.extract.events.scan import Actor, SentenceScan
from tickerwire.records import StakeChangeAttributes

_STAKE = r"(?:stake|holding|position|shareholding|interest)s?"
_BUY = regex.compile(
    rf"""(?P<cue>\b(?:(?:increas|rais|boost|buil|upp|doubl|add|lift|grow|expand)\w*\s+
    (?:his|her|its|their|a|the)?\s*(?:[\w-]+\s+){{0,2}}?{_STAKE}\s+(?:in|of)|
    (?:took|takes|taken|taking|acquir\w+|bought|buys|buying|purchas\w+|amass\w+|built|building|
    disclosed|revealed)\s+(?:an?|the|new)\s+(?:[\w$.,%-]+\s+){{0,4}}?{_STAKE}\s+in|
    (?:bought|buys|buying|purchased|acquired|added)\s+(?:about\s+|roughly\s+|nearly\s+|
    more\s+than\s+|some\s+|another\s+)?[\d.,]+\s*(?:million|billion|thousand)?\s+
    (?:more\s+)?shares\s+(?:of|in)|
    (?P<opened>initiat|open|establish|start)\w*\s+(?:a|an|the|its|their)\s+(?:new\s+)?(?:[\w$.,%-]+\s+)
    {{0,2}}?position\s+in|
    (?:bought|buys|buying|purchased)\s+(?:about\s+|roughly\s+|nearly\s+|more\s+than\s+|
    some\s+|another\s+)?(?:(?:US)?\$[\d.,]+\s*(?:million|billion|bn|m)\s+(?:worth\s+of|in|of)|
    [\d.,]+\s*(?:million|billion|thousand)?)\s+(?P<named>(?:[\w.&'-]+\s+){{1,3}}?)(?:shares|
    stock)\b))""",
    regex.VERBOSE | regex.IGNORECASE,
)
_SELL = regex.compile(
    rf"""(?P<cue>\b(?:(?:cut|cuts|cutting|reduc\w+|trimm?\w+|sold|sells|selling|dump\w+|exit\w+|
    divest\w+|unload\w+|offload\w+|lower\w+|slash\w+|pared|pares)(?:\s+(?:off|down|back))?
    \s+(?:his|her|its|their|a|the)?
    \s*(?:entire\s+|[\w-]+\s+)?{_STAKE}\s+(?:in|of)|(?:sold|sells|selling|dumped|unloaded|
    offloaded)\s+(?:about\s+|roughly\s+|nearly\s+|more\s+than\s+|some\s+)?[\d.,]+\s*
    (?:million|billion|thousand)?\s+shares\s+(?:of|in)))""",
    regex.VERBOSE | regex.IGNORECASE,
)
# "Ryan Cohen's $1 billion bet": a stake told by its size, held by the possessor.
_BET = regex.compile(
    r"(?P<cue>(?:US)?\$[\d.,]+\s*(?:billion|million|bn|m)\s+(?:bet|wager|investment|stake))\b",
    regex.IGNORECASE,
)
# Between a holder and its verb: a possessive, a role, an adverb ("Berkshire investment
# manager", "Jack Ma and Joseph Tsai recently", "(BRK.B) first").
_HOLDER_GAP = regex.compile(r"(?:'s?)?(?:\s*\([^()]{1,20}\))?(?:\s+[\w-]+){0,2}\s+")
_HOLDING = regex.compile(
    r"\b(?:owns|holds|owned|held)\s+(?:about\s+|roughly\s+|nearly\s+|some\s+|more\s+than\s+)?"
    r"(?P<shares>[\d.,]+)\s*(?P<scale>million|billion|thousand)?\s+shares",
    regex.IGNORECASE,
)
# "10 million shares", "10 million Apple shares", "68,000 LDBrinkman common shares"
_SHARES_AFTER = regex.compile(r"\s*(million|billion|thousand)?\s+(?:[\w.&'-]+\s+){0,2}?shares")
_SCALE = {"million": 1e6, "billion": 1e9, "thousand": 1e3}
_CONTINUES = regex.compile(r"^\s*(?:He|She|It|They|The\s+\w+)\b")


def stake_drafts(scan: SentenceScan) -> list[Draft]:
    """Stake changes of one sentence (with the share count and value told with them)."""
    drafts: list[Draft] = []
    for pattern, direction in ((_BUY, "buy"), (_SELL, "sell"), (_BET, "buy")):
        if not scan.may_match(pattern):
            continue  # most stake-cued sentences ("its position as ...") lack the verbs
        for match in pattern.finditer(scan.text, scan.sentence.start, scan.sentence.end):
            draft = _draft(scan, match, direction)  # type: ignore[arg-type]
            if draft is not None:
                drafts.append(draft)
    return drafts


def _draft(
    scan: SentenceScan, match: regex.Match[str], direction: Literal["buy", "sell"]
) -> Draft | None:
    start, end = match.span("cue")
    if scan.negated(start):
        return None
    holder = scan.actor(start, ("company", "person"))
    if match.re is _BET:
        holder = _possessor_person(scan, start)
    if holder is None:
        return None
    if (match.groupdict().get("named") or match.groupdict().get("opened")) and not (
        0 <= start - holder.end <= 40 and _HOLDER_GAP.fullmatch(scan.text, holder.end, start)
    ):
        # the broad shapes ("bought $5 million in X shares", "initiated a position in X") take
        # only the subject named right before them: "Bryson, which hired D.F. King, said it
        # bought ..." is not King's purchase
        return None
    target = scan.group_after(end, min(scan.sentence.end, end + 40))
    if match.groupdict().get("named"):  # "bought $200 million in Alibaba shares"
        named = [g for g in scan.groups if match.start("named") <= g.start < match.end("named")]
        target = named[-1] if named and named[-1].entity_type == "company" else None
    entity = target.entity_id if target is not None else None
    if entity is None or entity == holder.entity_id:
        fallback = scan.fallback_company()
        entity = fallback.entity_id if fallback is not None else None
    if entity is None or entity == holder.entity_id:
        return None
    # from the cue's start: "bought 10 million shares of" holds the count in the cue
    shares, value, currency = _size(scan, start, scan.sentence.end)
    if shares is None and value is None:
        shares, value, currency = _next_sentence_size(scan)
    hedged = scan.hedged(start)
    attributes = StakeChangeAttributes(
        holder=scan.entity_name(holder.entity_id),
        shares=shares,
        value=value,
        currency=currency,
        direction=direction,
    ).model_dump(mode="json")
    return Draft(
        "stake_change",
        entity,
        scan.sentence,
        start,
        end,
        attributes,
        STRONG - holder.penalty - (HEDGED_PENALTY if hedged else 0.0),
        "forecast" if hedged else "fact",
        key=(holder.entity_id, direction),
        extra={"holder_id": holder.entity_id},
    )


def _possessor_person(scan: SentenceScan, position: int) -> Actor | None:
    """The holder of "Ryan Cohen's $1 billion bet": the name right before the amount."""
    for group in reversed(scan.groups):
        if group.end <= position and position - group.end <= 4:
            gap = scan.text[group.end : position]
            if regex.match(r"^'s?\s*$", gap) and group.entity_type in ("person", "company"):
                return Actor(group.entity_id, group.start, group.end, group.entity_type)
    return None


def _size(
    scan: SentenceScan, start: int, end: int
) -> tuple[float | None, float | None, str | None]:
    """Shares and value told in text[start:end]: "3 million shares worth some $400 million"."""
    shares: float | None = None
    for quantity in scan.ctx.quantities_in(start, end):
        if quantity.kind != "number":
            continue
        scale = _SHARES_AFTER.match(scan.text[quantity.end : quantity.end + 40].lower())
        if scale is not None:
            shares = quantity.value * _SCALE.get(scale.group(1) or "", 1.0)
            break
    money = scan.money_in(start, end)
    return shares, money.value if money else None, money.currency if money else None


def _next_sentence_size(scan: SentenceScan) -> tuple[float | None, float | None, str | None]:
    index = scan.sentence.index + 1
    if index >= len(scan.ctx.sentences):
        return None, None, None
    following = scan.ctx.sentences[index]
    if following.paragraph != scan.sentence.paragraph or not _CONTINUES.match(following.text):
        return None, None, None
    holding = _HOLDING.search(scan.text, following.start, following.end)
    if holding is None:
        return None, None, None
    return _size(scan, holding.start("shares"), following.end)
