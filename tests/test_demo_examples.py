"""`tickerwire demo examples/articles` and the bundled example corpus with its gold annotations."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from tickerwire.cli import main
from tickerwire.evaluation import evaluate_gold, load_gold
from tickerwire.evaluation.runner import split_doc_path
from tickerwire.pipeline import Pipeline
from tickerwire.records import Article

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLES = EXAMPLES / "articles"
GOLD = EXAMPLES / "gold" / "examples.gold.json"
INPUT_SUFFIXES = {".txt", ".html", ".jsonl"}


@pytest.fixture(scope="module")
def report():
    return evaluate_gold(load_gold(GOLD), EXAMPLES, Pipeline())


def _titles() -> dict[str, str]:
    """The headline of every example article (by gold `doc`), as its metadata or first line says."""
    titles = {}
    for gold_doc in load_gold(GOLD).documents:
        relative, number = split_doc_path(gold_doc.doc)
        path = EXAMPLES / relative
        if path.suffix == ".jsonl":
            line = path.read_text(encoding="utf-8").splitlines()[number - 1]
            titles[gold_doc.doc] = json.loads(line)["title"]
        elif path.suffix == ".html":
            html = path.read_text(encoding="utf-8")
            titles[gold_doc.doc] = html.split("<h1>")[1].split("</h1>")[0]
        else:
            titles[gold_doc.doc] = path.read_text(encoding="utf-8").splitlines()[0]
    return titles


def test_every_example_input_is_annotated_in_the_gold():
    gold = load_gold(GOLD)
    annotated = {split_doc_path(d.doc)[0] for d in gold.documents}
    inputs = {
        f"articles/{p.name}"
        for p in ARTICLES.iterdir()
        if p.suffix in INPUT_SUFFIXES and not p.name.endswith(".meta.json")
    }
    assert annotated == inputs
    assert len(gold.documents) == 6


def test_undated_example_gives_no_date_anywhere():
    # The example exists to show that relative days ("on Tuesday") stay unresolved; a year or a
    # sidecar added to it by mistake would make it test nothing.
    text = (ARTICLES / "lenovo_undated.txt").read_text(encoding="utf-8")
    assert not (ARTICLES / "lenovo_undated.meta.json").exists()
    assert not any(str(year) in text for year in range(1990, 2100))
    assert "Tuesday" in text


def test_examples_invent_no_dates(report):
    assert report.figures()["dates.errors"] == 0
    (undated,) = _articles(ARTICLES / "lenovo_undated.txt")
    assert undated.published is None
    assert [e.date for e in undated.events if e.date is not None] == []


def test_demo_reads_all_six_example_articles(capsys):
    status = main(["demo", str(ARTICLES)])
    out = capsys.readouterr().out
    assert status == 0
    assert out.rstrip().endswith("6 articles processed")
    assert out.count("\n# ") + out.startswith("# ") == 6
    for title in _titles().values():
        assert f"# {title}" in out
    # The undated article says so rather than guessing a day.
    lenovo = out.split("# Lenovo climbs")[1].split("\n# ")[0]
    assert "publication date unknown" in lenovo


def test_examples_gold_documents_are_all_read(report):
    assert [d.error for d in report.documents if d.error] == []


def test_example_page_furniture_is_removed(report):
    by_doc = {d.doc: d for d in report.documents}
    assert by_doc["articles/costco_sales.html"].boilerplate.leaked == []
    assert by_doc["articles/hsbc_buyback.txt"].boilerplate.leaked == []


def test_unrelated_article_after_read_next_is_removed(report):
    hsbc = next(d for d in report.documents if d.doc == "articles/hsbc_buyback.txt")
    assert hsbc.off_topic.leaked == []
    # Samsung's fall, in the unrelated article, must give no event.
    assert report.figures()["off_topic.event_errors"] == 0


def _moves(path: Path) -> dict[tuple[str, float], object]:
    """(listing, |change|) -> date of every price move extracted from the article at `path`."""
    (article,) = _articles(path)
    return {
        (e.attributes["listing"], abs(e.attributes["change_pct"])): e.date
        for e in article.events
        if e.type == "price_move"
    }


def _articles(path: Path) -> list[Article]:
    return [a for a in Pipeline().process_paths([path]) if isinstance(a, Article)]


def test_dated_example_hong_kong_move_carries_the_publication_day():
    moves = _moves(ARTICLES / "netease_results.txt")
    assert moves[("9999.HK", 7.4)] == dt.date(2024, 5, 24)


def test_dated_example_adr_move_carries_the_day_before():
    moves = _moves(ARTICLES / "netease_results.txt")
    assert moves[("NTES", 6.1)] == dt.date(2024, 5, 23)


def test_example_index_levels_are_not_borrowed(report):
    assert report.figures()["index_moves.level_errors"] == 0
