"""Sentence sentiment: finance words, negation, contrast, changes of quantities, figures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.score.sentiment import NEUTRAL_BAND, SentenceScorer, label_for, squash


@pytest.fixture(scope="module")
def scorer() -> SentenceScorer:
    return SentenceScorer()


def label(scorer: SentenceScorer, text: str) -> str:
    return scorer.score(text).label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Harbor Foods did not miss analysts' estimates this quarter.", "positive"),
        ("Harbor Foods missed analysts' estimates this quarter.", "negative"),
        ("Quarterly results beat estimates on strong cloud demand.", "positive"),
        ("The retailer no longer expects a loss for the full year.", "positive"),
        ("The retailer expects a loss for the full year.", "negative"),
        ("The drugmaker failed to meet expectations in its third quarter.", "negative"),
    ],
)
def test_negation_turns_the_tone(scorer: SentenceScorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The insurer reports the pension liability under non-current liabilities.",
        "The bank charges a fixed monthly fee on business accounts.",
        "Pacific Mills employs about 2,300 people in 14 countries.",
        "The group reported sales of EUR 410 mn and total liabilities of EUR 95 mn.",
        "SK Hynix reported operating profit of 6.4 trillion won for the quarter.",
    ],
)
def test_finance_words_in_plain_statements_stay_neutral(scorer: SentenceScorer, text: str) -> None:
    assert label(scorer, text) == "neutral"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Morgan Stanley upgraded the chipmaker to overweight.", "positive"),
        ("Jefferies downgraded the airline to underperform.", "negative"),
        ("Analysts cut the stock to sell after the guidance miss.", "negative"),
        ("Citi raised its price target on the shares to $210.", "positive"),
    ],
)
def test_analyst_actions(scorer: SentenceScorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The company plans to cut costs by 12% next year.", "positive"),
        ("The company cut its full-year revenue forecast.", "negative"),
        ("The brewer will cut 400 jobs in Germany.", "negative"),
        ("Operating loss increased to EUR 7.2 mn.", "negative"),
        ("Operating costs decreased sharply in the second half.", "positive"),
        ("The carmaker narrowed its net loss in the third quarter.", "positive"),
        ("The startup's loss widened as marketing spending grew.", "negative"),
        ("Net debt rose to EUR 1.2 bn at the end of June.", "negative"),
        ("Order intake increased by 18 % year on year.", "positive"),
        ("The miner raised its dividend and announced a share buyback.", "positive"),
        ("Prices rose 3% in March.", "neutral"),
        ("The chipmaker faces rising challenges in China.", "negative"),
        ("Price cuts only stemmed the decline in shipments.", "positive"),
        ("The index closed just below its record high.", "neutral"),
    ],
)
def test_direction_times_quantity(scorer: SentenceScorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Operating profit was EUR 12.4 mn, compared with EUR 9.8 mn a year earlier.", "positive"),
        ("Operating profit was EUR 8.1 mn, compared with EUR 9.8 mn a year earlier.", "negative"),
        ("Net sales totalled EUR 56.0 mn ( EUR 61.3 mn ).", "negative"),
        ("Net debt went from EUR 80 mn to EUR 60 mn during the year.", "positive"),
        ("The operating margin came in at 3.1 % against 5.4 % in 2023.", "negative"),
        ("Sales were CAD 41 mn ( about EUR 28 mn ) in 2023.", "neutral"),
    ],
)
def test_changes_stated_by_figures(scorer: SentenceScorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The logistics group swung to a net loss in the quarter.", "negative"),
        ("The logistics group returned to profit in the quarter.", "positive"),
        ("The department store chain swung back into the black.", "positive"),
        ("Pretax profit was EUR 3.0 mn, compared with a loss of EUR 1.1 mn.", "positive"),
    ],
)
def test_states_reached(scorer: SentenceScorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The miner's chief executive rejected fears over Chinese demand.", "positive"),
        ("The board rejected the revised takeover offer.", "negative"),
        ("Steel stocks shrugged off tariff concerns and climbed 3%.", "positive"),
        ("The regulator moved to ease concerns about the lender's liquidity.", "positive"),
        ("The outlook holds little cheer for smaller producers.", "negative"),
    ],
)
def test_verbs_that_turn_their_object(scorer: SentenceScorer, text: str, expected: str) -> None:
    assert label(scorer, text) == expected


def test_later_clause_weighs_more_after_but(scorer: SentenceScorer) -> None:
    bad_then_good = scorer.score("Revenue slipped 2%, but net profit jumped 30%.")
    good_then_bad = scorer.score("Net profit jumped 30%, but revenue slipped 2%.")
    assert bad_then_good.label == "positive"
    assert good_then_bad.score < bad_then_good.score
    assert scorer.score("Sales grew 4%, but the operating loss widened sharply.").label == (
        "negative"
    )


def test_concession_clause_weighs_less(scorer: SentenceScorer) -> None:
    assert label(scorer, "Despite weaker demand in China, the company raised its outlook.") == (
        "positive"
    )


def test_intensifiers_scale_the_tone(scorer: SentenceScorer) -> None:
    sharply = scorer.score("Shares of the lender fell sharply on Tuesday.").score
    plain = scorer.score("Shares of the lender fell on Tuesday.").score
    slightly = scorer.score("Shares of the lender fell slightly on Tuesday.").score
    assert sharply < plain < slightly < 0


def test_price_move_is_positive_for_its_subject(scorer: SentenceScorer) -> None:
    assert label(scorer, "Nordwind Energy jumped 9% to a record high.") == "positive"
    assert label(scorer, "Nordwind Energy plunged 9% to a 52-week low.") == "negative"


def test_cues_point_at_the_words_that_carry_them(scorer: SentenceScorer) -> None:
    text = "Operating loss increased to EUR 7.2 mn."
    result = scorer.score(text)
    (cue,) = result.cues
    assert text[cue.start : cue.end] == "Operating loss increased"
    assert cue.kind == "change"


def test_offsets_refer_to_the_whole_text(scorer: SentenceScorer) -> None:
    text = "First line here. Costs decreased sharply."
    start = text.index("Costs")
    result = scorer.score(text, start, len(text))
    assert result.start == start
    assert all(start <= cue.start < cue.end <= len(text) for cue in result.cues)


def test_label_thresholds() -> None:
    assert label_for(NEUTRAL_BAND) == "positive"
    assert label_for(NEUTRAL_BAND - 0.001) == "neutral"
    assert label_for(-NEUTRAL_BAND) == "negative"
    assert label_for(-NEUTRAL_BAND + 0.001) == "neutral"
    assert label_for(0.3, band=0.4) == "neutral"


def test_squash_keeps_order_and_bounds() -> None:
    values = [-50.0, -2.0, -0.3, 0.0, 0.3, 2.0, 50.0]
    squashed = [squash(v) for v in values]
    assert squashed == sorted(squashed)
    assert all(-1.0 < s < 1.0 for s in squashed)
    assert squash(0.0) == 0.0


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_any_text_scores_within_bounds(text: str) -> None:
    result = SentenceScorer().score(text)
    assert -1.0 <= result.score <= 1.0
    assert result.label == label_for(result.score)
