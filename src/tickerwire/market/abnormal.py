"""Abnormal returns: how much of a listing's move the market as a whole does not explain.

Two measures, both in percentage points:

- market-adjusted: the listing's change minus its market index's change on the same session;
- market model (MacKinlay 1997, "Event studies in economics and finance"): alpha and beta by OLS of
  the listing's daily returns on the index's over an estimation window before the event; the
  abnormal return is actual - (alpha + beta * market), with the regression's standard error and a
  t-like statistic (abnormal / standard error of the prediction).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from tickerwire.errors import CalendarError
from tickerwire.market.calendars import SessionCalendar
from tickerwire.market.returns import Change, session_change
from tickerwire.market.series import PriceSeries

# The market index of each exchange, best first: the first one with prices loaded is used.
MARKET_INDICES: Mapping[str, tuple[str, ...]] = {
    "XHKG": ("HSI", "HSCEI"),
    "XNYS": ("SPX", "COMP", "NDX", "DJI"),
    "XNAS": ("SPX", "COMP", "NDX", "DJI"),
    "XTKS": ("N225",),
    "XLON": ("FTSE",),
    "XSHG": ("SSEC",),
}

# 120 sessions (about six months) is the common estimation window for daily event studies: long
# enough for a stable beta (standard error of beta ~ 1/sqrt(n)), short enough that the firm's
# business has not changed much.
ESTIMATION_SESSIONS = 120
# The window ends 10 sessions before the event: news often leaks or is anticipated in the days
# before an announcement, and a pre-event run-up inside the window would bias alpha upwards and
# inflate the residual variance, hiding the very move we measure.
GAP_SESSIONS = 10
# Fewer usable days than this (missing rows in either file) and we report no market model: with
# 60 returns the standard error of beta is still about 13% of the residual-to-market volatility.
MIN_ESTIMATION_DAYS = 60


def market_index_for(mic: str, loaded: Sequence[str]) -> str | None:
    """The market index of exchange `mic` among the `loaded` tickers, best first, or None."""
    have = set(loaded)
    for index in MARKET_INDICES.get(mic, ()):
        if index in have:
            return index
    return None


@dataclass(frozen=True)
class MarketAdjusted:
    """The listing's change minus the index's change on the same session."""

    index: str
    index_pct: float
    abnormal_pct: float


def market_adjusted(stock: Change, market: Change, index: str) -> MarketAdjusted | None:
    """Stock change minus market change, when both are known and cover the same days."""
    if stock.pct is None or market.pct is None:
        return None
    if (stock.start, stock.end) != (market.start, market.end):
        return None
    return MarketAdjusted(index=index, index_pct=market.pct, abnormal_pct=stock.pct - market.pct)


@dataclass(frozen=True)
class MarketModel:
    """An OLS market model and its prediction for one event day (returns in percent)."""

    index: str
    alpha_pct: float
    beta: float
    residual_se_pct: float
    estimation_days: int
    window_start: dt.date
    window_end: dt.date
    market_pct: float
    expected_pct: float
    actual_pct: float
    abnormal_pct: float
    prediction_se_pct: float
    t_stat: float

    def describe(self) -> str:
        return (
            f"market model on {self.index}: beta {self.beta:.2f}, alpha {self.alpha_pct:+.3f}%/day "
            f"over {self.estimation_days} sessions {self.window_start}..{self.window_end}; "
            f"expected {self.expected_pct:+.2f}%, abnormal {self.abnormal_pct:+.2f} pp "
            f"(t = {self.t_stat:.1f})"
        )


@dataclass(frozen=True)
class OlsFit:
    alpha: float
    beta: float
    residual_se: float
    n: int
    mean_x: float
    sxx: float


def ols(xs: Sequence[float], ys: Sequence[float]) -> OlsFit | None:
    """Least squares y = alpha + beta x with the residual standard error (n - 2 dof)."""
    n = len(xs)
    if n != len(ys) or n < 3:
        return None
    mean_x = sum(xs) / n
    mean_y = sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    if sxx <= 0.0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    beta = sxy / sxx
    alpha = mean_y - beta * mean_x
    ssr = sum((y - alpha - beta * x) ** 2 for x, y in zip(xs, ys, strict=True))
    return OlsFit(alpha, beta, math.sqrt(ssr / (n - 2)), n, mean_x, sxx)


def estimation_window(
    calendar: SessionCalendar,
    event_day: dt.date,
    sessions: int = ESTIMATION_SESSIONS,
    gap: int = GAP_SESSIONS,
) -> tuple[dt.date, ...]:
    """The `sessions` sessions ending `gap` sessions before `event_day` (empty near the start)."""
    try:
        window_end = calendar.offset(event_day, -(gap + 1))
    except CalendarError:
        return ()
    return calendar.sessions_back(window_end, sessions)


def fit_market_model(
    stock: PriceSeries,
    market: PriceSeries,
    stock_calendar: SessionCalendar,
    market_calendar: SessionCalendar,
    event_day: dt.date,
    *,
    sessions: int = ESTIMATION_SESSIONS,
    gap: int = GAP_SESSIONS,
) -> MarketModel | str:
    """Fit the market model before `event_day` and predict it; a reason string when it cannot.

    Estimation days are sessions of the listing's exchange where both daily returns are known
    (a missing row drops that day, it is never bridged). The t statistic divides the abnormal
    return by the standard error of the prediction, s * sqrt(1 + 1/n + (m - mean_m)^2 / Sxx),
    which adds the uncertainty of alpha and beta to the residual's.
    """
    actual = session_change(stock, stock_calendar, event_day)
    if actual.pct is None:
        return actual.reason or "the event day's change is unknown"
    on_market = session_change(market, market_calendar, event_day)
    if on_market.pct is None:
        return f"{market.ticker}: {on_market.reason}"
    window = estimation_window(stock_calendar, event_day, sessions, gap)
    xs: list[float] = []
    ys: list[float] = []
    for day in window:
        y = session_change(stock, stock_calendar, day).pct
        x = session_change(market, market_calendar, day).pct
        if x is not None and y is not None:
            xs.append(x)
            ys.append(y)
    if len(xs) < MIN_ESTIMATION_DAYS:
        return (
            f"only {len(xs)} sessions with both {stock.ticker} and {market.ticker} returns in the "
            f"estimation window (at least {MIN_ESTIMATION_DAYS} needed)"
        )
    fit = ols(xs, ys)
    if fit is None:
        return f"{market.ticker} returns do not vary in the estimation window"
    expected = fit.alpha + fit.beta * on_market.pct
    abnormal = actual.pct - expected
    prediction_se = fit.residual_se * math.sqrt(
        1.0 + 1.0 / fit.n + (on_market.pct - fit.mean_x) ** 2 / fit.sxx
    )
    return MarketModel(
        index=market.ticker,
        alpha_pct=fit.alpha,
        beta=fit.beta,
        residual_se_pct=fit.residual_se,
        estimation_days=fit.n,
        window_start=window[0],
        window_end=window[-1],
        market_pct=on_market.pct,
        expected_pct=expected,
        actual_pct=actual.pct,
        abnormal_pct=abnormal,
        prediction_se_pct=prediction_se,
        t_stat=abnormal / prediction_se if prediction_se > 0 else math.inf,
    )
