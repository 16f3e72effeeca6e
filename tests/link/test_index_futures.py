""" "Nasdaq futures" are the Nasdaq-100's contracts: the article's entities hold the index its
futures moves name, and every event's entity is one of the article's entities."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.records import CleanDocument, RawDocument

THURSDAY = dt.date(2024, 2, 1)


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def _index_ids(text: str) -> dict[str, str]:
    """Each index mention's text -> entity id (the last one when a text repeats)."""
    linked = link_document(CleanDocument("test", text, published=THURSDAY), _reference())
    return {m.text: m.entity_id for m in linked.mentions if m.entity_id.startswith("nasdaq")}


def _entity_ids(text: str) -> set[str]:
    linked = link_document(CleanDocument("test", text, published=THURSDAY), _reference())
    return {e.id for e in linked.entities}


@pytest.mark.parametrize(
    "text",
    [
        "Nasdaq futures gained 0.8% ahead of the jobs report.",
        "Nasdaq futures NQc1 were up 1.1% by early morning.",
        "Nasdaq e-minis slipped 0.4% after the chipmaker's forecast.",
        "Dow E-minis rose 50 points, while Nasdaq E-minis added 0.9%.",
        "Futures: Dow down 0.2%, S&P up 0.1%, Nasdaq up 0.6%",
        "U.S. stock index futures were mixed, with the Nasdaq up 0.3%.",
    ],
)
def test_nasdaq_in_a_futures_context_is_the_nasdaq_100(text: str) -> None:
    ids = _entity_ids(text)
    assert "nasdaq-100" in ids
    assert "nasdaq-composite" not in ids


@pytest.mark.parametrize(
    "text",
    [
        "The Nasdaq fell 1.2% as chip stocks slid.",
        "The Nasdaq rose 0.5% while oil futures fell 2%.",
        "The Nasdaq closed lower. Futures on gold rose later.",
        "Nasdaq Composite futures are no contract anyone trades, but the Nasdaq Composite fell.",
    ],
)
def test_nasdaq_outside_a_futures_context_stays_the_composite(text: str) -> None:
    ids = _entity_ids(text)
    assert "nasdaq-composite" in ids
    assert "nasdaq-100" not in ids


def test_futures_and_the_named_composite_in_one_article_give_both_indices() -> None:
    text = "Nasdaq futures rose 0.7% before the bell. On Wednesday the Nasdaq Composite lost 2%."
    assert _index_ids(text) == {"Nasdaq": "nasdaq-100", "Nasdaq Composite": "nasdaq-composite"}


def test_nasdaq_listed_is_not_made_a_futures_index() -> None:
    assert _entity_ids("Nasdaq-listed shares of the chipmaker fell 3%.") == {"nasdaq-composite"}


@pytest.mark.parametrize(
    "text",
    [
        "SYDNEY, Feb 1 (Reuters) - S&P 500 futures ESc1 rose 0.3%, while Nasdaq futures NQc1 "
        "firmed 0.6% after results from the big technology names.",
        "Futures: Dow up 0.2%, S&P up 0.4%, Nasdaq up 0.7%\nFeb 1 (Reuters) - Nasdaq futures rose "
        "0.7% on Thursday as investors cheered strong cloud sales.",
        "On Wall Street, Nasdaq futures gained 1% after upbeat forecasts from the chip sector.",
    ],
)
def test_every_event_entity_is_one_of_the_articles_entities(pipeline, text: str) -> None:
    article = pipeline.process(RawDocument("test", text=text, published=THURSDAY))
    entity_ids = {e.id for e in article.entities}
    moves = [e for e in article.events if e.type == "index_move"]
    assert moves, "the futures move is found"
    assert all(e.entity in entity_ids for e in article.events if e.entity is not None)
    assert "nasdaq-100" in {e.entity for e in moves}
