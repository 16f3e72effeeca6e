"""Linking: mentions and entities of short texts written for these tests."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.link import ReferenceData, link_document, linker_for, load_reference
from tickerwire.records import CleanDocument, Entity, LinkedDocument


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return _shared_reference()


def link(reference: ReferenceData, text: str, title: str | None = None) -> LinkedDocument:
    linked = link_document(CleanDocument("test", text, title=title), reference)
    for mention in linked.mentions:
        assert text[mention.start : mention.end] == mention.text
    return linked


def entity(linked: LinkedDocument, entity_id: str) -> Entity:
    found = [e for e in linked.entities if e.id == entity_id]
    assert found, f"{entity_id} not among {[e.id for e in linked.entities]}"
    return found[0]


def ids(linked: LinkedDocument) -> set[str]:
    return {e.id for e in linked.entities}


def test_two_listings_of_one_company_in_one_sentence_are_one_entity(
    reference: ReferenceData,
) -> None:
    text = (
        "Tencent's Hong Kong shares (HKG: 0700) climbed 4% on Tuesday, while its US ADRs "
        "(OTC: TCEHY) added 3% in New York."
    )
    linked = link(reference, text)
    tencent = entity(linked, "tencent")
    assert tencent.tickers == ["0700.HK", "TCEHY"]
    assert [e.id for e in linked.entities if e.type == "company"] == ["tencent"]
    tickers = [m.ticker for m in linked.mentions if m.entity_id == "tencent"]
    assert tickers == [None, "0700.HK", "TCEHY"]  # "Tencent", then each listing


def test_chinese_name_in_brackets_is_part_of_the_english_mention(
    reference: ReferenceData,
) -> None:
    text = "Shares of Tencent Holdings Ltd (騰訊) and Baidu Inc (百度) fell in Hong Kong trade."
    linked = link(reference, text)
    texts = [m.text for m in linked.mentions]
    assert "Tencent Holdings Ltd (騰訊)" in texts
    assert "Baidu Inc (百度)" in texts
    assert entity(linked, "tencent").mentions == 1


def test_chinese_alias_alone_names_the_company(reference: ReferenceData) -> None:
    linked = link(reference, "分析師認為阿里巴巴的雲業務增長強勁, and 腾讯 agreed.")
    assert {"alibaba", "tencent"} <= ids(linked)


@pytest.mark.parametrize(
    ("text", "entity_id", "ticker"),
    [
        ("Chipmaker Advanced Micro Devices (NASDAQ: AMD) slipped 2%.", "amd", "AMD"),
        ("Alibaba (NYSE:BABA) reported results on Thursday.", "alibaba", "BABA"),
        ("The stock (HKG: 9988) led the rally.", "alibaba", "9988.HK"),
        ("Meta Platforms META rose after hours.", "meta", "META"),
        ("Meta META.O jumped 12% before the bell.", "meta", "META"),
        ("Social app Snap SNAP.N gained 4% in morning trade.", "snap", "SNAP"),
        ("Buyers lifted 9988.HK to a three-year high.", "alibaba", "9988.HK"),
        ("Retail traders piled into $AAPL on Monday.", "apple", "AAPL"),
        ("Berkshire Hathaway (NYSE: BRK.B) holds a large stake.", "berkshire-hathaway", "BRK-B"),
    ],
)
def test_inline_ticker_forms(
    reference: ReferenceData, text: str, entity_id: str, ticker: str
) -> None:
    linked = link(reference, text)
    tickers = {m.ticker for m in linked.mentions if m.entity_id == entity_id}
    assert ticker in tickers


def test_name_and_ticker_written_together_are_one_mention(reference: ReferenceData) -> None:
    linked = link(reference, "Meta Platforms Inc META.O rose 5%, and Visa (NYSE:V) fell.")
    texts = {m.text: m for m in linked.mentions}
    assert texts["Meta Platforms Inc META.O"].ticker == "META"
    assert texts["Visa (NYSE:V)"].entity_id == "visa"


def test_unknown_exchange_prefixed_ticker_creates_an_entity_named_from_the_text(
    reference: ReferenceData,
) -> None:
    linked = link(reference, "Fjordline Marine Holdings (NASDAQ: FJDL) fell 6% after its update.")
    created = entity(linked, "fjordline-marine-holdings")
    assert created.name == "Fjordline Marine Holdings"
    assert created.type == "company"
    assert created.tickers == ["FJDL"]


def test_unknown_ric_after_a_name_creates_an_entity(reference: ReferenceData) -> None:
    linked = link(reference, "Toronto-listed Maple Rail Corp MPRL.TO rose 2% on the contract.")
    created = entity(linked, "maple-rail")
    assert created.tickers == ["MPRL.TO"]
    assert [m.text for m in linked.mentions] == ["Maple Rail Corp MPRL.TO"]


def test_a_fund_named_around_a_company_alias_is_the_fund(reference: ReferenceData) -> None:
    linked = link(reference, "Investors sold the Harbour MSCI Asia ETF (NYSEARCA: HMAE).")
    assert [e.id for e in linked.entities] == ["harbour-msci-asia-etf"]
    assert linked.entities[0].type == "product"


def test_unknown_tickers_in_loose_forms_create_nothing(reference: ReferenceData) -> None:
    linked = link(reference, "Traders chased $ZQXW all day. NYSE: A new record was set.")
    assert linked.entities == []


def test_lower_case_ordinary_words_are_no_companies(reference: ReferenceData) -> None:
    text = (
        "She baked an apple pie, checked the target list, read about meta analysis, and "
        "hoped the gap would close before a snap vote on the block."
    )
    assert link(reference, text).entities == []


def test_capitalised_ordinary_words_need_a_business_context(reference: ReferenceData) -> None:
    assert "apple" not in ids(link(reference, "Apple pie is a favourite dessert."))
    assert "amazon" not in ids(link(reference, "The Amazon rainforest lost more trees."))
    assert "target" not in ids(link(reference, "Target prices for copper went up."))
    assert "apple" in ids(link(reference, "Apple shares rose 2% after the iPhone launch."))
    assert "target" in ids(link(reference, "Retailer Target cut its sales forecast."))


@pytest.mark.parametrize(
    "text",
    [
        "The chipmaker took a loan from Washington Square Capital Inc. to fund its plant.",
        "The chipmaker took a loan from Washington\nSquare Capital to fund its plant.",
        "Tourists filled Times Square while the index gained 1%.",
        "Shares of Square Enix rose 4% in Tokyo on the game's sales.",
        "Oracle Park sold every ticket, the team's revenue chief said.",
    ],
)
def test_an_ambiguous_alias_inside_a_longer_name_is_not_the_company(
    reference: ReferenceData, text: str
) -> None:
    assert not {"block", "oracle"} & ids(link(reference, text))


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Target Chief Executive Brian Cornell said sales rose.", "target"),
        ("On Tuesday Apple said iPhone sales rose 6%.", "apple"),
        ("Automaker Ford said quarterly sales rose 5%.", "ford"),
        ("Apple Shares Jump After Record Quarter\nRevenue rose 8%, the company said.", "apple"),
        ("Square Capital loans grew as Square said seller sales rose 12%.", "block"),
        ("Apple Computer Inc said its new Macintosh sold well.", "apple"),
        ("Advanced Micro shares fell 6% on a weak forecast.", "amd"),
    ],
)
def test_an_ambiguous_alias_beside_a_title_a_day_or_in_a_headline_is_the_company(
    reference: ReferenceData, text: str, company: str
) -> None:
    assert company in ids(link(reference, text))


def test_longest_alias_wins(reference: ReferenceData) -> None:
    linked = link(
        reference, "Alibaba Group Holding Ltd and Meta Platforms Inc both beat estimates."
    )
    texts = [m.text for m in linked.mentions]
    assert texts == ["Alibaba Group Holding Ltd", "Meta Platforms Inc"]
    assert entity(linked, "alibaba").mentions == 1


def test_word_boundaries(reference: ReferenceData) -> None:
    linked = link(reference, "Its Xi'an plant ships to JD.com, and the exchange rate changed.")
    assert ids(linked) == {"jd"}
    assert [m.text for m in linked.mentions] == ["JD.com"]


def test_person_and_organisation_outside_the_list_have_no_tickers(
    reference: ReferenceData,
) -> None:
    text = (
        "Alibaba's results impressed investors, said Mara Lindqvist, a senior portfolio manager "
        "at Fjordline Capital. Lindqvist expects cloud sales to keep growing."
    )
    linked = link(reference, text)
    person = entity(linked, "mara-lindqvist")
    assert person.type == "person"
    assert person.tickers == []
    assert person.mentions == 2  # the surname later refers to her
    firm = entity(linked, "fjordline-capital")
    assert firm.type == "organization"
    assert firm.tickers == []


def test_government_bodies(reference: ReferenceData) -> None:
    linked = link(
        reference,
        "The Federal Reserve held rates, and Norway's Ministry of Finance sold bonds; "
        "the CSRC approved the listing.",
    )
    types = {e.id: e.type for e in linked.entities}
    assert types == {
        "federal-reserve": "government",
        "ministry-of-finance": "government",
        "csrc": "government",
    }


def test_title_before_a_name_marks_a_person(reference: ReferenceData) -> None:
    linked = link(reference, "Chief Executive Officer Elin Varga told analysts margins improved.")
    assert entity(linked, "elin-varga").type == "person"
    linked = link(reference, "The talks were held by Chinese President Xi in Beijing.")
    assert entity(linked, "xi-jinping").type == "person"


def test_relevance_ranks_the_main_subject_first(reference: ReferenceData) -> None:
    text = (
        "Alibaba shares jumped 8% in Hong Kong after the company lifted its cloud forecast.\n"
        "Alibaba said demand for AI services kept rising. Rivals Tencent and Baidu gained less, "
        "and the Hang Seng Index ended 1% higher.\n"
        "Analysts expect Alibaba to keep spending on data centres this year."
    )
    linked = link(reference, text, title="Alibaba rallies on cloud outlook")
    relevances = [e.relevance for e in linked.entities]
    assert linked.entities[0].id == "alibaba"
    assert linked.entities[0].relevance == 1.0
    assert relevances == sorted(relevances, reverse=True)
    assert all(e.relevance < 0.6 for e in linked.entities[1:])
    # Equal relevance goes to the entity named first.
    tencent, baidu = entity(linked, "tencent"), entity(linked, "baidu")
    order = [e.id for e in linked.entities]
    if tencent.relevance == baidu.relevance:
        assert order.index("tencent") < order.index("baidu")


def test_news_agency_dateline_and_photo_credit_are_not_mentions(
    reference: ReferenceData,
) -> None:
    text = "March 3 (Reuters) - Nvidia rose 3% in early trade.\nPhoto: Bloomberg\n"
    assert ids(link(reference, text)) == {"nvidia"}


def test_user_alias_is_matched(tmp_path: Path) -> None:
    csv_path = tmp_path / "mine.csv"
    csv_path.write_text(
        "id,name,type,aliases\nharbourline,Harbourline Shipping Ltd,company,Harbourline\n",
        encoding="utf-8",
    )
    reference = load_reference([csv_path])
    linked = link_document(
        CleanDocument("test", "Harbourline raised its dividend on Friday."), reference
    )
    assert [e.id for e in linked.entities] == ["harbourline"]


def test_the_linker_is_built_once_per_reference(reference: ReferenceData) -> None:
    assert linker_for(reference) is linker_for(reference)


def test_words_of_a_longer_name_keep_their_case(reference: ReferenceData) -> None:
    assert link(reference, "A U.S. bank regulator issued new rules.").entities == []
    assert ids(link(reference, "The Hang Seng index rose 1%.")) == {"hang-seng-index"}


_FRAGMENTS = [
    "Alibaba",
    "阿里巴巴",
    "(NYSE: BABA)",
    "META.O",
    "$AAPL",
    "Apple Inc.",
    "said Mara Lindqvist, an analyst at Fjordline Capital",
    "İ",
    "’s",
    "U.S.",
    "(Reuters) -",
    "\n",
    " ",
    ", ",
    "Hang Seng",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_FRAGMENTS), st.text(max_size=12)), max_size=25))
def test_any_text_links_with_valid_offsets(pieces: list[str]) -> None:
    reference = _shared_reference()
    text = "".join(pieces)
    linked = link(reference, text)  # checks every mention's offsets
    named = {m.entity_id for m in linked.mentions}
    assert named == {e.id for e in linked.entities}
    assert all(0.0 <= e.relevance <= 1.0 for e in linked.entities)


@functools.lru_cache(maxsize=1)
def _shared_reference() -> ReferenceData:
    return load_reference()
