"""market: prices, trading calendars, returns, abnormal returns, claim verification, dating.

Reading is apart from computing: `price_files` reads files into `PriceTable`s; a `PriceProvider`
(`FilePriceProvider` today, the store tomorrow) hands out spliced `PriceSeries`; the other modules
are pure functions of those and of exchange calendars.
"""

from tickerwire.market.abnormal import (
    MarketAdjusted,
    MarketModel,
    fit_market_model,
    market_adjusted,
)
from tickerwire.market.calendars import (
    SessionCalendar,
    TradingCalendars,
    exchange_for,
    is_session,
    previous_session,
    session_before,
    session_for_weekday,
    sessions_between,
    trading_calendars,
)
from tickerwire.market.claims import IndexClaim, PriceClaim
from tickerwire.market.index_checks import check_index_claim
from tickerwire.market.market_dating import MarketDating, date_by_market, date_claim_by_market
from tickerwire.market.price_files import parse_price_csv, read_price_file, ticker_from_filename
from tickerwire.market.provider import (
    FilePriceProvider,
    PriceProvider,
    RenamedLinePrices,
    load_price_files,
)
from tickerwire.market.returns import Change, session_change
from tickerwire.market.series import PriceBar, PriceSeries, PriceTable
from tickerwire.market.tolerance import change_tolerance
from tickerwire.market.verification import (
    PriceCheck,
    check_claim_as_of,
    check_price_claim,
    verify_price_claim,
)

__all__ = [
    "Change",
    "FilePriceProvider",
    "IndexClaim",
    "MarketAdjusted",
    "MarketDating",
    "MarketModel",
    "PriceBar",
    "PriceCheck",
    "PriceClaim",
    "PriceProvider",
    "PriceSeries",
    "PriceTable",
    "RenamedLinePrices",
    "SessionCalendar",
    "TradingCalendars",
    "change_tolerance",
    "check_claim_as_of",
    "check_index_claim",
    "check_price_claim",
    "date_by_market",
    "date_claim_by_market",
    "exchange_for",
    "fit_market_model",
    "is_session",
    "load_price_files",
    "market_adjusted",
    "parse_price_csv",
    "previous_session",
    "read_price_file",
    "session_before",
    "session_change",
    "session_for_weekday",
    "sessions_between",
    "ticker_from_filename",
    "trading_calendars",
    "verify_price_claim",
]
