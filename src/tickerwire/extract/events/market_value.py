"""`market_value`: what a company is worth, or how much value it gained or lost.

"lifting its market value by some $40 billion", "together gained $150 billion in market
value", "the chipmaker is worth $2.1 trillion", "overtook Microsoft as the most valuable
company". A market value is an amount: without one (a bare "pushed its market capitalization
higher") the sentence tells a move, not a value, and is left to the move extractor.
"""

from __future__ import annotations

import regex

from tickerwire.extract.events.analyst_views import estimator_speaks
from tickerwire.extract.events.drafts import Draft
from tickerwire.extract.events.generic import WEAK, GenericRule, compile_rule, generic_drafts
from tickerwire.extract.events.scan import SentenceScan

_VALUE_NOUN = r"(?:(?:stock\s+)?market\s+(?:value|cap|capitali[sz]ation)|valuation|market\s+worth)"
_SIZE = r"(?:billion|trillion|bn|tn|trn)"

# A sentence sizing a whole market with its growth rate ("valued at $200 billion in 2022 and
# set to reach $660 billion by 2030, a CAGR of 16%") tells an industry's size, not a
# company's value, whatever owner its "its" seems to name.
_MARKET_SIZE = compile_rule(r"\b(?:CAGR|compound\s+annual\s+growth\s+rate)\b")
MARKET_VALUE = (
    GenericRule(
        "market_value",
        compile_rule(rf"""(?P<cue>\b{_VALUE_NOUN})\s+(?:[\w-]+\s+){{0,3}}?(?:of|to|by|at|above|
        below|past|over|near|reached|hit|topped|rose|fell|jumped|climbed|crossed|exceeded)\b"""),
        fallback=True,
        reject_sentence=_MARKET_SIZE,
        # "its market capitalization was equivalent to five times Snap's $26 billion": the
        # amount is another company's
        reject=compile_rule(r"\b(?:equivalent|equal|compared|comparable|times|twice)\b"),
    ),
    GenericRule(
        "market_value",
        # "Meta and Amazon added a combined $280 billion in market value": the sum of several
        # companies' values is no one company's, so the event names none
        compile_rule(rf"""(?P<cue>\b(?:add(?:ed|s|ing)?|gain(?:ed|s|ing)?|los(?:t|es|e|ing)|
        shed(?:s|ding)?|wip(?:ed|es|ing)\s+out|eras(?:ed|es|ing))\s+(?:a\s+)?combined\s+
        (?:roughly\s+|about\s+|nearly\s+|more\s+than\s+|some\s+|around\s+)?
        (?:US)?\$[\d.,]+\s*{_SIZE}\s+(?:[\w-]+\s+){{0,3}}?(?:in|of|from)\s+(?:[\w-]+\s+){{0,2}}?
        (?:market\s+(?:value|cap|capitali[sz]ation)|value|valuation))"""),
        actor_types=(),
    ),
    GenericRule(
        "market_value",
        # "the only company with a $3 trillion market capitalization"
        compile_rule(rf"""(?P<cue>(?:US)?\$[\d.,]+\s*{_SIZE}\s+(?:stock\s+)?market\s+
        (?:value|cap|capitali[sz]ation))\b"""),
        fallback=True,
        reject_sentence=_MARKET_SIZE,
    ),
    GenericRule(
        "market_value",
        compile_rule(rf"""(?P<cue>\b(?:add(?:ed|s|ing)?|gain(?:ed|s|ing)?|los(?:t|es|e|ing)|
        shed(?:s|ding)?|wip(?:ed|es|ing)\s+out|eras(?:ed|es|ing)|shrank|shrunk)\s+
        (?:a\s+combined\s+|roughly\s+|about\s+|nearly\s+|more\s+than\s+|some\s+|around\s+)?
        (?:US)?\$[\d.,]+\s*{_SIZE}\s+(?:[\w-]+\s+){{0,3}}?(?:in|of|from)\s+(?:[\w-]+\s+){{0,2}}?
        (?:market\s+(?:value|cap|capitali[sz]ation)|value|valuation))"""),
        fallback=True,
        reject_sentence=_MARKET_SIZE,
    ),
    GenericRule(
        "market_value",
        compile_rule(rf"""(?P<cue>\b(?:(?:is|was|were|are)\s+(?:now\s+)?worth|valued\s+at|
        value\s+shrank\s+by|value\s+(?:rose|fell|grew)\s+by)\s+(?:about\s+|roughly\s+|nearly\s+|
        more\s+than\s+|some\s+|around\s+)?(?:US)?\$[\d.,]+\s*{_SIZE})"""),
        fallback=True,
        reject_sentence=_MARKET_SIZE,
    ),
    GenericRule(
        "market_value",
        compile_rule(r"""(?P<cue>\b(?:world's\s+|most\s+|second-most\s+|the\s+)?most\s+valuable
        \s+(?:company|firm|listed\s+company)|\$[\d.]+\s+trillion\s+club)\b"""),
        confidence=WEAK,
        amount=False,
    ),
)
_NEEDS_AMOUNT = regex.compile(r"most\s+valuable|trillion\s+club", regex.IGNORECASE)


def market_value_drafts(scan: SentenceScan) -> list[Draft]:
    """Market values and value changes of one sentence (each with its amount)."""
    drafts = generic_drafts(scan, MARKET_VALUE)
    kept = []
    for draft in drafts:
        cue = scan.text[draft.start : draft.end]
        if draft.attributes.get("amount") is None and not _NEEDS_AMOUNT.search(cue):
            continue
        if estimator_speaks(scan, draft.entity):
            continue  # "Wedbush sees a $4 trillion market cap": a broker's view of another's
        amount = draft.attributes.get("amount")
        if amount is not None and abs(amount) < 1e8:
            continue  # "$451" next to market value is a share price, not the company's value
        possessor = scan.possessor(draft.start) if draft.entity is not None else None
        if possessor is not None and possessor != draft.entity:
            draft = _with_entity(draft, possessor)
        kept.append(draft)
    return kept


def _with_entity(draft: Draft, entity: str) -> Draft:
    return Draft(
        draft.type,
        entity,
        draft.sentence,
        draft.start,
        draft.end,
        draft.attributes,
        draft.confidence,
        draft.fact_level,
        draft.key,
        draft.date,
        draft.date_text,
        draft.extra,
    )
