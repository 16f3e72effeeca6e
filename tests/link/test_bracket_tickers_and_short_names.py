"""Bare bracketed tickers after a name ("Tractor Supply (TSCO)"), short names of companies named
in full ("Brookfield"), lower-case-initial names before a Reuters code ("iRobot IRBT.O") and names
broken by a line wrap ("Washington\\nSquare Capital")."""

from __future__ import annotations

import datetime as dt
import functools

from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.link.bracket_tickers import is_abbreviation
from tickerwire.records import CleanDocument, LinkedDocument

DAY = dt.date(2024, 2, 2)


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def _link(text: str) -> LinkedDocument:
    return link_document(CleanDocument("test", text, published=DAY), _reference())


def _tickers_by_name(text: str) -> dict[str, list[str]]:
    return {e.name: e.tickers for e in _link(text).entities}


def _mention_texts(text: str, entity_id: str) -> list[str]:
    return [text[m.start : m.end] for m in _link(text).mentions if m.entity_id == entity_id]


# -- "(TICKER)" after a name ---------------------------------------------------------------------


def test_a_known_ticker_in_brackets_links_the_name_written_before_it():
    text = "Before the bell, Kraft Heinz Company (KHC) slipped while Norfolk Southern (NSC) rose."
    linked = _link(text)
    by_id = {e.id: e.tickers for e in linked.entities}
    assert by_id["norfolk-southern"] == ["NSC"]
    spans = [text[m.start : m.end] for m in linked.mentions if m.entity_id == "norfolk-southern"]
    assert spans == ["Norfolk Southern (NSC)"]


def test_a_known_ticker_after_another_company_s_name_links_nothing():
    text = "Walgreens said Norfolk Logistics (NSC) won the contract; Apple (AAPL) was flat."
    assert "norfolk-southern" not in {e.id for e in _link(text).entities}


def test_an_unlisted_ticker_creates_its_company_in_an_article_that_writes_tickers():
    text = (
        "Premarket movers: Apple (AAPL) edged up, Tractor Supply (TSCO) climbed 5% and "
        "Kulicke & Soffa (KLIC) fell 3% after results."
    )
    tickers = _tickers_by_name(text)
    assert tickers["Tractor Supply"] == ["TSCO"]
    assert tickers["Kulicke & Soffa"] == ["KLIC"]


def test_an_unlisted_ticker_creates_nothing_where_the_article_writes_no_ticker():
    tickers = _tickers_by_name("Shares of Tractor Supply (TSCO) climbed 5% after results.")
    assert not any("TSCO" in t for t in tickers.values())


def test_abbreviations_in_brackets_are_no_tickers():
    text = (
        "Apple (AAPL) rose as the Consumer Price Index (CPI) cooled, the Bureau of Labor "
        "Statistics (BLS) said, and Daily Active Users (DAU) grew; the Cboe Volatility Index "
        "(VIX) fell and the Federal Open Market Committee (FOMC) met."
    )
    for name, tickers in _tickers_by_name(text).items():
        assert not {"CPI", "BLS", "DAU", "VIX", "FOMC"} & set(tickers), name


def test_a_bracket_in_a_headline_creates_no_company():
    text = "Apple (AAPL) rose.\nWeak Pricing Hurts Widget Makers Acme (ACMW) And Others Today\n"
    assert not any("ACMW" in t for t in _tickers_by_name(text).values())


def test_abbreviation_test_reads_initials_and_hyphenated_parts():
    assert is_abbreviation("TIPS", "Treasury Inflation-Protected Securities")
    assert is_abbreviation("BOJ", "Bank of Japan")
    assert is_abbreviation("DAU", "Daily Active Users")
    assert not is_abbreviation("ALGN", "Align Technology")
    assert not is_abbreviation("NSC", "Norfolk Southern")


# -- short names ---------------------------------------------------------------------------------


def test_the_first_word_of_a_company_named_in_full_names_it_later():
    text = (
        "Brookfield Asset Management (NYSE:BAM) lifted its payout by 9%. Several funds added "
        "Brookfield last quarter, and Brookfield's fee-bearing capital kept growing."
    )
    assert _mention_texts(text, "brookfield-asset-management") == [
        "Brookfield Asset Management (NYSE:BAM)",
        "Brookfield",
        "Brookfield",
    ]


