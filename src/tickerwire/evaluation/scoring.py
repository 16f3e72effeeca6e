"""Scoring one predicted Article against its gold document, and adding documents up.

`score_document` is pure: a GoldDocument and the Article the pipeline made of it in, a
DocumentResult with counts and, for `--verbose`, plain-words lists of what was missed, what was
spurious and which dates and periods were wrong. `EvalReport.figures()` turns the totals into the
flat `field.figure` numbers that floors are checked against. The rules are in the package
docstring.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from tickerwire.evaluation.describe import (
    describe_gold_metric,
    describe_gold_move,
    describe_predicted_metric,
    describe_predicted_move,
    preview,
)
from tickerwire.evaluation.gold import GoldDocument, GoldIndexMove, GoldPriceMove
from tickerwire.evaluation.matching import (
    NAME_MATCH_MIN_SCORE,
    PredictedMove,
    company_entities,
    index_move_matches,
    metric_matches,
    name_similarity,
    named_entities,
    normalise_text,
    normalise_ticker,
    pair_best_first,
    pair_in_order,
    period_agrees,
    predicted_index_moves,
    predicted_metrics,
    predicted_price_moves,
    price_move_matches,
    unique,
    with_period,
)
from tickerwire.evaluation.move_drivers import move_driver_counts
from tickerwire.records import Article, Event

# A driver's category is its event type, except that figures and guidance count as earnings
# (CONTRACT.md, Event types).
DRIVER_CATEGORY_ALIASES = {"financial_metric": "earnings", "guidance": "earnings"}


@dataclass
class Counts:
    """True positives, false positives and false negatives of one field.

    `tp_predicted` is set when the predictions that are right are not counted one for one with the
    gold items found (a predicted company matches gold tickers as a whole): precision then uses it.
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tp_predicted: int | None = None

    @property
    def right_predictions(self) -> int:
        return self.tp if self.tp_predicted is None else self.tp_predicted

    @property
    def precision(self) -> float | None:
        """None when nothing was predicted (n/a rather than a made-up 0 or 1)."""
        denominator = self.right_predictions + self.fp
        return self.right_predictions / denominator if denominator else None

    @property
    def recall(self) -> float | None:
        """None when the gold has nothing of this kind."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    def __add__(self, other: Counts) -> Counts:
        both_plain = self.tp_predicted is None and other.tp_predicted is None
        return Counts(
            tp=self.tp + other.tp,
            fp=self.fp + other.fp,
            fn=self.fn + other.fn,
            tp_predicted=None if both_plain else self.right_predictions + other.right_predictions,
        )


@dataclass
class FieldResult:
    counts: Counts = field(default_factory=Counts)
    missed: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)


@dataclass
class PeriodResult:
    """On matched moves whose gold gives a period: was the predicted period the same?"""

    correct: int = 0
    wrong: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class DateResult:
    """Dates of matched price and index moves whose gold gives a trading day.

    `wrong` is an error: another day than gold's, or any day on an article without a publication
    date where gold says the day cannot be known (it can only have been invented). `not_known` is
    an honest null on an article with no publication date; `missed` is a null where the article
    is dated (a recall loss, not an error). `unexpected` counts days given on a dated article
    where gold has none, such as the as-of day of a year-to-date move (reported, not scored).
    """

    correct: int = 0
    wrong: int = 0
    not_known: int = 0
    missed: int = 0
    unexpected: int = 0
    notes: list[str] = field(default_factory=list)


@dataclass
class RemovalResult:
    """Gold strings that must not be in the clean text: how many are gone, and the leaks."""

    removed: int = 0
    leaked: list[str] = field(default_factory=list)


@dataclass
class DocumentResult:
    doc: str
    error: str | None = None
    fields: dict[str, FieldResult] = field(default_factory=dict)
    periods: dict[str, PeriodResult] = field(default_factory=dict)
    dates: DateResult = field(default_factory=DateResult)
    boilerplate: RemovalResult = field(default_factory=RemovalResult)
    off_topic: RemovalResult = field(default_factory=RemovalResult)
    off_topic_events: list[str] = field(default_factory=list)
    # Matched index moves given a level the gold says the text does not state (an invented fact
    # the match rule, which checks the level only when gold has one, lets through).
    level_errors: list[str] = field(default_factory=list)
    drivers_predicted: bool = False
    conflicts_predicted: bool = False


MOVE_FIELDS = ("price_moves", "index_moves")
SCORED_FIELDS = (
    "price_moves",
    "index_moves",
    "metrics",
    "tickers",
    "names",
    "event_types",
    "drivers",
    "move_drivers",
    "consistency",
)


# ---------------------------------------------------------------------------------------------
# Per-field scoring
# ---------------------------------------------------------------------------------------------


def _paired_result(
    gold: Sequence[Any],
    predicted: Sequence[Any],
    pairs: list[tuple[int, int]],
    describe_gold: Callable[[Any], str],
    describe_predicted: Callable[[Any], str],
) -> FieldResult:
    paired_gold = {g for g, _ in pairs}
    paired_pred = {p for _, p in pairs}
    missed = [describe_gold(g) for i, g in enumerate(gold) if i not in paired_gold]
    spurious = [describe_predicted(p) for i, p in enumerate(predicted) if i not in paired_pred]
    return FieldResult(Counts(len(pairs), len(spurious), len(missed)), missed, spurious)


def _judge_moves(
    name: str,
    gold: Sequence[GoldPriceMove] | Sequence[GoldIndexMove],
    predicted: Sequence[PredictedMove],
    pairs: list[tuple[int, int]],
    published_known: bool,
    result: DocumentResult,
) -> None:
    periods = result.periods.setdefault(name, PeriodResult())
    dates = result.dates
    for gi, pi in pairs:
        g, p = gold[gi], predicted[pi]
        what = describe_gold_move(g)
        if isinstance(g, GoldIndexMove) and g.level is None and p.level is not None:
            result.level_errors.append(f"{what}: level {p.level:g} where the text gives none")
        if g.period is not None:
            if period_agrees(g.period, p):
                periods.correct += 1
            else:
                periods.wrong += 1
                periods.notes.append(f"{what}: period {p.period or 'null'}")
        if g.date is None:
            if p.date is not None and not published_known:
                dates.wrong += 1
                dates.notes.append(f"{what}: WRONG DATE {p.date} on an undated article")
            elif p.date is not None:
                dates.unexpected += 1
                dates.notes.append(f"{what}: dated {p.date} where gold has no day (not scored)")
        elif p.date == g.date:
            dates.correct += 1
        elif p.date is not None:
            dates.wrong += 1
            dates.notes.append(f"{what}: WRONG DATE {p.date}")
        elif published_known:
            dates.missed += 1
            dates.notes.append(f"{what}: date missing though the article is dated")
        else:
            dates.not_known += 1


def _score_moves(gold_doc: GoldDocument, article: Article, result: DocumentResult) -> None:
    published_known = gold_doc.published is not None
    price_pred = predicted_price_moves(article)
    price_pairs = pair_in_order(
        gold_doc.price_moves, price_pred, [with_period(price_move_matches), price_move_matches]
    )
    result.fields["price_moves"] = _paired_result(
        gold_doc.price_moves, price_pred, price_pairs, describe_gold_move, describe_predicted_move
    )
    _judge_moves(
        "price_moves", gold_doc.price_moves, price_pred, price_pairs, published_known, result
    )
    per_move = move_driver_counts(gold_doc.price_moves, price_pred, price_pairs, article.events)
    if per_move is not None:
        tp, fp, fn, missed, spurious = per_move
        result.fields["move_drivers"] = FieldResult(Counts(tp, fp, fn), missed, spurious)

    index_pred = predicted_index_moves(article)
    index_pairs = pair_in_order(
        gold_doc.index_moves, index_pred, [with_period(index_move_matches), index_move_matches]
    )
    result.fields["index_moves"] = _paired_result(
        gold_doc.index_moves, index_pred, index_pairs, describe_gold_move, describe_predicted_move
    )
    _judge_moves(
        "index_moves", gold_doc.index_moves, index_pred, index_pairs, published_known, result
    )


def _score_metrics(gold_doc: GoldDocument, article: Article) -> FieldResult:
    predicted = predicted_metrics(article)
    pairs = pair_in_order(gold_doc.metrics, predicted, [metric_matches])
    return _paired_result(
        gold_doc.metrics, predicted, pairs, describe_gold_metric, describe_predicted_metric
    )


def _gold_tickers(gold_doc: GoldDocument) -> list[str]:
    """`about` ∪ `tickers_mentioned` ∪ the listings of gold price moves and metrics.

    A listing the gold gives a move or a figure for is mentioned by the article even where the
    gold does not list `tickers_mentioned` (the seeds).
    """
    listed = gold_doc.about + (gold_doc.tickers_mentioned or ())
    listed += tuple(move.listing for move in gold_doc.price_moves)
    listed += tuple(metric.listing for metric in gold_doc.metrics if metric.listing)
    return unique(normalise_ticker(t) for t in listed)


def _score_tickers(gold_doc: GoldDocument, article: Article) -> FieldResult:
    """Gold tickers (`_gold_tickers`) against the listings of predicted companies.

    A predicted company is right when any of its listings is in the gold set. When the gold does
    not list `tickers_mentioned` (the seeds give only `about`), a company the gold names among its
    organisations is neither right nor wrong here: the gold does not say which tickers it expects.
    """
    gold = _gold_tickers(gold_doc)
    gold_set = set(gold)
    covered: set[str] = set()
    result = FieldResult()
    right = 0
    for company in company_entities(article.entities):
        tickers = {normalise_ticker(t) for t in company.tickers}
        if tickers & gold_set:
            right += 1
            covered |= tickers & gold_set
        elif gold_doc.tickers_mentioned is None and any(
            name_similarity(company.name, n) >= NAME_MATCH_MIN_SCORE for n in gold_doc.names or ()
        ):
            continue
        else:
            result.spurious.append(f"{company.name} [{' '.join(company.tickers)}]")
    result.missed = [t for t in gold if t not in covered]
    result.counts = Counts(len(covered), len(result.spurious), len(result.missed), right)
    return result


def _score_names(gold_doc: GoldDocument, article: Article) -> FieldResult | None:
    """Gold organisations and people against predicted organisation/person/company names.

    A predicted company left unmatched whose listing is among the gold tickers is not counted as
    spurious: the gold names the article's own companies by ticker (`about`), not by name.
    """
    gold = gold_doc.names
    if gold is None:
        return None
    predicted = named_entities(article.entities)
    pairs = pair_best_first(
        gold, predicted, lambda g, p: name_similarity(g, p.name), NAME_MATCH_MIN_SCORE
    )
    paired_gold = {g for g, _ in pairs}
    paired_pred = {p for _, p in pairs}
    gold_tickers = set(_gold_tickers(gold_doc))
    missed = [g for i, g in enumerate(gold) if i not in paired_gold]
    spurious = [
        f"{e.name} ({e.type})"
        for i, e in enumerate(predicted)
        if i not in paired_pred and not {normalise_ticker(t) for t in e.tickers} & gold_tickers
    ]
    return FieldResult(Counts(len(pairs), len(spurious), len(missed)), missed, spurious)


def _set_result(gold: Sequence[str], predicted: Sequence[str]) -> FieldResult:
    gold_set, predicted_set = set(gold), set(predicted)
    missed = sorted(gold_set - predicted_set)
    spurious = sorted(predicted_set - gold_set)
    return FieldResult(
        Counts(len(gold_set & predicted_set), len(spurious), len(missed)), missed, spurious
    )


def driver_categories(events: Sequence[Event]) -> list[str]:
    """Categories of the events that predicted price moves give as their drivers."""
    categories = []
    for event in events:
        if event.type != "price_move":
            continue
        drivers = event.attributes.get("drivers") or []
        for index in drivers if isinstance(drivers, list) else []:
            if isinstance(index, int) and 0 <= index < len(events):
                kind = events[index].type
                categories.append(DRIVER_CATEGORY_ALIASES.get(kind, kind))
    return unique(categories)


def _score_consistency(gold_doc: GoldDocument, article: Article) -> FieldResult | None:
    """Gold consistency flags against the article's conflicts, paired by overlapping evidence."""
    if gold_doc.consistency_flags is None:
        return None
    gold = list(gold_doc.consistency_flags)

    def overlaps(flag: Any, conflict: Any) -> bool:
        wanted = normalise_text(flag.evidence)
        for value in conflict.values:
            quoted = normalise_text(value.evidence)
            if quoted and (wanted in quoted or quoted in wanted):
                return True
        return False

    pairs = pair_in_order(gold, article.conflicts, [overlaps])
    return _paired_result(
        gold,
        article.conflicts,
        pairs,
        lambda f: f"{f.what}: {f.evidence}",
        lambda c: f"{c.field}: {c.why}",
    )


