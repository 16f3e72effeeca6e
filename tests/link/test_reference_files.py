"""The reference list: bundled CSV files, user extensions and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tickerwire.errors import ReferenceDataError
from tickerwire.link import ReferenceData, load_reference


@pytest.fixture(scope="module")
def reference() -> ReferenceData:
    return load_reference()


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_bundled_listings_of_dual_listed_companies(reference: ReferenceData) -> None:
    expected = {
        "alibaba": ["9988.HK", "BABA"],
        "tencent": ["0700.HK", "TCEHY"],
        "jd": ["9618.HK", "JD"],
        "baidu": ["9888.HK", "BIDU"],
        "netease": ["9999.HK", "NTES"],
        "tsmc": ["2330.TW", "TSM"],
        "nissan": ["7201.T"],
    }
    for entity_id, tickers in expected.items():
        entity = reference.entity(entity_id)
        assert entity is not None, entity_id
        assert entity.tickers == tickers


def test_bundled_list_covers_the_hang_seng_index_and_large_us_names(
    reference: ReferenceData,
) -> None:
    for ticker in ("0005.HK", "0388.HK", "1211.HK", "1810.HK", "3690.HK", "2318.HK", "9961.HK"):
        assert reference.by_ticker(ticker) is not None, ticker
    for ticker in ("AAPL", "MSFT", "NVDA", "GOOGL", "AMZN", "META", "BRK-B", "JPM", "V", "KO"):
        assert reference.by_ticker(ticker) is not None, ticker


def test_indices_are_entities_with_their_code_as_only_listing(reference: ReferenceData) -> None:
    for code, exchange in (("HSI", "XHKG"), ("HSTECH", "XHKG"), ("SPX", "XNYS"), ("NDX", "XNAS")):
        found = reference.by_ticker(code)
        assert found is not None
        entity, listing = found
        assert entity.type == "index"
        assert entity.tickers == [code]
        assert listing.exchange == exchange


def test_hong_kong_venue_selects_the_hong_kong_line(reference: ReferenceData) -> None:
    hong_kong = reference.listing_for("alibaba", "Hong Kong")
    us = reference.listing_for("alibaba", "U.S.")
    assert hong_kong is not None and hong_kong.ticker == "9988.HK"
    assert us is not None and us.ticker == "BABA"


def test_alias_lookup_is_case_insensitive_and_includes_chinese_names(
    reference: ReferenceData,
) -> None:
    assert reference.by_alias("tencent").id == "tencent"  # type: ignore[union-attr]
    assert reference.by_alias("騰訊").id == "tencent"  # type: ignore[union-attr]
    assert reference.by_alias("腾讯").id == "tencent"  # type: ignore[union-attr]
    assert reference.by_alias("阿里巴巴").id == "alibaba"  # type: ignore[union-attr]
    assert reference.by_alias("Not A Company We Know") is None


def test_user_csv_adds_an_entity_and_extends_a_bundled_one(tmp_path: Path) -> None:
    entities = _write(
        tmp_path,
        "my_entities.csv",
        "id,name,type,aliases\n"
        "harbourline,Harbourline Shipping Ltd,company,Harbourline|港航\n"
        "tencent,,,Penguin Empire\n",
    )
    listings = _write(
        tmp_path,
        "my_listings.csv",
        "entity_id,ticker,exchange,currency,country,primary\n"
        "harbourline,8123.HK,XHKG,HKD,HK,true\n"
        "tencent,TCTZF,OOTC,USD,US,false\n",
    )
    reference = load_reference([listings, entities])  # order of files does not matter
    harbourline = reference.entity("harbourline")
    assert harbourline is not None
    assert harbourline.tickers == ["8123.HK"]
    assert reference.by_alias("港航") is harbourline
    tencent = reference.entity("tencent")
    assert tencent is not None
    assert tencent.name == "Tencent Holdings Ltd"  # an empty name keeps the bundled one
    assert "Penguin Empire" in tencent.aliases
    assert tencent.tickers == ["0700.HK", "TCEHY", "TCTZF"]


@pytest.mark.parametrize(
    ("content", "line", "reason"),
    [
        ("id,name,type,aliases\nacme,Acme Corp,conglomerate,Acme\n", 2, "type 'conglomerate'"),
        ("id,name,type,aliases\nAcme Corp,Acme Corp,company,Acme\n", 2, "is not a slug"),
        ("id,name,type,aliases\nacme,Acme Corp,company\n", 2, "row has 3 fields"),
        ("id,name,type,aliases\nacme,,company,Acme\n", 2, "needs a name"),
        ("id,name,type,aliases\n# a comment\nacme,Acme,company,Alibaba\n", 3, "already names"),
        ("id,name,type,aliasses\nacme,Acme,company,Acme\n", 1, "missing column(s): aliases"),
        ("name,type\nAcme,company\n", 1, "neither an entities file"),
        ("entity_id,ticker,exchange,currency,country\nnobody,NOBO,XNYS,USD,US\n", 2, "nobody"),
        ("entity_id,ticker,exchange,currency,country\nalibaba,baba hk,XHKG,HKD,HK\n", 2, "ticker"),
        ("entity_id,ticker,exchange,currency,country\nalibaba,9988.HK2,HK,HKD,HK\n", 2, "MIC"),
        ("entity_id,ticker,exchange,currency,country\nalibaba,AAPL,XNAS,USD,US\n", 2, "apple"),
        (
            "entity_id,ticker,exchange,currency,country,primary\njd,JD2,XNAS,USD,US,maybe\n",
            2,
            "primary",
        ),
    ],
)
def test_malformed_user_rows_name_file_line_and_reason(
    tmp_path: Path, content: str, line: int, reason: str
) -> None:
    path = _write(tmp_path, "bad.csv", content)
    with pytest.raises(ReferenceDataError) as caught:
        load_reference([path])
    message = str(caught.value)
    assert f"bad.csv:{line}" in message
    assert reason in message


def test_unreadable_user_file_is_a_reference_error(tmp_path: Path) -> None:
    with pytest.raises(ReferenceDataError, match="cannot read"):
        load_reference([tmp_path / "missing.csv"])