def test_a_short_name_stays_unlinked_beside_another_name_or_before_the_full_name():
    text = (
        "Analysts like Brookfield for its yield. Brookfield Asset Management (NYSE:BAM) rose 2%; "
        "a unit near Brookfield Zoo was sold and Brookfield-based lenders held out."
    )
    assert _mention_texts(text, "brookfield-asset-management") == [
        "Brookfield Asset Management (NYSE:BAM)"
    ]


def test_a_short_name_two_companies_of_the_article_share_names_neither():
    text = (
        "Brookfield Asset Management (NYSE:BAM) rose 2% while Brookfield Renewable (NYSE:BEP) "
        "fell 1%; investors favoured Brookfield on the day."
    )
    assert _mention_texts(text, "brookfield-asset-management") == [
        "Brookfield Asset Management (NYSE:BAM)"
    ]


def test_a_place_or_common_first_word_is_no_short_name():
    text = (
        "Norfolk Southern (NSC) gained 3% as freight volumes recovered; rail yards around "
        "Norfolk were busy, and General Motors (GM) said General demand held up."
    )
    assert _mention_texts(text, "norfolk-southern") == ["Norfolk Southern (NSC)"]
    assert "General" not in _mention_texts(text, "general-motors")


# -- Reuters codes and line wraps -----------------------------------------------------------------


def test_a_reuters_code_after_a_name_with_a_small_first_letter_creates_its_company():
    text = "Robot vacuum maker iRobot IRBT.O fell 8% after its deal collapsed."
    assert _tickers_by_name(text).get("iRobot") == ["IRBT"]


def test_a_reuters_code_after_a_lower_case_word_creates_nothing():
    text = "Sales of robots fell sharply IRBT.O on Monday, traders said."
    assert not any("IRBT" in t for t in _tickers_by_name(text).values())


def test_a_firm_name_broken_by_a_line_wrap_is_read_as_one_name():
    text = (
        "Delta Circuit Boards Inc said it has agreed a term loan with Washington\n"
        "Square Capital Inc to repay bank debt and fund new equipment.\n"
    )
    names = {e.name for e in _link(text).entities}
    assert "Washington Square Capital" in names and "Square Capital" not in names


def test_a_short_heading_line_is_not_joined_to_the_name_after_it():
    # One heading shorter than a wrapped line, one of a wrapped line's length in title case.
    text = (
        "Market Movers Today\nSquare Capital Inc said it raised a new fund of 90 mln dlrs.\n"
        "Chip Stocks Rally Again as Traders Watch for Movers Today\n"
        "Square Capital Inc also named a new chief investment officer.\n"
    )
    names = {e.name for e in _link(text).entities}
    assert not any(name.startswith(("Today", "Movers")) for name in names)


def test_a_known_two_word_name_broken_by_a_line_wrap_is_found():
    text = (
        "The mining group said its gold unit, a subsidiary of Honeywell\n"
        "International Inc, would be sold to a partner for cash.\n"
    )
    linked = _link(text)
    spans = [text[m.start : m.end] for m in linked.mentions if m.entity_id == "honeywell"]
    assert spans and spans[0].startswith("Honeywell\nInternational")


def test_a_legal_form_after_a_comma_may_stand_between_name_and_ticker():
    text = "Apple (AAPL) led gains; Hologic, Inc. (HOLX) and First Horizon (FHN) also rose."
    tickers = _tickers_by_name(text)
    assert tickers["Hologic"] == ["HOLX"] and tickers["First Horizon"] == ["FHN"]


# -- look-alikes of company names ----------------------------------------------------------------


def test_a_company_name_before_a_minister_s_title_is_no_company():
    text = "Saudi Arabian Oil Minister Hisham Nazer said the kingdom would keep to its quota."
    assert "saudi-aramco" not in {e.id for e in _link(text).entities}


def test_a_company_name_before_another_word_still_links():
    text = "Saudi Arabian Oil Co said it would keep output steady next month."
    assert "saudi-aramco" in {e.id for e in _link(text).entities}


def test_an_adjective_before_analysts_is_no_firm():
    text = "Political analysts said the coalition would hold until the summer vote."
    assert not _link(text).entities
