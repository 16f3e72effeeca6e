"""Long-lived data is moved out of the collector's reach once the first article is done."""

from __future__ import annotations

import gc

from tickerwire.cli import build_parser
from tickerwire.cli.extract import _articles
from tickerwire.pipeline import freeze_long_lived


def test_freeze_long_lived_moves_what_is_alive_to_the_permanent_generation():
    gc.unfreeze()
    kept = [[index] for index in range(1000)]
    freeze_long_lived()
    assert gc.get_freeze_count() >= len(kept)


def test_extract_freezes_after_its_first_article_and_gives_it_back_at_the_end(tmp_path):
    gc.unfreeze()
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_text(
            "Shares of Tencent rose 3% in Hong Kong on Monday.", encoding="utf-8"
        )
    args = build_parser().parse_args(["extract", str(tmp_path)])
    articles = _articles(args, [])
    first = next(articles)
    assert gc.get_freeze_count() > 0  # frozen once the first article is done
    assert first.events[0].attributes["listing"] == "0700.HK"
    assert len(list(articles)) == 1
    assert gc.get_freeze_count() == 0  # collectable again before the process exits
