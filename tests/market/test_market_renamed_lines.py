"""A line that changed its ticker: a claim under one ticker is checked against prices under the
other (a 2024 story writes NYCB; price history is loaded as FLG, or the other way round)."""

from __future__ import annotations

import datetime as dt

from market_fixtures import d, table_from

from tickerwire.link import ReferenceData
from tickerwire.link.reference import FormerTicker, Listing, ReferenceEntity
from tickerwire.market import FilePriceProvider, PriceClaim, RenamedLinePrices, verify_price_claim

# Invented closes on real NYSE sessions (2024-02-01 is a Thursday, 2024-02-02 a Friday).
BANK_CSV = """date,close
2024-01-31,6.00
2024-02-01,4.00
2024-02-02,4.20
"""
OTHER_CSV = """date,close
2024-01-31,50.00
2024-02-01,51.00
2024-02-02,52.00
"""


def _reference() -> ReferenceData:
    line = Listing("FLG", "XNYS", "USD", "US", True, (FormerTicker("NYCB", dt.date(2024, 10, 25)),))
    other = Listing("ZZZ", "XNYS", "USD", "US", True)
    return ReferenceData.from_entities(
        [
            ReferenceEntity("bank", "Example Bancorp", "company", listings=(line,)),
            ReferenceEntity("other", "Other Co", "company", listings=(other,)),
        ]
    )


def test_a_claim_under_the_former_ticker_is_checked_against_prices_under_todays():
    prices = FilePriceProvider([table_from(BANK_CSV, "FLG"), table_from(OTHER_CSV, "ZZZ")])
    claim = PriceClaim("art1", "NYCB", d("2024-02-02"), 5.0)

    assert verify_price_claim(claim, prices).verdict == "unverifiable"
    record = verify_price_claim(claim, RenamedLinePrices(prices, _reference()))
    assert record.verdict == "consistent"
    assert record.actual_pct is not None and round(record.actual_pct, 1) == 5.0


def test_a_claim_under_todays_ticker_finds_prices_loaded_under_the_former_one():
    prices = RenamedLinePrices(FilePriceProvider([table_from(BANK_CSV, "NYCB")]), _reference())
    record = verify_price_claim(PriceClaim("art1", "FLG", d("2024-02-01"), -33.0), prices)
    assert record.verdict == "consistent"


def test_prices_under_the_asked_ticker_come_first_and_other_lines_are_never_borrowed():
    own = table_from(OTHER_CSV, "NYCB")  # prices someone loaded under the old ticker
    prices = RenamedLinePrices(
        FilePriceProvider([own, table_from(BANK_CSV, "FLG"), table_from(OTHER_CSV, "ZZZ")]),
        _reference(),
    )
    nycb, flg = prices.series("NYCB"), prices.series("FLG")
    assert nycb is not None and flg is not None and nycb is not flg
    assert prices.series("QQQQ") is None  # not in the reference data: no guess
    alone = RenamedLinePrices(FilePriceProvider([table_from(OTHER_CSV, "ZZZ")]), _reference())
    assert alone.series("NYCB") is None  # the line has no prices; another line's are not used
    assert alone.tickers() == ("ZZZ",)
