"""Sentiment evaluation: metrics on small synthetic sets, dataset parsing, the CLI command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tickerwire.cli import main
from tickerwire.score.sentiment import SentenceScorer
from tickerwire.score.sentiment_eval import (
    EntityHeadline,
    LabelledSentence,
    ScoredHeadline,
    accuracy,
    confusion_matrix,
    cosine_similarity,
    decode_lines,
    evaluate_phrasebank,
    evaluate_semeval,
    evaluate_sentfin,
    f1_per_label,
    find_entity,
    macro_f1,
    parse_phrasebank,
    parse_semeval_headlines,
    parse_sentfin,
    sentence_key,
    split_items,
)

GOLD = ["positive", "positive", "neutral", "neutral", "negative", "negative"]
PREDICTED = ["positive", "neutral", "neutral", "neutral", "negative", "positive"]


def test_accuracy_and_confusion() -> None:
    assert accuracy(GOLD, PREDICTED) == pytest.approx(4 / 6)
    matrix = confusion_matrix(GOLD, PREDICTED)
    assert matrix["positive"] == {"positive": 1, "neutral": 1, "negative": 0}
    assert matrix["negative"]["positive"] == 1
    assert accuracy([], []) == 0.0


def test_macro_f1_by_hand() -> None:
    # positive: tp 1, fp 1, fn 1 -> 0.5; neutral: tp 2, fp 1, fn 0 -> 0.8;
    # negative: tp 1, fp 0, fn 1 -> 2/3
    scores = f1_per_label(GOLD, PREDICTED)
    assert scores["positive"] == pytest.approx(0.5)
    assert scores["neutral"] == pytest.approx(0.8)
    assert scores["negative"] == pytest.approx(2 / 3)
    assert macro_f1(GOLD, PREDICTED) == pytest.approx((0.5 + 0.8 + 2 / 3) / 3)
    assert macro_f1(GOLD, GOLD) == pytest.approx(1.0)


def test_macro_f1_punishes_always_neutral() -> None:
    gold = ["neutral"] * 8 + ["positive", "negative"]
    always_neutral = ["neutral"] * 10
    assert accuracy(gold, always_neutral) == pytest.approx(0.8)
    assert macro_f1(gold, always_neutral) == pytest.approx((0 + 16 / 18 + 0) / 3)


def test_cosine_similarity() -> None:
    assert cosine_similarity([0.5, -0.2], [1.0, -0.4]) == pytest.approx(1.0)
    assert cosine_similarity([1.0, 0.0], [0.0, 1.0]) == pytest.approx(0.0)
    assert cosine_similarity([0.3, -0.6], [-0.3, 0.6]) == pytest.approx(-1.0)
    assert cosine_similarity([0.0, 0.0], [0.4, 0.1]) == 0.0
    assert cosine_similarity([1.0, 1.0], [1.0, 0.0]) == pytest.approx(2**-0.5)


def test_decode_lines_reads_mixed_encodings() -> None:
    data = b"Kone lifted its outlook .@positive\n" + "Sepp\xe4l\xe4 shop .@neutral".encode(
        "latin-1"
    )
    lines = decode_lines(data)
    assert lines[1] == "Seppälä shop .@neutral"
    items = parse_phrasebank(lines)
    assert items == [
        LabelledSentence("Kone lifted its outlook .", "positive"),
        LabelledSentence("Seppälä shop .", "neutral"),
    ]


def test_sentence_key_matches_across_spacing_and_case() -> None:
    assert sentence_key("Net sales rose 5 % .") == sentence_key("net sales rose 5%.")


def test_parse_semeval_and_split() -> None:
    text = json.dumps(
        [
            {"id": 4, "company": "Acme", "title": "Acme shares rally", "sentiment": 0.5},
            {"id": 5, "company": "Acme", "title": "Acme cuts outlook", "sentiment": -0.4},
        ]
    )
    items = parse_semeval_headlines(text)
    assert items[1] == ScoredHeadline(5, "Acme", "Acme cuts outlook", -0.4)
    assert [i.id for i in split_items(items, "dev")] == [4]
    assert [i.id for i in split_items(items, "test")] == [5]
    assert len(split_items(items, "all")) == 2
    with pytest.raises(ValueError):
        split_items(items, "train")


def test_parse_sentfin_with_an_apostrophe_in_a_name() -> None:
    csv_text = (
        "S No.,Title,Decisions,Words\n"
        "1,Globex gains; Initech slips,\"{'Globex': 'positive', 'Initech': 'negative'}\",4\n"
        "2,Osian's Fund opens,\"{'Osian's Fund': 'neutral'}\",3\n"
    )
    items = parse_sentfin(csv_text)
    assert items[0].labels == {"Globex": "positive", "Initech": "negative"}
    assert items[1].labels == {"Osian's Fund": "neutral"}


def test_find_entity_tolerates_suffixes_and_case() -> None:
    assert find_entity("TESCO shares jump", "Tesco PLC") == [(0, 5)]
    assert find_entity("Tesco's sales fall", "Tesco PLC") == [(0, 7)]
    assert find_entity("Nothing here", "Tesco PLC") == []


def test_evaluations_on_small_synthetic_sets() -> None:
    scorer = SentenceScorer()
    phrasebank = [
        LabelledSentence("Operating profit rose to EUR 4.0 mn from EUR 3.1 mn .", "positive"),
        LabelledSentence("The company has offices in Tampere and Oulu .", "neutral"),
        LabelledSentence("Net sales decreased by 9 % .", "negative"),
    ]
    report = evaluate_phrasebank(phrasebank, lambda text: scorer.score(text).label)
    assert report.items == 3
    assert report.metrics["accuracy"] == pytest.approx(1.0)

    headlines = [
        ScoredHeadline(1, "Globex", "Globex shares rally after results", 0.6),
        ScoredHeadline(2, "Initech PLC", "Initech profit falls, shares slide", -0.5),
    ]
    semeval = evaluate_semeval(headlines, scorer)
    assert semeval.metrics["cosine"] > 0.9

    sentfin = [
        EntityHeadline(
            1, "Globex gains 3%, Initech slips", {"Globex": "positive", "Initech": "negative"}
        ),
        EntityHeadline(2, "Sensex ends flat", {"Sensex": "neutral"}),
    ]
    entity_report = evaluate_sentfin(sentfin, scorer)
    assert entity_report.metrics["multi_entity_accuracy"] == pytest.approx(1.0)
    # the headline as a whole is mixed (neutral), which is right for neither company
    assert entity_report.metrics["multi_entity_accuracy_headline_label"] == pytest.approx(0.0)
    assert entity_report.items == 3


def test_eval_sentiment_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bank = tmp_path / "bank.txt"
    bank.write_text(
        "Order intake increased sharply .@positive\n"
        "The plant is located in Pori .@neutral\n"
        "The company swung to an operating loss .@negative\n",
        encoding="utf-8",
    )
    held_out = tmp_path / "held_out.txt"
    held_out.write_text("The plant is located in Pori .@neutral\n", encoding="utf-8")
    assert main(["eval-sentiment", "--dataset", "phrasebank", str(bank), "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["items"] == 3
    assert report["metrics"]["accuracy"] == pytest.approx(1.0)

    status = main(
        ["eval-sentiment", "--dataset", "phrasebank", str(bank), "--exclude", str(held_out)]
    )
    assert status == 0
    assert "phrasebank: 2 items" in capsys.readouterr().out


def test_eval_sentiment_command_reports_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["eval-sentiment", "--dataset", "sentfin", str(tmp_path / "absent.csv")]) == 2
    assert "absent.csv" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text('[{"id": 1}]', encoding="utf-8")
    assert main(["eval-sentiment", "--dataset", "semeval", str(broken)]) == 2
