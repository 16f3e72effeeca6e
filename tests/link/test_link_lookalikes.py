"""Names that share words with a company of the list but are another firm, and their look-alikes
that still name the company (texts written for these tests)."""

from __future__ import annotations

import functools

import pytest

from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.pipeline import Pipeline
from tickerwire.records import CleanDocument, LinkedDocument, RawDocument


@functools.lru_cache(maxsize=1)
def _reference() -> ReferenceData:
    return load_reference()


def link(text: str) -> LinkedDocument:
    linked = link_document(CleanDocument("test", text), _reference())
    for mention in linked.mentions:
        assert text[mention.start : mention.end] == mention.text
    return linked


def mentioned(text: str, entity_id: str) -> list[str]:
    """The texts of the mentions of `entity_id` in `text`."""
    return [m.text for m in link(text).mentions if m.entity_id == entity_id]


def tickers(text: str) -> dict[str, list[str]]:
    return {e.id: e.tickers for e in link(text).entities if e.tickers}


# -- a name that a hyphen and a capitalised word carry on into another firm's name ------------


@pytest.mark.parametrize(
    "text",
    [
        "Advanced Micro-Fabrication Equipment Inc. said its etching-tool orders doubled.",
        "Shares of Advanced Micro-Fabrication Equipment rose 5% in Shanghai on Monday.",
        "Analysts raised their targets on Advanced Micro-Fabrication after its results.",
    ],
)
def test_a_hyphen_and_a_capitalised_word_continue_a_longer_name(text: str) -> None:
    assert "amd" not in tickers(text)


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("Alphabet-owned Waymo raised $5.6 billion from outside investors.", "alphabet"),
        ("Microsoft-backed OpenAI raised $6.6 billion in its latest funding round.", "microsoft"),
        ("Nvidia-Led Rally Lifts Chip Stocks To Record", "nvidia"),
        ("The Tesla-Rivian rivalry moved to Europe as both carmakers cut prices.", "tesla"),
        ("The Tesla-Rivian rivalry moved to Europe as both carmakers cut prices.", "rivian"),
        ("Coca-Cola raised its dividend for a 62nd straight year.", "coca-cola"),
        ("Advanced Micro Devices-backed startups raised $2 billion in 2024.", "amd"),
        ("Nvidia-China chip sales fell by a third, the company said.", "nvidia"),
        ("The Microsoft-Hong Kong data center deal closed on Friday.", "microsoft"),
    ],
)
def test_descriptions_places_and_pairs_after_a_hyphen_keep_the_name(
    text: str, entity_id: str
) -> None:
    assert entity_id in tickers(text)


def test_two_listed_names_joined_by_a_hyphen_are_two_mentions() -> None:
    linked = link("An Apple-Google deal on search revenue drew scrutiny from regulators.")
    assert {"apple", "alphabet"} <= {e.id for e in linked.entities}


# -- a name of the list opening another firm's name, after the company is named for sure ------


def test_a_surname_after_a_short_name_makes_another_firm() -> None:
    text = (
        "Eaton Corp raised its full-year outlook on Tuesday. Separately, Eaton Vance, the "
        "Morgan Stanley-owned fund manager, said client inflows rose 8%."
    )
    assert mentioned(text, "eaton") == ["Eaton Corp"]


def test_a_firm_word_after_a_short_name_makes_another_firm() -> None:
    text = (
        "Apple Inc shares rose 2% on Monday. Apple Hospitality REIT, a hotel landlord, "
        "fell 1% after cutting its payout."
    )
    assert mentioned(text, "apple") == ["Apple Inc"]


def test_a_capitalised_word_before_a_short_name_makes_another_firm() -> None:
    text = "Block Inc shares jumped 9% on Friday. Tourists crowded into Times Square that night."
    assert mentioned(text, "block") == ["Block Inc"]


