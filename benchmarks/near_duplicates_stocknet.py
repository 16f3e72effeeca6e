"""Near-duplicate grouping on 119,844 stocknet tweets: pair precision/recall, time, peak memory.

Truth (as the issue defines it): two tweets are copies when their texts are equal after removing
links and normalising white space and case, or when one is a retweet of the other ("RT @user:
text" copies "text"; a retweet cut short with "…" copies every tweet that starts with what it
kept). The benchmark ingests every tweet through `tickerwire ingest`'s library path (reader,
worker processes, DuckDB store) into a temporary database, reads back each tweet's
`duplicate_group` (tweet URL -> article -> group), and prints:

- pair precision and recall of the grouping against the truth, over all tweets (dominated by the
  big groups of identical retweets) and over distinct texts (one tweet per normalised text: the
  near-duplicate decisions proper);
- precision against a looser truth that also ignores @mentions, $cashtags, #hashtags and
  punctuation, since the strict truth counts "@a Your tweet about $X was featured" and "@b Your
  tweet about $X was featured" as different texts;
- the same over the tweets the pipeline stored (the clean stage may leave a tweet without text:
  such a tweet is reported and not stored), which is the grouping's own figure;
- ingest time, articles/s, and resident memory of the writer and of the worker processes at 10%,
  50% and 100% of the input (memory must not grow with the input);
- with --sweep (default), precision/recall per threshold from the in-memory grouping, the
  calibration behind `NearDuplicateParams.threshold`.

    PYTHONPATH=src python benchmarks/near_duplicates_stocknet.py [--limit N] [--no-sweep]

Takes about 3-5 minutes on two cores. Not run in CI; needs ../shared/eval-data/stocknet.
"""

from __future__ import annotations

import argparse
import bisect
import gzip
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from memory_probe import MemoryProbe

from tickerwire.cluster.near_duplicates import (
    BandIndex,
    Candidate,
    MinHasher,
    NearDuplicateParams,
    choose_group,
)
from tickerwire.config import Settings
from tickerwire.store import DuckDBStore, ingest_paths

_URL = re.compile(r"(?:https?://|www\.)\S*", re.IGNORECASE)
_RETWEET = re.compile(r"^rt\s+@\w+\s*:?\s*")
_LOOSE_DROP = re.compile(r"\brt\b|\bvia\b|@\w+|[$#]\w+|[^\w\s]")
# A truncated retweet must keep this many characters to be linked by prefix: shorter prefixes
# ("$AAPL is…") match unrelated tweets.
_MIN_PREFIX = 20


def find_stocknet() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "eval-data" / "stocknet" / "tweets_text"
        if candidate.is_dir():
            return candidate
    return None


def read_tweets(folder: Path, limit: int | None) -> list[dict[str, str]]:
    tweets: list[dict[str, str]] = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                tweets.append(json.loads(line))
                if limit and len(tweets) >= limit:
                    return tweets
    return tweets


def tweet_url(tweet: dict[str, str]) -> str:
    return f"https://twitter.com/{tweet['screen_name']}/status/{tweet['id_str']}"


# -- truth ------------------------------------------------------------------------------------


def strict_text(text: str) -> str:
    return " ".join(_URL.sub(" ", text.casefold()).split())


def loose_text(text: str) -> str:
    return " ".join(_LOOSE_DROP.sub(" ", strict_text(text)).split())


def truth_groups(texts: Sequence[str], normalise: Callable[[str], str]) -> list[int]:
    """A group label per tweet: copies (normalised equal, or retweet of) share a label."""
    parent = list(range(len(texts)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: int, b: int) -> None:
        a, b = find(a), find(b)
        if a != b:
            parent[max(a, b)] = min(a, b)

    first_with: dict[str, int] = {}
    truncated: list[tuple[int, str]] = []
    for i, text in enumerate(texts):
        strict = strict_text(text)
        marker = _RETWEET.match(strict)
        body = strict[marker.end() :] if marker else strict
        if marker and body.endswith(("…", "...")):
            kept = body.rstrip("…").rstrip(".")
            kept = kept.rsplit(" ", 1)[0] if " " in kept else kept  # last word was cut
            truncated.append((i, normalise(kept)))
        key = normalise(body)
        if key in first_with:
            union(i, first_with[key])
        else:
            first_with[key] = i
    keys = sorted(first_with)
    for i, prefix in truncated:
        if len(prefix) < _MIN_PREFIX:
            continue
        at = bisect.bisect_left(keys, prefix)
        while at < len(keys) and keys[at].startswith(prefix):
            union(i, first_with[keys[at]])
            at += 1
    return [find(i) for i in range(len(texts))]


def pair_scores(predicted: Sequence[object], truth: Sequence[object]) -> tuple[float, float, int]:
    """Pair precision, recall, and the number of predicted pairs."""

    def pairs(labels: Sequence[object]) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())

    both = pairs(list(zip(predicted, truth, strict=True)))
    predicted_pairs, true_pairs = pairs(predicted), pairs(truth)
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    return precision, recall, predicted_pairs


# -- runs -------------------------------------------------------------------------------------


