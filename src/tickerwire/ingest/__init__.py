"""Ingest: files, directories, JSONL, WARC, RSS/Atom -> RawDocument, in input order.

Formats are read by the reader registered for the file's suffix (`registry.py`); a new format is
a new reader registered there, with no change to `read_inputs` or its callers.

| suffix | reader | one article per | origin of each article |
|---|---|---|---|
| `.txt` | `pages.read_text_file` (UTF-8; sidecar `NAME.meta.json` or `NAME.json`) | file | `FILE` |
| `.html`, `.htm` | `pages.read_html_file` (UTF-8 or declared charset; sidecar) | file | `FILE` |
| `.jsonl`, `.jsonl.gz` | `jsonl.read_jsonl` (streamed) | line | `FILE:LINE` |
| `.warc`, `.warc.gz` | `warc.read_warc` (streamed, needs warcio) | HTML response | `FILE@OFFSET` |
| `.rss`, `.atom`, `.xml` | `feeds.read_feed` (streamed, needs defusedxml) | item/entry | `FILE#N` |

Readers never raise on a bad input: they yield a `ReadError(origin, reason)` so one bad file never
stops a batch. In a directory, files of other suffixes (and sidecars) are skipped silently; named
on the command line, they are reported. The per-article size limit (`max_input_bytes`) is
checked before reading; for JSONL, WARC and feeds it applies to each article, not to the file.
An unusable sidecar is logged as a warning and its article read without metadata (see
`sidecar.py`).
"""

from __future__ import annotations

import datetime as dt
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from tickerwire.config import IngestOptions
from tickerwire.ingest.dates import parse_published
from tickerwire.ingest.files import os_error_reason
from tickerwire.ingest.registry import Reader, ReaderRegistry, default_registry
from tickerwire.ingest.sidecar import is_sidecar_name
from tickerwire.ingest.walk import walk_files
from tickerwire.records import RawDocument, ReadError

__all__ = [
    "DocumentOverrides",
    "Reader",
    "ReaderRegistry",
    "default_registry",
    "parse_published",
    "read_inputs",
]


@dataclass(frozen=True)
class DocumentOverrides:
    """Command-line metadata that overrides what a single input says about itself.

    A field that is set wins over the sidecar's or the record's value; a field left None keeps it.
    """

    published: dt.date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None

    def apply(self, doc: RawDocument) -> RawDocument:
        """`doc` with the fields set here replacing its own."""
        return replace(
            doc,
            published=self.published or doc.published,
            source=self.source or doc.source,
            url=self.url or doc.url,
            title=self.title or doc.title,
        )


def read_inputs(
    paths: Iterable[str | Path],
    options: IngestOptions | None = None,
    overrides: DocumentOverrides | None = None,
    registry: ReaderRegistry | None = None,
) -> Iterator[RawDocument | ReadError]:
    """Yield one RawDocument per article found under `paths`, or a ReadError per bad input.

    Output follows input order: paths in the order given, files of a directory in sorted order,
    articles of a file in the file's order. Nothing is read ahead.
    """
    options = options or IngestOptions()
    registry = registry or default_registry()
    if isinstance(paths, (str, Path)):  # one path given bare would otherwise be read per letter
        paths = [paths]
    for given in paths:
        for item in _read_path(Path(given), options, registry):
            if overrides is not None and isinstance(item, RawDocument):
                item = overrides.apply(item)
            yield item


def _read_path(
    path: Path, options: IngestOptions, registry: ReaderRegistry
) -> Iterator[RawDocument | ReadError]:
    try:
        mode = path.stat().st_mode
    except OSError as error:
        yield ReadError(str(path), os_error_reason(error))
        return
    if stat.S_ISDIR(mode):
        for found in walk_files(path):
            if isinstance(found, ReadError):
                yield found
                continue
            reader = registry.reader_for(found)
            if reader is not None:
                yield from _guarded(reader, found, options)
        return
    if not stat.S_ISREG(mode):
        yield ReadError(str(path), "not a regular file or a directory")
        return
    reader = registry.reader_for(path)
    if reader is None:
        yield ReadError(str(path), _unsupported_reason(path, registry))
        return
    yield from _guarded(reader, path, options)


def _unsupported_reason(path: Path, registry: ReaderRegistry) -> str:
    if is_sidecar_name(path.name):
        return "a metadata sidecar, not an article: name the .txt or .html file beside it"
    kind = "".join(path.suffixes[-2:]) or "a name without a suffix"
    return f"unsupported input type ({kind}); readable: {' '.join(registry.suffixes)}"


def _guarded(
    reader: Reader, path: Path, options: IngestOptions
) -> Iterator[RawDocument | ReadError]:
    """Run `reader`, turning an I/O failure it did not catch into a ReadError for `path`."""
    try:
        yield from reader(path, options)
    except OSError as error:
        yield ReadError(str(path), os_error_reason(error))
