"""Ingest: files, directories, JSONL (later WARC, RSS) -> RawDocument, in input order.

Readers yield `ReadError` for inputs they cannot read, so one bad file never stops a batch.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tickerwire.config import IngestOptions
from tickerwire.records import RawDocument, ReadError


@dataclass(frozen=True)
class DocumentOverrides:
    """Command-line metadata that overrides what a single input says about itself."""

    published: dt.date | None = None
    source: str | None = None
    url: str | None = None

    def apply(self, doc: RawDocument) -> RawDocument:
        return replace(
            doc,
            published=self.published or doc.published,
            source=self.source or doc.source,
            url=self.url or doc.url,
        )


def read_inputs(
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    overrides: DocumentOverrides | None = None,
) -> Iterator[RawDocument | ReadError]:
    """Yield one RawDocument per article found under `paths`, or a ReadError per bad input."""
    options = options or IngestOptions()
    for path in map(Path, paths):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            yield ReadError(str(path), str(exc))
            continue
        doc = RawDocument(origin=str(path), text=text)
        yield overrides.apply(doc) if overrides else doc
