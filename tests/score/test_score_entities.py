"""Sentiment towards each entity, and of whole articles."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.records import Entity, Mention, Sentiment
from tickerwire.score.entity_sentiment import (
    ArticleSentimentScorer,
    EntitySpan,
    _bounded_occurrences,
    aggregate,
    entity_tones,
    score_article,
    with_entity_sentiment,
)
from tickerwire.score.sentiment import SentenceScorer

NAMES = (
    "Globex",
    "Initech",
    "Barclays",
    "Morgan Stanley",
    "Nvidia",
    "AMD",
    "Sensex",
    "Wipro",
    "Reuters",
)


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


def test_opposite_moves_in_one_sentence(scorer: SentenceScorer) -> None:
    found = tones(scorer, "Globex shares rose 4% on Monday while Initech fell 6%.")
    assert found["Globex"] > 0 > found["Initech"]


def test_upgrade_is_for_the_rated_company_not_the_broker(scorer: SentenceScorer) -> None:
    found = tones(scorer, "Barclays upgraded Initech to overweight.")
    assert found["Initech"] > 0
    assert found["Barclays"] == 0.0


def test_passive_downgrade_goes_to_the_subject(scorer: SentenceScorer) -> None:
    found = tones(scorer, "Initech was downgraded by Barclays on Friday.")
    assert found["Initech"] < 0
    assert found["Barclays"] == 0.0


def test_price_target_belongs_to_the_company_it_is_set_on(scorer: SentenceScorer) -> None:
    found = tones(scorer, "Morgan Stanley raised its price target on Nvidia to $180.")
    assert found["Nvidia"] > 0
    assert found["Morgan Stanley"] == 0.0
    found = tones(scorer, "Morgan Stanley cut its rating to underweight.")
    assert found["Morgan Stanley"] == 0.0  # whose rating is not said in the sentence


def test_listed_companies_share_their_verb(scorer: SentenceScorer) -> None:
    found = tones(scorer, "Sensex slips 300 points; Nvidia, AMD and Wipro gain.")
    assert found["Sensex"] < 0
    assert found["Nvidia"] > 0 and found["AMD"] > 0 and found["Wipro"] > 0


def test_contrast_between_two_companies(scorer: SentenceScorer) -> None:
    found = tones(scorer, "Globex beat estimates, but Initech warned of weaker demand.")
    assert found["Globex"] > 0 > found["Initech"]


def test_while_clause_tone_is_not_given_to_an_unnamed_subject(scorer: SentenceScorer) -> None:
    found = tones(scorer, "Globex edged up while the rest of the sector slumped.")
    assert found["Globex"] > 0


def test_a_source_does_not_take_the_tone_it_reports(scorer: SentenceScorer) -> None:
    found = tones(scorer, "Globex beat estimates, according to Reuters.")
    assert found["Globex"] > 0
    assert found["Reuters"] == 0.0


def test_rivals_named_after_a_cue_do_not_take_it(scorer: SentenceScorer) -> None:
    text = (
        "Pricing pressure continues to weigh on margins amid competition from rivals like Initech."
    )
    assert tones(scorer, text)["Initech"] == 0.0
    assert tones(scorer, "Revenue at Globex rose 8% in the quarter.")["Globex"] > 0


ARTICLE = (
    "Globex raised its full-year outlook on Tuesday after quarterly profit jumped 25%, "
    "while rival Initech cut 1,200 jobs.\n"
    "The company said demand for its industrial sensors was strong in every region.\n"
    "Initech reported a net loss of $40 million and said it failed to win new contracts.\n"
    "The two companies are based in Ohio."
)


def _mentions(text: str) -> list[Mention]:
    found = []
    for entity_id, name in (("globex", "Globex"), ("initech", "Initech")):
        start = text.find(name)
        while start >= 0:
            found.append(Mention(entity_id, start, start + len(name), name))
            start = text.find(name, start + 1)
    coref = text.find("The company")
    found.append(Mention("globex", coref, coref + len("The company"), "The company", "coref"))
    return found


ENTITIES = [
    Entity(id="globex", name="Globex Corp", type="company", tickers=["GBX"]),
    Entity(id="initech", name="Initech Inc", type="company", tickers=["INTC9"]),
    Entity(id="hooli", name="Hooli", type="company"),
]


def test_article_whose_companies_have_opposite_sentiment() -> None:
    sentiment, scores = score_article(ARTICLE, None, _mentions(ARTICLE), ENTITIES)
    assert isinstance(sentiment, Sentiment)
    assert scores["globex"] > 0.3
    assert scores["initech"] < -0.3
    assert scores["hooli"] == 0.0  # not named in the article
    assert all(-1.0 <= value <= 1.0 for value in scores.values())


def test_headline_counts_and_its_names_are_found_from_the_mentions() -> None:
    body = "The results were published on Thursday. Initech shares were unchanged."
    mentions = [Mention("initech", body.find("Initech"), body.find("Initech") + 7, "Initech")]
    result = ArticleSentimentScorer().score(
        body, "Globex plunges after profit warning", mentions, ENTITIES
    )
    assert result.title is not None
    assert result.entity_scores["globex"] < 0
    assert result.sentiment.label == "negative"


def test_headline_repeated_at_the_top_of_the_body_is_read_once() -> None:
    title = "Globex shares soar on record orders"
    result = ArticleSentimentScorer().score(title + "\nMore details follow.", title, [], [])
    assert result.title is None


def test_back_reference_sentence_counts_for_the_previous_company() -> None:
    text = "Globex reported results on Monday. It cut its dividend by half."
    mentions = [Mention("globex", 0, 6, "Globex")]
    result = ArticleSentimentScorer().score(text, None, mentions, ENTITIES[:1])
    assert result.entity_scores["globex"] < 0


def test_neutral_article() -> None:
    text = "Globex will hold its annual meeting in Helsinki on 4 April. Doors open at 9 am."
    sentiment, scores = score_article(text, None, [Mention("globex", 0, 6, "Globex")], ENTITIES)
    assert sentiment.label == "neutral"
    assert scores["globex"] == 0.0


def test_aggregate_lets_neutral_sentences_dilute_partly() -> None:
    assert aggregate([], 0.2) == 0.0
    assert aggregate([(1.0, 0.6)], 0.2) == pytest.approx(0.6)
    diluted = aggregate([(1.0, 0.6), (1.0, 0.0), (1.0, 0.0)], 0.2)
    assert 0.0 < diluted < 0.6
    assert diluted > 0.6 / 3  # a neutral sentence counts less than a toned one


def test_with_entity_sentiment_sets_the_field() -> None:
    updated = with_entity_sentiment(ENTITIES, {"globex": 0.42})
    assert updated[0].sentiment == 0.42
    assert updated[1].sentiment == 0.0


_NAME_PIECES = st.sampled_from(["Acme", "AcmeCorp", "Acme's", "_", " ", "é", "\u0301", "9", "-"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=20).map("".join), st.sampled_from(["Acme", "e", "Acme "]))
def test_bounded_occurrences_equal_a_word_bounded_pattern(text: str, name: str) -> None:
    pattern = r"(?<!\w)" + regex.escape(name) + r"(?!\w)"
    expected = [match.start() for match in regex.finditer(pattern, text)]
    assert _bounded_occurrences(text, name) == expected
