"""Research houses named like a listed firm, and short forms that name a company in context."""

from __future__ import annotations

import functools

import pytest

from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.link.short_forms import short_form_hits
from tickerwire.records import CleanDocument, Entity


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def _entities(text: str) -> dict[str, Entity]:
    return {e.id: e for e in link_document(CleanDocument("test", text), _reference()).entities}


def test_bernstein_analyst_is_the_research_house_without_a_ticker() -> None:
    entities = _entities(
        "Bernstein analysts cut their iPhone forecast, saying unit sales could slip 3% next year."
    )
    assert entities["bernstein"].tickers == []
    assert "alliancebernstein" not in entities


def test_alliancebernstein_named_itself_keeps_its_listing() -> None:
    entities = _entities("AllianceBernstein reported higher assets under management in March.")
    assert entities["alliancebernstein"].tickers == ["AB"]
    assert "bernstein" not in entities


def test_listed_brokers_named_by_their_own_units_keep_their_tickers() -> None:
    entities = _entities(
        "Evercore ISI and KeyBanc Capital Markets raised their targets, and Jefferies analysts "
        "called the quarter strong."
    )
    assert entities["evercore"].tickers == ["EVR"]
    assert entities["keycorp"].tickers == ["KEY"]
    assert entities["jefferies"].tickers == ["JEF"]


@pytest.mark.parametrize(
    "text",
    [
        "Factory readings from S&P and ISM are due after the open on Thursday.",
        "S&P downgraded the carmaker's bonds to junk late on Tuesday.",
        "Both Moody's and S&P put the lender on review for a cut.",
        "The notes are rated BBB by S&P, one notch above junk.",
        "S&P releases its flash Services PMI for March at 9:45 a.m.",
        "The bank said S&P's credit rating of its debt was unchanged.",
    ],
)
def test_bare_s_and_p_names_the_company_in_its_own_business(text: str) -> None:
    entities = _entities(text)
    assert entities["sp-global"].tickers == ["SPGI"]
    assert "sp-500" not in entities


@pytest.mark.parametrize(
    "text",
    [
        "The S&P rose 1.2% on Friday while the Dow lagged.",
        "Our picks have beaten the S&P's +6.2 average gain per year.",
        "S&P futures slipped before the ISM data.",
        "The S&P rallied on strong PMI data and lower yields.",
        "S&P Manufacturing PMI for May came in at 51.2, above forecasts.",
        "The S&P/TSX composite index gained 0.4%.",
        "The S&P 500 and Moody's shares both fell.",
    ],
)
def test_bare_s_and_p_elsewhere_is_not_the_company(text: str) -> None:
    assert "sp-global" not in _entities(text)


def test_short_form_inside_a_longer_word_is_not_found() -> None:
    assert list(short_form_hits("AS&P and ISM reports; XS&P downgraded")) == []