@pytest.mark.parametrize(
    ("text", "second"),
    [
        # Products and share classes of the company.
        ("Apple Inc shares rose 2%. Apple Watch sales grew by a tenth.", "Apple"),
        ("Meta Platforms rose 3%. The founder owns 350 million Meta Class A shares.", "Meta"),
        # The company's own longer name, glued to a Reuters code.
        ("Meta Platforms rose 3%. Results from Meta PlatformsMETA.O beat forecasts.", "Meta"),
        # A market word, a place, a possessive, a title after the name.
        ("Apple Inc shares rose 2%. Where Will Apple Stock Be In a Year?", "Apple"),
        ("Ford Motor Co cut prices. Ford Europe said its vans would cost less.", "Ford"),
        ("Eaton Corp shares rose 2%. Eaton's outlook was raised for a second time.", "Eaton"),
        # A title-case heading, and a heading on the line before.
        ("Meta Platforms rose 3%.\nAnalysts Are Bullish on Meta Heading into Q4 Report", "Meta"),
        ("Apple Inc rose 2%.\nStocks to Consider\nApple currently carries a Hold rank.", "Apple"),
        # A common noun that the article writes in lower case elsewhere (no product word).
        ("Apple Inc rose. Apple Podcasts added shows as podcasts drew listeners.", "Apple"),
    ],
)
def test_products_and_headings_after_a_sure_mention_still_name_the_company(
    text: str, second: str
) -> None:
    entity_id = "eaton" if second == "Eaton" else link(text).entities[0].id
    found = mentioned(text, entity_id)
    assert second in found[1:]


# -- The Hartford: names stored whole, matched whole ----------------------------------------


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            "The Hartford Financial Services Group said catastrophe losses fell.",
            "The Hartford Financial Services Group",
        ),
        ("Hartford Financial shares climbed 2% after the insurer's results.", "Hartford Financial"),
        ("The Hartford said on Tuesday its quarterly profit rose 12%.", "The Hartford"),
        (
            "Insurers rallied, led by Hartford (HIG), Aflac (AFL) and MetLife (MET).",
            "Hartford (HIG)",
        ),
    ],
)
def test_the_hartford_links_to_its_listing(text: str, written: str) -> None:
    assert tickers(text)["hartford-financial"] == ["HIG"]
    assert mentioned(text, "hartford-financial")[0] == written


@pytest.mark.parametrize(
    "text",
    [
        "The Hartford Courant reported the vote on Tuesday, citing two lawmakers.",
        "The Hartford area saw heavy snow on Monday.",
    ],
)
def test_the_city_and_its_newspaper_are_not_the_insurer(text: str) -> None:
    assert "hartford-financial" not in tickers(text)


def test_the_city_is_no_short_name_of_the_insurer() -> None:
    text = (
        "Hartford Financial Services Group raised its dividend. The insurer is based in "
        "Hartford, Connecticut, where it employs about 6,000 people."
    )
    assert mentioned(text, "hartford-financial") == ["Hartford Financial Services Group"]


def test_a_firm_name_of_firm_words_is_read_whole() -> None:
    # A name the list does not hold: "Services Group" is no person's name after "Financial".
    linked = link("Brightwater Financial Services Group said its loan book grew 4%.")
    names = [e.name for e in linked.entities]
    assert "Brightwater Financial Services Group" in names


# -- a company's name opening the name of an index or a fund it compiles ----------------------


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("The fund tracks the MSCI USA IMI Information Technology 25/50 Index.", "msci"),
        ("Morningstar US Market Index gained 1.2% in January.", "morningstar"),
        ("Inflows to the Schwab U.S. Dividend Equity ETF (SCHD) slowed.", "charles-schwab"),
        ("MSCI Information Technology Index ETF (FTEC)\nThe fund holds 300 stocks.", "msci"),
    ],
)
def test_an_index_or_fund_named_after_its_sponsor_is_not_the_sponsor(
    text: str, entity_id: str
) -> None:
    assert entity_id not in tickers(text)


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("MSCI said it would add PDD to its China Index next month.", "msci"),
        ("Shares of MSCI rose after the index provider beat estimates.", "msci"),
        ("Apple And Microsoft Lead Index Higher", "microsoft"),
        ("Microsoft shares rose as the Nasdaq 100 Index hit a record.", "microsoft"),
    ],
)
def test_the_sponsor_named_alone_is_still_the_company(text: str, entity_id: str) -> None:
    assert entity_id in tickers(text)


def test_a_rank_carried_by_funds_is_not_the_rank_of_the_company_they_hold(
    pipeline: Pipeline,
) -> None:
    text = (
        "Apple shares rose 2% on Friday. The iShares US Technology ETF IYW, the Fidelity "
        "MSCI Information Technology Index ETF FTEC and the Vanguard Information Technology "
        "ETF VGT hold Apple as a top position and carry a Zacks Rank #2 (Buy)."
    )
    article = pipeline.process(RawDocument(origin="test", text=text))
    assert not [e for e in article.events if e.type == "analyst_view"]


