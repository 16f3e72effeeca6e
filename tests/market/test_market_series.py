import pytest
from market_fixtures import d, table_from

from tickerwire.market.returns import change_between, session_change
from tickerwire.market.series import PriceSeries

# Two adjusted files of one Hong Kong listing pulled on different days: the OHLC file is the
# reference; the close-only file is 3% lower in level (another adjustment base), overlaps it on
# 2025-03-06..03-10 and runs on to 03-13. On 03-07 it disagrees slightly (a vendor difference).
OHLC_FILE = """Date,Open,High,Low,Close,Volume
2025-03-03,99,101,98,100,10
2025-03-04,100,103,99,102,10
2025-03-05,102,102,100,101,10
2025-03-06,101,106,101,105,10
2025-03-07,105,105,103,104,10
2025-03-10,104,107,104,106,10
"""
CLOSE_ONLY_FILE = """Date,Close
2025-03-06,101.85
2025-03-07,100.00
2025-03-10,102.82
2025-03-11,113.102
2025-03-12,111.97
2025-03-13,114.21
"""


@pytest.fixture
def spliced() -> PriceSeries:
    # Given in the "wrong" order on purpose: the file with highs is preferred anyway.
    return PriceSeries.from_tables(
        "9999.HK",
        [
            table_from(CLOSE_ONLY_FILE, "9999.HK", "late.csv"),
            table_from(OHLC_FILE, "9999.HK", "ohlc.csv"),
        ],
    )


def test_overlap_uses_the_preferred_file(spliced, xhkg):
    assert spliced.sources == ("ohlc.csv", "late.csv")
    change = session_change(spliced, xhkg, d("2025-03-07"))
    assert change.pct == pytest.approx((104 / 105 - 1) * 100)


def test_days_only_in_the_second_file_use_its_own_returns_not_mixed_levels(spliced, xhkg):
    change = session_change(spliced, xhkg, d("2025-03-11"))
    assert change.pct == pytest.approx(10.0)
    # Splicing levels would have read 113.102 against 106 from the other file: +6.7%.
    assert abs(change.pct - (113.102 / 106 - 1) * 100) > 3


def test_changes_across_the_seam_chain_returns(spliced, xhkg):
    change = change_between(spliced, xhkg, d("2025-03-03"), d("2025-03-13"))
    expected = (106 / 100) * (114.21 / 102.82)
    assert change.pct == pytest.approx((expected - 1) * 100)


def test_levels_come_from_one_file(spliced):
    bar_11, bar_07 = spliced.bar(d("2025-03-11")), spliced.bar(d("2025-03-07"))
    assert bar_11 is not None and bar_11.close == 113.102
    assert bar_07 is not None and bar_07.close == 104 and bar_07.high == 105


def test_splice_report_measures_the_overlap(spliced):
    (report,) = spliced.splice_reports()
    assert report.overlap_days == 3
    assert report.level_ratio == pytest.approx(0.97)
    assert report.max_return_gap_pp is not None and report.max_return_gap_pp > 0.5
    assert "chained" in report.describe()


def test_files_that_do_not_overlap_leave_the_join_unknown(xhkg):
    early = table_from("Date,Close\n2025-03-03,100\n2025-03-04,101\n", "9999.HK", "a.csv")
    later = table_from("Date,Close\n2025-03-05,55\n2025-03-06,56\n", "9999.HK", "b.csv")
    series = PriceSeries.from_tables("9999.HK", [early, later])
    across = session_change(series, xhkg, d("2025-03-05"))
    assert across.pct is None and "do not overlap" in (across.reason or "")
    within = session_change(series, xhkg, d("2025-03-06"))
    assert within.pct == pytest.approx((56 / 55 - 1) * 100)
    (report,) = series.splice_reports()
    assert report.overlap_days == 0 and "unknown" in report.describe()
