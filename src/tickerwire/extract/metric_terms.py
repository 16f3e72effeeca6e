"""Names of financial figures in text ("net income", "cloud revenue", "EPS") and their segment."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

import regex

from tickerwire.extract.literals import Literals, required_literals
from tickerwire.extract.prefiltered import finditer_at, prefiltered, starts_of

# (metric, pattern), most specific first; the contract's names, `other:<name>` for the rest.
# A name says what the text names: "pretax profit" is not net income, "comparable sales" are not
# revenue, "gross profit margin" is a margin.
# Bare "earnings"/"profit"/"income" are `earnings`: a per-share value makes them EPS, a plain
# amount net income (decided where the value is read).
_METRIC_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        "adjusted_eps",
        r"(?:adjusted|non-GAAP|core|underlying)\s+(?:diluted\s+)?(?:EPS|earnings\s+"
        r"per\s+(?:share|ADS)|profit\s+per\s+share|net\s+income\s+per\s+share)",
    ),
    (
        "eps",
        r"(?:diluted\s+|basic\s+|GAAP\s+)?(?:EPS|earnings\s+per\s+(?:share|ADS)|profit\s+per\s+"
        r"share|net\s+income\s+per\s+share|per[\s-]share\s+(?:earnings|profit))",
    ),
    # Margins before the profits they contain: "gross profit margin" is a margin.
    ("gross_margin", r"gross\s+(?:profit\s+)?margins?"),
    ("operating_margin", r"operating\s+(?:profit\s+|income\s+)?margins?"),
    ("other:net_margin", r"net\s+(?:profit\s+|income\s+)?margins?"),
    ("other:pretax_margin", r"pre-?\s?tax\s+(?:profit\s+|income\s+)?margins?"),
    ("other:ebitda_margin", r"(?:adjusted\s+)?EBITDA\s+margins?"),
    # Profit before tax is neither net income nor operating income.
    (
        "other:pretax_income",
        r"pre-?\s?tax\s+(?:profits?|income|earnings|loss(?:es)?)|(?:profits?|income|earnings|"
        r"loss)\s+before\s+(?:income\s+)?tax(?:es|ation)?",
    ),
    ("other:net_interest_income", r"net\s+interest\s+income"),
    # Income named by its source is a line of revenue or of the income statement, not profit.
    ("other:interest_income", r"interest\s+income"),
    ("other:fee_income", r"(?:fee|commission)\s+income"),
    ("other:trading_income", r"trading\s+income"),
    ("other:investment_income", r"investment\s+income"),
    ("other:income_tax", r"income\s+tax(?:es)?"),
    (
        "adjusted_net_income",
        r"(?:adjusted|non-GAAP|core|underlying)\s+(?:net\s+)?(?:income|profits?"
        r"|earnings)",
    ),
    ("net_income", r"net\s+(?:income|profits?|earnings|loss)|profit\s+attributable|bottom\s+line"),
    (
        "operating_income",
        r"operating\s+(?:income|profits?|earnings|loss)|income\s+from\s+operations",
    ),
    ("free_cash_flow", r"free\s+cash\s+flows?"),
    ("other:operating_cash_flow", r"operating\s+cash\s+flows?|cash\s+flows?\s+from\s+operations"),
    # Cash held is not a flow: "its cash pile grew 31% to $29 billion".
    (
        "other:cash",
        r"cash\s+(?:and\s+(?:cash\s+)?equivalents|and\s+investments|levels?|position|pile|"
        r"balances?|reserves?|hoard|holdings|on\s+hand)",
    ),
    ("other:gross_profit", r"gross\s+profits?"),
    ("other:adjusted_ebitda", r"adjusted\s+EBITDA"),
    ("other:ebitda", r"EBITDA"),
    ("other:capex", r"capital\s+expenditures?|capex|capital\s+spending"),
    (
        "dividend_per_share",
        r"(?:(?:quarterly|monthly|annual|cash|regular|special|interim|final|income)\s+)*"
        r"distributions?|"
        r"(?:(?:quarterly|annual|cash|regular|special|interim|final)\s+)*"
        r"(?:cash\s+)?dividends?(?!\s+(?:yield|payout))",
    ),
    (
        "buyback",
        r"(?:share|stock)\s+(?:buybacks?|repurchases?)|buybacks?|repurchase\s+"
        r"(?:program|plan|authori[sz]ation)",
    ),
    # "joined the $1 trillion club": a market value passed, written as a club of such companies
    (
        "market_cap",
        r"market\s+(?:capitali[sz]ation|capital|cap|value|valuation)|"
        r"(?<=\d\s?(?:trillion|billion|tn|bn)(?:[\s-]dollar)?[\s-])club",
    ),
    # Sales of stores open a year, or without currency and acquisitions, are not revenue.
    (
        "other:comparable_sales",
        r"(?:comparable|same|like[\s-]for[\s-]like)(?:[\s-](?:store|restaurant|shop|outlet|"
        r"location|branch|center|centre)s?)?[\s-]+(?:sales|revenues?)|comp(?:arable)?[\s-]+"
        r"(?:store\s+)?sales",
    ),
    ("other:organic_revenue", r"organic\s+(?:sales|revenues?)"),
    (
        "other:arpu",
        r"(?:average\s+)?revenues?\s+per\s+(?:paying\s+)?(?:user|unit|member|subscriber|"
        r"customer|account|device)|ARPU",
    ),
    ("other:deferred_revenue", r"(?:deferred|unearned)\s+revenues?"),
    ("other:recurring_revenue", r"(?:annual(?:ized)?\s+)?recurring\s+revenues?"),
    ("other:unit_sales", r"unit\s+sales"),
    # "revenue passenger miles" are an airline's traffic, not its revenue
    (
        "revenue",
        r"(?:net\s+|total\s+)?(?:revenues?|sales|turnover|top[\s-]line)"
        r"(?![\s-]+(?:passenger|ton|seat)[\s-]+(?:miles?|kilomet|km))",
    ),
    ("earnings", r"earnings|profits?|income"),
)
_METRIC_BY_NAME = {
    name: regex.compile(rf"(?<![\w-])(?:{pattern})\b", regex.IGNORECASE)
    for name, pattern in _METRIC_PATTERNS
}
# Head words (lower case, by prefix) and the metric names that can contain them, most specific
# first (the earliest-starting match wins, so "adjusted net income" beats "net income").
_REVENUE_NAMES = (
    "other:comparable_sales",
    "other:organic_revenue",
    "other:arpu",
    "other:deferred_revenue",
    "other:recurring_revenue",
    "other:unit_sales",
    "revenue",
)
_PROFIT_NAMES = (
    "gross_margin",
    "operating_margin",
    "other:net_margin",
    "other:pretax_margin",
    "other:pretax_income",
    "other:net_interest_income",
    "other:interest_income",
    "other:fee_income",
    "other:trading_income",
    "other:investment_income",
    "other:income_tax",
    "adjusted_net_income",
    "net_income",
    "operating_income",
    "other:gross_profit",
    "earnings",
)
_HEAD_METRICS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("revenue", _REVENUE_NAMES),
    ("sales", _REVENUE_NAMES),
    ("turnover", ("revenue",)),
    ("top line", ("revenue",)),
    ("income", _PROFIT_NAMES),
    ("profit", _PROFIT_NAMES),
    ("earnings", ("adjusted_eps", "eps", "other:pretax_income", "adjusted_net_income",
                  "net_income", "operating_income", "earnings")),
    ("eps", ("adjusted_eps", "eps")),
    ("loss", ("other:pretax_income", "net_income", "operating_income")),
    ("margin", ("gross_margin", "operating_margin", "other:net_margin", "other:pretax_margin",
                "other:ebitda_margin")),
    ("cash", ("free_cash_flow", "other:operating_cash_flow", "other:cash")),
    ("ebitda", ("other:ebitda_margin", "other:adjusted_ebitda", "other:ebitda")),
    ("arpu", ("other:arpu",)),
    ("capex", ("other:capex",)),
    ("capital", ("other:capex",)),
    ("dividend", ("dividend_per_share",)),
    ("distribution", ("dividend_per_share",)),
    ("buyback", ("buyback",)),
    ("repurchase", ("buyback",)),
    ("market", ("market_cap",)),
    ("club", ("market_cap",)),
    ("bottom", ("net_income",)),
)  # fmt: skip

# Business lines, as written -> canonical segment name.
SEGMENTS: Mapping[str, str] = {
    "cloud computing": "cloud",
    "cloud intelligence": "cloud",
    "ai cloud": "cloud",
    "cloud": "cloud",
    "quick commerce": "quick_commerce",
    "quick-commerce": "quick_commerce",
    "instant commerce": "quick_commerce",
    "e-commerce": "e_commerce",
    "online": "online",
    "games": "games",
    "online games": "games",
    "mobile games": "games",
    "ecommerce": "e_commerce",
    "international commerce": "international_commerce",
    "local services": "local_services",
    "services": "services",
    "iphone": "iphone",
    "iphones": "iphone",
    "ipads": "ipad",
    "macs": "mac",
    "greater china": "greater_china",
    "china": "greater_china",
    "japan": "japan",
    "europe": "europe",
    "americas": "americas",
    "america": "americas",
    "rest of asia pacific": "rest_of_asia_pacific",
    "asia pacific": "asia_pacific",
    "north america": "north_america",
    "ipad": "ipad",
    "mac": "mac",
    "wearables": "wearables",
    "advertising": "advertising",
    "ad": "advertising",
    "data center": "data_center",
    "data-center": "data_center",
    "datacenter": "data_center",
    "gaming": "gaming",
    "automotive": "automotive",
    "licensing": "licensing",
    "patent-licensing": "licensing",
    "chip": "chips",
    "chips": "chips",
    "semiconductor": "chips",
    "handset": "handsets",
    "handsets": "handsets",
    "iot": "iot",
    "internet of things": "iot",
    "internet-of-things": "iot",
    "broadcast": "broadcast",
    "consumer electronics": "consumer_electronics",
    "search": "search",
    "youtube": "youtube",
    "aws": "aws",
    "azure": "azure",
    "subscription": "subscription",
    "hardware": "hardware",
    "software": "software",
    "retail": "retail",
    "wholesale": "wholesale",
    "streaming": "streaming",
    "logistics": "logistics",
    "networking": "networking",
    "storage": "storage",
    "fintech": "fintech",
    "gaming and entertainment": "gaming",
}
SEGMENT_ALT = "|".join(
    regex.escape(s).replace(r"\ ", r"[\s-]+") for s in sorted(SEGMENTS, key=len, reverse=True)
)
# "sales of its medical devices": a business line named after the figure, in plain words.
_SEGMENT_OF = regex.compile(
    r"\s+(?:of|from)\s+(?:its|their|the\s+company's)\s+(?P<seg>[a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)"
    r"(?:\s+(?:business|segment|division|unit|products?))?(?=[\s,.;])"
)
_SEGMENT_OF_BARE = regex.compile(
    rf"\s+(?:(?:of|from)\s+|(?:made|generated)\s+)(?P<seg>{SEGMENT_ALT})(?![\w-])",
    regex.IGNORECASE,
)
_SEGMENT_IN = regex.compile(
    rf"\s+(?:in|from)\s+(?:the\s+)?(?P<seg>{SEGMENT_ALT})\b", regex.IGNORECASE
)
_RELATIVE_BEFORE = regex.compile(r",\s*which\s+(?:\w+\s+){1,2}$", regex.IGNORECASE)
SEGMENT_UNIT = regex.compile(
    rf"(?<![\w-])(?P<seg>{SEGMENT_ALT})\s+(?:unit|division|segment|business|arm)\b",
    regex.IGNORECASE,
)
SEGMENT_NAME = regex.compile(rf"(?<![\w-])(?P<seg>{SEGMENT_ALT})(?![\w-])", regex.IGNORECASE)
SEGMENT_ANAPHORA = regex.compile(
    r"\b(?:this|that|the)\s+(?:segment|division|unit|business)\b", regex.IGNORECASE
)


# The head word every metric name contains. Finding heads first and reading the full name only
# around them is several times faster than running the full alternation over every position.
_HEAD = regex.compile(
    r"\b(?:revenues?|sales|turnover|top[\s-]line|income|profits?|earnings|EPS|loss|margins?|"
    r"cash|EBITDA|ARPU|capex|capital|dividends?|distributions?|buybacks?|repurchases?|market|"
    r"bottom|club)\b",
    regex.IGNORECASE,
)


_UNIT_WORD = prefiltered(
    regex.compile(r"\b(?:unit|division|segment|business|arm)\b", regex.IGNORECASE)
)
_WORDS_BEFORE = regex.compile(r"[\w&'-]+")
_SEGMENT_FILLERS = frozenset(
    {"product", "products", "unit", "division", "segment", "business", "arm"}
)


def segment_units(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """Matches of `SEGMENT_UNIT` in text[start:end] ("its cloud unit"); the long alternation of
    segment names only runs where a unit word is (every match holds one)."""
    if _UNIT_WORD.search(text, start, end) is None:
        return iter(())
    return SEGMENT_UNIT.finditer(text, start, end)


def segment_before(text: str, start: int, end: int) -> str | None:
    """The business line written right before a metric name ("cloud revenue", "AI cloud
    unit's sales"), read from the last three words of text[start:end]."""
    words = _WORDS_BEFORE.findall(text, start, end)[-4:]
    if not words:
        return None
    words = [w.removesuffix("'s").rstrip("'") for w in words]  # "Services' gross margin"
    while words and words[-1].lower() in _SEGMENT_FILLERS:
        words.pop()
    if words and words[-1].lower().endswith(("-related", "-based")):
        words[-1] = words[-1].rsplit("-", 1)[0]
    for size in (3, 2, 1):
        if len(words) >= size:
            segment = canonical_segment(" ".join(words[-size:]))
            if segment is not None:
                return segment
    return None


def has_metric_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a word that heads a metric name (a cheap first test)."""
    return next(_heads(text, start, end), None) is not None


def metric_heads(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """The words in text[start:end] that head metric names, in order: read once per sentence
    and given to `find_metric_terms`, they also tell whether a sentence can state a figure
    (`has_metric_word` is whether there is one)."""
    return list(_heads(text, start, end))


# The lower-case letters every branch of `_HEAD` starts with. The alternation tries every
# branch at every position of a sentence (its costliest pattern per article); `_heads` runs it
# only where one of these stands. A test checks that each branch starts with one of them.
HEAD_STARTS = (
    *("revenue", "sales", "turnover", "top", "income", "profit", "earnings", "eps", "loss"),
    *("margin", "cash", "ebitda", "arpu", "capex", "capital", "dividend", "distribution"),
    *("buyback", "repurchase", "market", "bottom", "club"),
)


def _heads(text: str, start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches of `_HEAD.finditer(text, start, end)`, the pattern tried only where a match
    can start: where one of `HEAD_STARTS` does in the lower-cased text (on ASCII text; other
    text is searched as before)."""
    segment = text[start:end]
    if not segment.isascii():
        return _HEAD.finditer(text, start, end)
    offsets = starts_of(segment.lower(), HEAD_STARTS, 0, end - start)
    return finditer_at(_HEAD, text, [start + offset for offset in offsets], end)


def _metric_matches(
    text: str, start: int, end: int, heads: Iterable[regex.Match[str]]
) -> list[tuple[int, int, str]]:
    """(start, end, metric) of the metric names in text[start:end], read around its head words
    `heads` (`metric_heads`).

    Only the patterns that can contain a head word are tried, in a short window: each is small,
    which is much faster than one alternation of all of them. Of those, a pattern whose
    required words (`literals`) the window lacks is not run: most of the sixteen names a
    "profit" or "income" can head need a word such as "gross", "tax" or "interest" that
    most windows do not hold.
    """
    matches: list[tuple[int, int, str]] = []
    covered = start
    for head in heads:
        if head.start() < covered:
            continue
        window_start = max(covered, head.start() - 45)
        window_end = min(end, head.end() + 30)
        window = text[window_start:window_end]
        # the patterns ignore case: their words are sure to show in the lower-cased window
        # only when it is ASCII (the Kelvin sign matches "k"); otherwise every one is run
        lowered = window.lower() if window.isascii() else None
        best: tuple[int, int, str] | None = None
        for metric, pattern, literals in _candidates(head.group(0)):
            if lowered is not None and literals is not None and not literals.held_in(lowered):
                continue  # no match can lie in the window
            for match in pattern.finditer(text, window_start, window_end):
                if match.start() <= head.start() < match.end():
                    if best is None or match.start() < best[0]:
                        best = (match.start(), match.end(), metric)
                    break
        if best is not None:
            matches.append(best)
            covered = best[1]
    return matches


# A few dozen head words as written ("revenue", "Revenues", "top-line"): each is read once.
@lru_cache(maxsize=256)
def _candidates(head: str) -> tuple[tuple[str, regex.Pattern[str], Literals | None], ...]:
    """The metric names `head` can head, each with its pattern and the words its matches
    hold (`_lowered_literals`)."""
    key = head.lower().replace("-", " ")
    key = " ".join(key.split())
    for prefix, names in _HEAD_METRICS:
        if key.startswith(prefix):
            return tuple(
                (name, _METRIC_BY_NAME[name], _lowered_literals(_METRIC_BY_NAME[name]))
                for name in names
            )
    return ()


def _lowered_literals(pattern: regex.Pattern[str]) -> Literals | None:
    """The words every match of `pattern` holds, if it ignores case (they are looked for in
    a lower-cased window); None when not known."""
    literals = required_literals(pattern)
    return literals if literals is not None and literals.lowered else None


@dataclass(frozen=True, slots=True)
class MetricTerm:
    """A figure's name in the text, with the business line written before it."""

    start: int
    end: int
    metric: str
    segment: str | None = None
    implied: bool = False  # "the cloud unit's 11% growth": a segment whose growth is revenue


# The same few words are looked up again and again (the words before each metric name), so
# their answers are kept; the cache is bounded for texts that name many.
@lru_cache(maxsize=4096)
def canonical_segment(words: str) -> str | None:
    key = " ".join(words.replace("-", " ").lower().split())
    return SEGMENTS.get(key) or SEGMENTS.get(key.replace(" ", "-"))


def find_metric_terms(
    text: str, start: int, end: int, heads: Iterable[regex.Match[str]] | None = None
) -> list[MetricTerm]:
    """Metric names in text[start:end], each with the segment written right before it.
    `heads` are the range's `metric_heads`, when the caller has them already."""
    if heads is None:
        heads = _heads(text, start, end)
    terms: list[MetricTerm] = []
    for match_start, match_end, metric in _metric_matches(text, start, end, heads):
        segment = segment_before(text, max(start, match_start - 40), match_start)
        if segment is None and metric == "revenue":
            region = _SEGMENT_IN.match(text, match_end, end)
            if region is not None:
                segment = canonical_segment(region.group("seg"))
            of = None if region is not None else _SEGMENT_OF.match(text, match_end, end)
            if of is not None:
                segment = canonical_segment(of.group("seg")) or "_".join(
                    of.group("seg").lower().replace("-", " ").split()
                )
            elif region is None:
                bare = _SEGMENT_OF_BARE.match(text, match_end, end)  # "Sales of iPhones"
                segment = canonical_segment(bare.group("seg")) if bare is not None else None
        if segment is None and _RELATIVE_BEFORE.search(
            text, max(start, match_start - 40), match_start
        ):
            previous = terms[-1] if terms else None
            segment = (
                previous.segment if previous is not None else None
            )  # ", which generated revenue"
        terms.append(MetricTerm(match_start, match_end, metric, segment))
    for match in segment_units(text, start, end):
        segment = canonical_segment(match.group("seg"))
        if segment and not any(t.start <= match.start() < t.end for t in terms):
            terms.append(MetricTerm(match.start(), match.end(), "revenue", segment, implied=True))
    terms.sort(key=lambda t: t.start)
    return terms
