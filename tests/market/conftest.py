"""Fixtures shared by the market tests (the price texts are in market_fixtures.py)."""

from __future__ import annotations

import pytest
from market_fixtures import HK_LUNAR_CSV, HSI_LUNAR_CSV, table_from

from tickerwire.market.calendars import SessionCalendar, TradingCalendars, trading_calendars
from tickerwire.market.provider import FilePriceProvider


@pytest.fixture(scope="session")
def calendars() -> TradingCalendars:
    return trading_calendars()


@pytest.fixture(scope="session")
def xhkg(calendars: TradingCalendars) -> SessionCalendar:
    return calendars.get("XHKG")


@pytest.fixture(scope="session")
def xnys(calendars: TradingCalendars) -> SessionCalendar:
    return calendars.get("XNYS")


@pytest.fixture
def hk_prices() -> FilePriceProvider:
    return FilePriceProvider(
        [table_from(HK_LUNAR_CSV, "9999.HK"), table_from(HSI_LUNAR_CSV, "HSI", "hsi.csv")]
    )
