"""Small price fixtures written for these tests (invented prices on real exchange calendars)."""

from __future__ import annotations

import datetime as dt

from tickerwire.market.price_files import parse_price_csv
from tickerwire.market.series import PriceSeries, PriceTable

# A Hong Kong listing around the 2025 Lunar New Year: 2025-01-28 is a half day (New Year's Eve),
# 2025-01-29..31 are holidays, trading resumes on Monday 2025-02-03. 2025-01-23 is missing from
# the file (a gap, not a holiday). Dates are written with the exchange's +08:00 offset.
HK_LUNAR_CSV = """Date,Open,High,Low,Close,Volume,Dividends,Stock Splits
2025-01-20 00:00:00+08:00,80.0,81.0,79.5,80.0,1000,0.0,0.0
2025-01-21 00:00:00+08:00,80.0,82.0,79.8,81.0,1000,0.0,0.0
2025-01-22 00:00:00+08:00,81.0,81.5,80.0,80.5,1000,0.0,0.0
2025-01-24 00:00:00+08:00,82.0,84.0,81.0,83.0,1000,0.0,0.0
2025-01-27 00:00:00+08:00,83.0,85.0,82.5,84.0,1000,0.0,0.0
2025-01-28 00:00:00+08:00,84.0,86.2,83.9,86.1,500,0.0,0.0
2025-02-03 00:00:00+08:00,85.0,92.0,84.0,90.405,1200,0.0,0.0
2025-02-04 00:00:00+08:00,90.0,91.0,88.0,88.5,900,0.0,0.0
"""

# The Hang Seng Index over the same days (invented levels).
HSI_LUNAR_CSV = """date,close
2025-01-20,19900.00
2025-01-21,19960.00
2025-01-22,19800.00
2025-01-23,19700.00
2025-01-24,19950.00
2025-01-27,19920.00
2025-01-28,20000.00
2025-02-03,20400.00
2025-02-04,20196.00
"""


def table_from(text: str, ticker: str, source: str = "fixture.csv") -> PriceTable:
    return parse_price_csv(text, source=source, ticker=ticker)


def series_from(text: str, ticker: str) -> PriceSeries:
    return PriceSeries.from_tables(ticker, [table_from(text, ticker)])


def d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
