"""A growth percentage that contradicts its own two amounts.

"Revenue rose 20% to $12 billion from $9 billion": the two amounts make a 33% rise. The check
reads the shapes that state a change together with both ends of it:

  - "rose 20% to $12 billion from $9 billion" / "rose 20% from $9 billion to $12 billion"
  - "a 20% increase to $12 billion from $9 billion"
  - "rose to $12 billion from $9 billion, up 20%" / "... (an increase of 20%)"
  - "rose from $9 billion to $12 billion, a 20% increase" is not read (rare, and the noun may
    belong to something else).

Rounding is allowed for as written: each amount may be off by half of its last digit ("$12
billion" is 11.5 to 12.5) and the percentage by a whole unit of its last digit ("20%" is 19 to
21: writers truncate as often as they round). Only when no reading of the rounded figures gives
the stated change is a conflict reported. Hedged percentages ("more than 20%", "about 20%") and
amounts of different currencies are left alone.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from tickerwire.checks.amounts import Figure, find_figures
from tickerwire.records import Conflict, ConflictValue, Event

UP_VERBS = (
    r"rose|rise|rises|risen|rising|increased|increases|increase|grew|grows|grow|grown|growing|"
    r"jumped|jumps|jump|climbed|climbs|climb|gained|gains|gain|surged|surges|surge|soared|soars|"
    r"advanced|advances|rallied|rallies|expanded|expands|improved|improves|up|higher"
)
DOWN_VERBS = (
    r"fell|falls|fall|fallen|falling|declined|declines|decline|dropped|drops|drop|decreased|"
    r"decreases|decrease|slid|slides|slipped|slips|sank|sinks|plunged|plunges|plummeted|"
    r"tumbled|tumbles|shrank|shrinks|shrunk|contracted|contracts|slumped|slumps|eased|eases|"
    r"dipped|dips|retreated|down|lower"
)
UP_NOUNS = r"increase|rise|gain|jump|growth|surge|climb|advance|improvement"
DOWN_NOUNS = r"decline|drop|decrease|fall|slide|slump|plunge|contraction|reduction"
# A hedged percentage states a bound or an approximation, not a figure to check.
PERCENT_HEDGES = (
    r"about|around|roughly|approximately|nearly|almost|some|more\sthan|over|less\sthan|under|"
    r"at\sleast|close\sto|just\sover|just\sunder|up\sto|as\smuch\sas|~"
)
# Four-digit whole numbers in this range are read as years ("up 20% from 2023"), never amounts.
_YEAR_RANGE = (1900, 2100)

_VERB_BEFORE_PERCENT = regex.compile(
    rf"\b(?:(?P<up>{UP_VERBS})|(?P<down>{DOWN_VERBS}))\s+(?:by\s+)?(?P<hedge>(?:{PERCENT_HEDGES})\s+)?$",
    regex.IGNORECASE,
)
_NOUN_AFTER_PERCENT = regex.compile(
    rf"^\s+(?:(?:year-on-year|year-over-year|annual|sequential|quarterly)\s+)?"
    rf"(?:(?P<up>{UP_NOUNS})|(?P<down>{DOWN_NOUNS}))\s+(?P<word>to|from)\s+$",
    regex.IGNORECASE,
)
_HEDGE_BEFORE_PERCENT = regex.compile(rf"\b(?:{PERCENT_HEDGES})\s+$", regex.IGNORECASE)
_VERB_BEFORE_AMOUNT = regex.compile(
    rf"\b(?:(?P<up>{UP_VERBS})|(?P<down>{DOWN_VERBS}))\s+to\s+$", regex.IGNORECASE
)
_TO_OR_FROM = regex.compile(r"^,?\s+(to|from)\s+$", regex.IGNORECASE)
_LEADS_TO_AMOUNTS = regex.compile(r"\b(?:to|from)\s+$", regex.IGNORECASE)
_TO = regex.compile(r"^,?\s+to\s+$", regex.IGNORECASE)
_FROM = regex.compile(r"^,?\s+from\s+$", regex.IGNORECASE)
_TRAILING_CHANGE = regex.compile(
    rf"^\s*[,(]?\s*(?:(?P<up>up)|(?P<down>down)|(?:an?\s+)?(?:(?P<upn>{UP_NOUNS})|"
    rf"(?P<downn>{DOWN_NOUNS}))\s+of)\s+$",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class GrowthClaim:
    """A stated change and the two amounts it runs between, as written."""

    change: Figure  # the percentage (unit "%") or points ("pts")
    sign: int  # +1 for a rise, -1 for a fall
    start_amount: Figure
    end_amount: Figure
    quote: str
    start: int


def _is_year(figure: Figure) -> bool:
    bare = figure.text.strip()
    return (
        figure.currency is None
        and not figure.scaled
        and bare.isdigit()
        and len(bare) == 4
        and _YEAR_RANGE[0] <= int(bare) <= _YEAR_RANGE[1]
    )


def _is_amount(figure: Figure) -> bool:
    return figure.currency != "pts" and not _is_year(figure)


def _sign(match: regex.Match[str]) -> int:
    groups = match.groupdict()
    return 1 if groups.get("up") or groups.get("upn") else -1


def _harmonise(a: Figure, b: Figure) -> tuple[Figure, Figure] | None:
    """Give a bare amount the currency and scale of its partner ("from 9 to 12 billion yuan").

    None when the two cannot be compared (different currencies, a percentage and money, or a
    bare number that the partner's scale would make more than ten times apart from it).
    """
    if a.currency != b.currency:
        if a.currency is None and b.currency not in ("%", "pts"):
            a = replace(a, currency=b.currency)
        elif b.currency is None and a.currency not in ("%", "pts"):
            b = replace(b, currency=a.currency)
        else:
            return None
    if a.scaled == b.scaled:
        return a, b
    bare, other = (a, b) if not a.scaled else (b, a)
    if not 0.1 <= bare.value * other.scale / other.value <= 10:
        return None
    scaled = replace(
        bare,
        value=bare.value * other.scale,
        half_unit=bare.half_unit * other.scale,
        scale=other.scale,
    )
    return (scaled, other) if bare is a else (other, scaled)


def find_growth_claims(text: str, figures: Sequence[Figure] | None = None) -> list[GrowthClaim]:
    """Every stated change in `text` that names both the amount before and the amount after."""
    if figures is None:
        figures = find_figures(text)
    claims: list[GrowthClaim] = []
    for i, figure in enumerate(figures):
        if figure.currency not in ("%", "pts"):
            continue
        claim = _claim_led_by_change(text, figures, i) or _claim_ending_in_change(text, figures, i)
        if claim is not None:
            claims.append(claim)
    return claims


def _between(text: str, left: Figure, right: Figure) -> str:
    return text[left.end : right.start]


def _claim_led_by_change(text: str, figures: Sequence[Figure], i: int) -> GrowthClaim | None:
    """ "rose 20% to X from Y", "rose 20% from Y to X", "a 20% increase to X from Y"."""
    if i + 2 >= len(figures):
        return None
    change, first, second = figures[i], figures[i + 1], figures[i + 2]
    gap = _between(text, change, first)
    if len(gap) > 40 or not _LEADS_TO_AMOUNTS.search(gap):
        return None  # cheap test first: most percentages are not followed by "to"/"from"
    before = text[max(0, change.start - 60) : change.start]
    verb = _VERB_BEFORE_PERCENT.search(before)
    noun = _NOUN_AFTER_PERCENT.match(gap)
    if verb is not None:
        if verb.group("hedge"):
            return None
        word = _TO_OR_FROM.match(gap)
        if word is None:
            return None
        sign, first_word = _sign(verb), word.group(1).casefold()
        lead = change.start - len(before) + verb.start()
    elif noun is not None:
        if _HEDGE_BEFORE_PERCENT.search(before):
            return None
        sign, first_word, lead = _sign(noun), noun.group("word").casefold(), change.start
    else:
        return None
    link = _between(text, first, second)
    if first_word == "to" and _FROM.match(link):
        end_amount, start_amount = first, second
    elif first_word == "from" and _TO.match(link):
        start_amount, end_amount = first, second
    else:
        return None
    return _make_claim(text, change, sign, start_amount, end_amount, lead, second.end)


def _claim_ending_in_change(text: str, figures: Sequence[Figure], i: int) -> GrowthClaim | None:
    """ "rose to X from Y, up 20%" and "rose to X from Y (an increase of 20%)"."""
    if i < 2:
        return None
    end_amount, start_amount, change = figures[i - 2], figures[i - 1], figures[i]
    if not _FROM.match(_between(text, end_amount, start_amount)):
        return None
    trailing = _TRAILING_CHANGE.match(_between(text, start_amount, change))
    if trailing is None:
        return None
    before = text[max(0, end_amount.start - 40) : end_amount.start]
    verb = _VERB_BEFORE_AMOUNT.search(before)
    if verb is None or _sign(verb) != _sign(trailing):
        return None
    lead = end_amount.start - len(before) + verb.start()
    return _make_claim(text, change, _sign(trailing), start_amount, end_amount, lead, change.end)


def _make_claim(
    text: str,
    change: Figure,
    sign: int,
    start_amount: Figure,
    end_amount: Figure,
    lead: int,
    stop: int,
) -> GrowthClaim | None:
    if not (_is_amount(start_amount) and _is_amount(end_amount)):
        return None
    pair = _harmonise(start_amount, end_amount)
    if pair is None:
        return None
    start_amount, end_amount = pair
    return GrowthClaim(change, sign, start_amount, end_amount, text[lead:stop], lead)


def _interval_ratio_pct(start: Figure, end: Figure) -> tuple[float, float] | None:
    """The range of the percentage change from `start` to `end` that their rounding allows."""
    low_start, high_start = start.value - start.half_unit, start.value + start.half_unit
    if low_start <= 0:
        return None
    low_end, high_end = end.value - end.half_unit, end.value + end.half_unit
    return (low_end / high_start - 1) * 100, (high_end / low_start - 1) * 100


def _interval_difference(start: Figure, end: Figure) -> tuple[float, float]:
    spread = start.half_unit + end.half_unit
    difference = end.value - start.value
    return difference - spread, difference + spread


def implied_ranges(claim: GrowthClaim) -> list[tuple[float, float]]:
    """Every range the amounts allow for the stated change (two readings for "45% from 43%")."""
    start, end = claim.start_amount, claim.end_amount
    if claim.change.currency == "pts":
        # Points are a difference: of two percentages, or of two index levels. Never of money.
        return [_interval_difference(start, end)] if start.currency in ("%", None) else []
    ranges = []
    ratio = _interval_ratio_pct(start, end)
    if ratio is not None:
        ranges.append(ratio)
    if start.currency == "%":
        # "the margin rose 2% to 45% from 43%": writers say % for points too; accept either.
        ranges.append(_interval_difference(start, end))
    return ranges


def _stated_range(claim: GrowthClaim) -> tuple[float, float]:
    change = claim.change
    # A whole unit of the last digit: "20%" may be a truncated 20.9%.
    low, high = change.value - 2 * change.half_unit, change.value + 2 * change.half_unit
    return (low, high) if claim.sign > 0 else (-high, -low)


def _format_amount(figure: Figure) -> str:
    return figure.text.strip()


def check_growth_claim(claim: GrowthClaim, article_id: str | None = None) -> Conflict | None:
    """A Conflict when no rounding of the amounts gives the stated change, else None."""
    ranges = implied_ranges(claim)
    if not ranges:
        return None
    low, high = _stated_range(claim)
    if any(r_low <= high and low <= r_high for r_low, r_high in ranges):
        return None
    start, end = claim.start_amount, claim.end_amount
    unit = "points" if claim.change.currency == "pts" else "%"
    actual = end.value - start.value if unit == "points" else (end.value / start.value - 1) * 100
    stated = claim.sign * claim.change.value
    moved = "rise" if actual >= 0 else "fall"
    said = "rise" if stated >= 0 else "fall"
    actual_text = f"{abs(actual):.1f}{'%' if unit == '%' else ' points'}"
    stated_text = f"{abs(stated):g}{'%' if unit == '%' else ' points'}"
    why = (
        f"a move from {_format_amount(start)} to {_format_amount(end)} is a {moved} of "
        f"{actual_text}, not a {said} of {stated_text}"
    )
    return Conflict(
        field="change_pct",
        values=[
            ConflictValue(
                article=article_id,
                value={
                    "change_pct": stated,
                    "from": start.value,
                    "to": end.value,
                    "implied_change_pct": round(actual, 2),
                },
                evidence=claim.quote,
            )
        ],
        why=why,
    )


_FROM_AFTER_PERCENT = regex.compile(
    r"^,?\s+(?:(?:year[- ]over[- ]year|year[- ]on[- ]year|y/y|yoy)\s+)?from\s+$", regex.IGNORECASE
)


def _event_claims(
    events: Sequence[Event], text: str, figures: Sequence[Figure]
) -> list[GrowthClaim]:
    """Changes whose end amount only the event knows: "EPS of $1.45 ... climbed 124% from $0.49".

    The text gives the percentage and the amount it started from; the financial_metric event
    that covers the sentence gives the amount reached (its `value`) and the change (its
    `change_pct`). The reached amount must be written earlier in the same evidence, so that the
    check compares figures of one sentence, never an extractor's guess with another sentence.
    """
    claims: list[GrowthClaim] = []
    for event in events:
        attributes = event.attributes
        value, change_pct = attributes.get("value"), attributes.get("change_pct")
        if event.type != "financial_metric" or value is None or change_pct is None:
            continue
        inside = [
            f for f in figures if event.evidence.start <= f.start and f.end <= event.evidence.end
        ]
        for position, change in enumerate(inside[:-1]):
            start_amount = inside[position + 1]
            if change.currency != "%" or abs(change.value - abs(float(change_pct))) > 1e-9:
                continue
            if not _FROM_AFTER_PERCENT.match(_between(text, change, start_amount)):
                continue
            reached = [
                f
                for f in inside[:position]
                if f.currency == attributes.get("currency") and math.isclose(f.value, float(value))
            ]
            if not reached or _HEDGE_BEFORE_PERCENT.search(
                text[max(0, change.start - 20) : change.start]
            ):
                continue
            end_amount = reached[-1]
            pair = _harmonise(start_amount, end_amount)
            if pair is None or not _is_amount(start_amount):
                continue
            sign = 1 if float(change_pct) >= 0 else -1
            claims.append(
                GrowthClaim(
                    change,
                    sign,
                    pair[0],
                    pair[1],
                    text[end_amount.start : start_amount.end],
                    end_amount.start,
                )
            )
    return claims


def check_growth(
    events: Sequence[Event],
    text: str,
    article_id: str | None = None,
    figures: Sequence[Figure] | None = None,
) -> list[Conflict]:
    """Conflicts for every change in the article that its own two amounts contradict."""
    if figures is None:
        figures = find_figures(text)
    claims = find_growth_claims(text, figures)
    covered = {claim.change.start for claim in claims}
    claims += [c for c in _event_claims(events, text, figures) if c.change.start not in covered]
    conflicts: list[Conflict] = []
    for claim in claims:
        conflict = check_growth_claim(claim, article_id)
        if conflict is None:
            continue
        entity = next(
            (
                e.entity
                for e in events
                if e.entity and e.evidence.start <= claim.start < e.evidence.end
            ),
            None,
        )
        conflicts.append(conflict.model_copy(update={"entity": entity}))
    return conflicts
