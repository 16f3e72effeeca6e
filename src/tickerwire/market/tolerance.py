"""How far a reported change may be from the measured one and still be the same fact.

A reported "19%" is a rounded figure: any close-to-close change in [18.5, 19.5) prints as 19%.
Three more things separate a correct report from our number:

1. Timing. Stories are written during the session or just after it, and wire copy is often not
   updated for the last minutes of trading or the closing auction: the 2025-09-01 Alibaba stories
   say 19% for a close of +18.5%. This error grows with the size of the move (a stock up 19% at
   3 pm can close 18% or 20%), hence a term proportional to the claim.
2. Data. Our closes are Yahoo's dividend-adjusted ones. Between dividends the adjustment is a
   constant factor, so daily changes are exact; on an ex-dividend day the quoted change is lower by
   the dividend yield, which `returns.unadjusted_session_change` measures separately rather than
   widening every tolerance. Vendors also disagree on the close itself (last trade vs closing
   auction), and the hand-copied files in eval-data are rounded to 3 decimals: together under a
   tenth of a point on the checks in eval-data (9988.HK 2025-02-21: +14.56% here, 14.6% reported).
3. Precision as written. A writer who prints "9.18%" computed it from two prices, so the claim
   stands for that exact figure; a writer who prints "15%" is giving a size. The tolerance
   therefore tightens with each decimal written.

`approximate` claims ("about 20%", "nearly 20%", "more than 7%") get a wider band: the writer has
said the figure is not exact, and "more than 7%" is true of 7.4% and of 8.9%.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Point (2) above: vendor close differences and 3-decimal rounding of transcribed files.
DATA_MARGIN_PP = 0.1
# Point (1) above, per number of decimals written (3+ decimals use the last). 5% for whole
# numbers makes 19% accept 18.05..19.95 (the reported 2025-09-01 move closed at +18.50%) and 15%
# accept 14.25..15.75 (2025-02-21 closed at +14.56%), while 9.18% cannot pass for 14.56%.
# One decimal (14.6%) signals a computed figure: 2%; two decimals: 1%.
RELATIVE_BY_DECIMALS = (0.05, 0.02, 0.01)
# "about", "nearly", "more than": at least a point, or a tenth of the figure.
APPROXIMATE_FLOOR_PP = 1.0
APPROXIMATE_RELATIVE = 0.10
# Index levels: the index provider publishes one official close, which every vendor copies; a
# hundredth of a percent (2.6 points on the Hang Seng at 25,800) allows rounding and nothing else.
LEVEL_RELATIVE = 0.0001


@dataclass(frozen=True)
class Tolerance:
    """An allowed distance in percentage points, and how it was derived (for messages)."""

    pp: float
    basis: str


def decimals_written(value: float) -> int:
    """How many decimals a figure was written with, read from its float (19.0 -> 0, 9.18 -> 2).

    The extractor stores change_pct as a float, so "19.0%" and "19%" are not told apart; both read
    as a whole-number claim, which only widens the tolerance by the rounding of one decimal.
    """
    magnitude = abs(value)
    for decimals in range(4):
        if math.isclose(magnitude, round(magnitude, decimals), abs_tol=1e-9):
            return decimals
    return 4


_DECIMAL_WORDS = ("whole-number", "one-decimal", "two-decimal", "three-decimal", "precise")


def change_tolerance(
    claimed_pct: float, *, decimals: int | None = None, approximate: bool = False
) -> Tolerance:
    """The tolerance for a claimed percentage change, in percentage points.

    >>> round(change_tolerance(19.0).pp, 3), round(change_tolerance(9.18).pp, 3)
    (0.95, 0.105)
    """
    magnitude = abs(claimed_pct)
    if approximate:
        pp = max(APPROXIMATE_FLOOR_PP, APPROXIMATE_RELATIVE * magnitude)
        return Tolerance(pp, "an approximate claim")
    places = decimals_written(claimed_pct) if decimals is None else decimals
    rounding = 0.5 * 10.0 ** (-places)
    relative = RELATIVE_BY_DECIMALS[min(places, len(RELATIVE_BY_DECIMALS) - 1)]
    pp = max(rounding + DATA_MARGIN_PP, relative * magnitude)
    return Tolerance(pp, f"a {_DECIMAL_WORDS[min(places, 4)]} claim")


def level_tolerance(level: float, *, decimals: int | None = None) -> float:
    """The tolerance for a reported index level, in index points."""
    places = decimals_written(level) if decimals is None else decimals
    return max(0.5 * 10.0 ** (-places), LEVEL_RELATIVE * abs(level))
