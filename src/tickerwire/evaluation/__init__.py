"""Scoring the pipeline against gold annotations (`tickerwire eval`).

The modules, in the order a gold file travels through them: `gold` (load and check the file),
`runner` (run the pipeline on each annotated document, the only I/O), `matching` (normalise and
compare items), `scoring` (one document), `summary` (totals and figures), `floors` (the figures a
change may not make worse), `report` (table or JSON).

Matching rules, field by field. Every predicted item is matched at most once, every gold item at
most once; a gold item that finds no prediction is a false negative (missed), a prediction left
over is a false positive (spurious).

* price_moves: a predicted `price_move` event matches a gold move when the listing is the same
  (tickers upper-cased, Hong Kong codes padded to four digits; a null `listing` is read as the
  entity's only listing when it has exactly one), the direction is the same, and |change_pct|
  is within 0.01 of the gold magnitude. Gold moves take predictions in file order; a first pass
  prefers a prediction whose period also agrees. The period is then judged apart on matched moves
  whose gold has one (`since:YYYY-MM-DD` equals `period: since` with that `since` date):
  `price_moves.period_accuracy`.
* index_moves: the same with the index code instead of the listing; the level must be within
  0.01 when gold gives one; the instrument (`index` or `futures`) must agree when gold gives one
  (the FNSPID gold leaves it out, e-mini moves included); a gold move without change_pct is
  matched on its level. A matched move given a level where gold has none is counted in
  `index_moves.level_errors` (the text states no level: it was taken from elsewhere).
* metrics: a `financial_metric` event matches when its entity's listings (or its entity id)
  include the gold listing, and metric, segment (casefolded, `_`/`-` read as spaces), value
  (within 0.5 % of gold; a gold range `value_low`..`value_high` accepts a value inside it) and
  signed change_pct (within 0.01) all agree. Null must meet null.
* dates: on matched price and index moves whose gold gives a trading day: the same day is right;
  another day is WRONG (`dates.errors`, which must stay 0); a null on an article the gold gives no
  publication date is "not known" (honest, not an error); a null on a dated article is a miss
  (`dates.recall` counts it; `dates.precision` does not). Where gold says the day cannot be known
  (null), a predicted day is an error on an undated article (it was invented) and is reported but
  not scored on a dated one (the as-of day of a year-to-date move is defensible).
* boilerplate, off_topic: the share of gold strings absent from the clean `text` (compared
  casefolded with quotes straightened and white space collapsed). `off_topic.event_errors`
  counts events whose evidence text contains an off-topic string.
* tickers: gold `about` ∪ `tickers_mentioned` (∪ the listings gold gives price moves and metrics
  for, which the article mentions too) against the listings of predicted `company` entities
  that have listings. A predicted company is right if any of its tickers is in the gold
  set (precision counts companies); a gold ticker is found if any predicted company carries it
  (recall counts tickers). When the gold has no `tickers_mentioned`, a company the gold names
  among its organisations is not counted as spurious.
* names: gold `organizations` ∪ `people` against the names of predicted organisation, person and
  company entities; names are casefolded, stripped of accents, punctuation and legal words ("Inc",
  "Co", "Group", ".com", ...) and match when rapidfuzz token_set_ratio >= 90 or when one is the
  acronym of the other ("UBP" ~ "Union Bancaire Privee"), best pairs first. A
  predicted company whose listing is a gold ticker is not spurious (the gold names the article's
  own companies by ticker). Documents whose gold lists neither field are left out.
* event_types: per document, the set of gold types against the set of predicted event types;
  counts are summed over documents (micro-average).
* drivers: per document, the gold driver categories against the categories of the events that
  predicted price moves name as drivers (`financial_metric` and `guidance` count as `earnings`).
  n/a while no predicted price move carries drivers. `move_drivers`: the same per matched
  price move, where the gold gives the move's own `drivers` (FNSPID), see `move_drivers`.
* consistency: gold `consistency_flags` against the article's `conflicts`, paired when a
  conflict's quoted evidence and the flag's evidence contain one another. Scored on documents
  whose gold has the field; n/a while no article has conflicts.

Not scored: `amounts`, `notes`, metric currencies and estimate flags.
"""

from __future__ import annotations

from tickerwire.evaluation.floors import (
    FloorCheck,
    FloorFailure,
    check_floors,
    load_floors,
    lowered_floors,
)
from tickerwire.evaluation.gold import GoldDocument, GoldFile, load_gold, parse_gold
from tickerwire.evaluation.report import render_json, render_table
from tickerwire.evaluation.runner import default_corpus, evaluate_gold
from tickerwire.evaluation.scoring import Counts, DocumentResult, score_document
from tickerwire.evaluation.summary import EvalReport, is_ceiling

__all__ = [
    "Counts",
    "DocumentResult",
    "EvalReport",
    "FloorCheck",
    "FloorFailure",
    "GoldDocument",
    "GoldFile",
    "check_floors",
    "default_corpus",
    "evaluate_gold",
    "is_ceiling",
    "load_floors",
    "load_gold",
    "lowered_floors",
    "parse_gold",
    "render_json",
    "render_table",
    "score_document",
]
