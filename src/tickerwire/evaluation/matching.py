"""Matching predicted Article contents against gold items, one field at a time.

The rules (the package docstring repeats them for users):

* Numbers. A percentage matches when the two differ by at most 0.01 percentage points
  (`PCT_TOLERANCE`); gold price/index moves carry the magnitude as written and a direction, so the
  predicted `change_pct` is compared by its absolute value and `direction` must agree. A metric's
  `value` matches within 0.5 % of the gold value (`VALUE_REL_TOLERANCE`). An index level matches
  within 0.01. A gold field that is null must be null in the prediction too (metric `value`,
  `segment`, `change_pct`), except that a gold guidance range (`value_low`..`value_high`) accepts
  a predicted value inside it. A predicted range matches a gold range when both ends match
  within the value tolerance, and nothing else.
* Listings. Tickers compare upper-cased, with Hong Kong codes padded to four digits
  (`700.HK` == `0700.HK`). A predicted price move gives its line in `listing`; when that is null
  and the move's entity has exactly one listing, that listing is used (the line is then not in
  doubt). A predicted metric belongs to the listings of its entity (or to the entity id itself).
* One to one. Every predicted item is matched at most once and every gold item at most once.
  Gold items are taken in file order and each takes the first free prediction that satisfies the
  rule; for moves a first pass also requires the period to agree, so that two moves of the same
  listing and size (a session move and a year-to-date move) pair with the right predictions.
* Periods. Compared only on matched moves whose gold gives a period: `since:YYYY-MM-DD` in gold
  equals a predicted `period: since` with that `since` date; other periods compare as written.
* Names. Casefolded, accents and punctuation removed, legal suffixes dropped ("Inc", "Co",
  "Holding", ".com", ...), then rapidfuzz `token_set_ratio` >= `NAME_MATCH_MIN_SCORE`: one name's
  words contained in the other's match ("JPMorgan Chase" ~ "JPMorgan Chase & Co"); an acronym
  matches the words it stands for ("UBP" ~ "Union Bancaire Privee"). Pairs are assigned best
  score first.
* Strings of page furniture (`boilerplate`, `off_topic`) are looked for in the clean text after
  casefolding, straightening quotes and collapsing white space, so a leak split over two lines or
  re-quoted is still found.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import regex
from rapidfuzz import fuzz

from tickerwire.evaluation.gold import SINCE_PREFIX, GoldIndexMove, GoldMetric, GoldPriceMove
from tickerwire.records import Article, Entity, Event

# Percentages are written with at most two decimals in news text and gold; 0.01 absorbs float
# noise and a rounding in the last digit, but keeps 2.6% and 2.8% apart.
PCT_TOLERANCE = 0.01
# Reported figures are rounded ("33.4 billion" for 33,398 million): 0.5 % relative is one
# rounding step of a three-significant-figure amount, the coarsest the gold files use.
VALUE_REL_TOLERANCE = 0.005
LEVEL_TOLERANCE = 0.01
# token_set_ratio gives 100 when one name's words are a subset of the other's; 90 also admits a
# one-letter spelling difference in a long name ("Alibaba Group" ~ "Alibaba Groups") and, on the
# seed and FNSPID gold names, joins no two different organisations.
NAME_MATCH_MIN_SCORE = 90.0
# A shorter name than this after normalisation ("co", "ag") says too little to match on.
NAME_MIN_CHARS = 2
# "UBP" ~ "Union Bancaire Privee": an acronym of two to six letters standing for as many words.
# It scores just above the fuzzy threshold so that an exact name, when there is one, pairs first.
ACRONYM_CHARS = (2, 6)
ACRONYM_SCORE = 95.0

_SPACES = regex.compile(r"\s+")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "\u00a0": " "})
_NAME_PUNCT = regex.compile(r"[^\p{L}\p{N}\s]+")
_DOT_COM = regex.compile(r"\.com\b")
_INNER_DOT = regex.compile(r"(?<=\w)\.(?=\w)")
_LEGAL_WORDS = frozenset(
    {"the", "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited"}
    | {"plc", "llc", "lp", "sa", "ag", "nv", "se", "group", "holding", "holdings", "com"}
)
_HK_TICKER = regex.compile(r"^(\d{1,4})\.HK$")

T = TypeVar("T")
G = TypeVar("G")
P = TypeVar("P")


def close(a: float | None, b: float | None, tolerance: float) -> bool:
    """Both None, or both numbers no further apart than `tolerance`."""
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tolerance + 1e-9


def close_relative(predicted: float | None, gold: float | None, tolerance: float) -> bool:
    """Both None, or `predicted` within `tolerance` (a fraction) of `gold`."""
    if predicted is None or gold is None:
        return predicted is None and gold is None
    if gold == 0:
        return predicted == 0
    return abs(predicted - gold) <= tolerance * abs(gold) + 1e-9


def normalise_text(text: str) -> str:
    """Casefolded text with straight quotes and single spaces, for substring checks."""
    return _SPACES.sub(" ", text.translate(_QUOTES)).strip().casefold()


def normalise_ticker(ticker: str) -> str:
    """`0700.hk` -> `0700.HK`, `700.HK` -> `0700.HK`, ` aapl ` -> `AAPL`."""
    ticker = ticker.strip().upper()
    hk = _HK_TICKER.match(ticker)
    return f"{int(hk.group(1)):04d}.HK" if hk else ticker


def normalise_segment(segment: str | None) -> str | None:
    if segment is None:
        return None
    return _SPACES.sub(" ", segment.replace("_", " ").replace("-", " ")).strip().casefold() or None


def normalise_name(name: str) -> str:
    """A name reduced for comparison: "JPMorgan Chase & Co." -> "jpmorgan chase".

    Casefolded, accents, punctuation and legal words dropped.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    # "Amazon.com" -> "amazon", "JD.com" -> "jd": the web suffix is a legal-form-like tail.
    plain = _DOT_COM.sub(" ", plain)
    # "U.S. Steel" -> "us steel": a dot inside a word joins, other punctuation separates.
    plain = _INNER_DOT.sub("", plain)
    words = [w for w in _NAME_PUNCT.sub(" ", plain).split() if w not in _LEGAL_WORDS]
    return " ".join(words)