def _removal(strings: Sequence[str], clean_text: str) -> RemovalResult:
    result = RemovalResult()
    for s in strings:
        if normalise_text(s) in clean_text:
            result.leaked.append(s)
        else:
            result.removed += 1
    return result


def score_document(gold_doc: GoldDocument, article: Article) -> DocumentResult:
    """Compare one Article with its gold annotation (pure; no I/O)."""
    result = DocumentResult(doc=gold_doc.doc)
    _score_moves(gold_doc, article, result)
    result.fields["metrics"] = _score_metrics(gold_doc, article)
    result.fields["tickers"] = _score_tickers(gold_doc, article)
    names = _score_names(gold_doc, article)
    if names is not None:
        result.fields["names"] = names
    result.fields["event_types"] = _set_result(
        gold_doc.event_types, unique(e.type for e in article.events)
    )
    result.fields["drivers"] = _set_result(gold_doc.drivers, driver_categories(article.events))
    result.drivers_predicted = any(
        e.type == "price_move" and e.attributes.get("drivers") for e in article.events
    )
    consistency = _score_consistency(gold_doc, article)
    if consistency is not None:
        result.fields["consistency"] = consistency
    result.conflicts_predicted = bool(article.conflicts)

    clean = normalise_text(article.text)
    result.boilerplate = _removal(gold_doc.boilerplate, clean)
    result.off_topic = _removal(gold_doc.off_topic, clean)
    off_topic = [normalise_text(s) for s in gold_doc.off_topic]
    for event in article.events:
        evidence = normalise_text(event.evidence.text)
        if any(s in evidence for s in off_topic):
            result.off_topic_events.append(f"{event.type}{preview(event.evidence.text)}")
    return result


def unreadable_document(gold_doc: GoldDocument, reason: str) -> DocumentResult:
    """The result of a gold document the pipeline could not read: every gold item is missed."""
    empty = Article(id="unreadable", text="", pipeline_version="n/a")
    result = score_document(gold_doc, empty)
    result.error = reason
    # Nothing was read, so nothing was removed either: page-furniture figures leave it out.
    result.boilerplate = RemovalResult()
    result.off_topic = RemovalResult()
    return result
