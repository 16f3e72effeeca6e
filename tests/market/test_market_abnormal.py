import math

import pytest
from market_fixtures import d, series_from

from tickerwire.market.abnormal import (
    GAP_SESSIONS,
    estimation_window,
    fit_market_model,
    market_adjusted,
    market_index_for,
    ols,
)
from tickerwire.market.returns import session_change

EVENT = d("2025-09-01")


def _csv_from_returns(days, returns_pct, start=100.0):
    """Closes that realise the given daily returns, as CSV text."""
    lines, level = ["Date,Close", f"{days[0]},{start}"], start
    for day, pct in zip(days[1:], returns_pct, strict=True):
        level *= 1 + pct / 100
        lines.append(f"{day},{level:.6f}")
    return "\n".join(lines) + "\n"


@pytest.fixture
def model_pair(xhkg):
    """An index and a stock with beta 1.5 and alpha 0.1%/day plus a small zig-zag residual.

    The stock also jumps 6% (beyond the model) three sessions before the event, inside the gap:
    a leak that must not enter the estimation window.
    """
    days = xhkg.sessions_back(EVENT, 160)
    market = [((i * 37) % 11 - 5) * 0.3 for i in range(len(days) - 1)]
    residual = [0.2 if i % 2 else -0.2 for i in range(len(days) - 1)]
    stock = [0.1 + 1.5 * m + e for m, e in zip(market, residual, strict=True)]
    stock[-4] += 6.0
    stock[-1] = 0.1 + 1.5 * market[-1] + 12.0  # the event: 12 points beyond the model
    return (
        series_from(_csv_from_returns(days, stock), "9999.HK"),
        series_from(_csv_from_returns(days, market), "HSI"),
    )


def test_market_adjusted_subtracts_the_index_change_of_the_same_days(hk_prices, xhkg):
    stock = session_change(hk_prices.series("9999.HK"), xhkg, d("2025-02-03"))
    index = session_change(hk_prices.series("HSI"), xhkg, d("2025-02-03"))
    adjusted = market_adjusted(stock, index, "HSI")
    assert adjusted is not None
    assert adjusted.abnormal_pct == pytest.approx(5.0 - 2.0)
    other_day = session_change(hk_prices.series("HSI"), xhkg, d("2025-02-04"))
    assert market_adjusted(stock, other_day, "HSI") is None


def test_market_index_is_the_first_loaded_for_the_exchange():
    assert market_index_for("XHKG", ["BABA", "HSI"]) == "HSI"
    assert market_index_for("XNYS", ["DJI", "COMP"]) == "COMP"
    assert market_index_for("XNYS", ["HSI"]) is None


def test_ols_recovers_a_line():
    fit = ols([0.0, 1.0, 2.0, 3.0], [1.0, 3.0, 5.0, 7.0])
    assert fit is not None
    assert (fit.alpha, fit.beta, fit.residual_se) == pytest.approx((1.0, 2.0, 0.0))
    assert ols([1.0, 1.0, 1.0], [1.0, 2.0, 3.0]) is None


def test_estimation_window_ends_a_gap_before_the_event(xhkg):
    window = estimation_window(xhkg, EVENT, sessions=120, gap=GAP_SESSIONS)
    assert len(window) == 120
    assert window[-1] == xhkg.offset(EVENT, -(GAP_SESSIONS + 1))


def test_market_model_recovers_beta_and_the_abnormal_move(model_pair, xhkg):
    stock, market = model_pair
    model = fit_market_model(stock, market, xhkg, xhkg, EVENT)
    assert not isinstance(model, str)
    # The leak three sessions before the event sits in the gap, so beta stays ~1.5.
    assert model.beta == pytest.approx(1.5, abs=0.05)
    assert model.alpha_pct == pytest.approx(0.1, abs=0.05)
    assert model.abnormal_pct == pytest.approx(12.0, abs=0.3)
    assert 0.15 < model.residual_se_pct < 0.3
    assert model.t_stat > 30 and math.isfinite(model.t_stat)
    assert model.estimation_days == 120


def test_without_the_gap_the_leak_would_enter_the_window(model_pair, xhkg):
    stock, market = model_pair
    leaky = fit_market_model(stock, market, xhkg, xhkg, EVENT, gap=0)
    clean = fit_market_model(stock, market, xhkg, xhkg, EVENT)
    assert not isinstance(leaky, str) and not isinstance(clean, str)
    assert leaky.residual_se_pct > 2 * clean.residual_se_pct


def test_too_short_a_history_gives_a_reason(hk_prices, xhkg):
    reason = fit_market_model(
        hk_prices.series("9999.HK"), hk_prices.series("HSI"), xhkg, xhkg, d("2025-02-03")
    )
    assert isinstance(reason, str) and "estimation window" in reason
