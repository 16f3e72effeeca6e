"""Whose tone a cue is: comparisons, foils, new clauses, failures, back-references (audit s11).

Each positive case was seen failing on the code before these rules; each look-alike keeps the
tone where it belongs.
"""

from __future__ import annotations

import pytest

from tickerwire.records import Entity, Mention
from tickerwire.score.entity_sentiment import (
    ArticleSentimentScorer,
    EntitySpan,
    aggregate_entity,
    entity_tones,
)
from tickerwire.score.sentiment import SentenceScorer

NAMES = ("Globex", "Initech", "Nvidia", "Hooli", "Barclays", "dollar", "Sterling", "Dow", "S&P 500")


@pytest.fixture(scope="module")
def scorer() -> SentenceScorer:
    return SentenceScorer()


def tones(scorer: SentenceScorer, text: str) -> dict[str, float]:
    spans = []
    for name in NAMES:
        start = text.find(name)
        while start >= 0:
            spans.append(EntitySpan(name, start, start + len(name)))
            start = text.find(name, start + 1)
    return entity_tones(scorer.score(text), text, spans)


# --- a cue does not reach forward past a new clause or to the one overtaken -------------------


def test_a_cue_before_a_new_coordinated_clause_is_not_the_next_names(
    scorer: SentenceScorer,
) -> None:
    text = (
        "After a year of downside pressure, and the swift rise of Globex, Initech handed its "
        "place as the top seller to Globex."
    )
    assert tones(scorer, text)["Globex"] > 0  # only "rise of Globex" is Globex's


def test_the_company_overtaken_does_not_take_the_winners_rise(scorer: SentenceScorer) -> None:
    text = "Its impressive rise this year allowed it to overtake Initech in market value."
    assert tones(scorer, text)["Initech"] == 0.0


@pytest.mark.parametrize(
    ("text", "name", "sign"),
    [
        ("Strong growth this year at Globex lifted its margins.", "Globex", 1),
        ("Quarterly revenue rose 8% at Globex.", "Globex", 1),
        ("Sales rose 5% in March, Globex said.", "Globex", 1),
        ("A tough week for Initech ended with another slide.", "Initech", -1),
    ],
)
def test_a_cue_still_reaches_a_subject_named_after_it(
    scorer: SentenceScorer, text: str, name: str, sign: int
) -> None:
    assert tones(scorer, text)[name] * sign > 0


# --- the foil of a comparison takes no tone ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "foil"),
    [
        ("Unlike Globex, the smaller chipmaker raised its full-year outlook.", "Globex"),
        ("Sterling rises vs dollar, helped by upbeat jobs data.", "dollar"),
        ("Initech shares climbed, compared with Globex, which posted strong gains.", "Globex"),
    ],
)
def test_the_foil_of_a_comparison_takes_no_tone(
    scorer: SentenceScorer, text: str, foil: str
) -> None:
    assert tones(scorer, text)[foil] == 0.0


@pytest.mark.parametrize(
    ("text", "foil"),
    [
        (
            "The handset maker fell behind rivals such as Globex, and its sales slumped.",
            "Globex",
        ),
        (
            "Initech jumped 5%, the biggest gainer on the Dow, after it posted upbeat results.",
            "Dow",
        ),
        (
            "Worries grew over the weight of a few large names in the S&P 500, which keeps "
            "setting record highs.",
            "S&P 500",
        ),
    ],
)
def test_the_one_left_behind_by_a_loser_or_the_index_a_stock_ranks_on_takes_no_tone(
    scorer: SentenceScorer, text: str, foil: str
) -> None:
    assert tones(scorer, text)[foil] == 0.0


@pytest.mark.parametrize(
    "text",
    [
        "Initech lost its crown to Globex after a weak quarter.",
        "Initech ceded the top spot in handsets to Globex amid weak sales.",
    ],
)
def test_the_winner_a_loss_went_to_takes_none_of_the_losers_tone(
    scorer: SentenceScorer, text: str
) -> None:
    found = tones(scorer, text)
    assert found["Globex"] == 0.0
    assert found["Initech"] <= 0.0


def test_a_loss_of_points_before_another_name_is_no_winner(scorer: SentenceScorer) -> None:
    found = tones(scorer, "Initech lost 4% to close at $20, while Globex slumped.")
    assert found["Globex"] < 0


def test_the_winner_of_a_ranking_keeps_its_tone(scorer: SentenceScorer) -> None:
    text = "Initech jumped 5%, the biggest gainer on the Dow, after upbeat results."
    assert tones(scorer, text)["Initech"] > 0
    assert tones(scorer, "The Dow rose 1% as Initech rallied.")["Dow"] > 0


