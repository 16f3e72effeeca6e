"""`market_value`: what a company is worth, or how much value it gained or lost.

"lifting its market value by some $40 billion", "together gained $150 billion in market
value", "the chipmaker is worth $2.1 trillion", "overtook Microsoft as the most valuable
company". A market value is an amount: without one (a bare "pushed its market capitalization
higher") the sentence tells a move, not a value, and is left to the move extractor.
"""

from __future__ import annotations

import bisect

import regex

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.events.analyst_views import estimator_speaks
from tickerwire.extract.events.drafts import Draft
from tickerwire.extract.events.generic import WEAK, GenericRule, compile_rule, generic_drafts
from tickerwire.extract.events.scan import SentenceScan
from tickerwire.records import Event, GenericEventAttributes

_VALUE_NOUN = r"(?:(?:stock\s+)?market\s+(?:value|cap|capitali[sz]ation)|valuation|market\s+worth)"
_SIZE = r"(?:billion|trillion|bn|tn|trn)"

# A sentence sizing a whole market with its growth rate ("valued at $200 billion in 2022 and
# set to reach $660 billion by 2030, a CAGR of 16%") tells an industry's size, not a
# company's value, whatever owner its "its" seems to name.
_MARKET_SIZE = compile_rule(r"\b(?:CAGR|compound\s+annual\s+growth\s+rate)\b")
_COMPARED = regex.compile(
    r"\b(?:equivalent|equal|compared|comparable|times|twice)\b", regex.IGNORECASE
)
MARKET_VALUE = (
    GenericRule(
        "market_value",
        compile_rule(rf"""(?P<cue>\b{_VALUE_NOUN})\s+(?:[\w-]+\s+){{0,3}}?(?:of|to|by|at|above|
        below|past|over|near|reached|hit|topped|rose|fell|jumped|climbed|crossed|exceeded)\b"""),
        fallback=True,
        reject_sentence=_MARKET_SIZE,
        # "its market capitalization was equivalent to five times Snap's $26 billion": the
        # amount is another company's
        reject=compile_rule(_COMPARED.pattern),
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
    GenericRule(
        "market_value",
        # "Microsoft overtook Apple as the world's most valuable company": the one passing is
        # the most valuable (the rule above would read the one passed, and is vetoed so)
        compile_rule(r"""(?P<cue>\b(?:overt(?:ook|aken|akes|aking|ake)|pass(?:ed|es|ing)|
        surpass(?:ed|es|ing)?|eclips(?:ed|es|ing|e)|dethron(?:ed|es|ing|e)|unseat(?:ed|s|ing)?|
        toppl(?:ed|es|ing|e)|displac(?:ed|es|ing|e)|leapfrog(?:ged|s|ging)?)\s+(?:[\w.&'-]+\s+)
        {1,4}?as\s+(?:the\s+)?(?:world's\s+|globe's\s+|planet's\s+)?most\s+valuable\s+
        (?:listed\s+|public\s+|publicly[\s-]traded\s+)?(?:company|firm))\b"""),
        confidence=WEAK,
        amount=False,
    ),
)
# Words before a company that make it the one overtaken, not the most valuable one.
_PASSED_BEFORE = regex.compile(
    r"\b(?:pass(?:ed|ing)?|overt(?:ook|aking|aken|ake)|surpass(?:ed|ing)?|eclips(?:ed|ing)|"
    r"dethron(?:ed|ing)|unseat(?:ed|ing)|top(?:ped|ping)|outstrip(?:ped|ping)|than|past|"
    r"toppl(?:e|ed|es|ing)|overt(?:akes)|"
    r"behind|ahead\s+of)\s+(?:rival\s+|the\s+)?$",
    regex.IGNORECASE,
)
# A company with a verb of its own right after it: the subject of a clause of its own.
_VERB_AFTER = regex.compile(
    r"(?:\s*\([^()]{1,20}\))?\s+(?:also\s+|now\s+|still\s+)?(?:has|had|have|is|was|are|were|"
    r"hit|reached|topped|crossed|became|boasts?|sports?|carries|commands?)\b",
    regex.IGNORECASE,
)
_CONTRAST = regex.compile(r";|\b(?:while|whereas|but)\b", regex.IGNORECASE)
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
        elif draft.entity is not None and _other_subject(scan, draft):
            continue
        kept.append(draft)
    return _without_contrasted(scan, kept)


def _other_subject(scan: SentenceScan, draft: Draft) -> bool:
    """Whether the value's company is not the subject of the words that give it: named as
    the one passed ("Microsoft opened as the most valuable company, passing Apple"), or
    followed by another company with a verb of its own ("Meta is near that line, and Nvidia
    has had a market value above $2 trillion")."""
    named = [g for g in scan.groups if g.end <= draft.start and g.entity_type == "company"]
    own = [g for g in named if g.entity_id == draft.entity]
    if not own:
        return False
    last = own[-1]
    if draft.attributes.get("amount") is None and _PASSED_BEFORE.search(
        scan.text, max(scan.sentence.start, last.start - 30), last.start
    ):
        return True
    return any(
        g.start >= last.end and _VERB_AFTER.match(scan.text, g.end, draft.start)
        for g in named
        if g.entity_id != draft.entity
    )


def _without_contrasted(scan: SentenceScan, drafts: list[Draft]) -> list[Draft]:
    """Drop a value given to the company of an earlier value of the sentence across a contrast
    ("The retailer was valued at $90 billion, whereas the phone maker was worth $1 trillion"):
    the clause set against the first is about another company, whom a description names and we
    cannot place."""
    kept: list[Draft] = []
    for draft in drafts:
        amount = draft.attributes.get("amount")
        if amount is not None and any(
            earlier.entity == draft.entity
            and earlier.attributes.get("amount") not in (None, amount)
            and scan.holds(_CONTRAST, earlier.end, draft.start)
            for earlier in kept
        ):
            continue
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


# A market value read from a market-cap figure is as sure as the figure, a little less: the
# figure's own words were not read as an event (set below the strong patterns' 0.8).
_FROM_FIGURE_PENALTY = 0.15


def market_values_of_caps(
    ctx: DocumentContext, figures: list[Event], drafts: list[Draft]
) -> list[Draft]:
    """A `market_value` event for each reported market-cap figure of a company that no
    market-value draft of its sentence tells already ("reached a $1 trillion market
    capitalization" is a figure and an event: what the company is worth). Estimates ("could
    reach a $4 trillion market cap") and figures of no company give none."""
    starts = [s.start for s in ctx.sentences]
    # a sentence whose value words were read already (or vetoed) is left as the rules left it:
    # "Nvidia, which passed Apple, has a market value of $3.3 trillion" is Nvidia's alone
    told = {d.sentence.index for d in drafts if d.type == "market_value"}
    made: list[Draft] = []
    for figure in figures:
        attributes = figure.attributes
        value = attributes.get("value")
        if (
            figure.type != "financial_metric"
            or attributes.get("metric") != "market_cap"
            or attributes.get("is_estimate")
            or figure.entity is None
            or not isinstance(value, float)
        ):
            continue
        sentence = ctx.sentences[max(0, bisect.bisect_right(starts, figure.evidence.start) - 1)]
        if sentence.index in told or _COMPARED.search(sentence.text):
            continue  # "equivalent to five times Snap's $26 billion value": a yardstick
        told.add(sentence.index)
        start, end = next(
            (
                (q.start, q.end)
                for q in ctx.quantities_in(sentence.start, sentence.end)
                if q.kind == "money" and abs(q.value - value) <= 1e-6 * abs(value)
            ),
            (sentence.start, sentence.start + 1),
        )
        summary = SentenceScan(ctx, sentence).summary(sentence.start, end)
        fields = {"summary": summary, "amount": value, "currency": attributes.get("currency")}
        made.append(
            Draft(
                "market_value",
                figure.entity,
                sentence,
                start,
                end,
                GenericEventAttributes.model_validate(fields).model_dump(mode="json"),
                max(0.05, figure.confidence - _FROM_FIGURE_PENALTY),
                "fact",
                (None, value),
            )
        )
    return made
