"""Long-lived data is moved out of the collector's reach once the first article is done."""

from __future__ import annotations

import gc

from tickerwire.cli import main
from tickerwire.pipeline import freeze_long_lived


def test_freeze_long_lived_moves_what_is_alive_to_the_permanent_generation():
    gc.unfreeze()
    kept = [[index] for index in range(1000)]
    freeze_long_lived()
    assert gc.get_freeze_count() >= len(kept)


def test_extract_freezes_after_its_first_article(tmp_path, capsys):
    gc.unfreeze()
    article = tmp_path / "note.txt"
    article.write_text("Shares of Tencent rose 3% in Hong Kong on Monday.", encoding="utf-8")
    assert main(["extract", str(article)]) == 0
    assert gc.get_freeze_count() > 0
    assert '"listing":"0700.HK"' in capsys.readouterr().out
