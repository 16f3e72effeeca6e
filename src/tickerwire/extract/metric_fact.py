"""`MetricFact`: one figure a sentence states (its name, value and/or change, owner, and whether
it is an estimate or a figure set beside a reported one), shared by the readers of figures."""

from __future__ import annotations

from dataclasses import dataclass

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.metric_comparisons import Comparison
from tickerwire.extract.metric_terms import MetricTerm
from tickerwire.extract.owners import Owner
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.quantities import Quantity

# Words that may stand before an amount ("about", "more than", "an estimated", "a record"),
# read as part of the words that lead to it ("revenue of about", "from nearly").
APPROX = (
    r"(?:(?:about|around|roughly|approximately|nearly|almost|some|over|more\s+than|less\s+than|"
    r"under|just\s+over|just\s+under|close\s+to|at\s+least|as\s+much\s+as|an?\s+estimated|"
    r"a\s+record|a\s+staggering|"
    r"a\s+whopping|an?)\s+)*"
)
# Two amounts joined: "$9.3 billion and $2.25 a share" (whose is which is read as a pair).
PAIR_VALUES = regex.compile(r"\s+(?:and|&)\s+")
# A clause break: a figure on one side does not describe the other.
CLAUSE = prefiltered(regex.compile(r";|\bwhile\b|\bwhereas\b|\bbut\b", regex.IGNORECASE))


@dataclass
class MetricFact:
    term: MetricTerm
    owner: Owner | None
    anchor: int
    value: Quantity | None = None
    change: Change | None = None
    estimate: bool = False
    metric: str = ""
    # Set on a figure stated beside a reported one (`base`): its forecast or its prior period's.
    comparison: Comparison | None = None
    base: MetricFact | None = None
    per_share: bool = False  # set beside a per-share figure: "EPS of $3.87 versus $3.78"
    # A yearly growth rate over years ("a CAGR of 10% from 2019 to 2023"): its period is the
    # span the text gives (`rate_period`, None when it gives none), never one year of it.
    is_rate: bool = False
    rate_period: str | None = None
