import numpy as np

from tickerwire.cluster import (
    BandIndex,
    Candidate,
    MinHasher,
    NearDuplicateParams,
    NewFingerprint,
    assign_duplicate_groups,
    choose_group,
    figures_agree,
    shingle_tokens,
    similarity,
)
from tickerwire.cluster.near_duplicates import fingerprint_from_bytes, fingerprint_to_bytes

STORY = (
    "Harbor Freight Lines said on Thursday it would buy two container terminals on the Gulf "
    "coast for about 1.2 billion dollars, its largest purchase in a decade. The company expects "
    "the deal to close in the second half of the year, subject to approval by regulators. "
    "Chief executive Dana Ortiz told analysts the terminals would add roughly a fifth to the "
    "group's annual handling capacity and cut waiting times for ships calling at its ports. "
    "The shares rose 4.1% in early trading in New York before paring gains. Analysts at two "
    "brokers said the price looked fair given the terminals' steady cash flows, while one "
    "warned that integration costs could weigh on margins next year. Harbor Freight will fund "
    "the purchase with cash on hand and a new bond issue, the company said."
)
# The same story lightly rewritten by another outlet: a new opening clause, a changed word.
REWRITE = (
    "In a statement on Thursday, Harbor Freight Lines said it would buy two container terminals "
    "on the Gulf coast for about 1.2 billion dollars, its largest purchase in a decade. The "
    "company expects the deal to close in the second half of the year, subject to approval by "
    "regulators. Chief executive Dana Ortiz told analysts the terminals would add roughly a fifth "
    "to the group's annual handling capacity and cut waiting times for vessels calling at its "
    "ports. The shares rose 4.1% in early trading in New York before paring gains. Analysts at "
    "two brokers said the price looked fair given the terminals' steady cash flows, while one "
    "warned that integration costs could weigh on margins next year. Harbor Freight will fund "
    "the purchase with cash on hand and a new bond issue, the company said."
)
UNRELATED = (
    "Wheat futures slipped for a third day on Monday as rain across the northern plains eased "
    "worries about the spring crop. Traders said export demand remained thin, with buyers in "
    "North Africa waiting for lower prices before booking cargoes for the summer months."
)


def _hasher() -> MinHasher:
    return MinHasher(NearDuplicateParams())


def test_light_rewrite_is_similar_and_unrelated_text_is_not():
    hasher = _hasher()
    story, rewrite, unrelated = (hasher.fingerprint(t) for t in (STORY, REWRITE, UNRELATED))
    assert similarity(story, rewrite) >= NearDuplicateParams().threshold
    assert similarity(story, unrelated) < 0.2


def test_rewrite_joins_the_group_of_the_original_and_unrelated_starts_its_own():
    hasher = _hasher()
    params = hasher.params
    batch = [
        NewFingerprint(name, hasher.fingerprint(text), hasher.band_keys(hasher.fingerprint(text)))
        for name, text in (("story", STORY), ("unrelated", UNRELATED), ("rewrite", REWRITE))
    ]
    groups = assign_duplicate_groups(batch, {}, params)
    assert [g.group_id for g in groups] == ["story", "unrelated", "story"]
    assert groups[2].matched == "story"
    assert groups[2].similarity is not None and groups[2].similarity >= params.threshold


def test_retweet_marker_links_and_ellipsis_do_not_count():
    original = "Acme Robotics to open a plant in Ohio and hire 900 workers https://t.co/abc123"
    retweet = "RT @newsdesk: Acme Robotics to open a plant in Ohio and hire 900 wor…"
    assert shingle_tokens(retweet) == shingle_tokens(original)[:-1]
    hasher = _hasher()
    a, b = hasher.fingerprint(original), hasher.fingerprint(retweet)
    assert similarity(a, b) >= NearDuplicateParams().threshold


TEMPLATE = (
    "Shares of {name} fell {pct} on Wednesday, the stock's biggest one-day drop in a month, after "
    "the company cut its full-year forecast. Trading volume was about twice the 30-day average, "
    "according to exchange data, and the shares closed at {close} dollars, their lowest since "
    "the start of the year. The company did not reply to a request for comment. Analysts "
    "who follow the stock said the new forecast was below what most of them had expected, and "
    "several said they would revisit their models after a call with management next week. "
    "The broader market was little changed in afternoon trading."
)


def test_same_template_with_other_company_and_figures_is_not_a_duplicate():
    # Precision: two automated notes from one desk about different moves are different news,
    # even when most of their words are the same.
    hasher = _hasher()
    params = hasher.params
    one = hasher.fingerprint(TEMPLATE.format(name="Norbridge Mining", pct="6.2%", close="41.10"))
    two = hasher.fingerprint(TEMPLATE.format(name="Velta Pharma", pct="3.8%", close="17.55"))
    assert similarity(one, two) >= params.threshold  # the words alone would merge them
    assert not figures_agree(one, two, params.figure_agreement)
    assert choose_group("two", two, [Candidate("one", "one", one)], params).group_id == "two"
    # The same note about the same move, mirrored with another headline, is a near-duplicate.
    mirror = hasher.fingerprint(
        "Norbridge slides. " + TEMPLATE.format(name="Norbridge Mining", pct="6.2%", close="41.10")
    )
    assert choose_group("m", mirror, [Candidate("one", "one", one)], params).group_id == "one"


def test_fingerprints_survive_storage_bytes():
    hasher = _hasher()
    original = hasher.fingerprint(STORY)
    restored = fingerprint_from_bytes(fingerprint_to_bytes(original))
    assert np.array_equal(original.minhash, restored.minhash)
    assert np.array_equal(original.figures, restored.figures)
    assert len(original.figures) == 2  # "1.2" (billion) and "4.1" (%)


def test_text_without_words_has_no_signature_and_its_own_group():
    hasher = _hasher()
    assert hasher.fingerprint(" ... https://x.test/a ") is None
    assignment = choose_group("x", None, [], hasher.params)
    assert assignment.group_id == "x" and not assignment.indexed


def test_signatures_and_band_keys_are_stable_across_instances():
    # Persisted LSH state is only usable if a later process computes the same keys.
    a, b = _hasher(), _hasher()
    sig_a, sig_b = a.fingerprint(STORY), b.fingerprint(STORY)
    assert np.array_equal(sig_a.minhash, sig_b.minhash)
    assert a.band_keys(sig_a) == b.band_keys(sig_b)
    assert len(a.band_keys(sig_a)) == a.params.bands
    assert a.probe_fingerprint() == b.probe_fingerprint()


def test_most_similar_candidate_wins_and_near_copies_are_not_indexed():
    hasher = _hasher()
    params = hasher.params
    story = hasher.fingerprint(STORY)
    rewrite = hasher.fingerprint(REWRITE)
    candidates = [Candidate("rewrite", "g1", rewrite), Candidate("story", "g2", story)]
    exact = choose_group("copy", hasher.fingerprint(STORY), candidates, params)
    assert (exact.group_id, exact.matched, exact.similarity) == ("g2", "story", 1.0)
    assert not exact.indexed  # a copy adds no new variant to the index
    index = BandIndex()
    index.add(hasher.band_keys(story), Candidate("story", "story", story))
    assert [c.article_id for c in index.candidates(hasher.band_keys(rewrite))] == ["story"]
    assert index.candidates(hasher.band_keys(hasher.fingerprint(UNRELATED))) == []
