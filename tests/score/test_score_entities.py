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


def name_spans(text: str, names: tuple[str, ...]) -> list[EntitySpan]:
    """Every occurrence of each name, the name standing for its entity id."""
    spans = []
    for name in names:
        start = text.find(name)
        while start >= 0:
            spans.append(EntitySpan(name, start, start + len(name)))
            start = text.find(name, start + 1)
    return spans


def tones(scorer: SentenceScorer, text: str) -> dict[str, float]:
    return entity_tones(scorer.score(text), text, name_spans(text, NAMES))


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


# --- sources of a quote or a report take no tone from it (audit s10) -------------------------

SPEAKERS = ("Dana Hill", "Jean Roux", "Kestrel Research", "Larkspur Research")


def source_tones(scorer: SentenceScorer, text: str, names: tuple[str, ...]) -> dict[str, float]:
    speakers = [name for name in names if name in SPEAKERS]
    return entity_tones(scorer.score(text), text, name_spans(text, names), speakers)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # inverted attribution closing a quote, with the speaker's firm
        (
            '"The miss in Europe is worrying and could start a longer slide," said Dana Hill '
            "at Larkspur Research.",
            ("Dana Hill", "Larkspur Research"),
        ),
        # a broker's note, named after the quote
        (
            '"We cut our 2025 targets because growth keeps weakening," Morgan Stanley said in '
            "a note.",
            ("Morgan Stanley",),
        ),
        # a minister closing a sentence about inflation
        (
            "Inflation jumped to a painful 5% in May, hurting shoppers, Finance Minister Jean "
            "Roux said.",
            ("Jean Roux",),
        ),
        # a minister opening one
        ("Jean Roux said the higher inflation target hurts savers badly.", ("Jean Roux",)),
        # a broker's analysts forecasting someone else's sales
        ("Barclays analysts forecast smartphone sales will fall 4% next year.", ("Barclays",)),
        # a publisher of jobs data
        ("The latest Wipro small business jobs report showed hiring slumped in March.", ("Wipro",)),
        # a research house reporting market data
        (
            "Kestrel Research reported that handset shipments in Brazil fell sharply.",
            ("Kestrel Research",),
        ),
        # a wire headline's source tag
        ("Private payrolls miss forecasts badly -Wipro", ("Wipro",)),
    ],
)
def test_the_source_of_a_quote_or_report_takes_no_tone(
    scorer: SentenceScorer, text: str, names: tuple[str, ...]
) -> None:
    assert set(source_tones(scorer, text, names).values()) == {0.0}


@pytest.mark.parametrize(
    ("text", "name", "sign"),
    [
        # a company speaking of its own results keeps their tone
        ("Globex said quarterly profit jumped 25% on strong demand.", "Globex", 1),
        ("Net profit fell 30% in the quarter, Globex said.", "Globex", -1),
        # its own deliveries and results are its news, not data it publishes
        ("Globex delivery data showed shipments slumped 20% in March.", "Globex", -1),
        ("The Globex earnings report showed profit slumped.", "Globex", -1),
        # a company blamed "for the weak report" is not that report's publisher
        ("Investors criticised Globex for the weak report.", "Globex", -1),
        # the company a quoted analyst speaks about keeps the tone
        ("Globex beat estimates, said Dana Hill.", "Globex", 1),
        # another company in the same closing clause is not part of the attribution
        ("Margins held, but Initech slumped, Morgan Stanley said in a note.", "Initech", -1),
    ],
)
def test_subjects_next_to_a_source_keep_their_tone(
    scorer: SentenceScorer, text: str, name: str, sign: int
) -> None:
    names = (name, "Dana Hill", "Morgan Stanley")
    assert source_tones(scorer, text, names)[name] * sign > 0


def test_the_company_after_a_quoted_analyst_is_not_the_analyst() -> None:
    text = (
        '"Spending on AI will keep rising," said Dana Hill, an analyst at Larkspur.\n'
        "The company flagged strong demand and record profit."
    )
    mentions = [Mention("dana-hill", 36, 45, "Dana Hill")]
    entities = [Entity(id="dana-hill", name="Dana Hill", type="person")]
    _, scores = score_article(text, None, mentions, entities)
    assert scores["dana-hill"] == 0.0
