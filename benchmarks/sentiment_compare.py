"""Compare tickerwire's sentiment scorer with VADER and a plain word count, in one run.

    python benchmarks/sentiment_compare.py --data ../shared/eval-data [--sweep]

Prints, for each scorer: accuracy and macro-F1 on Financial PhraseBank AllAgree (held out: the
lexicon was tuned on Sentences_75Agree lines that are not in AllAgree), entity accuracy on
SEntFiN headlines naming two or more entities, SemEval-2017 Task 5 cosine (on the whole sets,
then for tickerwire on the items never read while tuning: ids not divisible by 4); then
tickerwire's speed on the FNSPID sample articles. `--sweep` also prints macro-F1 on the
development split for several neutral bands (how NEUTRAL_BAND was chosen).

The baselines:
- VADER (`pip install vaderSentiment`, the `bench` extra), compound score with its documented
  +-0.05 thresholds;
- a Loughran-McDonald-style count: positive words minus negative words from the short lists
  below (written for this script in that dictionary's spirit, not copied from it).
VADER and the count score whole sentences, so every entity of a headline gets the same label.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import regex

from tickerwire.records import SentimentLabel
from tickerwire.score.entity_sentiment import ArticleSentimentScorer
from tickerwire.score.sentiment import SentenceScorer, label_for
from tickerwire.score.sentiment_eval import (
    EntityHeadline,
    ScoredHeadline,
    accuracy,
    cosine_similarity,
    decode_lines,
    entity_scores_for_headline,
    macro_f1,
    parse_phrasebank,
    parse_semeval_headlines,
    parse_sentfin,
    sentence_key,
    split_items,
)

WORD_COUNT_POSITIVE = frozenset(
    [
        "gain",
        "gains",
        "gained",
        "achieve",
        "achieved",
        "improve",
        "improved",
        "improvement",
        "improves",
        "strong",
        "stronger",
        "increase",
        "increased",
        "increases",
        "rise",
        "rose",
        "grew",
        "growth",
        "profit",
        "profitable",
        "profitability",
        "benefit",
        "success",
        "successful",
        "win",
        "won",
        "favorable",
        "favourable",
        "record",
        "exceed",
        "exceeded",
        "surpass",
        "advance",
        "advanced",
        "boost",
        "boosted",
        "rebound",
        "recovery",
        "upgrade",
        "upgraded",
        "outperform",
        "excellent",
        "positive",
        "expand",
        "expanded",
        "expansion",
        "opportunity",
        "opportunities",
        "efficient",
        "efficiency",
        "innovative",
        "leading",
        "good",
        "better",
        "best",
        "higher",
        "up",
        "beat",
        "beats",
        "surge",
        "surged",
        "soar",
        "soared",
    ]
)
WORD_COUNT_NEGATIVE = frozenset(
    [
        "loss",
        "losses",
        "lost",
        "decline",
        "declined",
        "declines",
        "decrease",
        "decreased",
        "fall",
        "fell",
        "drop",
        "dropped",
        "down",
        "lower",
        "weak",
        "weaker",
        "weakness",
        "adverse",
        "adversely",
        "negative",
        "fail",
        "failed",
        "failure",
        "bankruptcy",
        "bankrupt",
        "default",
        "defaults",
        "impairment",
        "impaired",
        "writedown",
        "restructuring",
        "layoff",
        "layoffs",
        "redundancies",
        "closure",
        "closed",
        "closing",
        "litigation",
        "lawsuit",
        "penalty",
        "fine",
        "fines",
        "investigation",
        "fraud",
        "shortfall",
        "deficit",
        "deteriorate",
        "deteriorated",
        "deterioration",
        "downturn",
        "recession",
        "crisis",
        "risk",
        "risks",
        "volatile",
        "volatility",
        "uncertain",
        "uncertainty",
        "cut",
        "cuts",
        "cutting",
        "reduce",
        "reduced",
        "reduction",
        "miss",
        "missed",
        "downgrade",
        "downgraded",
        "underperform",
        "plunge",
        "plunged",
        "slump",
        "slumped",
        "poor",
        "worse",
        "worst",
        "difficult",
        "difficulty",
        "problem",
        "problems",
        "concern",
        "concerns",
        "warn",
        "warned",
        "warning",
        "delay",
        "delayed",
        "suspend",
        "suspended",
        "termination",
        "terminated",
        "liability",
        "liabilities",
    ]
)
_WORD = regex.compile(r"[a-z]+(?:-[a-z]+)*")


@dataclass(frozen=True)
class NamedScorer:
    """A sentence scorer under comparison: its score in -1..1 and how a score becomes a label."""

    name: str
    score: Callable[[str], float]
    label: Callable[[float], SentimentLabel]


def word_count_label(text: str) -> SentimentLabel:
    """positive minus negative word count: > 0 positive, < 0 negative."""
    words = _WORD.findall(text.lower())
    balance = sum(w in WORD_COUNT_POSITIVE for w in words) - sum(
        w in WORD_COUNT_NEGATIVE for w in words
    )
    return "positive" if balance > 0 else "negative" if balance < 0 else "neutral"


def word_count_score(text: str) -> float:
    words = _WORD.findall(text.lower())
    pos = sum(w in WORD_COUNT_POSITIVE for w in words)
    neg = sum(w in WORD_COUNT_NEGATIVE for w in words)
    return (pos - neg) / (pos + neg) if pos + neg else 0.0


def vader_scorer() -> Callable[[str], float] | None:
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer
    except ImportError:
        return None
    analyzer = SentimentIntensityAnalyzer()
    return lambda text: float(analyzer.polarity_scores(text)["compound"])


def vader_label(score: float) -> SentimentLabel:
    return "positive" if score >= 0.05 else "negative" if score <= -0.05 else "neutral"


def phrasebank_figures(
    items: Sequence[tuple[str, str]], classify: Callable[[str], str]
) -> tuple[float, float]:
    gold = [label for _, label in items]
    predicted = [classify(text) for text, _ in items]
    return accuracy(gold, predicted), macro_f1(gold, predicted)


def sentfin_multi_accuracy(
    items: Sequence[EntityHeadline], per_entity: Callable[[EntityHeadline], dict[str, str]]
) -> float:
    gold: list[str] = []
    predicted: list[str] = []
    for item in items:
        if len(item.labels) < 2:
            continue
        labels = per_entity(item)
        for name, label in item.labels.items():
            gold.append(label)
            predicted.append(labels[name])
    return accuracy(gold, predicted)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/eval-data"))
    parser.add_argument("--sweep", action="store_true", help="print the neutral-band sweep")
    args = parser.parse_args(argv)
    data: Path = args.data
    if not (data / "financial-phrasebank").is_dir():
        print(f"no eval data under {data}; pass --data", file=sys.stderr)
        return 2

    bank = data / "financial-phrasebank"
    all_agree = parse_phrasebank(decode_lines((bank / "Sentences_AllAgree.txt").read_bytes()))
    held_out = {sentence_key(i.text) for i in all_agree}
    dev = [
        i
        for i in parse_phrasebank(decode_lines((bank / "Sentences_75Agree.txt").read_bytes()))
        if sentence_key(i.text) not in held_out
    ]
    sentfin = parse_sentfin((data / "sentfin" / "SEntFiN.csv").read_text(encoding="utf-8"))
    semeval = parse_semeval_headlines(
        (data / "semeval2017-task5-fiqa" / "SemEval2017Task5Headlines.json").read_text("utf-8")
    )
    test_pairs = [(i.text, i.label) for i in all_agree]

    scorer = SentenceScorer()
    scorers: list[NamedScorer] = [
        NamedScorer("tickerwire", lambda t: scorer.score(t).score, lambda s: label_for(s)),
        NamedScorer("word count (LM-style)", word_count_score, _count_label),
    ]
    vader = vader_scorer()
    if vader is not None:
        scorers.insert(1, NamedScorer("VADER", vader, vader_label))
    else:
        print("(vaderSentiment not installed: pip install 'tickerwire[bench]')", file=sys.stderr)

    print(f"PhraseBank AllAgree: {len(test_pairs)} sentences (held out); dev split: {len(dev)}")
    print(f"SEntFiN: {sum(len(i.labels) >= 2 for i in sentfin)} headlines with 2+ entities")
    print(f"SemEval-2017 Task 5 headlines: {len(semeval)}")
    header = f"{'scorer':<34}{'PB acc':>8}{'PB F1':>8}{'SEntFiN multi':>15}{'SemEval cos':>13}"
    print(header)
    print("-" * len(header))
    for named in scorers:
        acc, f1 = phrasebank_figures(test_pairs, lambda t, n=named: n.label(n.score(t)))
        multi = sentfin_multi_accuracy(sentfin, lambda item, n=named: _same_label_for_all(item, n))
        cosine = _semeval_cosine(semeval, named.score)
        print(f"{named.name:<34}{acc:>8.3f}{f1:>8.3f}{multi:>15.3f}{cosine:>13.3f}")
    multi = sentfin_multi_accuracy(sentfin, lambda item: _entity_labels(scorer, item))
    cosine = cosine_similarity(
        [entity_scores_for_headline(scorer, i.title, [i.company])[i.company] for i in semeval],
        [i.score for i in semeval],
    )
    print(f"{'tickerwire, towards each entity':<34}{'':>8}{'':>8}{multi:>15.3f}{cosine:>13.3f}")
    held_sentfin = split_items(sentfin, "test")
    held_semeval = split_items(semeval, "test")
    multi = sentfin_multi_accuracy(held_sentfin, lambda item: _entity_labels(scorer, item))
    cosine = cosine_similarity(
        [entity_scores_for_headline(scorer, i.title, [i.company])[i.company] for i in held_semeval],
        [i.score for i in held_semeval],
    )
    name = "  same, held-out ids (test split)"
    print(f"{name:<34}{'':>8}{'':>8}{multi:>15.3f}{cosine:>13.3f}")

    if args.sweep:
        print("\nneutral band sweep on the dev split (75Agree minus AllAgree): band macro-F1")
        dev_scores = [(scorer.score(i.text).score, i.label) for i in dev]
        for band in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
            gold = [g for _, g in dev_scores]
            print(
                f"  {band:.2f}  {macro_f1(gold, [label_for(s, band) for s, _ in dev_scores]):.3f}"
            )

    _speed(data / "fnspid-sample" / "articles")
    return 0


def _count_label(score: float) -> SentimentLabel:
    return "positive" if score > 0 else "negative" if score < 0 else "neutral"


def _same_label_for_all(item: EntityHeadline, named: NamedScorer) -> dict[str, str]:
    label = named.label(named.score(item.title))
    return dict.fromkeys(item.labels, label)


def _entity_labels(scorer: SentenceScorer, item: EntityHeadline) -> dict[str, str]:
    scores = entity_scores_for_headline(scorer, item.title, list(item.labels))
    return {name: label_for(score) for name, score in scores.items()}


def _semeval_cosine(items: Sequence[ScoredHeadline], score: Callable[[str], float]) -> float:
    return cosine_similarity([score(i.title) for i in items], [i.score for i in items])


def _speed(folder: Path) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not texts:
        return
    article_scorer = ArticleSentimentScorer()
    article_scorer.score(texts[0], None, [], [])  # load the lexicon before timing
    per_kb: list[float] = []
    started = time.perf_counter()
    for text in texts:
        begin = time.perf_counter()
        article_scorer.score(text, None, [], [])
        per_kb.append((time.perf_counter() - begin) * 1000 / (len(text) / 4096))
    elapsed = time.perf_counter() - started
    chars = sum(len(t) for t in texts)
    print(
        f"\nspeed on {len(texts)} FNSPID articles ({chars / len(texts) / 1024:.1f} KB mean): "
        f"{elapsed / len(texts) * 1000:.2f} ms per article, "
        f"{statistics.median(per_kb):.2f} ms per 4 KB (median), "
        f"{len(texts) / elapsed:.0f} articles/s"
    )


if __name__ == "__main__":
    raise SystemExit(main())