def test_a_rank_carried_by_the_company_is_still_its_rank(pipeline: Pipeline) -> None:
    text = "Apple shares rose 2% on Friday. Apple currently carries a Zacks Rank #3 (Hold)."
    article = pipeline.process(RawDocument(origin="test", text=text))
    assert [e.entity for e in article.events if e.type == "analyst_view"] == ["apple"]


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("The iShares Dow Jones US Technology ETF holds 140 stocks.", "dow-jones"),
        ("Outflows hit the iShares S&P 500 Growth ETF on Monday.", "sp-500"),
        ("Units of the First Trust Nasdaq Transportation ETF FTXR gained 3%.", "nasdaq-composite"),
    ],
)
def test_an_index_opening_a_fund_name_is_not_the_index(text: str, entity_id: str) -> None:
    assert entity_id not in tickers(text)


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("Japan's Nikkei Stock Index closed up 0.4% on Friday.", "nikkei-225"),
        ("The Nasdaq 100 Index rose 1.1% by midday.", "nasdaq-100"),
        ("The Dow rose 0.5% while bond funds drew inflows.", "dow-jones"),
    ],
)
def test_an_index_named_alone_is_still_the_index(text: str, entity_id: str) -> None:
    assert entity_id in tickers(text)


# -- ambiguous aliases: their own ticker, a list of companies, "trades" and "up" -----------------


def test_a_name_with_its_own_ticker_after_it_is_the_company() -> None:
    text = "Reports this week come from Amazon AMZN, Meta META and Apple AAPL."
    assert {"amazon", "meta", "apple"} <= set(tickers(text))


def test_a_name_listed_among_companies_is_a_company() -> None:
    text = "Members include Disney, Caterpillar, Ford, Pepsi and Uber, among many others."
    assert {"caterpillar", "ford"} <= set(tickers(text))


@pytest.mark.parametrize(
    "text",
    [
        "Boats sailed up the Amazon, the Nile and the Congo last spring.",
        "The unmanned Delta II rocket lifted off on Thursday night.",
        "A Block trade of 2 million shares crossed before the open.",
    ],
)
def test_ordinary_words_and_places_stay_unlinked(text: str) -> None:
    assert tickers(text) == {}


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("Apple Inc rose 2%. Today, Apple trades at 31 times earnings.", "apple"),
        ("Merck MRK.N climbed 3.5%.\nMerck up after posting results", "merck"),
    ],
)
def test_trades_and_up_after_a_company_named_for_sure_are_its_verbs(
    text: str, entity_id: str
) -> None:
    assert len(mentioned(text, entity_id)) == 2


# -- the tail of a longer name, firms and papers named like an index, generic words ------------


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("A judge ruled for its Merrell Dow Pharmaceuticals Inc unit on Monday.", "dow-jones"),
        ("Dow Chemical Co sold notes. The notes are due in 1997, Dow said.", "dow-jones"),
        ("It signed a data pact with Dow Jones and Co and two others.", "dow-jones"),
        ("Toyota plans a new plant, the Nikkei business daily reported.", "nikkei-225"),
        ("The stake was bought by investor David La Roche of Rhode Island.", "roche"),
        ("The group agreed to buy Occidental Life Insurance Co of Australia.", "occidental"),
        ("One official at a U.S. Bank said approval was slow.", "us-bancorp"),
        ("U.S. BANK DISCOUNT BORROWINGS AVERAGE 310 MLN DLRS", "us-bancorp"),
    ],
)
def test_a_word_of_another_name_is_not_the_entity(text: str, entity_id: str) -> None:
    assert entity_id not in tickers(text)


@pytest.mark.parametrize(
    ("text", "entity_id"),
    [
        ("Roche said sales of its cancer drugs rose 6%.", "roche"),
        ("Shares of Occidental rose 2% after the oil producer beat forecasts.", "occidental"),
        ("Occidental Petroleum Corp raised its dividend on Tuesday.", "occidental"),
        ("Clients of U.S. Bank Wealth Management added to bonds.", "us-bancorp"),
        ("Daimler-Benz AG said car output could fall this year.", "mercedes-benz"),
        ("Stocks fell on Monday and the Dow lost 1.2%.", "dow-jones"),
        (
            "Alibaba Group rose 3%.\nRecovery Signals\nBeyond Alibaba's results, rivals rose.",
            "alibaba",
        ),
    ],
)
def test_the_entity_named_alone_is_still_linked(text: str, entity_id: str) -> None:
    assert entity_id in tickers(text)


def test_beyond_a_heading_the_first_word_is_no_name_word() -> None:
    text = "Alibaba Group shares rose 3%.\nRecovery Signals\nBeyond Alibaba's results, rivals rose."
    assert len(mentioned(text, "alibaba")) == 2
