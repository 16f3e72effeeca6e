"""Evaluation of the sentiment scorer on public labelled sets (parsing, scoring, metrics).

The sets stay outside the repository (their licences forbid copying); these functions take the
files' contents, so reading them is the caller's job (the CLI, the benchmark script):

- Financial PhraseBank (Malo et al. 2014): "sentence@label" lines; accuracy and macro-F1.
- SemEval-2017 Task 5, headlines: {company, title, sentiment in -1..1}; cosine similarity of the
  predicted and gold score vectors, the task's measure.
- SEntFiN (Sinha et al. 2022): headlines with {entity: label}; entity-level accuracy, reported
  apart for headlines naming two or more entities.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

import regex

from tickerwire.records import SentimentLabel
from tickerwire.score.entity_sentiment import EntitySpan, entity_tones, short_name
from tickerwire.score.sentiment import SentenceScorer, label_for, squash

LABELS: tuple[str, ...] = ("positive", "neutral", "negative")

# Fixed development split for the sets without one: items whose id is a multiple of 4 were the
# only ones read while writing the lexicon; the rest is held out.
DEV_MODULUS = 4


@dataclass(frozen=True)
class LabelledSentence:
    text: str
    label: str  # one of LABELS


@dataclass(frozen=True)
class ScoredHeadline:
    id: int
    company: str
    title: str
    score: float


@dataclass(frozen=True)
class EntityHeadline:
    id: int
    title: str
    labels: dict[str, str]  # entity name -> one of LABELS


HeadlineT = TypeVar("HeadlineT", ScoredHeadline, EntityHeadline)


@dataclass(frozen=True)
class EvaluationReport:
    """What one evaluation measured: the set, how many items, and the figures."""

    dataset: str
    items: int
    metrics: dict[str, float]
    confusion: dict[str, dict[str, int]] = field(default_factory=dict)


# --- parsing -------------------------------------------------------------------------------


def decode_lines(data: bytes) -> list[str]:
    """Lines of a file that mixes UTF-8 and Latin-1 lines (as PhraseBank's mirror does)."""
    lines = []
    for raw in data.splitlines():
        try:
            lines.append(raw.decode("utf-8"))
        except UnicodeDecodeError:
            lines.append(raw.decode("latin-1"))
    return lines


def parse_phrasebank(lines: Iterable[str]) -> list[LabelledSentence]:
    """PhraseBank "sentence@label" lines (blank lines and unknown labels skipped)."""
    items = []
    for line in lines:
        text, _, label = line.strip().rpartition("@")
        if text and label in LABELS:
            items.append(LabelledSentence(text.strip(), label))
    return items


def sentence_key(text: str) -> str:
    """A key that survives the sets' encoding differences, to match lines across files."""
    return regex.sub(r"[^a-z0-9]", "", text.lower())


def parse_semeval_headlines(json_text: str) -> list[ScoredHeadline]:
    """SemEval-2017 Task 5 headline items from the JSON list of {id, company, title, sentiment}."""
    return [
        ScoredHeadline(int(item["id"]), item["company"], item["title"], float(item["sentiment"]))
        for item in json.loads(json_text)
    ]


_DECISION = regex.compile(r"""['"](.+?)['"]\s*:\s*['"](positive|negative|neutral)['"]""")


def parse_sentfin(csv_text: str) -> list[EntityHeadline]:
    """SEntFiN rows (columns "S No.", "Title", "Decisions": a dict written as Python)."""
    items = []
    for row in csv.DictReader(io.StringIO(csv_text)):
        decisions = row["Decisions"]
        try:
            labels = {str(k).strip(): str(v) for k, v in ast.literal_eval(decisions).items()}
        except (ValueError, SyntaxError):
            # a few names hold an apostrophe ("Osian's"), which breaks the Python literal
            labels = {k.strip(): v for k, v in _DECISION.findall(decisions)}
        clean = {k: v for k, v in labels.items() if v in LABELS and k}
        items.append(EntityHeadline(int(row["S No."]), row["Title"], clean))
    return items


def split_items(items: Sequence[HeadlineT], split: str) -> list[HeadlineT]:
    """The `dev` (id % 4 == 0), `test` (the rest) or `all` part of a set."""
    if split == "all":
        return list(items)
    if split not in ("dev", "test"):
        raise ValueError(f"unknown split {split!r}")
    want_dev = split == "dev"
    return [item for item in items if (item.id % DEV_MODULUS == 0) == want_dev]


# --- metrics -------------------------------------------------------------------------------


def confusion_matrix(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, dict[str, int]]:
    """{gold label: {predicted label: count}} over the three labels."""
    matrix: dict[str, dict[str, int]] = {g: dict.fromkeys(LABELS, 0) for g in LABELS}
    for g, p in zip(gold, predicted, strict=True):
        matrix[g][p] += 1
    return matrix


def accuracy(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Share of items whose predicted label is the gold one."""
    if not gold:
        return 0.0
    return sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold)


def f1_per_label(gold: Sequence[str], predicted: Sequence[str]) -> dict[str, float]:
    """F1 of each label (0 for a label never predicted nor present)."""
    scores: dict[str, float] = {}
    for label in LABELS:
        pairs = list(zip(gold, predicted, strict=True))
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        scores[label] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return scores


def macro_f1(gold: Sequence[str], predicted: Sequence[str]) -> float:
    """Unweighted mean of the three labels' F1."""
    return sum(f1_per_label(gold, predicted).values()) / len(LABELS)


def cosine_similarity(a: Sequence[float], b: Sequence[float]) -> float:
    """cos(a, b); 0 when either vector is all zeros."""
    dot = sum(x * y for x, y in zip(a, b, strict=True))
    norm = math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b))
    return dot / norm if norm else 0.0


