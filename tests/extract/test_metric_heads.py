"""The head-word search of metric names: the fast path finds what the pattern finds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tickerwire.extract import metric_terms
from tickerwire.extract.metric_terms import HEAD_STARTS, has_metric_word


def test_every_branch_of_the_head_pattern_starts_with_a_listed_word() -> None:
    body = metric_terms._HEAD.pattern.removeprefix(r"\b(?:").removesuffix(r")\b")
    branches = body.split("|")
    assert len(branches) > 15
    for branch in branches:
        assert branch.lower().startswith(HEAD_STARTS), branch


_WORDS = st.sampled_from(
    [
        *("Revenue", "revenues", "SALES", "top-line", "top line", "Net", "income", "EPS"),
        *("profits", "marginal", "cashflow", "capex", "Capital", "dividends", "buy-back"),
        *("market", "bottom-line", "the", "rose", "7%", "in", "Apple's", "x", "é", "ſales"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.sampled_from([" ", "", "-", "\n"]), st.integers(0, 9))
def test_fast_heads_equal_the_pattern(words: list[str], gap: str, start: int) -> None:
    text = gap.join(words)
    start = min(start, len(text))
    expected = [m.span() for m in metric_terms._HEAD.finditer(text, start, len(text))]
    assert [m.span() for m in metric_terms._heads(text, start, len(text))] == expected
    assert has_metric_word(text, start, len(text)) == bool(expected)


@settings(max_examples=150, deadline=None)
@given(st.lists(_WORDS, max_size=14), st.sampled_from([" ", "", "-", "\n"]), st.integers(0, 9))
def test_terms_read_from_heads_found_once_equal_those_found_afresh(
    words: list[str], gap: str, start: int
) -> None:
    # A sentence's heads are found once (`metric_heads`) and given to `find_metric_terms`,
    # which must then find the same terms as when it looks for them itself.
    text = gap.join(words)
    start = min(start, len(text))
    heads = metric_terms.metric_heads(text, start, len(text))
    assert bool(heads) == has_metric_word(text, start, len(text))
    given_heads = metric_terms.find_metric_terms(text, start, len(text), heads)
    assert given_heads == metric_terms.find_metric_terms(text, start, len(text))


def _matches_trying_every_candidate(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """`_metric_matches` without its literal test: every candidate pattern runs (reference)."""
    matches: list[tuple[int, int, str]] = []
    covered = start
    for head in metric_terms.metric_heads(text, start, end):
        if head.start() < covered:
            continue
        window_start, window_end = max(covered, head.start() - 45), min(end, head.end() + 30)
        best: tuple[int, int, str] | None = None
        for metric, pattern, _ in metric_terms._candidates(head.group(0)):
            for match in pattern.finditer(text, window_start, window_end):
                if match.start() <= head.start() < match.end():
                    if best is None or match.start() < best[0]:
                        best = (match.start(), match.end(), metric)
                    break
        if best is not None:
            matches.append(best)
            covered = best[1]
    return matches


_NAME_WORDS = st.sampled_from(
    [
        *("gross", "Gross", "operating", "pre-tax", "pretax", "tax", "before", "interest"),
        *("net", "Net", "adjusted", "non-GAAP", "core", "fee", "trading", "investment"),
        *("profit", "profits", "income", "margin", "margins", "earnings", "per", "share"),
        *("revenue", "sales", "organic", "recurring", "deferred", "unit", "comparable", "store"),
        *("cash", "flow", "free", "on", "hand", "EBITDA", "market", "cap", "value", "loss"),
        *("of", "rose", "$5", "billion", "\u212aelvin", "İncome", "the", "from", "operations"),
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_NAME_WORDS, max_size=16), st.sampled_from([" ", "  ", "-", ", "]))
def test_names_skipped_for_missing_words_are_names_not_there(words: list[str], gap: str) -> None:
    text = gap.join(words)
    heads = metric_terms.metric_heads(text, 0, len(text))
    found = metric_terms._metric_matches(text, 0, len(text), heads)
    assert found == _matches_trying_every_candidate(text, 0, len(text))
