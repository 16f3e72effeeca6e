import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.extract.quantities import (
    _QUANTITY,
    _QUANTITY_LOWER,
    _quantity_matches,
    find_quantities,
)


def one(text: str, yen: str | None = None):
    found = [q for q in find_quantities(text, yen) if not q.is_conversion]
    assert len(found) == 1, found
    return found[0]


def test_scales_and_currencies_become_base_units():
    assert one("a loss of 2.5 bn euros").value == 2.5e9
    assert one("a loss of 2.5 bn euros").currency == "EUR"
    assert one("raised HK$780m last year").value == 780e6
    assert one("raised HK$780m last year").currency == "HKD"
    assert one("sales of NT$1.2 trillion").currency == "TWD"
    assert one("a fine of £40 million").value == 40e6
    assert one("about 12 mln dlrs").value == 12e6
    assert one("spent RMB 3.5 billion").currency == "CNY"


def test_a_scaled_figure_is_the_whole_number_it_writes():
    # 67.82 * 1e9 is 67819999999.99999 in binary floating point
    assert one("revenue of $67.82 billion").value == 67_820_000_000
    assert one("a loss of 518.3 million dollars").value == 518_300_000
    assert one("sales of $4.15 bn").value == 4_150_000_000


@given(st.integers(min_value=1, max_value=999_999), st.sampled_from(["million", "billion"]))
@settings(max_examples=60, deadline=None)
def test_scaled_figures_with_two_decimals_are_exact(hundredths, scale):
    written = f"{hundredths / 100:.2f}"
    value = one(f"revenue of ${written} {scale}").value
    factor = 10**6 if scale == "million" else 10**9
    assert value == hundredths * factor // 100


def test_cents_per_share_are_dollars():
    q = one("a payout of 45.0 cents per share")
    assert q.value == 0.45 and q.currency == "USD" and q.per_share


def test_stated_conversion_in_parentheses():
    q = one("turnover of 12.6 billion yuan ($1.74 billion) in the quarter")
    assert q.value == 12.6e9 and q.currency == "CNY"
    assert q.conversion is not None
    assert (q.conversion.value, q.conversion.currency) == (1.74e9, "USD")
    q = one("a fund of 50 billion yuan (approximately $6.9 billion) for chips")
    assert q.conversion is not None and q.conversion.value == 6.9e9


def test_percentage_points_are_not_percent():
    kinds = [q.kind for q in find_quantities("margin widened 1.5 percentage points to 38%")]
    assert kinds == ["pp", "percent"]
    assert find_quantities("a cut of 25 basis points")[0].value == 0.25


def test_ranges_and_approximate_markers():
    q = one("it sees growth of 5% to 7% next year")
    assert (q.low, q.high) == (5.0, 7.0)
    q = one("earnings of 44-59 cents a share")
    assert (q.low, q.high) == (0.44, 0.59)
    assert len(find_quantities("shares rose 5% to 7% of the index")) == 2  # a move to a level
    q = one("shares fell more than 7% on Monday")
    assert q.approximate and q.approx_word == "more than"


def test_yen_sign_follows_context():
    assert one("profit of ¥90 billion", yen="JPY").currency == "JPY"
    assert one("profit of ¥90 billion").currency is None  # unknown: not guessed


def test_triple_digit_growth_is_not_a_number():
    assert find_quantities("AI revenue posted triple-digit growth") == []


def test_times_and_codes_are_not_quantities():
    assert [
        q.value for q in find_quantities("At 9:30 a.m. the Qwen2 model and 1YMcv1 quotes")
    ] == []


# The number scan jumps from digit to digit (quantities._quantity_matches): it must find what
# the pattern finds when it tries every position.
_QUANTITY_TEXT = st.lists(
    st.sampled_from(
        [
            *"0123456789 .,-+$%()kKmMbB",
            *("US$", "U.S.$", "HK$", "RMB", "Rs.", "€", "£", "¥"),
            *("billion", "million", " bn", " pct", " percent", " percentage points", " yuan"),
            *(" cents", " points", "a", "Q", "\n", ":", "/", "x"),
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(_QUANTITY_TEXT)
def test_number_scan_finds_what_the_pattern_finds(text: str) -> None:
    jumped = [m.span() for m in _quantity_matches(text)]
    assert jumped == [m.span() for m in _QUANTITY.finditer(text)]


def test_number_scan_keeps_prefixes_and_signs_before_the_digit():
    text = "up +U.S.$ .5 billion, then HK$ 12 and -3.5% against 2,000 yen"
    # spans: in ASCII text the scan matches the lower-cased copy
    assert [m.span() for m in _quantity_matches(text)] == [
        m.span() for m in _QUANTITY.finditer(text)
    ]
    assert [q.text for q in find_quantities(text)] == [
        "U.S.$ .5 billion",
        "HK$ 12",
        "-3.5%",
        "2,000 yen",
    ]


# In ASCII text the scan matches `_QUANTITY_LOWER` in the lower-cased text: the same spans and
# groups as `_QUANTITY` ignoring case in the text as written, and the prefix read as written.
_MIXED_CASE_TEXT = st.lists(
    st.sampled_from(
        [
            *"0123456789 .,-+$%()kKmMbBtT",
            *("US$", "Us$", "u.s.$", "HK$", "hk$", "RMB", "Rmb", "Rs.", "RS", "rs", "EUR", "usd"),
            *("Billion", "MILLION", " Bn", " BN", " PCT", " Percent", " Percentage Points"),
            *(" Yuan", " CENTS", " Cts", " Points", " BPS", " Basis Points", " Dollars", " Euros"),
            *(" per cent", " Pp", "a", "Q", "\n", ":", "/", "x", "S", "_"),
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(_MIXED_CASE_TEXT)
def test_lowered_scan_matches_the_pattern_ignoring_case(text: str) -> None:
    assert [m.regs for m in _quantity_matches(text)] == [m.regs for m in _QUANTITY.finditer(text)]
    assert [m.regs for m in _QUANTITY_LOWER.finditer(text.lower())] == [
        m.regs for m in _QUANTITY.finditer(text)
    ]


def test_lowered_scan_keeps_the_prefix_as_written():
    found = find_quantities("fees of Rs. 500 and Rs 20, and RS. 7 and Us$ 3 and HKD 9")
    assert [(q.text, q.currency) for q in found] == [
        ("Rs. 500", "INR"),
        ("Rs 20", "INR"),
        ("RS. 7", None),
        ("Us$ 3", "USD"),
        ("HKD 9", "HKD"),
    ]


def test_lowered_pattern_writes_no_capital_escape():
    # lower-casing "\S" or "\W" would change the pattern's meaning
    assert re.search(r"\\[A-Z]", _QUANTITY.pattern) is None


def test_a_trillion_written_as_t_after_a_currency() -> None:
    found = [(q.text, q.value, q.kind) for q in find_quantities("a $3T company, or US$1.2T")]
    assert found == [("$3T", 3e12, "money"), ("US$1.2T", 1.2e12, "money")]


def test_a_t_without_a_currency_is_no_trillion() -> None:
    assert find_quantities("the 3T scanner and the Q3T chip") == []