def label_report(dataset: str, gold: Sequence[str], predicted: Sequence[str]) -> EvaluationReport:
    """Accuracy, macro-F1 and per-label F1 of a labelled set."""
    metrics = {"accuracy": accuracy(gold, predicted), "macro_f1": macro_f1(gold, predicted)}
    metrics.update({f"f1_{k}": v for k, v in f1_per_label(gold, predicted).items()})
    return EvaluationReport(dataset, len(gold), metrics, confusion_matrix(gold, predicted))


# --- evaluations ---------------------------------------------------------------------------


def evaluate_phrasebank(
    items: Sequence[LabelledSentence], classify: Callable[[str], SentimentLabel]
) -> EvaluationReport:
    """Accuracy and macro-F1 of `classify` (sentence -> label) on PhraseBank items."""
    gold = [item.label for item in items]
    return label_report("phrasebank", gold, [classify(item.text) for item in items])


def find_entity(title: str, name: str) -> list[tuple[int, int]]:
    """Where a company or entity name occurs in a headline, tolerating suffixes and case.

    Tries the full name, then without company suffixes ("Tesco PLC" -> "Tesco"), then its first
    word; case-insensitive, at word boundaries.
    """
    candidates = [name.strip()]
    stripped = short_name(name)
    candidates.append(stripped)
    first_word = stripped.split()[0] if stripped.split() else ""
    if len(first_word) >= 3:
        candidates.append(first_word)
    for candidate in candidates:
        if not candidate:
            continue
        pattern = r"(?<![\w])" + regex.escape(candidate) + r"(?:['’]s)?(?![\w])"
        found = [(m.start(), m.end()) for m in regex.finditer(pattern, title, regex.IGNORECASE)]
        if found:
            return found
    return []


def entity_scores_for_headline(
    scorer: SentenceScorer, title: str, names: Sequence[str]
) -> dict[str, float]:
    """Tone towards each named entity in one headline, in -1..1.

    An entity whose name cannot be found gets the headline's own score.
    """
    sentence = scorer.score(title)
    spans: list[EntitySpan] = []
    missing = []
    for name in names:
        found = find_entity(title, name)
        spans.extend(EntitySpan(name, start, end) for start, end in found)
        if not found:
            missing.append(name)
    tones = entity_tones(sentence, title, spans)
    scores = {name: squash(tone) for name, tone in tones.items()}
    scores.update(dict.fromkeys(missing, sentence.score))
    return scores


def evaluate_semeval(items: Sequence[ScoredHeadline], scorer: SentenceScorer) -> EvaluationReport:
    """Cosine similarity of predicted and gold company scores (and the sentence-level baseline)."""
    gold = [item.score for item in items]
    towards = [entity_scores_for_headline(scorer, i.title, [i.company])[i.company] for i in items]
    whole = [scorer.score(item.title).score for item in items]
    gold_labels = [label_for(score, scorer.neutral_band) for score in gold]
    metrics = {
        "cosine": cosine_similarity(towards, gold),
        "cosine_headline_score": cosine_similarity(whole, gold),
        "label_accuracy": accuracy(
            gold_labels, [label_for(s, scorer.neutral_band) for s in towards]
        ),
    }
    return EvaluationReport("semeval2017-task5-headlines", len(items), metrics)


def evaluate_sentfin(items: Sequence[EntityHeadline], scorer: SentenceScorer) -> EvaluationReport:
    """Entity-level accuracy and macro-F1, overall and for headlines naming 2+ entities.

    `*_headline_label` figures give every entity the headline's own label: the baseline that
    entity attribution must beat where entities differ.
    """
    gold: list[str] = []
    predicted: list[str] = []
    whole: list[str] = []
    multi: list[bool] = []
    for item in items:
        if not item.labels:
            continue
        sentence_label = scorer.score(item.title).label
        scores = entity_scores_for_headline(scorer, item.title, list(item.labels))
        for name, label in item.labels.items():
            gold.append(label)
            predicted.append(label_for(scores[name], scorer.neutral_band))
            whole.append(sentence_label)
            multi.append(len(item.labels) >= 2)
    pick = [i for i, m in enumerate(multi) if m]
    multi_gold = [gold[i] for i in pick]
    metrics = {
        "entity_accuracy": accuracy(gold, predicted),
        "entity_macro_f1": macro_f1(gold, predicted),
        "multi_entity_accuracy": accuracy(multi_gold, [predicted[i] for i in pick]),
        "multi_entity_macro_f1": macro_f1(multi_gold, [predicted[i] for i in pick]),
        "multi_entity_accuracy_headline_label": accuracy(multi_gold, [whole[i] for i in pick]),
        "entity_accuracy_headline_label": accuracy(gold, whole),
        "multi_entity_labels": float(len(pick)),
    }
    return EvaluationReport("sentfin", len(gold), metrics, confusion_matrix(gold, predicted))
