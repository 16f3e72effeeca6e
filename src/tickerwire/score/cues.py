"""The rules that turn a sentence's units into cues of tone.

Tone comes from:

- polar phrases ("beat estimates" +, "bankruptcy" -);
- a direction acting on a quantity: "operating loss widened" is up x bad = negative, "costs
  decreased" down x bad = positive, "raised its guidance" up x good = positive. The quantity is
  looked for right after the direction ("cut costs", "rise in sales"), then before it in the same
  clause ("sales rose"); a direction without a quantity keeps a smaller tone of its own ("Apple
  rose 3%": the subject of a price verb is usually the company or its shares);
- a change stated only by figures ("to EUR 5 mn from EUR 4 mn", "EUR 5 mn (EUR 4 mn)");
- a state reached ("swung to a loss", "returned to profit", "profit, compared with a loss");
- a quantity named alone ("posted a net loss" leans negative).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tickerwire.score.lexicon import Target
from tickerwire.score.units import IMPERATIVE_CALLS, SentenceUnits, Unit

# --- tuned constants --------------------------------------------------------------------------
# Swept one at a time on the development split (PhraseBank 75Agree lines not in AllAgree,
# 1,188 sentences; macro-F1 0.805 with the values below). The split holds few negations and
# contrasts, so those weights barely move it and keep the usual values of lexicon scorers.

# A negated cue keeps three quarters of its size with the sign flipped ("did not miss" is good
# news but weaker than "beat"). -0.5..-1.0 all gave 0.805..0.806.
NEGATION_FACTOR = -0.75
# A quantity after "from"/"compared with" is the past: its own tone counts reversed and halved
# ("compared with a loss of EUR 1 mn" leans positive). 0 gave 0.804, -1 gave 0.806.
REFERENCE_FACTOR = -0.5
# Tone of "swung to a loss" / "returned to profit" and of a change stated only by figures:
# a little under a plain "profit rose" (1.0), as the words do not say how large the change is.
# 0.6..1.0 gave 0.805..0.807.
STATE_CHANGE_STRENGTH = 0.8
FIGURES_STRENGTH = 0.8
# How far a direction looks for its quantity, in units: to the right only through a short
# noun phrase ("increased its full-year dividend"), to the left through a subject with a
# figure in between ("Operating profit totalled EUR 21.1 mn, up from ..."). Right 3 gave
# 0.802 (4 or 5: 0.805); left 6 gave 0.793, 10 0.805, 14 0.806.
RIGHT_WINDOW = 4
LEFT_WINDOW = 10

CueKind = Literal["polar", "change", "figures", "state", "quantity", "negator", "call"]

# Words that end the search to the right of a direction: what follows them is not its object
# ("rose on higher sales", "increased to EUR 5 mn").
_RIGHT_STOP_WORDS = frozenset(
    [
        "on",
        "after",
        "as",
        "amid",
        "due",
        "thanks",
        "following",
        "because",
        "with",
        "while",
        "from",
        "to",
        "at",
        "than",
        "for",
        "and",
        "or",
        "but",
        "was",
        "were",
        "is",
        "are",
        "be",
        "been",
        "has",
        "have",
        "had",
        "will",
        "would",
        "said",
        "says",
    ]
)
_RIGHT_PASSABLE = frozenset(("word", "num", "intensifier"))
# Words that do not make a new subject between a quantity and its verb ("profit, as expected,
# rose" keeps "profit"; "banks, metals down" does not reach back past "metals").
_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "its",
        "their",
        "his",
        "her",
        "our",
        "has",
        "have",
        "had",
        "was",
        "were",
        "is",
        "are",
        "been",
        "be",
        "also",
        "all",
        "both",
        "each",
        "respectively",
        "by",
        "of",
        "in",
        "for",
        "to",
        "and",
        "than",
        "as",
        "expected",
        "year-on-year",
        "year-over-year",
        "yoy",
        "excluding",
        "including",
    ]
)
# Tone words that are something else right after an amount ("5 trillion won", "$190 strike").
_AFTER_AMOUNTS_NO_TONE = frozenset(("won", "strike", "strikes"))
# Words that end an amount ("5 trillion won").
_AMOUNT_WORDS = frozenset(("million", "billion", "trillion", "bn", "mn", "tn", "thousand"))
# Directions that say where, not what grows: "below record highs" is no fall of highs.
_PLACE_DIRECTIONS = frozenset(("below", "above", "up", "down", "up from", "down from"))
_DETERMINERS = frozenset(("the", "a", "an", "its", "their"))
# Words between "swung to" and the state it reached ("swung to a small net loss").
_STATE_FILLERS = frozenset(("a", "an", "the", "its", "their", "full-year", "quarterly", "annual"))
# "fell into the red", "swung back into the black".
_STATE_WORDS: dict[str, float] = {"red": -1.0, "black": 1.0}
_SCALES: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "mio": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "bln": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
# Words that name the currency of the figure after them ("EUR 5 mn", "Rs 1,200 crore").
_CURRENCY_WORDS = frozenset(
    [
        "eur",
        "euro",
        "euros",
        "usd",
        "dollars",
        "dollar",
        "us",
        "sek",
        "nok",
        "dkk",
        "gbp",
        "pounds",
        "pound",
        "rs",
        "inr",
        "rupees",
        "cad",
        "aud",
        "chf",
        "jpy",
        "yen",
        "rmb",
        "cny",
        "yuan",
        "hkd",
        "won",
        "krw",
    ]
)
_COMPARISON_WORDS = frozenset(("compared with", "compared to", "versus", "vs", "against"))


# Not frozen, though never changed: one is built per cue of every sentence, and frozen=True
# makes building cost three times as much (object.__setattr__ per field); unsafe_hash keeps
# the frozen hash.
@dataclass(slots=True, unsafe_hash=True)
class Cue:
    """One piece of tone in a sentence.

    `start`/`end` cover the words that carry it, `anchor` is where its subject (or object, by
    `target`) is looked for when it is attributed to an entity, `clause` the clause it is in,
    `kind` where the tone came from (a polar phrase, a change of a quantity, ...).
    """

    start: int
    end: int
    anchor: int
    value: float
    target: Target
    clause: int
    text: str
    kind: CueKind


def find_cues(sentence: SentenceUnits) -> list[Cue]:
    """Every cue of a sentence, in text order."""
    cues: list[Cue] = []
    _state_change_cues(sentence, cues)
    _direction_cues(sentence, cues)
    _figures_cues(sentence, cues)
    _polar_cues(sentence, cues)
    _quantity_cues(sentence, cues)
    _negator_cues(sentence, cues)
    cues.sort(key=lambda cue: cue.start)
    return cues


def _modified(value: float, *units: Unit) -> float:
    """`value` after the weights, intensities and negations of the units that make the cue."""
    negated = False
    for unit in units:
        value *= unit.multiplier
        negated = negated or unit.negated
    value *= units[0].weight
    return value * NEGATION_FACTOR if negated else value


def _cue(
    kind: CueKind, first: Unit, last: Unit, anchor: int, value: float, target: Target = "subject"
) -> Cue:
    text = first.text if first is last else f"{first.text} … {last.text}"
    start, end = min(first.start, last.start), max(first.end, last.end)
    return Cue(start, end, anchor, value, target, first.clause, text, kind)


def _state_change_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    units = sentence.units
    for index in sentence.at("state_change"):
        unit = units[index]
        for inner in units[index + 1 : index + 5]:
            polarity = None
            if inner.kind == "quantity" and inner.value != 0:
                polarity = inner.value
                inner.bound = True
            elif inner.kind == "word" and inner.text in _STATE_WORDS:
                polarity = _STATE_WORDS[inner.text]
            if polarity is not None:
                value = _modified(STATE_CHANGE_STRENGTH * polarity, unit, inner)
                cues.append(_cue("state", unit, inner, unit.start, value))
                break
            if not (inner.kind == "intensifier" or inner.text in _STATE_FILLERS):
                break  # "moved to ease concerns": a verb between, not a state reached
        else:
            if unit.value:
                cues.append(_cue("state", unit, unit, unit.start, _modified(unit.value, unit)))


def _right_stops(unit: Unit) -> bool:
    if unit.kind in _RIGHT_PASSABLE:
        return unit.kind == "word" and unit.text in _RIGHT_STOP_WORDS
    return not (unit.kind == "polar" and unit.value == 0.0)


def _find_quantity(units: list[Unit], index: int, look_right: bool) -> tuple[Unit | None, bool]:
    """The quantity a direction at `index` acts on, and whether it was found to the right.

    Only a direction word (`look_right`) stops at a name right before it or at a list item:
    figures follow their currency ("EUR 5 mn") or an aside, not a subject."""
    clause = units[index].clause
    if look_right:
        tone_object = units[index].text not in _PLACE_DIRECTIONS
        for distance, inner in enumerate(units[index + 1 : index + 1 + RIGHT_WINDOW]):
            if inner.kind == "quantity":
                return inner, True
            if tone_object and inner.kind == "polar" and inner.value and distance == 0:
                return inner, True  # "rising challenges": the tone word is what grows
            if _right_stops(inner):
                break
            tone_object = tone_object and inner.text in _DETERMINERS
    saw_word = False
    for distance, inner in enumerate(reversed(units[max(0, index - LEFT_WINDOW) : index])):
        if inner.clause != clause:
            break
        if inner.kind == "quantity" and not inner.reference and not inner.negated:
            return inner, False  # not "snub concerns, surge 3%": a negated object
        if look_right:
            if distance == 0 and inner.capitalised:
                break  # a name right before the verb is its subject: "..., Barclays falls"
            if inner.text == "," and saw_word:
                break  # a list item of its own: "capital goods, banks, metals down"
            saw_word = saw_word or (inner.kind == "word" and inner.text not in _FUNCTION_WORDS)
    return None, False


def _direction_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    units = sentence.units
    for index in sentence.at("direction"):
        unit = units[index]
        quantity, _ = _find_quantity(units, index, look_right=True)
        if quantity is None or quantity.entry is None:
            if unit.entry is not None and unit.entry.extra:
                cues.append(
                    _cue("change", unit, unit, unit.start, _modified(unit.entry.extra, unit))
                )
            continue
        quantity.bound = True
        if quantity.value == 0.0:
            continue  # prices, rates: whether a rise is good depends on who pays
        polarity = quantity.value
        if quantity.kind == "polar":  # its sign only: more of a worry is as bad as more cost
            polarity = 1.0 if quantity.value > 0 else -1.0
        value = _modified(unit.value * polarity, unit, quantity)
        # Anchored at the quantity: its owner is named next to it ("Apple's revenue rose",
        # "raised its price target on Apple"); the anchor is after the cue's start only when
        # the quantity follows the direction.
        target = quantity.entry.target if quantity.kind == "quantity" else "subject"
        cues.append(_cue("change", unit, quantity, quantity.start, value, target))


def _polar_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    units = sentence.units
    for index in sentence.at("polar"):
        unit = units[index]
        if unit.entry is None or not unit.entry.value or unit.bound:
            continue
        if unit.text in _AFTER_AMOUNTS_NO_TONE and index > 0:
            before = units[index - 1]
            if before.kind == "num" or before.text in _AMOUNT_WORDS:
                continue  # "5 billion won": a currency; "the $190 strike": an option
        cues.append(
            _cue("polar", unit, unit, unit.start, _modified(unit.value, unit), unit.entry.target)
        )
    if units and units[0].kind == "word" and units[0].text in IMPERATIVE_CALLS:
        value = _modified(IMPERATIVE_CALLS[units[0].text], units[0])
        cues.append(_cue("call", units[0], units[0], units[0].start, value, "object"))


def _quantity_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    units = sentence.units
    quantities = sentence.at("quantity")
    for index in quantities:
        if units[index].reference and not units[index].bound:
            _past_state_cue(units, index, cues)
    for index in quantities:
        unit = units[index]
        if unit.bound or unit.entry is None or not unit.entry.extra:
            continue
        value = unit.entry.extra * (REFERENCE_FACTOR if unit.reference else 1.0)
        cues.append(_cue("quantity", unit, unit, unit.start, _modified(value, unit)))


def _past_state_cue(units: list[Unit], index: int, cues: list[Cue]) -> None:
    """ "a profit of EUR 5 mn, compared with a loss of EUR 2 mn": the state changed sides."""
    past = units[index]
    for inner in reversed(units[max(0, index - LEFT_WINDOW) : index]):
        if inner.clause != past.clause:
            return
        if inner.kind != "quantity" or inner.reference:
            continue
        if inner.value * past.value >= 0:
            return
        inner.bound = past.bound = True
        sign = 1.0 if inner.value > 0 else -1.0
        value = _modified(STATE_CHANGE_STRENGTH * sign, inner)
        cues.append(_cue("state", inner, past, inner.start, value))
        return


def _negator_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    """A negator with nothing to negate keeps its own tone ("the talks failed to ...")."""
    units = sentence.units
    for index in sentence.at("negator"):
        unit = units[index]
        if not unit.value:
            continue
        if not any(inner.is_tone() for inner in units[index + 1 : index + 4]):
            cues.append(_cue("negator", unit, unit, unit.start, unit.value * unit.weight))


# --- changes stated by figures ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Figure:
    value: float
    percent: bool
    currency: str | None


def _figure_at(units: list[Unit], index: int | None) -> _Figure | None:
    """The amount a number unit states (with its scale and currency words), or None for a year."""
    if index is None or units[index].kind != "num":
        return None
    text = units[index].text
    try:
        value = float(text.replace(",", "").replace("%", "").strip())
    except ValueError:
        return None
    percent = text.endswith("%")
    scaled = index + 1 < len(units) and units[index + 1].text in _SCALES
    if scaled:
        value *= _SCALES[units[index + 1].text]
    before = units[index - 1].text if index > 0 else ""
    currency = before if before in _CURRENCY_WORDS else None
    if not (percent or scaled or currency) and value.is_integer() and 1900 <= value <= 2100:
        return None  # a year, not an amount
    if before == "-":
        value = -value
    return _Figure(value, percent, currency)


def _next_number(units: list[Unit], index: int, limit: int = 3) -> int | None:
    """Index of the first number within `limit` units after `index` (currency words between)."""
    for inner in range(index + 1, min(len(units), index + 1 + limit)):
        if units[inner].kind == "num":
            return inner
        if units[inner].kind != "word":
            return None
    return None


def _figures_cues(sentence: SentenceUnits, cues: list[Cue]) -> None:
    """Changes stated only by figures: "from A to B", "B compared with A", "B (A)"."""
    units = sentence.units
    for index in sentence.figure_markers:
        pair = _figure_pair(units, index)
        if pair is None:
            continue
        first_index, now, before = pair
        if now == before or _has_direction_before(units, first_index):
            continue
        quantity, _ = _find_quantity(units, first_index, look_right=False)
        if quantity is None or quantity.entry is None or quantity.value == 0.0:
            continue
        quantity.bound = True
        figure = units[first_index]
        sign = 1.0 if now > before else -1.0
        value = _modified(FIGURES_STRENGTH * sign * quantity.value, figure, quantity)
        cues.append(_cue("figures", quantity, figure, figure.start, value))


def _figure_pair(units: list[Unit], index: int) -> tuple[int, float, float] | None:
    """(index of the first figure, current value, earlier value) of a comparison at `index`."""
    unit = units[index]
    if unit.text in ("from", "to"):
        first = _next_number(units, index)
        if first is None:
            return None
        other_word = "to" if unit.text == "from" else "from"
        for middle in range(first + 1, min(len(units), first + 5)):
            if units[middle].text == other_word:
                second = _next_number(units, middle)
                return _ordered(units, first, second, current_first=unit.text == "to")
        return None
    if unit.text in _COMPARISON_WORDS:
        return _ordered(units, _figure_before(units, index), _next_number(units, index), True)
    if unit.text == "(" and index + 1 < len(units):
        # "EUR 5.1 mn ( EUR 4.2 mn )": the earlier period in brackets, as Nordic releases write
        # it; "( approximately EUR 27 mn )" is a conversion, so only a figure may open it.
        inside = index + 1 if units[index + 1].kind == "num" else index + 2
        if inside < len(units) and units[inside].kind == "num":
            return _ordered(units, _figure_before(units, index, window=3), inside, True)
    return None


def _figure_before(units: list[Unit], index: int, window: int = 12) -> int | None:
    clause = units[index].clause
    for back in range(index - 1, max(-1, index - 1 - window), -1):
        if units[back].clause != clause:
            return None
        if units[back].kind == "num" and _figure_at(units, back) is not None:
            return back
    return None


def _ordered(
    units: list[Unit], first: int | None, second: int | None, current_first: bool
) -> tuple[int, float, float] | None:
    a, b = _figure_at(units, first), _figure_at(units, second)
    if first is None or a is None or b is None or a.percent != b.percent:
        return None  # a percent compared with an amount is not a change
    if a.currency and b.currency and a.currency != b.currency:
        return None  # a currency conversion, not a change
    return (first, a.value, b.value) if current_first else (first, b.value, a.value)


def _has_direction_before(units: list[Unit], index: int) -> bool:
    clause = units[index].clause
    for inner in reversed(units[max(0, index - 8) : index]):
        if inner.clause != clause:
            return False
        if inner.kind in ("direction", "state_change"):
            return True
    return False
