"""Cluster: near-duplicate articles (MinHash/LSH); stories, novelty and conflicts come next."""

from __future__ import annotations

from tickerwire.cluster.near_duplicates import (
    BandIndex,
    Candidate,
    Fingerprint,
    GroupAssignment,
    MinHasher,
    NearDuplicateParams,
    NewFingerprint,
    assign_duplicate_groups,
    choose_group,
    figures_agree,
    shingle_tokens,
    shingles,
    similarity,
)

__all__ = [
    "BandIndex",
    "Candidate",
    "Fingerprint",
    "GroupAssignment",
    "MinHasher",
    "NearDuplicateParams",
    "NewFingerprint",
    "assign_duplicate_groups",
    "choose_group",
    "figures_agree",
    "shingle_tokens",
    "shingles",
    "similarity",
]
