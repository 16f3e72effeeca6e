"""Articles read from files written by a test, with a sidecar stating their publication moment,
so that the whole path is tested: the input's timestamp, the clean document, the move's date."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from tickerwire.pipeline import Pipeline
from tickerwire.records import Article


def from_sidecar(pipeline: Pipeline, folder: Path, text: str, published: str) -> Article:
    """The record of `text` read from a .txt file whose sidecar states `published`."""
    (folder / "story.txt").write_text(text, encoding="utf-8")
    (folder / "story.meta.json").write_text(json.dumps({"published": published}), "utf-8")
    (article,) = pipeline.process_paths([folder / "story.txt"])
    assert isinstance(article, Article)
    return article


def move_dates(article: Article) -> list[tuple[str, str, dt.date | None]]:
    """(listing or index, period, date) of every price and index move of `article`."""
    return [
        (
            str(e.attributes.get("listing") or e.attributes.get("index")),
            e.attributes["period"],
            e.date,
        )
        for e in article.events
        if e.type in ("price_move", "index_move")
    ]
