"""Near-duplicate articles: MinHash signatures over word shingles, banded for LSH lookups.

Mirrors, wire copies and light rewrites of one article share a `duplicate_group`: the id of the
first stored article of the group. Grouping is incremental: an article is compared with the
articles stored before it (by an LSH band lookup, then the estimated Jaccard similarity of the two
signatures) and joins the group of the most similar one above `threshold` whose figures agree
with its own, or starts its own group.

This module is pure computation. The store persists signatures and band keys so that later ingest
runs group with earlier ones (`tickerwire.store`), and `BandIndex` is the in-memory equivalent used
within one batch and by the calibration benchmark.

Example:
    >>> hasher = MinHasher(NearDuplicateParams())
    >>> a = hasher.fingerprint("Shares of Example Corp rose 3% on Tuesday after strong results.")
    >>> b = hasher.fingerprint("Shares of Example Corp rose 3% on Tuesday after strong results!")
    >>> similarity(a, b)
    1.0
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field

import numpy as np
import regex

# Links and retweet/quote markers say nothing about the content; "RT @desk: text" is a copy of
# "text". A text cut short with an ellipsis ends in a partial word, which is dropped.
_URL = regex.compile(r"(?:https?://|www\.)\S*", regex.IGNORECASE)
_RETWEET = regex.compile(r"^\s*(?:rt|via)\s+@\w+\s*:?\s*", regex.IGNORECASE)
_TRUNCATED = regex.compile(r"\w*\s*(?:…|\.\.\.)\s*$")
_ELLIPSES = ("…", "...")
# Words and numbers; "9.18", "1,234" and "don't" stay one token so a changed figure changes it.
_TOKEN = regex.compile(r"\w+(?:[.,']\w+)*")
_HAS_DIGIT = regex.compile(r"\d")


@dataclass(frozen=True, eq=False)
class Fingerprint:
    """What near-duplicate detection keeps of a text: its MinHash signature (uint32, one value
    per permutation) and hashes of the figures it states (sorted, distinct, uint32)."""

    minhash: np.ndarray
    figures: np.ndarray


@dataclass(frozen=True)
class NearDuplicateParams:
    """How near-duplicates are found. Persisted with the signatures: they are only comparable
    under the same parameters.

    Threshold, calibrated with benchmarks/near_duplicates_stocknet.py on the 119,844 stocknet
    tweets against the issue's truth (copies: the same text once links, white space and case are
    normalised, or a retweet "RT @user: text", possibly cut short with "…"). Pair recall over all
    tweets stays >= 0.999 from 0.5 to 0.8 (0.9985 at 0.9). On distinct texts, where the
    near-duplicate decisions are made, recall is 0.966 at 0.5, 0.964 at 0.7, 0.963 at 0.75, 0.960
    at 0.8 and 0.937 at 0.9; pair precision is 0.19, 0.23, 0.35, 0.43 and 0.45. Most of those
    "false" pairs are copies the strict truth misses (the same text after another @mention or
    $cashtag): against a truth that ignores mentions, tags and punctuation, distinct-text precision
    is 0.93 at 0.5, 0.968 at 0.7 and 0.75, 0.971 at 0.8, so what 0.75 merges beyond 0.8 is mostly
    such copies. On news, 0.75 still groups a rewrite with three edits in a 130-word story
    (similarity 0.78, tests/store) and a lightly edited FNSPID repost (0.95), and keeps apart the
    FNSPID Reuters market reports updated during the day with new figures (exact 0.59-0.69,
    MinHash estimates up to 0.73): an update with new facts is not a copy. Above 0.8 recall drops
    with little precision gained.

    Bands x rows: 20 x 5 of the 128 permutations put the LSH S-curve's midpoint near 0.55, so a
    pair at the threshold becomes a candidate with probability 1 - (1 - 0.75**5)**20 = 0.996 (at
    0.8: 0.9996); the similarity of all 128 values then decides. 20 bands instead of 32 x 4 store
    37% fewer band keys; the stocknet figures above are the same under both from 0.7 up.
    """

    threshold: float = 0.75
    shingle_words: int = 3
    num_perm: int = 128
    bands: int = 20
    rows: int = 5
    seed: int = 1
    # A new member this similar to its match adds no new variant to the index (exact mirrors,
    # retweets): not indexing it keeps LSH buckets small when thousands of copies arrive.
    index_below: float = 0.9
    # Figures a near-duplicate must share: at least this share of the figures of the text with
    # fewer of them must appear in the other. Mirrors and rewrites keep every figure; two notes
    # cut from one template about different moves ("X fell 6.2% ... closed at 41.10" vs "Y fell
    # 3.8% ... closed at 17.55") reach a shingle similarity near 0.7 yet share almost no figure.
    figure_agreement: float = 0.5
    # Distinct figures kept per text (a results table can hold hundreds; the first ones suffice).
    max_figures: int = 64

    def __post_init__(self) -> None:
        if self.bands * self.rows > self.num_perm:
            raise ValueError("bands * rows must not exceed num_perm")
        if not 0.0 < self.threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")

    def fingerprint(self) -> str:
        """A string naming these parameters, stored beside persisted signatures."""
        return json.dumps(asdict(self), sort_keys=True)


def shingle_tokens(text: str) -> list[str]:
    """The words of `text` that near-duplicate detection compares: case-folded, without links,
    a leading retweet marker, or a word cut off by a trailing ellipsis."""
    text = _RETWEET.sub("", _URL.sub(" ", text)).rstrip()
    if text.endswith(_ELLIPSES):  # checked first: the regex alone would try every position
        text = _TRUNCATED.sub("", text)
    return _TOKEN.findall(text.casefold())


def shingles(tokens: Sequence[str], size: int) -> list[bytes]:
    """Overlapping runs of `size` words; a text shorter than that is one shingle."""
    if not tokens:
        return []
    if len(tokens) <= size:
        return [" ".join(tokens).encode("utf-8")]
    return [" ".join(tokens[i : i + size]).encode("utf-8") for i in range(len(tokens) - size + 1)]


def shingle_hashes(shingled: Sequence[bytes]) -> list[int]:
    """32-bit hashes of shingles. The affine permutations of MinHash supply the randomness; the
    base hash only has to spread distinct shingles, and crc32 does that at a third of the cost of
    datasketch's default sha1."""
    crc32 = zlib.crc32
    return [crc32(part) for part in shingled]


