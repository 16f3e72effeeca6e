"""The shared shape of a pattern-found event: a rule, its match, and the draft it makes.

Most event types are "a company did X (to/with Y)": a cue verb or noun in a structural pattern,
an actor (the clause's subject), a counterpart phrase, an amount. `GenericRule` holds such a
pattern with its confidence and how to read the counterpart; `generic_drafts` applies a list of
rules to one sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tickerwire.extract.events.drafts import Draft
from tickerwire.extract.events.scan import REFERENCE_PENALTY, Actor, SentenceScan
from tickerwire.extract.quantities import Quantity
from tickerwire.records import FactLevel, GenericEventAttributes

# Base confidence of an event read from a cue in its structural pattern with a named actor;
# weak patterns (a noun phrase without a verb) start lower. Set by reading the seed and FNSPID
# outputs: strong patterns were right nearly always, noun phrases about three times in four.
STRONG = 0.8
WEAK = 0.65
HEDGED_PENALTY = 0.05  # a plan or a possibility is less certain than a fact told
MIN_WORDS = 4  # shorter lines are headings or list items, not sentences that tell an event
NEAR_REACH = 80  # characters around a cue in which a rule's `near` words must stand

CounterpartRole = str  # "partner", "target", "authority", "product", or ""


@dataclass(frozen=True)
class GenericRule:
    """One pattern of one event type.

    `pattern` has a group `cue` (where the event is told) and may have `obj` (the counterpart
    phrase). `actor_types` are the entity types that can do the event (empty: no actor needed);
    `fallback` lets a sentence without a named actor take the paragraph's or article's company.
    `reject` vetoes a match whose object or clause is something else ("dividend policy").
    """

    event_type: str
    pattern: regex.Pattern[str]
    confidence: float = STRONG
    role: CounterpartRole = ""
    actor_types: tuple[str, ...] = ("company",)
    fallback: bool = False
    require_actor: bool = True
    amount: bool = True
    reject: regex.Pattern[str] | None = None
    fact_level: FactLevel | None = None  # fixed level ("guidance" is a forecast), else read
    skip_hedged: bool = False  # "could mitigate supply chain risks": a possibility, not an event
    near: regex.Pattern[str] | None = None  # words that must stand within NEAR_REACH of the cue
    anchors: tuple[tuple[str, ...], ...] = ()  # strings (lower case) the sentence must hold
    # vetoes a match anywhere in its sentence ("the jobs report showed layoffs rose": a statistic)
    reject_sentence: regex.Pattern[str] | None = None
    # a cue this matches whole tells a habit unless the clause gives an amount ("let them grow
    # and pay dividends for decades" describes companies; "pays a $0.25 dividend" is news)
    habitual: regex.Pattern[str] | None = None
    # words that make the whole sentence a forecast ("Economists expect the jobless rate rose
    # to 3.8%": a figure awaited, told in the past tense of the data it predicts)
    forecast_sentence: regex.Pattern[str] | None = None


# Acts told with a year long past, or as the time of something else, are background.
_DATED_ACTS = frozenset({"product_launch", "listing", "acquisition", "partnership", "management"})


def compile_rule(pattern: str) -> regex.Pattern[str]:
    """Compile a rule pattern (verbose, case-insensitive).

    A pattern without case-sensitive parts is compiled in lower case without IGNORECASE and is
    read on the lower-cased text (`SentenceScan.source`): the engine runs long alternations of
    words several times faster so. One with `(?-i:...)` parts is read on the text itself.
    """
    if "(?-i:" in pattern:
        return regex.compile(pattern, regex.VERBOSE | regex.IGNORECASE)
    assert not regex.search(r"\\[A-Z]", pattern), "upper-case escapes change when lower-cased"
    lowered = pattern.lower().replace("(?p<", "(?P<").replace("(?p=", "(?P=")
    return regex.compile(lowered, regex.VERBOSE)


def generic_drafts(scan: SentenceScan, rules: tuple[GenericRule, ...]) -> list[Draft]:
    """The drafts that `rules` find in the scanned sentence.

    One event per cue, and one per clause of a type unless they name different counterparts
    ("unveiled new subsidies" is one policy however many of its words a rule reads; "open-
    sourced model A and launched model B" are two launches).
    """
    drafts: list[Draft] = []
    taken: list[tuple[int, int]] = []
    clauses: list[tuple[str, int, str | None]] = []
    for rule in rules:
        if rule.anchors and not scan.has_words(rule.anchors):
            continue
        if not scan.may_match(rule.pattern):
            continue  # most cued sentences hold none of the words the pattern needs
        for match in scan.finditer(rule.pattern):
            cue_start, cue_end = match.span("cue")
            if any(s < cue_end and cue_start < e for s, e in taken):
                continue
            draft = _draft(scan, rule, match)
            if draft is None:
                continue
            clause = scan.clause_start(cue_start)
            counterpart = draft.key[0]
            if any(
                t == draft.type and c == clause and (o is None or counterpart in (None, o))
                for t, c, o in clauses
            ):
                continue
            drafts.append(draft)
            taken.append((cue_start, cue_end))
            clauses.append((draft.type, clause, counterpart))
    return drafts


def _draft(scan: SentenceScan, rule: GenericRule, match: regex.Match[str]) -> Draft | None:
    cue_start, cue_end = match.span("cue")
    obj_start, obj_end = _object_span(match)
    if rule.reject is not None:
        reject_start = scan.clause_start(cue_start)
        reject_end = max(cue_end, obj_end, match.end())
        if scan.holds(rule.reject, reject_start, reject_end):
            return None
    if rule.reject_sentence is not None and scan.holds(rule.reject_sentence):
        return None
    if rule.near is not None:
        near_start = max(scan.sentence.start, cue_start - NEAR_REACH)
        near_end = min(scan.sentence.end, cue_end + NEAR_REACH)
        if not scan.holds(rule.near, near_start, near_end):
            return None
    if scan.negated(cue_start) or scan.conditional(cue_start):
        return None
    if len(scan.sentence.text.split()) < MIN_WORDS:
        return None  # a heading ("IPOs", "Dividends") tells no event
    if rule.event_type in _DATED_ACTS and (
        scan.past_reference(cue_start) or scan.historic(cue_start)
    ):
        return None  # "since the phone launched in 2007": background, not news
    actor: Actor | None = None
    if rule.actor_types:
        actor = scan.actor(cue_start, rule.actor_types, fallback=rule.fallback)
        if (
            actor is not None
            and actor.entity_type == "person"
            and _COUNSEL.match(scan.text, actor.end)
        ):
            actor = None  # "Jane Roe, a lawyer for the buyers, said ...": counsel is no party
        if actor is None and "company" in rule.actor_types and " to " not in match.group("cue"):
            # not "Alibaba's efforts to develop ...": a plan told as a noun is no act done
            actor = _possessor_actor(scan, cue_start)
        if "company" in rule.actor_types and (
            actor is None or actor.entity_type != "company" or actor.start < 0
        ):
            # "Elon Musk's $56 billion Tesla pay package": the company naming the act's noun
            # is its party, not the person who owns the phrase
            actor = _modifier_company(scan, cue_start) or actor
        if actor is None and rule.require_actor:
            return None
        if actor is not None and scan.paired_elsewhere(cue_start, actor):
            return None
    counterpart = None
    if (
        rule.role == "product"
        and obj_start >= 0
        and _VERB_FIRST.match(scan.lowered_text, obj_start)
    ):
        return None  # "other product releases could spur growth": a noun, and no product
    if rule.role and obj_start >= 0:
        counterpart = _counterpart(scan, rule.role, obj_start, obj_end, actor)
        if counterpart is None and rule.role in ("partner", "target"):
            return None  # a deal or a purchase needs someone on the other side
        if (
            rule.role == "product"
            and counterpart is not None
            and counterpart.lower() in _NO_PRODUCT
        ):
            return None  # "wait for the launch of the latest version": of nothing named
    per_share = None if rule.event_type == "dividend" else False  # a dividend is per share
    amount = (
        _own_amount(scan, rule.event_type, cue_start, cue_end, per_share) if rule.amount else None
    )
    if amount is None and rule.habitual is not None:
        modal = _MODAL_BEFORE.search(scan.lowered_text, max(0, cue_start - 8), cue_start)
        if modal is None and rule.habitual.fullmatch(scan.lowered_text, cue_start, cue_end):
            return None
    hedged = scan.hedged(cue_start)
    if hedged and rule.skip_hedged:
        return None
    if rule.forecast_sentence is not None and scan.holds(rule.forecast_sentence):
        hedged = True
    fact_level: FactLevel = rule.fact_level or ("forecast" if hedged else "fact")
    confidence = rule.confidence - (actor.penalty if actor else 0.0)
    if hedged:
        confidence -= HEDGED_PENALTY
    clause = scan.clause_start(cue_start)
    if match.start() < cue_start:
        summary_start = max(clause, match.start())  # the pattern's own words lead the event
    else:
        summary_start = actor.start if actor is not None and 0 <= actor.start < cue_start else -1
        summary_start = max(summary_start, clause)
        if (
            actor is None
            and _PARTICIPLE.match(scan.text, cue_start, cue_end)
            and "," in scan.text[summary_start:cue_start]
        ):
            summary_start = cue_start  # "their shares surging 15%, adding $280 billion": the act
    fields: dict[str, object] = {
        "summary": scan.summary(summary_start, max(cue_end, obj_end)),
        "amount": amount.value if amount is not None else None,
        "currency": amount.currency if amount is not None else None,
    }
    if rule.role and counterpart:
        fields[rule.role] = counterpart
    attributes = GenericEventAttributes.model_validate(fields).model_dump(mode="json")
    key = (counterpart.lower() if counterpart else None, attributes["amount"])
    return Draft(
        rule.event_type,
        actor.entity_id if actor is not None else None,
        scan.sentence,
        cue_start,
        cue_end,
        attributes,
        confidence,
        fact_level,
        key,
    )


# The head nouns of the acts that often share a sentence ("a dividend and a $50 billion stock
# buyback"): an amount written before one of them is that act's, not every act's of its clause.
_AMOUNT_HEADS = {
    "dividend": regex.compile(r"dividends?|payouts?"),
    "buyback": regex.compile(r"buy-?backs?|repurchases?"),
    "acquisition": regex.compile(r"acquisitions?|takeovers?|buyouts?|bids?|offers?"),
}
_HEAD_AFTER_AMOUNT = regex.compile(
    r"\s*(?:(?:in|of|worth\s+of)\s+)?(?:(?:share|stock|cash|all-cash|special|quarterly|annual|"
    r"new|additional|open-market|accelerated)\s+){0,3}(?P<head>[a-z-]+)",
)


# "a writedown of 21.6 mln dlrs", "a charge of $2 billion": a figure of the accounts, not of
# the act the clause tells
_RESULT_HEAD_BEFORE = regex.compile(
    r"\b(?:write-?downs?|write-?offs?|charges?|impairments?|provisions?|losses|loss|profits?|"
    r"revenues?|sales|earnings|income)\s+of\s+(?:about\s+|nearly\s+|some\s+)?$"
)


def _own_amount(
    scan: SentenceScan, event_type: str, cue_start: int, cue_end: int, per_share: bool | None
) -> Quantity | None:
    """The first amount of money of the act's clause that is not another act's: "a first
    dividend along with a $20 billion share buyback" gives the dividend no amount."""
    stop = scan.clause_end(cue_end)
    while True:
        amount = scan.money_in(cue_start, stop, per_share)
        if amount is None:
            return None
        head = _HEAD_AFTER_AMOUNT.match(scan.lowered_text, amount.end, stop)
        foreign = head is not None and any(
            other != event_type and pattern.fullmatch(head.group("head"))
            for other, pattern in _AMOUNT_HEADS.items()
        )
        # a forecast's own figure is "revenue of $5 billion": only other acts lose theirs so
        of_the_accounts = event_type != "guidance" and _RESULT_HEAD_BEFORE.search(
            scan.lowered_text, max(scan.sentence.start, amount.start - 30), amount.start
        )
        if not foreign and not of_the_accounts:
            return amount
        cue_start = amount.end


# Launch objects that name no product once "the latest", "a new" are cut off.
_NO_PRODUCT = frozenset({"version", "versions", "update", "updates", "edition", "editions", "one"})
_PARTICIPLE = regex.compile(r"[a-z]+ing\b")
_COUNSEL = regex.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,2}?(?:lawyer|attorney|counsel)\b", regex.IGNORECASE
)