def _is_acronym_of(short: str, long: str) -> bool:
    """ "ubp" is the acronym of "union bancaire privee" (both already normalised)."""
    words = long.split()
    return (
        " " not in short
        and ACRONYM_CHARS[0] <= len(short) <= ACRONYM_CHARS[1]
        and len(words) == len(short)
        and "".join(w[0] for w in words) == short
    )


def name_similarity(a: str, b: str) -> float:
    """0..100: how surely two names denote the same organisation or person."""
    na, nb = normalise_name(a), normalise_name(b)
    if len(na) < NAME_MIN_CHARS or len(nb) < NAME_MIN_CHARS:
        return 100.0 if na == nb and na else 0.0
    if _is_acronym_of(na, nb) or _is_acronym_of(nb, na):
        return ACRONYM_SCORE
    return float(fuzz.token_set_ratio(na, nb))


def names_match(a: str, b: str) -> bool:
    return name_similarity(a, b) >= NAME_MATCH_MIN_SCORE


def pair_in_order(
    gold: Sequence[G], predicted: Sequence[P], rules: Sequence[Callable[[G, P], bool]]
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index).

    Each rule is a pass: in a pass, every still-unpaired gold item (in order) takes the first
    still-unpaired prediction the rule accepts. Stricter rules go first.
    """
    free_gold = list(range(len(gold)))
    free_pred = list(range(len(predicted)))
    pairs: list[tuple[int, int]] = []
    for rule in rules:
        for gi in list(free_gold):
            for pi in free_pred:
                if rule(gold[gi], predicted[pi]):
                    pairs.append((gi, pi))
                    free_gold.remove(gi)
                    free_pred.remove(pi)
                    break
    return sorted(pairs)


def pair_best_first(
    gold: Sequence[G], predicted: Sequence[P], score: Callable[[G, P], float], minimum: float
) -> list[tuple[int, int]]:
    """One-to-one pairs by descending score (ties in input order), keeping scores >= minimum."""
    candidates = sorted(
        (
            (-s, gi, pi)
            for gi, g in enumerate(gold)
            for pi, p in enumerate(predicted)
            if (s := score(g, p)) >= minimum
        ),
    )
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gi, pi in candidates:
        if gi in used_gold or pi in used_pred:
            continue
        used_gold.add(gi)
        used_pred.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


# ---------------------------------------------------------------------------------------------
# Predicted items, read defensively: extractors are young and an odd attribute must cost a match,
# not crash the evaluation.
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PredictedMove:
    """A predicted price or index move, normalised for comparison with gold."""

    event_index: int
    key: str  # normalised listing (price moves) or index code
    direction: str | None
    change_pct: float | None  # magnitude
    level: float | None
    period: str | None  # gold form: "session", "since:2025-01-13", ...
    instrument: str
    date: dt.date | None
    evidence: str


@dataclass(frozen=True)
class PredictedMetric:
    event_index: int
    owners: frozenset[str]  # normalised tickers of its entity, and the entity id
    metric: str | None
    segment: str | None
    value: float | None
    change_pct: float | None
    evidence: str
    value_low: float | None = None  # a figure stated as a range: its ends (`value` is null)
    value_high: float | None = None


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _period(attributes: dict[str, Any]) -> str | None:
    period = _text(attributes.get("period"))
    if period == "since" and attributes.get("since"):
        return f"{SINCE_PREFIX}{str(attributes['since'])[:10]}"
    return period


def _entity_tickers(article: Article) -> dict[str, list[str]]:
    return {entity.id: [normalise_ticker(t) for t in entity.tickers] for entity in article.entities}


# The key of a prediction that names no listing or index: it can match nothing, so it counts as
# spurious (it is still a claim the pipeline made).
UNKNOWN_KEY = "?"


def _move(index: int, event: Event, key: str | None) -> PredictedMove:
    a = event.attributes
    change = _number(a.get("change_pct"))
    return PredictedMove(
        event_index=index,
        key=key or UNKNOWN_KEY,
        direction=_text(a.get("direction")),
        change_pct=abs(change) if change is not None else None,
        level=_number(a.get("level")),
        period=_period(a),
        instrument=_text(a.get("instrument")) or "index",
        date=event.date,
        evidence=event.evidence.text,
    )


def predicted_price_moves(article: Article) -> list[PredictedMove]:
    tickers = _entity_tickers(article)
    moves = []
    for i, event in enumerate(article.events):
        if event.type != "price_move":
            continue
        listing = _text(event.attributes.get("listing"))
        key = normalise_ticker(listing) if listing else None
        if key is None and event.entity and len(tickers.get(event.entity, [])) == 1:
            key = tickers[event.entity][0]
        moves.append(_move(i, event, key))
    return moves


def predicted_index_moves(article: Article) -> list[PredictedMove]:
    moves = []
    for i, event in enumerate(article.events):
        if event.type != "index_move":
            continue
        index = _text(event.attributes.get("index"))
        moves.append(_move(i, event, index.strip().upper() if index else None))
    return moves


def predicted_metrics(article: Article) -> list[PredictedMetric]:
    tickers = _entity_tickers(article)
    metrics = []
    for i, event in enumerate(article.events):
        if event.type != "financial_metric":
            continue
        a = event.attributes
        owners = set(tickers.get(event.entity or "", []))
        if event.entity:
            owners.add(normalise_ticker(event.entity))
        metric = _text(a.get("metric"))
        metrics.append(
            PredictedMetric(
                event_index=i,
                owners=frozenset(owners),
                metric=metric.casefold() if metric else None,
                segment=normalise_segment(_text(a.get("segment"))),
                value=_number(a.get("value")),
                change_pct=_number(a.get("change_pct")),
                evidence=event.evidence.text,
                value_low=_number(a.get("value_low")),
                value_high=_number(a.get("value_high")),
            )
        )
    return metrics


def company_entities(entities: Iterable[Entity]) -> list[Entity]:
    """Predicted companies that carry at least one listing (the ones a ticker can score)."""
    return [e for e in entities if e.type == "company" and e.tickers]


NAMED_TYPES = ("organization", "person", "company")


def named_entities(entities: Iterable[Entity]) -> list[Entity]:
    return [e for e in entities if e.type in NAMED_TYPES]


def unique(items: Iterable[T]) -> list[T]:
    """Items in first-seen order without repeats."""
    return list(dict.fromkeys(items))


# ---------------------------------------------------------------------------------------------
# Field rules: does this prediction state this gold item?
# ---------------------------------------------------------------------------------------------


def price_move_matches(gold: GoldPriceMove, predicted: PredictedMove) -> bool:
    """Listing, direction and size (within PCT_TOLERANCE); the period is judged apart."""
    return (
        predicted.key == normalise_ticker(gold.listing)
        and predicted.direction == gold.direction
        and close(predicted.change_pct, gold.change_pct, PCT_TOLERANCE)
    )


def index_move_matches(gold: GoldIndexMove, predicted: PredictedMove) -> bool:
    """Index, direction and size; the level and the instrument too when gold gives them."""
    if predicted.key != gold.index.strip().upper() or predicted.direction != gold.direction:
        return False
    if gold.instrument is not None and predicted.instrument != gold.instrument:
        return False
    if gold.change_pct is not None and not close(
        predicted.change_pct, gold.change_pct, PCT_TOLERANCE
    ):
        return False
    return gold.level is None or close(predicted.level, gold.level, LEVEL_TOLERANCE)


def period_agrees(gold_period: str | None, predicted: PredictedMove) -> bool:
    return gold_period is not None and predicted.period == gold_period


def with_period(
    rule: Callable[[Any, PredictedMove], bool],
) -> Callable[[Any, PredictedMove], bool]:
    """The same rule, also requiring the period to agree (the strict first pass)."""
    return lambda gold, predicted: rule(gold, predicted) and period_agrees(gold.period, predicted)


def metric_value_matches(gold: GoldMetric, predicted: PredictedMetric) -> bool:
    """The value agrees: a single value within tolerance, a range end for end, or a single
    value predicted inside a gold range; a range the gold item does not give never matches."""
    predicted_range = predicted.value_low is not None or predicted.value_high is not None
    if gold.value is None and gold.value_low is not None and gold.value_high is not None:
        if predicted_range:
            return close_relative(
                predicted.value_low, gold.value_low, VALUE_REL_TOLERANCE
            ) and close_relative(predicted.value_high, gold.value_high, VALUE_REL_TOLERANCE)
        if predicted.value is None:
            return False
        slack = VALUE_REL_TOLERANCE * max(abs(gold.value_low), abs(gold.value_high))
        return gold.value_low - slack <= predicted.value <= gold.value_high + slack
    if predicted_range:
        return False
    return close_relative(predicted.value, gold.value, VALUE_REL_TOLERANCE)


def metric_matches(gold: GoldMetric, predicted: PredictedMetric) -> bool:
    """Owner (listing or entity), metric, segment, value and signed change all agree."""
    if gold.listing is not None and normalise_ticker(gold.listing) not in predicted.owners:
        return False
    return (
        predicted.metric == gold.metric.casefold()
        and predicted.segment == normalise_segment(gold.segment)
        and metric_value_matches(gold, predicted)
        and close(predicted.change_pct, gold.change_pct, PCT_TOLERANCE)
    )
