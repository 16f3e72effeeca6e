"""A reported level and change that cannot both hold.

"The Hang Seng rose 400 points, or 1.6%, to 25,829" implies a previous level of 25,429, and
400 / 25,429 = 1.57%: consistent. "rose 400 points, or 2.5%, to 25,829" is not. The same
arithmetic holds for a share price ("rose $4.50, or 3.1%, to $150.20"), so both are read.

Shapes read:
  - "rose 400 points, or 1.6%, to 25,829" (also "(1.6%)", "to close at", "at")
  - "closed at 25,829, up 400 points, or 1.6%" (also "(1.6%)")
A change given with a previous level ("rose 1.6% to 25,829 from 25,429") is the growth check's.

Rounding as in the growth check: the points and the level may be off by half of their last digit,
the percentage by a whole unit of its last digit ("1.6%" may be a truncated 1.69%).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import product

import regex

from tickerwire.checks.amounts import Figure, find_figures
from tickerwire.checks.growth import DOWN_VERBS, PERCENT_HEDGES, UP_VERBS
from tickerwire.records import Conflict, ConflictValue, Event

_VERB_BEFORE_CHANGE = regex.compile(
    rf"\b(?:(?P<up>{UP_VERBS}|added|adds|gained)|(?P<down>{DOWN_VERBS}|lost|loses|shed|sheds))"
    rf"\s+(?:by\s+)?(?P<hedge>(?:{PERCENT_HEDGES})\s+)?$",
    regex.IGNORECASE,
)
# Between the change and its percentage: ", or 1.6%" / " or 1.6%" / " (1.6%" / ", 1.6%".
_CHANGE_TO_PERCENT = regex.compile(r"^(?:,?\s+or\s+|\s*\(\s*|,\s+)$", regex.IGNORECASE)
_PERCENT_TO_LEVEL = regex.compile(
    r"^\)?,?\s+(?:to|at)\s+(?:(?:close|end|finish|settle)\s+at\s+)?$", regex.IGNORECASE
)
_LEVEL_TO_CHANGE = regex.compile(r"^,?\s+(?:(?P<up>up)|(?P<down>down))\s+$", regex.IGNORECASE)
_LEVEL_LEAD = regex.compile(
    r"\b(?:closed|ended|finished|settled|stood|was|were)\s+(?:the\s+day\s+)?at\s+$",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class MoveClaim:
    """A change in points (or money), its percentage and the level it ended at, as written."""

    change: Figure
    percent: Figure
    level: Figure
    sign: int
    quote: str
    start: int


def _compatible(change: Figure, level: Figure) -> bool:
    """Points go with a bare level; money with money of the same currency."""
    if change.currency in ("pts", None):
        return level.currency is None and not level.scaled
    # "$4 million, or 2%, to $204 million": both scaled alike, or the arithmetic is meaningless.
    return (
        change.currency == level.currency
        and change.currency != "%"
        and change.scaled == level.scaled
    )


def find_move_claims(text: str, figures: Sequence[Figure] | None = None) -> list[MoveClaim]:
    """Every change given in points (or money) with its percentage and the level reached."""
    if figures is None:
        figures = find_figures(text)
    claims: list[MoveClaim] = []
    for i in range(len(figures) - 2):
        claim = _change_first(text, figures, i) or _level_first(text, figures, i)
        if claim is not None:
            claims.append(claim)
    return claims


def _change_first(text: str, figures: Sequence[Figure], i: int) -> MoveClaim | None:
    change, percent, level = figures[i], figures[i + 1], figures[i + 2]
    if percent.currency != "%" or not _compatible(change, level):
        return None
    if not _CHANGE_TO_PERCENT.match(text[change.end : percent.start]):
        return None
    if not _PERCENT_TO_LEVEL.match(text[percent.end : level.start]):
        return None
    before = text[max(0, change.start - 40) : change.start]
    verb = _VERB_BEFORE_CHANGE.search(before)
    if verb is None or verb.group("hedge"):
        return None
    lead = change.start - len(before) + verb.start()
    sign = 1 if verb.group("up") else -1
    return MoveClaim(change, percent, level, sign, text[lead : level.end], lead)


def _level_first(text: str, figures: Sequence[Figure], i: int) -> MoveClaim | None:
    level, change, percent = figures[i], figures[i + 1], figures[i + 2]
    if percent.currency != "%" or not _compatible(change, level):
        return None
    direction = _LEVEL_TO_CHANGE.match(text[level.end : change.start])
    if direction is None or not _CHANGE_TO_PERCENT.match(text[change.end : percent.start]):
        return None
    before = text[max(0, level.start - 40) : level.start]
    lead_match = _LEVEL_LEAD.search(before)
    if lead_match is None:
        return None
    lead = level.start - len(before) + lead_match.start()
    stop = percent.end + (1 if text[percent.end : percent.end + 1] == ")" else 0)
    sign = 1 if direction.group("up") else -1
    return MoveClaim(change, percent, level, sign, text[lead:stop], lead)


def implied_percent_range(claim: MoveClaim) -> tuple[float, float] | None:
    """The range of the percentage change that the rounded change and level allow."""
    values = []
    for change, level in product(
        (claim.change.value - claim.change.half_unit, claim.change.value + claim.change.half_unit),
        (claim.level.value - claim.level.half_unit, claim.level.value + claim.level.half_unit),
    ):
        previous = level - claim.sign * change
        if previous <= 0 or change < 0:
            return None
        values.append(claim.sign * change / previous * 100)
    return min(values), max(values)


def check_move_claim(claim: MoveClaim, article_id: str | None = None) -> Conflict | None:
    """A Conflict when the change, its percentage and the level cannot all hold, else None."""
    implied = implied_percent_range(claim)
    if implied is None:
        return None
    stated = claim.sign * claim.percent.value
    spread = 2 * claim.percent.half_unit  # a whole unit of the last digit
    if implied[0] <= stated + spread and stated - spread <= implied[1]:
        return None
    previous = claim.level.value - claim.sign * claim.change.value
    actual = claim.sign * claim.change.value / previous * 100
    moved = "rise" if claim.sign > 0 else "fall"
    change_text = claim.change.text.strip()
    why = (
        f"a {moved} of {change_text} to {claim.level.text.strip()} means a previous level of "
        f"{previous:,.{_decimals(claim.level)}f} and a {moved} of {abs(actual):.2f}%, "
        f"not {claim.percent.value:g}%"
    )
    return Conflict(
        field="change_pct",
        values=[
            ConflictValue(
                article=article_id,
                value={
                    "change_pct": stated,
                    "change": claim.sign * claim.change.value,
                    "level": claim.level.value,
                    "implied_previous": round(previous, 4),
                    "implied_change_pct": round(actual, 3),
                },
                evidence=claim.quote,
            )
        ],
        why=why,
    )


def _decimals(figure: Figure) -> int:
    written = figure.text.strip()
    return len(written.split(".", 1)[1].rstrip("%")) if "." in written else 0


def check_index_levels(
    events: Sequence[Event],
    text: str,
    article_id: str | None = None,
    figures: Sequence[Figure] | None = None,
) -> list[Conflict]:
    """Conflicts for every change, percentage and level in the article that disagree."""
    conflicts: list[Conflict] = []
    for claim in find_move_claims(text, figures):
        conflict = check_move_claim(claim, article_id)
        if conflict is None:
            continue
        entity = next(
            (
                e.entity
                for e in events
                if e.entity
                and e.type in ("index_move", "price_move")
                and e.evidence.start <= claim.start < e.evidence.end
            ),
            None,
        )
        conflicts.append(conflict.model_copy(update={"entity": entity}))
    return conflicts