def _possessor_actor(scan: SentenceScan, cue_start: int) -> Actor | None:
    """The owner of an act told as a noun: "its announced acquisition of X", "Meta's
    partnership with Y" (the possessor does the act, whoever the clause's subject is)."""
    found = scan.possessor_at(cue_start)
    if found is None:
        return None
    owner, start = found
    return Actor(owner, start, cue_start, "company", REFERENCE_PENALTY)


# "it would pay dividends to foreign holders": a decision told ahead, not a habit
_MODAL_BEFORE = regex.compile(r"\b(?:will|would|to)\s+$")


def _modifier_company(scan: SentenceScan, cue_start: int) -> Actor | None:
    """A company named right before a cue noun ("Tesla pay package")."""
    for group in scan.groups:
        if (
            group.entity_type == "company"
            and cue_start - group.end == 1
            and scan.text[group.end].isspace()
        ):
            return Actor(group.entity_id, group.start, group.end, "company")
    return None


def _object_span(match: regex.Match[str]) -> tuple[int, int]:
    if "obj" in match.groupdict() and match.group("obj"):
        return match.span("obj")
    return -1, -1


_OBJECT_LEAD = regex.compile(
    r"(?:(?:the|a|an|its|their|his|her|new|first|first-ever|latest|own|flagship|next-generation|"
    r"two|several|some)\s+)*",
    regex.IGNORECASE,
)
_NOT_AN_OBJECT = regex.compile(
    r"(?:in|on|at|during|that|this|last|next|earlier|later|for|to|with|since|\d{4})\b"
)
# "other product releases could spur growth": the cue was a noun and a verb follows, no product
_VERB_FIRST = regex.compile(
    r"(?:could|would|will|may|might|should|can|must|is|are|was|were|has|have|had|does|did)\b"
)
_OBJECT_CUT = regex.compile(
    r"\s+(?:to|for|in|on|at|that|which|who|with|as|after|based|across|amid|from|by|into|"
    r"and\s+(?:said|announced|reported)|while|since|this|next|last)\b|[,;:(]|\.(?=\s|$)",
    regex.IGNORECASE,
)


