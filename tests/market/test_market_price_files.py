import datetime as dt

import duckdb
import pytest

from tickerwire.errors import PriceDataError
from tickerwire.market.price_files import (
    normalise_ticker,
    parse_price_csv,
    read_price_file,
    ticker_from_filename,
)
from tickerwire.market.provider import load_price_files

YAHOO_CSV = """Date,Open,High,Low,Close,Adj Close,Volume
2024-03-04,10.0,10.5,9.9,10.2,10.0,500
2024-03-05,10.2,10.4,10.0,10.3,10.1,600
"""


def test_yahoo_columns_keep_the_quoted_close_and_return_on_adj_close():
    table = parse_price_csv(YAHOO_CSV, source="x.csv", ticker="EXMP")
    first = table.bars[0]
    assert (first.close, first.adj_close, first.high, first.low) == (10.2, 10.0, 10.5, 9.9)
    assert table.has_adj_close and table.has_highs


def test_plain_lower_case_date_close_with_bom_and_semicolons():
    text = "\ufeffDATE;close\n2024-03-05;101.5\n2024-03-04;100\n"
    table = parse_price_csv(text, source="x.csv", ticker="EXMP")
    assert [b.date for b in table.bars] == [dt.date(2024, 3, 4), dt.date(2024, 3, 5)]
    assert table.bars[1].adj_close == 101.5 and not table.has_highs


def test_zone_aware_dates_are_the_exchange_day_not_utc():
    text = "Date,Close\n2020-01-02 00:00:00+08:00,209.4\n2020-01-03 00:00:00+08:00,211.4\n"
    table = parse_price_csv(text, source="hk.csv", ticker="9988.HK")
    assert table.first == dt.date(2020, 1, 2)


def test_rows_without_a_close_are_gaps_and_counted():
    text = "Date,Close\n2024-03-04,10\n2024-03-05,null\n2024-03-06,\n2024-03-07,11\n"
    table = parse_price_csv(text, source="x.csv", ticker="EXMP")
    assert len(table.bars) == 2 and table.skipped_rows == 2


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Day,Close\nyesterday,10\n", "not in YYYY-MM-DD"),
        ("Date,Volume\n2024-03-04,10\n", "no close column"),
        ("When,Close\n2024-03-04,10\n", "no date column"),
        ("Date,Close\n2024-03-04,ten\n", "not a number"),
        ("Date,Close\n2024-03-04,0\n", "not positive"),
        ("Date,Close\n2024-03-04,10\n2024-03-04,11\n", "twice"),
        ("Date,Close\n", "no price rows"),
        ("", "empty"),
    ],
)
def test_bad_files_name_the_file_and_the_reason(text, reason):
    with pytest.raises(PriceDataError, match=reason) as caught:
        parse_price_csv(text, source="bad.csv", ticker="EXMP")
    assert caught.value.subject == "bad.csv"


def test_tickers_from_file_names():
    assert ticker_from_filename("/data/9988.HK.csv") == "9988.HK"
    assert ticker_from_filename("AAPL.csv") == "AAPL"
    assert ticker_from_filename("^HSI.csv") == "HSI"
    assert ticker_from_filename("BABA.parquet") == "BABA"
    # Not written as a ticker: needs --ticker.
    assert ticker_from_filename("9988HK_close_2025-06_to_2025-12.csv") is None
    assert ticker_from_filename("aapl_price_raw.csv") is None
    assert ticker_from_filename("prices.csv") is None
    assert normalise_ticker("700.hk") == "0700.HK" and normalise_ticker("^GSPC") == "SPX"


def test_a_file_not_named_after_its_ticker_needs_one(tmp_path):
    path = tmp_path / "9988HK_close_2025.csv"
    path.write_text("Date,Close\n2025-06-02,112.8\n", encoding="utf-8")
    with pytest.raises(PriceDataError, match="--ticker") as caught:
        read_price_file(path)
    assert "9988HK_close_2025.csv" in str(caught.value)
    assert read_price_file(path, ticker="9988.HK").ticker == "9988.HK"


def test_parquet_with_zone_aware_timestamps_reads_in_the_exchange_zone(tmp_path):
    path = tmp_path / "0700.HK.parquet"
    connection = duckdb.connect()
    connection.execute(
        "COPY (SELECT * FROM (VALUES "
        "('2025-02-20 00:00:00+08'::TIMESTAMPTZ, 480.0, 470.0),"
        "('2025-02-21 00:00:00+08'::TIMESTAMPTZ, 512.0, 499.0)) t(Date, High, Close)) "
        f"TO '{path}' (FORMAT PARQUET)"
    )
    connection.close()
    table = read_price_file(path)
    assert table.ticker == "0700.HK"
    assert [b.date for b in table.bars] == [dt.date(2025, 2, 20), dt.date(2025, 2, 21)]
    assert table.bars[1].high == 512.0


def test_missing_and_binary_files_are_price_data_errors(tmp_path):
    with pytest.raises(PriceDataError, match="no such file"):
        read_price_file(tmp_path / "ABC.csv")
    binary = tmp_path / "ABC.csv"
    binary.write_bytes(b"\xff\xfe\x00\x81garbage")
    with pytest.raises(PriceDataError, match="UTF-8"):
        read_price_file(binary)
    broken = tmp_path / "ABC.parquet"
    broken.write_bytes(b"not parquet")
    with pytest.raises(PriceDataError, match="Parquet"):
        read_price_file(broken)


def test_load_price_files_groups_by_ticker(tmp_path):
    (tmp_path / "EXMP.csv").write_text(YAHOO_CSV, encoding="utf-8")
    (tmp_path / "OTHR.csv").write_text(YAHOO_CSV, encoding="utf-8")
    provider = load_price_files(sorted(tmp_path.iterdir()))
    assert provider.tickers() == ("EXMP", "OTHR")
    assert provider.series("exmp") is not None