def _already_hashed(value: int) -> int:
    return value


class MinHasher:
    """Computes MinHash signatures and LSH band keys; build once, use for many texts."""

    def __init__(self, params: NearDuplicateParams) -> None:
        # Imported here: datasketch loads scipy (~0.6 s), which commands that only query the
        # database should not pay for.
        from datasketch import MinHash

        self._minhash = MinHash
        self.params = params
        template = MinHash(num_perm=params.num_perm, seed=params.seed, scheme="affine32")
        self._permutations = template.permutations
        # Odd 64-bit multipliers, one per row, mixing a band's values into one key (wrapping).
        rng = np.random.default_rng(params.seed)
        self._row_mix = rng.integers(1, 2**63, size=params.rows, dtype=np.uint64) | np.uint64(1)
        self._band_salt = rng.integers(0, 2**63, size=params.bands, dtype=np.uint64)

    def fingerprint(self, text: str) -> Fingerprint | None:
        """The fingerprint of `text`, or None when it has no words to compare."""
        tokens = shingle_tokens(text)
        parts = shingles(tokens, self.params.shingle_words)
        if not parts:
            return None
        minhash = self._minhash(
            num_perm=self.params.num_perm,
            seed=self.params.seed,
            hashfunc=_already_hashed,
            permutations=self._permutations,
            scheme="affine32",
        )
        minhash.update_batch(shingle_hashes(parts))
        figures: list[int] = []
        # isalpha() first: a cheap test that clears most words before the regex looks at them.
        numeric = (t for t in tokens if not t.isalpha() and _HAS_DIGIT.search(t))
        for token in dict.fromkeys(numeric):
            figures.append(zlib.crc32(token.encode("utf-8")))
            if len(figures) >= self.params.max_figures:
                break
        return Fingerprint(
            np.asarray(minhash.hashvalues, dtype=np.uint32),
            np.unique(np.asarray(figures, dtype=np.uint32)),
        )

    def band_keys(self, fingerprint: Fingerprint) -> list[int]:
        """One signed 64-bit bucket key per band (band number folded in)."""
        p = self.params
        bands = fingerprint.minhash[: p.bands * p.rows].astype(np.uint64).reshape(p.bands, p.rows)
        with np.errstate(over="ignore"):
            mixed = (bands * self._row_mix).sum(axis=1, dtype=np.uint64) ^ self._band_salt
            mixed = mixed * np.uint64(0x9E3779B97F4A7C15)
        return [int(v) for v in mixed.view(np.int64)]

    def probe_fingerprint(self) -> str:
        """A digest of the signature of a fixed text: differs if the hashing ever changes (a new
        datasketch version), which would make stored signatures incomparable with new ones."""
        probe = self.fingerprint("tickerwire near duplicate probe text one 2 three 4.5")
        assert probe is not None
        return hashlib.sha256(fingerprint_to_bytes(probe)).hexdigest()[:16]


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two fingerprints."""
    return float(np.count_nonzero(a.minhash == b.minhash)) / len(a.minhash)


def figures_agree(a: Fingerprint, b: Fingerprint, agreement: float) -> bool:
    """Whether two texts state the same figures: at least `agreement` of the figures of the one
    with fewer appear in the other. Texts without figures agree with anything."""
    fewer = min(len(a.figures), len(b.figures))
    if fewer == 0:
        return True
    shared = len(np.intersect1d(a.figures, b.figures, assume_unique=True))
    return shared >= agreement * fewer


def fingerprint_to_bytes(fingerprint: Fingerprint) -> bytes:
    """Serialise for storage: little-endian uint32 count of MinHash values, the values, then
    the figure hashes."""
    header = np.asarray([len(fingerprint.minhash)], dtype="<u4")
    return b"".join(
        np.asarray(part, dtype="<u4").tobytes()
        for part in (header, fingerprint.minhash, fingerprint.figures)
    )


def fingerprint_from_bytes(data: bytes) -> Fingerprint:
    """Inverse of `fingerprint_to_bytes`."""
    values = np.frombuffer(data, dtype="<u4").astype(np.uint32)
    count = int(values[0])
    return Fingerprint(values[1 : 1 + count], values[1 + count :])


@dataclass(frozen=True)
class Candidate:
    """A stored (or earlier in the batch) article that a new one may duplicate."""

    article_id: str
    group_id: str
    fingerprint: Fingerprint = field(compare=False)


@dataclass(frozen=True)
class GroupAssignment:
    """Where a new article goes: its group, the article it matched and how closely, and whether
    its signature should be indexed for later articles to match."""

    article_id: str
    group_id: str
    matched: str | None
    similarity: float | None
    indexed: bool


def choose_group(
    article_id: str,
    fingerprint: Fingerprint | None,
    candidates: Iterable[Candidate],
    params: NearDuplicateParams,
) -> GroupAssignment:
    """Join the group of the most similar candidate at or above the threshold whose figures
    agree, else start a new group.

    Ties go to the candidate with the smallest article id, so the result does not depend on the
    order a database returns candidates in.
    """
    if fingerprint is None:
        return GroupAssignment(article_id, article_id, None, None, indexed=False)
    best: tuple[float, str, Candidate] | None = None
    for candidate in candidates:
        if candidate.article_id == article_id:
            continue
        score = similarity(fingerprint, candidate.fingerprint)
        if score < params.threshold:
            continue
        if not figures_agree(fingerprint, candidate.fingerprint, params.figure_agreement):
            continue
        if best is None or (-score, candidate.article_id) < (-best[0], best[1]):
            best = (score, candidate.article_id, candidate)
    if best is None:
        return GroupAssignment(article_id, article_id, None, None, indexed=True)
    score, _, match = best
    return GroupAssignment(
        article_id, match.group_id, match.article_id, score, indexed=score < params.index_below
    )


class BandIndex:
    """In-memory LSH buckets: band key -> candidates. Used within one batch and in benchmarks."""

    def __init__(self) -> None:
        self._buckets: dict[int, list[Candidate]] = {}

    def candidates(self, keys: Iterable[int]) -> list[Candidate]:
        """Distinct candidates sharing at least one band key, in insertion order."""
        seen: dict[str, Candidate] = {}
        for key in keys:
            for candidate in self._buckets.get(key, ()):
                seen.setdefault(candidate.article_id, candidate)
        return list(seen.values())

    def add(self, keys: Iterable[int], candidate: Candidate) -> None:
        for key in keys:
            self._buckets.setdefault(key, []).append(candidate)


@dataclass(frozen=True)
class NewFingerprint:
    """A new article's fingerprint and band keys, as handed to `assign_duplicate_groups`."""

    article_id: str
    fingerprint: Fingerprint | None
    band_keys: Sequence[int] = ()


def assign_duplicate_groups(
    batch: Sequence[NewFingerprint],
    stored: Mapping[int, Sequence[Candidate]],
    params: NearDuplicateParams,
) -> list[GroupAssignment]:
    """Group the articles of one batch, in order, against stored candidates and each other.

    `stored[i]` holds the stored articles sharing a band key with `batch[i]` (looked up by the
    store); earlier articles of the same batch are found through an in-memory `BandIndex`.
    """
    index = BandIndex()
    assignments: list[GroupAssignment] = []
    for position, item in enumerate(batch):
        candidates = [*stored.get(position, ()), *index.candidates(item.band_keys)]
        assignment = choose_group(item.article_id, item.fingerprint, candidates, params)
        if assignment.indexed and item.fingerprint is not None:
            index.add(
                item.band_keys, Candidate(item.article_id, assignment.group_id, item.fingerprint)
            )
        assignments.append(assignment)
    return assignments