def _counterpart(
    scan: SentenceScan, role: str, start: int, end: int, actor: Actor | None
) -> str | None:
    """The partner, target, authority or product a phrase names."""
    if role == "product":
        lead = _OBJECT_LEAD.match(scan.text, start, end)
        begin = lead.end() if lead is not None else start
        if _NOT_AN_OBJECT.match(scan.lowered_text, begin, end):
            return None  # "debuted that same year", "was launched in the country"
        cut = _OBJECT_CUT.search(scan.text, begin, end)
        stop = cut.start() if cut is not None else end
        phrase = " ".join(scan.ctx.original[begin:stop].split()).strip(" .,'\"")
        words = phrase.split(" ")
        return " ".join(words[:8]) if phrase else None
    actor_id = actor.entity_id if actor is not None else None
    if role == "authority":
        group = scan.group_after(start, end, ("government", "organization", "company", "person"))
        if group is not None:
            return scan.entity_name(group.entity_id)
        phrase = " ".join(scan.ctx.original[start:end].split())
        return regex.sub(r"^(?:the|a|an)\s+", "", phrase, flags=regex.IGNORECASE) or None
    parties = ("company", "organization", "government", "person")
    for group in scan.groups:
        if (
            start <= group.start < min(end, start + 40)
            and group.entity_id != actor_id
            and group.entity_type in parties
        ):
            return scan.entity_name(group.entity_id)
    if role in ("partner", "target"):
        back = regex.match(
            r"(?:the|this|that)\s+(?:[\w-]+\s+){0,2}?(?:company|firm|group|giant|maker|pioneer|"
            r"carmaker|automaker|chipmaker|retailer|startup|start-up|platform)\b",
            scan.text[start:end],
            regex.IGNORECASE,
        )
        if back is not None:
            for earlier in reversed(scan.groups):
                if (
                    earlier.end <= start
                    and earlier.entity_type == "company"
                    and earlier.entity_id != actor_id
                ):
                    return scan.entity_name(earlier.entity_id)
            previous = scan.company_before(scan.sentence.start)
            if previous is not None and previous.entity_id != actor_id:
                return scan.entity_name(previous.entity_id)
            return None
    name = scan.name_at(start, end)
    if name is not None and role in ("partner", "target") and name.lower() in _NOT_PARTIES:
        return None
    return name


_NOT_PARTIES = frozenset(
    {"the", "a", "an", "its", "their", "his", "her", "i", "we", "it", "ai", "us", "u.s", "china"}
)
