"""Finance-aware sentence sentiment from the lexicon, with negation, intensity and contrast.

A sentence is read as a row of units (lexicon phrases, other words, numbers, punctuation). Tone
comes from four places, each giving a `Cue` with the offsets of the words that carry it:

- polar phrases ("beat estimates" +, "bankruptcy" -);
- a direction acting on a quantity: "operating loss widened" is up x bad = negative, "costs
  decreased" down x bad = positive, "raised its guidance" up x good = positive. The quantity is
  looked for right after the direction ("cut costs", "rise in sales"), then before it in the same
  clause ("sales rose"); a direction without a quantity keeps a smaller tone of its own ("Apple
  rose 3%": the subject of a price verb is usually the company or its shares);
- a change stated only by figures ("to EUR 5 mn from EUR 4 mn", "EUR 5 mn (EUR 4 mn)");
- a state reached ("swung to a loss", "returned to profit").

Negators ("not", "no longer", "failed to") flip the next few units; intensifiers scale the
nearest tone unit; after "but"/"however" the later clause weighs more, and a clause opened by
"although"/"despite" weighs less. The sum of cues is squashed into -1..1.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

from tickerwire.records import SentimentLabel
from tickerwire.score.lexicon import Lexicon, LexiconEntry, Target, default_lexicon
from tickerwire.score.text_units import tokenize

# --- tuned constants (chosen on the development split: PhraseBank Sentences_75Agree lines that
# are not in Sentences_AllAgree; AllAgree was only scored after they were fixed) -------------

# Half-width of the neutral band: |score| below it is "neutral". Chosen by a sweep over 0.05..0.5
# on the development split (best macro-F1 near 0.2; see benchmarks/sentiment_compare.py).
NEUTRAL_BAND = 0.2
# Squashing: score = raw / sqrt(raw^2 + ALPHA). With 1.0 a single clear cue (raw 1.0, "profit
# rose") scores 0.71 and a weak one (raw 0.15, "signed a contract") 0.15, inside the band.
ALPHA = 1.0
# A negated cue keeps three quarters of its size with the sign flipped ("did not miss" is good
# news but weaker than "beat"); the usual value in lexicon scorers, kept after the sweep.
NEGATION_FACTOR = -0.75
# How many units after a negator it reaches ("did not quite miss", "no longer expects a loss").
NEGATION_SCOPE = 3
# Clause weights around "but"/"however" and inside "although"/"despite" clauses.
CONTRAST_BEFORE = 0.5
CONTRAST_AFTER = 1.5
CONCESSION_WEIGHT = 0.5
# A quantity after "from"/"compared with" is the past: its own tone counts reversed and halved
# ("net profit of EUR 2 mn, compared with a loss of EUR 1 mn" leans positive).
REFERENCE_FACTOR = -0.5
# Tone of "swung to a loss" / "returned to profit" and of a change stated only by figures.
STATE_CHANGE_STRENGTH = 0.8
FIGURES_STRENGTH = 0.8
# How far a direction looks for its quantity, in units.
RIGHT_WINDOW = 4
LEFT_WINDOW = 10

# Words that end the search to the right of a direction: what follows them is not its object
# ("rose on higher sales", "increased to EUR 5 mn").
_RIGHT_STOP_WORDS = frozenset(
    "on after as amid due thanks following because with while from to at than for and or but "
    "was were is are be been has have had will would said says".split()
)
# Sentence-opening calls in tips and headlines ("Buy Infosys, target Rs 1,200").
_IMPERATIVE_CALLS: dict[str, float] = {"buy": 0.5, "accumulate": 0.4, "sell": -0.5, "avoid": -0.4}
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
    "eur euro euros usd dollars dollar us sek nok dkk gbp pounds pound rs inr rupees cad aud "
    "chf jpy yen rmb cny yuan hkd won krw ".split()
)
_COMPARISON_WORDS = frozenset(("compared with", "compared to", "versus", "vs", "against"))
_TONE_KINDS = frozenset(("polar", "direction", "quantity"))
_CLAUSE_PUNCT = frozenset((";", ":", "--", "—", "–"))


CueKind = Literal["polar", "change", "figures", "state", "quantity", "negator", "call"]


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
class SentenceSentiment:
    """The tone of one sentence: score in -1..1, its label, its cues and clause starts."""

    start: int
    end: int
    score: float
    label: SentimentLabel
    cues: tuple[Cue, ...]
    clause_starts: tuple[int, ...]

    @property
    def raw(self) -> float:
        """The sum of the cues before squashing."""
        return sum(cue.value for cue in self.cues)


@dataclass(slots=True)
class _Unit:
    kind: str
    entry: LexiconEntry | None
    text: str
    start: int
    end: int
    clause: int = 0
    weight: float = 1.0
    multiplier: float = 1.0
    negated: bool = False
    bound: bool = False
    reference: bool = False


def squash(raw: float) -> float:
    """Map a sum of cues to -1..1."""
    return raw / math.sqrt(raw * raw + ALPHA)


def label_for(score: float, band: float = NEUTRAL_BAND) -> SentimentLabel:
    """positive / negative outside the neutral band (|score| < band), else neutral."""
    if score >= band:
        return "positive"
    if score <= -band:
        return "negative"
    return "neutral"


class SentenceScorer:
    """Scores sentences with a lexicon (built once, then used for every article)."""

    def __init__(self, lexicon: Lexicon | None = None, neutral_band: float = NEUTRAL_BAND):
        self.lexicon = lexicon or default_lexicon()
        self.neutral_band = neutral_band

    def score(self, text: str, start: int = 0, end: int | None = None) -> SentenceSentiment:
        """The sentiment of the sentence `text[start:end]`; offsets in the result index `text`.

        >>> SentenceScorer().score("Acme did not miss estimates.").label
        'positive'
        """
        stop = len(text) if end is None else end
        units = self._units(text, start, stop)
        clause_starts = _mark_clauses(units, start)
        _mark_negation(units)
        _apply_intensifiers(units)
        _mark_references(units)
        cues: list[Cue] = []
        _state_change_cues(units, cues)
        _direction_cues(units, cues)
        _figures_cues(units, cues)
        _polar_cues(units, cues)
        _quantity_cues(units, cues)
        _negator_cues(units, cues)
        cues.sort(key=lambda cue: cue.start)
        score = squash(sum(cue.value for cue in cues))
        return SentenceSentiment(
            start=start,
            end=stop,
            score=score,
            label=label_for(score, self.neutral_band),
            cues=tuple(cues),
            clause_starts=clause_starts,
        )

    def _units(self, text: str, start: int, end: int) -> list[_Unit]:
        tokens = tokenize(text, start, end)
        words = [token.text for token in tokens]
        units: list[_Unit] = []
        position = 0
        while position < len(tokens):
            token = tokens[position]
            entry = self.lexicon.match(words, position) if token.kind == "word" else None
            if entry is None:
                units.append(_Unit(token.kind, None, token.text, token.start, token.end))
                position += 1
                continue
            last = tokens[position + len(entry.phrase) - 1]
            phrase_text = " ".join(entry.phrase)
            units.append(_Unit(entry.kind, entry, phrase_text, token.start, last.end))
            position += len(entry.phrase)
        return units


# --- structure ---------------------------------------------------------------------------------


def _mark_clauses(units: list[_Unit], sentence_start: int) -> tuple[int, ...]:
    """Number the clauses, weight them around contrast and concession, return clause starts."""
    clause = 0
    starts = [sentence_start]
    for index, unit in enumerate(units):
        if unit.kind in ("contrast", "concession", "boundary") and index > 0:
            clause += 1
            starts.append(unit.start)
        unit.clause = clause
        if unit.kind == "punct" and unit.text in _CLAUSE_PUNCT and index + 1 < len(units):
            clause += 1
            starts.append(units[index + 1].start)
    contrasts = [i for i, unit in enumerate(units) if unit.kind == "contrast" and i > 0]
    if contrasts:
        pivot = contrasts[-1]
        for index, unit in enumerate(units):
            unit.weight *= CONTRAST_BEFORE if index < pivot else CONTRAST_AFTER
    for index, unit in enumerate(units):
        if unit.kind == "concession":
            for inner in units[index + 1 :]:
                if inner.text in (",", ";") or inner.kind in ("contrast", "boundary"):
                    break
                inner.weight *= CONCESSION_WEIGHT
    return tuple(starts)


def _mark_negation(units: list[_Unit]) -> None:
    for index, unit in enumerate(units):
        if unit.kind != "negator":
            continue
        reached = 0
        for inner in units[index + 1 :]:
            if inner.kind in ("punct", "contrast", "concession", "boundary", "negator"):
                break
            inner.negated = not inner.negated
            reached += 1
            if reached >= NEGATION_SCOPE:
                break


def _is_tone_unit(unit: _Unit) -> bool:
    return unit.kind in _TONE_KINDS and unit.entry is not None and unit.entry.value != 0.0


def _apply_intensifiers(units: list[_Unit]) -> None:
    for index, unit in enumerate(units):
        if unit.kind != "intensifier" or unit.entry is None:
            continue
        after = [u for u in units[index + 1 : index + 3] if u.kind != "punct"]
        before = [u for u in reversed(units[max(0, index - 2) : index]) if u.kind != "punct"]
        for candidate in (*after, *before):
            if _is_tone_unit(candidate):
                candidate.multiplier *= unit.entry.value
                break


# --- cues --------------------------------------------------------------------------------------


def _modified(value: float, *units: _Unit) -> float:
    """`value` after the weights, intensities and negations of the units that make the cue."""
    negated = any(unit.negated for unit in units)
    for unit in units:
        value *= unit.multiplier
    value *= units[0].weight
    return value * NEGATION_FACTOR if negated else value


def _cue(
    kind: CueKind,
    first: _Unit,
    last: _Unit,
    anchor: int,
    value: float,
    target: Target = "subject",
) -> Cue:
    text = first.text if first is last else f"{first.text} … {last.text}"
    start, end = min(first.start, last.start), max(first.end, last.end)
    return Cue(start, end, anchor, value, target, first.clause, text, kind)


def _state_change_cues(units: list[_Unit], cues: list[Cue]) -> None:
    for index, unit in enumerate(units):
        if unit.kind != "state_change" or unit.entry is None:
            continue
        for inner in units[index + 1 : index + 5]:
            polarity = None
            if inner.kind == "quantity" and inner.entry is not None and inner.entry.value != 0:
                polarity = inner.entry.value
                inner.bound = True
            elif inner.kind == "word" and inner.text in _STATE_WORDS:
                polarity = _STATE_WORDS[inner.text]
            if polarity is not None:
                value = _modified(STATE_CHANGE_STRENGTH * polarity, unit, inner)
                cues.append(_cue("state", unit, inner, unit.start, value))
                break
            if inner.kind == "punct":
                break
        else:
            if unit.entry.value:
                cues.append(_cue("state", unit, unit, unit.start, _modified(unit.entry.value, unit)))


def _right_stops(unit: _Unit) -> bool:
    if unit.kind in ("word", "num", "intensifier"):
        return unit.kind == "word" and unit.text in _RIGHT_STOP_WORDS
    return not (unit.kind == "polar" and unit.entry is not None and unit.entry.value == 0.0)


def _find_quantity(units: list[_Unit], index: int, look_right: bool) -> tuple[_Unit | None, bool]:
    """The quantity a direction at `index` acts on, and whether it was found to the right."""
    clause = units[index].clause
    if look_right:
        for inner in units[index + 1 : index + 1 + RIGHT_WINDOW]:
            if inner.kind == "quantity":
                return inner, True
            if _right_stops(inner):
                break
    for inner in reversed(units[max(0, index - LEFT_WINDOW) : index]):
        if inner.clause != clause:
            break
        if inner.kind == "quantity" and not inner.reference:
            return inner, False
    return None, False


def _direction_cues(units: list[_Unit], cues: list[Cue]) -> None:
    for index, unit in enumerate(units):
        if unit.kind != "direction" or unit.entry is None:
            continue
        quantity, _ = _find_quantity(units, index, look_right=True)
        if quantity is None or quantity.entry is None:
            if unit.entry.extra:
                cues.append(_cue("change", unit, unit, unit.start, _modified(unit.entry.extra, unit)))
            continue
        quantity.bound = True
        if quantity.entry.value == 0.0:
            continue  # prices, rates: whether a rise is good depends on who pays
        value = _modified(unit.entry.value * quantity.entry.value, unit, quantity)
        # Anchored at the quantity: its owner is named next to it ("Apple's revenue rose",
        # "raised its price target on Apple"); the anchor is after the cue's start only when
        # the quantity follows the direction.
        cues.append(_cue("change", unit, quantity, quantity.start, value, quantity.entry.target))


@dataclass(frozen=True, slots=True)
class _Figure:
    value: float
    percent: bool
    currency: str | None


def _figure_at(units: list[_Unit], index: int) -> _Figure | None:
    """The amount a number unit states (with its scale and currency words), or None for a year."""
    unit = units[index]
    if unit.kind != "num":
        return None
    try:
        value = float(unit.text.replace(",", "").replace("%", "").strip())
    except ValueError:
        return None
    percent = unit.text.endswith("%")
    scaled = index + 1 < len(units) and units[index + 1].text in _SCALES
    if scaled:
        value *= _SCALES[units[index + 1].text]
    before = units[index - 1].text if index > 0 else ""
    currency = before if before in _CURRENCY_WORDS else None
    if not (percent or scaled or currency) and value.is_integer() and 1900 <= value <= 2100:
        return None  # a year, not an amount
    if index > 0 and before == "-":
        value = -value
    return _Figure(value, percent, currency)


def _next_number(units: list[_Unit], index: int, limit: int = 3) -> int | None:
    """Index of the first number within `limit` units after `index` (currency words between)."""
    for inner in range(index + 1, min(len(units), index + 1 + limit)):
        if units[inner].kind == "num":
            return inner
        if units[inner].kind != "word":
            return None
    return None


def _figures_cues(units: list[_Unit], cues: list[Cue]) -> None:
    """Changes stated only by figures: "from A to B", "to B from A", "B compared with A", "B (A)"."""
    for index, unit in enumerate(units):
        pair = _figure_pair(units, index, unit)
        if pair is None:
            continue
        first_index, now, before = pair
        if now == before or _has_direction_before(units, first_index):
            continue
        direction = _Unit("direction", None, "figures", units[first_index].start, unit.end)
        direction.clause, direction.weight = units[first_index].clause, units[first_index].weight
        quantity, _ = _find_quantity(units, first_index, look_right=False)
        if quantity is None or quantity.entry is None or quantity.entry.value == 0.0:
            continue
        quantity.bound = True
        sign = 1.0 if now > before else -1.0
        value = _modified(FIGURES_STRENGTH * sign * quantity.entry.value, direction, quantity)
        cues.append(_cue("figures", quantity, direction, direction.start, value))


def _figure_pair(units: list[_Unit], index: int, unit: _Unit) -> tuple[int, float, float] | None:
    """(index of the first figure, current value, earlier value) of a comparison at `index`."""
    if unit.text in ("from", "to") and unit.kind in ("reference", "word"):
        first = _next_number(units, index)
        if first is None:
            return None
        other_word = "to" if unit.text == "from" else "from"
        for middle in range(first + 1, min(len(units), first + 5)):
            if units[middle].text == other_word:
                second = _next_number(units, middle)
                return _ordered(units, first, second, current_first=unit.text == "to")
        return None
    if unit.kind == "reference" and unit.text in _COMPARISON_WORDS:
        return _ordered(units, _figure_before(units, index), _next_number(units, index), True)
    if unit.text == "(" and index + 1 < len(units):
        # "EUR 5.1 mn ( EUR 4.2 mn )": the earlier period in brackets, as Nordic releases write
        # it; "( approximately EUR 27 mn )" is a conversion, so only a figure may open it.
        inside = index + 1 if units[index + 1].kind == "num" else index + 2
        if inside < len(units) and units[inside].kind == "num":
            return _ordered(units, _figure_before(units, index, window=3), inside, True)
    return None


def _figure_before(units: list[_Unit], index: int, window: int = 12) -> int | None:
    clause = units[index].clause
    for back in range(index - 1, max(-1, index - 1 - window), -1):
        if units[back].clause != clause:
            return None
        if units[back].kind == "num" and _figure_at(units, back) is not None:
            return back
    return None


def _ordered(
    units: list[_Unit], first: int | None, second: int | None, current_first: bool
) -> tuple[int, float, float] | None:
    if first is None or second is None:
        return None
    a, b = _figure_at(units, first), _figure_at(units, second)
    if a is None or b is None or a.percent != b.percent:
        return None  # a percent compared with an amount is not a change
    if a.currency and b.currency and a.currency != b.currency:
        return None  # a currency conversion, not a change
    return (first, a.value, b.value) if current_first else (first, b.value, a.value)


def _has_direction_before(units: list[_Unit], index: int) -> bool:
    clause = units[index].clause
    for inner in reversed(units[max(0, index - 8) : index]):
        if inner.clause != clause:
            return False
        if inner.kind in ("direction", "state_change"):
            return True
    return False


def _polar_cues(units: list[_Unit], cues: list[Cue]) -> None:
    for index, unit in enumerate(units):
        if unit.kind == "polar" and unit.entry is not None and unit.entry.value:
            value = _modified(unit.entry.value, unit)
            cues.append(_cue("polar", unit, unit, unit.start, value, unit.entry.target))
        elif index == 0 and unit.kind == "word" and unit.text in _IMPERATIVE_CALLS:
            value = _modified(_IMPERATIVE_CALLS[unit.text], unit)
            cues.append(_cue("call", unit, unit, unit.start, value, "object"))


def _mark_references(units: list[_Unit]) -> None:
    for index, unit in enumerate(units):
        if unit.kind == "reference":
            for inner in units[index + 1 : index + 4]:
                if inner.kind == "quantity":
                    inner.reference = True
                    break


def _quantity_cues(units: list[_Unit], cues: list[Cue]) -> None:
    for index, unit in enumerate(units):
        if unit.kind == "quantity" and unit.reference and not unit.bound:
            _past_state_cue(units, index, cues)
    for unit in units:
        if unit.kind != "quantity" or unit.bound or unit.entry is None or not unit.entry.extra:
            continue
        value = unit.entry.extra * (REFERENCE_FACTOR if unit.reference else 1.0)
        cues.append(_cue("quantity", unit, unit, unit.start, _modified(value, unit)))


def _past_state_cue(units: list[_Unit], index: int, cues: list[Cue]) -> None:
    """ "a profit of EUR 5 mn, compared with a loss of EUR 2 mn": the state changed sides."""
    past = units[index]
    for inner in reversed(units[max(0, index - LEFT_WINDOW) : index]):
        if inner.clause != past.clause:
            return
        if inner.kind != "quantity" or inner.reference or inner.entry is None:
            continue
        if past.entry is None or inner.entry.value * past.entry.value >= 0:
            return
        inner.bound = past.bound = True
        sign = 1.0 if inner.entry.value > 0 else -1.0
        value = _modified(STATE_CHANGE_STRENGTH * sign, inner)
        cues.append(_cue("state", inner, past, inner.start, value))
        return


def _negator_cues(units: list[_Unit], cues: list[Cue]) -> None:
    """A negator with nothing to negate keeps its own tone ("the talks failed to ...")."""
    for index, unit in enumerate(units):
        if unit.kind != "negator" or unit.entry is None or not unit.entry.value:
            continue
        scope = units[index + 1 : index + 1 + NEGATION_SCOPE]
        if not any(_is_tone_unit(inner) for inner in scope):
            cues.append(_cue("negator", unit, unit, unit.start, unit.entry.value * unit.weight))
