"""Reuters codes run into the company name before them by a lost space ("ChevronCVX.N")."""

from __future__ import annotations

import datetime as dt
import functools

from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.pipeline import Pipeline
from tickerwire.records import CleanDocument, RawDocument

FRIDAY = dt.date(2024, 2, 2)


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def _tickers(text: str) -> dict[str, list[str]]:
    linked = link_document(CleanDocument("test", text, published=FRIDAY), _reference())
    return {e.id: e.tickers for e in linked.entities}


def test_a_code_glued_to_its_company_s_name_links_both_as_one_mention():
    text = "Energy names led: Exxon MobilXOM.N gained and ChevronCVX.N edged up."
    linked = link_document(CleanDocument("test", text, published=FRIDAY), _reference())
    spans = {text[m.start : m.end] for m in linked.mentions if m.kind == "ticker"}
    assert {"Exxon MobilXOM.N", "ChevronCVX.N"} <= spans
    assert _tickers(text)["exxon-mobil"] == ["XOM"] and _tickers(text)["chevron"] == ["CVX"]


def test_a_code_glued_to_another_word_links_nothing():
    tickers = _tickers("Traders turned hawkishXOM.N and the VanguardCVX.N fund was flat.")
    assert "exxon-mobil" not in tickers and "chevron" not in tickers


def test_glued_codes_on_both_sides_give_the_moves_of_a_respectively_list():
    text = (
        "Oil majors Exxon MobilXOM.N and ChevronCVX.Nadded 1.2% and 0.8% respectively on "
        "Friday after upbeat quarterly profits."
    )
    article = Pipeline().process(RawDocument("test", text=text, published=FRIDAY))
    moves = {
        (e.attributes["listing"], e.attributes["change_pct"], e.date)
        for e in article.events
        if e.type == "price_move"
    }
    assert moves == {("XOM", 1.2, FRIDAY), ("CVX", 0.8, FRIDAY)}


def test_a_nyse_consolidated_code_glued_to_its_company_s_name_links_it():
    # ".K" is the NYSE consolidated quote of Reuters copy, glued like ".N" and ".O".
    text = "Regional lenders slid after New York Community BancorpNYCB.K lost 8% on Tuesday."
    linked = link_document(CleanDocument("test", text, published=FRIDAY), _reference())
    spans = {text[m.start : m.end] for m in linked.mentions if m.kind == "ticker"}
    assert "New York Community BancorpNYCB.K" in spans
    assert _tickers(text)["flagstar-financial"] == ["NYCB"]
    # glued to a word that is no name of the code's company: nothing
    assert _tickers("Lenders slid as the sectorNYCB.K index fell 2% on Tuesday.") == {}
