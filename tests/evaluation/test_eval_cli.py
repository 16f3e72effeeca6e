"""`tickerwire eval` end to end on a small corpus written here (runs the real pipeline)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tickerwire.cli import main
from tickerwire.evaluation import evaluate_gold, load_gold
from tickerwire.evaluation.runner import read_gold_document, split_doc_path
from tickerwire.pipeline import Pipeline

# No figure in the text: whatever the pipeline becomes, the gold move below cannot be found
# (finding it would be an invented fact), so recall is 0 and the floor checks are deterministic.
TEXT = "The board of Examplecorp met on Tuesday to discuss its plans for the coming year.\n"


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "gold").mkdir()
    gold = [
        {
            "doc": "docs/a.txt",
            "published": "2024-03-05",
            "about": ["EXMP"],
            "price_moves": [{"listing": "EXMP", "direction": "up", "change_pct": 5.0}],
            "event_types": ["price_move"],
            "boilerplate": ["Subscribe to our newsletter"],
        }
    ]
    (tmp_path / "gold" / "t.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def _floors(corpus, figures):
    path = corpus / "floors.json"
    path.write_text(json.dumps({"t.gold.json": figures}), encoding="utf-8")
    return str(path)


def test_table_with_default_corpus(corpus, capsys):
    assert main(["eval", str(corpus / "gold" / "t.gold.json")]) == 0
    out = capsys.readouterr().out
    assert "t.gold.json (1 documents" in out
    price_line = next(line for line in out.splitlines() if line.startswith("price moves"))
    assert price_line.split()[2:5] == ["0", "0", "1"]  # tp fp fn
    assert "boilerplate removed: 1 of 1" in out


def test_floor_under_fails_with_the_figure_named(corpus, capsys):
    floors = _floors(corpus, {"price_moves.recall": 0.5, "dates.errors": 0})
    status = main(["eval", str(corpus / "gold" / "t.gold.json"), "--floors", floors])
    captured = capsys.readouterr()
    assert status == 1
    assert "price_moves.recall = 0 is under its floor 0.5" in captured.err
    assert "floors: 1 of 2 measurable FAILED" in captured.out


def test_floors_met_exit_zero(corpus, capsys):
    floors = _floors(corpus, {"price_moves.recall": 0.0, "boilerplate.removed_share": 1.0})
    assert main(["eval", str(corpus / "gold" / "t.gold.json"), "--floors", floors]) == 0
    assert "floors: all 2 measurable met" in capsys.readouterr().out


def test_unknown_floor_figure_is_bad_usage(corpus, capsys):
    floors = _floors(corpus, {"price_move.recall": 0.0})
    assert main(["eval", str(corpus / "gold" / "t.gold.json"), "--floors", floors]) == 2
    assert "price_move.recall" in capsys.readouterr().err


def test_json_format_and_verbose_details(corpus, capsys):
    gold = str(corpus / "gold" / "t.gold.json")
    assert main(["eval", gold, "--corpus", str(corpus), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["price_moves"] == {"tp": 0, "fp": 0, "fn": 1}
    assert data["figures"]["price_moves.recall"] == 0.0
    assert data["per_document"][0]["missed"]["price_moves"] == ["EXMP up 5% [?] on -"]

    assert main(["eval", gold, "--verbose"]) == 0
    out = capsys.readouterr().out
    assert "--- docs/a.txt" in out and "missed price moves:" in out


def test_unreadable_document_exits_one(corpus, capsys):
    (corpus / "docs" / "a.txt").unlink()
    assert main(["eval", str(corpus / "gold" / "t.gold.json")]) == 1
    assert "could not read docs/a.txt" in capsys.readouterr().err


def test_malformed_gold_names_file_and_reason(tmp_path, capsys):
    bad = tmp_path / "bad.gold.json"
    move = {"listing": "X", "direction": "sideways", "change_pct": 3}
    bad.write_text(json.dumps([{"doc": "a.txt", "price_moves": [move]}]))
    assert main(["eval", str(bad), "--corpus", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "[TW030]" in err and str(bad) in err and "direction" in err


def test_gold_publication_date_replaces_the_inputs_own(corpus):
    # A sidecar date must not leak into a run whose gold says the article is undated.
    (corpus / "docs" / "a.meta.json").write_text('{"published": "2020-01-01"}', encoding="utf-8")
    gold = load_gold(corpus / "gold" / "t.gold.json")
    pipeline = Pipeline()
    dated = read_gold_document(gold.documents[0], corpus, pipeline)
    undated = read_gold_document(
        gold.documents[0].__class__(doc="docs/a.txt", published=None), corpus, pipeline
    )
    assert not isinstance(dated, str) and dated.published == dt.date(2024, 3, 5)
    assert not isinstance(undated, str) and undated.published is None


def test_doc_path_may_name_the_nth_article_of_a_file():
    assert split_doc_path("feeds/wire.jsonl#2") == ("feeds/wire.jsonl", 2)
    assert split_doc_path("pages/a#b.txt") == ("pages/a#b.txt", 1)
    assert split_doc_path("pages/a.txt") == ("pages/a.txt", 1)


def test_a_stage_that_raises_is_reported_on_its_document(corpus, monkeypatch):
    def broken(raw):
        raise ValueError("boom")

    pipeline = Pipeline()
    monkeypatch.setattr(pipeline, "process", broken)
    report = evaluate_gold(load_gold(corpus / "gold" / "t.gold.json"), corpus, pipeline)
    assert report.read_errors[0].error == "pipeline failed: ValueError: boom"
    assert report.figures()["documents.read_errors"] == 1