def write_jsonl(tweets: Sequence[dict[str, str]], path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for tweet in tweets:
            record = {
                "text": tweet["text"],
                "url": tweet_url(tweet),
                "published": tweet["trading_day_file"],
                "source": "twitter",
            }
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def ingest_tweets(tweets: Sequence[dict[str, str]], workdir: Path) -> tuple[list[str], MemoryProbe]:
    """Ingest all tweets; return each tweet's duplicate group and the memory samples."""
    source = workdir / "tweets.jsonl"
    write_jsonl(tweets, source)
    db = workdir / "tweets.duckdb"
    probe = MemoryProbe(len(tweets))
    settings = Settings.from_env()
    settings = replace(settings, store=replace(settings.store, workers=0))
    started = time.perf_counter()
    run = ingest_paths([source], settings, db_path=db, on_progress=probe)
    elapsed = time.perf_counter() - started
    print(
        f"ingest: {len(tweets):,} tweets in {elapsed:.1f} s ({len(tweets) / elapsed:,.0f}/s): "
        f"{run.stored:,} stored, {run.duplicates:,} exact duplicates, "
        f"{run.near_duplicates:,} joined a near-duplicate group, {run.errors:,} errors"
    )
    with DuckDBStore(db, read_only=True) as store:
        group_of_url = dict(
            store.connection.execute(
                "SELECT v.url, a.duplicate_group FROM article_versions AS v "
                "JOIN articles AS a ON a.id = v.article_id"
            ).fetchall()
        )
        counts = store.table_counts()
    print(
        f"database: {db.stat().st_size / 1e6:,.0f} MB; duplicate groups "
        f"{counts['duplicate_groups']:,}; indexed signatures {counts['minhash_signatures']:,}"
    )
    # A tweet the reader refused (empty text) has no URL row: it is its own group.
    groups = [group_of_url.get(tweet_url(t), f"unstored:{i}") for i, t in enumerate(tweets)]
    return groups, probe


def report_scores(name: str, predicted: Sequence[str], texts: Sequence[str]) -> None:
    strict, loose = truth_groups(texts, strict_text), truth_groups(texts, loose_text)
    first_of_text: dict[str, int] = {}
    for i, text in enumerate(texts):
        first_of_text.setdefault(strict_text(text), i)
    distinct = sorted(first_of_text.values())
    rows = [
        ("all tweets", list(predicted), strict, loose),
        (
            "distinct texts",
            [predicted[i] for i in distinct],
            [strict[i] for i in distinct],
            [loose[i] for i in distinct],
        ),
    ]
    for label, pred, truth, loose_truth in rows:
        p, r, n = pair_scores(pred, truth)
        lp, _, _ = pair_scores(pred, loose_truth)
        print(
            f"{name} {label:>14}: precision {p:.4f} recall {r:.4f} "
            f"(loose-truth precision {lp:.4f}; {n:,} predicted pairs)"
        )


def sweep(texts: Sequence[str], thresholds: Sequence[float]) -> None:
    """In-memory incremental grouping at several thresholds (same algorithm as the store)."""
    base = NearDuplicateParams()
    hasher = MinHasher(base)
    started = time.perf_counter()
    prints = [hasher.fingerprint(t) for t in texts]
    keys = [hasher.band_keys(f) if f is not None else [] for f in prints]
    print(f"sweep: fingerprints of {len(texts):,} texts in {time.perf_counter() - started:.1f} s")
    for threshold in thresholds:
        params = replace(base, threshold=threshold)
        index = BandIndex()
        predicted: list[str] = []
        for i, (fingerprint, band_keys) in enumerate(zip(prints, keys, strict=True)):
            assignment = choose_group(str(i), fingerprint, index.candidates(band_keys), params)
            if assignment.indexed and fingerprint is not None:
                index.add(band_keys, Candidate(str(i), assignment.group_id, fingerprint))
            predicted.append(assignment.group_id)
        report_scores(f"threshold {threshold:.2f}", predicted, texts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N tweets")
    parser.add_argument("--no-sweep", action="store_true", help="skip the threshold sweep")
    args = parser.parse_args(argv)
    folder = find_stocknet()
    if folder is None:
        print("stocknet tweets not found (../shared/eval-data/stocknet)", file=sys.stderr)
        return 2
    tweets = read_tweets(folder, args.limit)
    texts = [t["text"] for t in tweets]
    print(f"{len(tweets):,} tweets from {folder}")
    with tempfile.TemporaryDirectory(prefix="tickerwire-stocknet-") as workdir:
        predicted, probe = ingest_tweets(tweets, Path(workdir))
    for at in probe.samples:
        print(
            f"memory at {at.name:>4} ({at.done:,} tweets): "
            f"writer {at.writer_mb:,.0f} MB, worker {at.worker_mb:,.0f} MB"
        )
    print(f"peak memory: writer {probe.peak_parent:,.0f} MB, worker {probe.peak_worker:,.0f} MB")
    params = NearDuplicateParams()
    label = f"store (threshold {params.threshold:.2f})"
    report_scores(label, predicted, texts)
    # The same without the tweets the pipeline did not store (cleaning left no text): the
    # grouping's own precision and recall, apart from what cleaning dropped.
    kept = [i for i, group in enumerate(predicted) if not group.startswith("unstored:")]
    print(f"{len(texts) - len(kept):,} tweets not stored (no text left after cleaning)")
    report_scores(f"{label}, stored tweets", [predicted[i] for i in kept], [texts[i] for i in kept])
    if not args.no_sweep:
        sweep(texts, (0.5, 0.6, 0.7, 0.75, 0.8, 0.9))
    return 0


if __name__ == "__main__":
    sys.exit(main())