def test_the_other_side_of_a_comparison_keeps_its_tone(scorer: SentenceScorer) -> None:
    found = tones(scorer, "Sterling rises vs dollar, helped by upbeat jobs data.")
    assert found["Sterling"] > 0
    found = tones(scorer, "Initech shares climbed 4% unlike those of most rivals.")
    assert found["Initech"] > 0


# --- what hurts or weighs on a named entity is that entity's ------------------------------


def test_the_one_hurt_takes_the_harm_not_the_one_that_rose(scorer: SentenceScorer) -> None:
    found = tones(scorer, "The swift rise of Globex has hurt Initech this year.")
    assert found["Globex"] > 0 > found["Initech"]
    found = tones(scorer, "Globex weighed on the Dow after a weak outlook.")
    assert found["Dow"] < 0


@pytest.mark.parametrize(
    "text",
    [
        "Initech warned that higher chip costs would hurt margins.",
        "Higher chip costs weighed on Initech and its suppliers.",
        "Rising rates weigh on tech firms, and Initech faces stiff competition from rivals.",
    ],
)
def test_harm_without_a_named_object_stays_with_the_subject(
    scorer: SentenceScorer, text: str
) -> None:
    assert tones(scorer, text)["Initech"] < 0


# --- a broker that rates a stock does not take the rating ------------------------------------


def test_the_broker_that_downgrades_the_stock_does_not_take_the_rating(
    scorer: SentenceScorer,
) -> None:
    text = "Initech slid 3% after Barclays downgraded the stock to equal weight from overweight."
    found = tones(scorer, text)
    assert found["Barclays"] == 0.0
    assert found["Initech"] < 0


@pytest.mark.parametrize(
    "text",
    ["Initech downgraded to underweight at Barclays", "Initech was cut to underweight."],
)
def test_a_rated_company_named_before_its_rating_takes_it(
    scorer: SentenceScorer, text: str
) -> None:
    assert tones(scorer, text)["Initech"] < 0


# --- a failure with nothing said to fail stays with its subject -------------------------------


def test_a_failure_is_not_given_to_the_one_acted_on(scorer: SentenceScorer) -> None:
    text = "Over the years, rivals have been unable to dislodge Nvidia from the top spot."
    assert tones(scorer, text)["Nvidia"] == 0.0


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Globex failed to win the Navy contract.", "Globex"),
        ("Regulators rejected Globex's takeover approach.", "Globex"),
    ],
)
def test_a_failure_or_refusal_still_reaches_its_own(
    scorer: SentenceScorer, text: str, name: str
) -> None:
    assert tones(scorer, text)[name] < 0


# --- "record-breaking" says how large, not which way ----------------------------------------


def test_record_breaking_alone_gives_no_tone(scorer: SentenceScorer) -> None:
    assert scorer.score("Shareholders will vote on a record-breaking pay package.").score == 0.0
    assert scorer.score("Globex posted record-breaking profit growth.").score > 0.2


# --- the tone of one weak cue is not multiplied ------------------------------------------------


def test_aggregate_entity_keeps_a_weak_tone_weak() -> None:
    assert aggregate_entity([]) == 0.0
    assert aggregate_entity([(1.0, 0.1)]) == pytest.approx(0.1)
    assert aggregate_entity([(1.0, 0.6), (1.0, 0.0)]) == pytest.approx(0.6 / 1.25)


ENTITIES = [Entity(id="globex", name="Globex Corp", type="company")]


def _scores(text: str) -> dict[str, float]:
    mentions = []
    start = text.find("Globex")
    while start >= 0:
        mentions.append(Mention("globex", start, start + 6, "Globex"))
        start = text.find("Globex", start + 1)
    return ArticleSentimentScorer().score(text, None, mentions, ENTITIES).entity_scores


def test_one_weak_cue_leaves_the_entity_neutral() -> None:
    assert abs(_scores("Globex launched a new budget phone in India on Monday.")["globex"]) < 0.2


# --- a described back-reference counts for the company just named -----------------------------


def test_a_described_back_reference_counts_for_the_previous_company() -> None:
    text = (
        "Consider Globex Corp, the fitness equipment maker. This once-popular home gym "
        "business has seen falling demand and mounting losses."
    )
    assert _scores(text)["globex"] < -0.2


def test_a_back_reference_to_a_rival_does_not() -> None:
    text = "Consider Globex Corp, the fitness equipment maker. The rival company has seen losses."
    assert _scores(text)["globex"] == 0.0
