"""check_article: the three checks together over one article."""

from __future__ import annotations

import datetime as dt

from tickerwire.checks import check_article
from tickerwire.checks.fx_rates import FxTable

ARTICLE = (
    "Harbor Cloud reported quarterly revenue of 63 billion yuan ($10 billion), and said "
    "subscription sales rose 20% to $1.2 billion from $900 million. Its shares climbed; the "
    "Hang Seng Index rose 400 points, or 2.5%, to 25,829."
)


def test_every_contradiction_of_an_article_is_reported_once_in_order(
    small_table: FxTable,
) -> None:
    conflicts = check_article(
        [], ARTICLE, dt.date(2024, 3, 5), article_id="art-1", fx_table=small_table
    )
    assert [c.values[0].evidence for c in conflicts] == [
        "63 billion yuan ($10 billion)",
        "rose 20% to $1.2 billion from $900 million",
        "rose 400 points, or 2.5%, to 25,829",
    ]
    assert {v.article for c in conflicts for v in c.values} == {"art-1"}
    for conflict in conflicts:
        start = ARTICLE.index(conflict.values[0].evidence)
        assert start >= 0  # each quote is verbatim text of the article


def test_a_clean_article_has_no_conflicts(small_table: FxTable) -> None:
    clean = (
        "Harbor Cloud reported quarterly revenue of 70 billion yuan ($10 billion), and said "
        "subscription sales rose 33% to $1.2 billion from $900 million. The Hang Seng Index "
        "rose 400 points, or 1.6%, to 25,829."
    )
    assert check_article([], clean, dt.date(2024, 3, 5), fx_table=small_table) == []


def test_an_article_without_figures_has_no_conflicts() -> None:
    assert check_article([], "Shares rallied on hopes for new stimulus.", None) == []
