"""Which reader reads which file: a registry keyed by file-name suffix.

A reader is any callable `(path, options) -> Iterator[RawDocument | ReadError]` that yields the
articles of one file in order and never raises for a bad input. A new format is one reader and one
`with_reader` call in `default_registry`; `read_inputs` and its callers do not change.

    registry = default_registry().with_reader(".ndjson", read_jsonl)
    read_inputs(paths, options, registry=registry)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Protocol

from tickerwire.config import IngestOptions
from tickerwire.ingest.feeds import read_feed
from tickerwire.ingest.jsonl import read_jsonl, read_jsonl_gz
from tickerwire.ingest.pages import read_html_file, read_text_file
from tickerwire.ingest.warc import read_warc
from tickerwire.records import RawDocument, ReadError


class Reader(Protocol):
    """Reads one file: yields its articles in order, and a ReadError for each one it cannot."""

    def __call__(self, path: Path, options: IngestOptions) -> Iterator[RawDocument | ReadError]: ...


class ReaderRegistry:
    """An immutable map from lower-case suffix (".warc.gz", ".txt") to the reader of that format.

    The longest registered suffix that ends a file's name wins, so ".warc.gz" is not read as ".gz".
    """

    def __init__(self, readers: Mapping[str, Reader] | None = None) -> None:
        normalised = {_normalise(suffix): reader for suffix, reader in (readers or {}).items()}
        self._readers: Mapping[str, Reader] = MappingProxyType(normalised)
        # Longest first, so the first suffix that matches is the most specific one.
        self._by_length = tuple(sorted(normalised, key=len, reverse=True))

    def with_reader(self, suffix: str, reader: Reader) -> ReaderRegistry:
        """A new registry with `reader` for `suffix` (replacing any reader it had)."""
        return ReaderRegistry({**self._readers, suffix: reader})

    @property
    def suffixes(self) -> tuple[str, ...]:
        """The registered suffixes, sorted."""
        return tuple(sorted(self._readers))

    def matching_suffix(self, path: Path) -> str | None:
        """The registered suffix that `path`'s name ends with (the longest), or None."""
        name = path.name.lower()
        for suffix in self._by_length:
            if name.endswith(suffix) and len(name) > len(suffix):
                return suffix
        return None

    def reader_for(self, path: Path) -> Reader | None:
        """The reader for `path`, or None when no registered suffix matches its name."""
        suffix = self.matching_suffix(path)
        return self._readers[suffix] if suffix else None


def _normalise(suffix: str) -> str:
    suffix = suffix.lower()
    if not suffix.startswith(".") or len(suffix) < 2:
        raise ValueError(f"a reader suffix starts with a dot, like '.txt': got {suffix!r}")
    return suffix


@lru_cache(maxsize=1)
def default_registry() -> ReaderRegistry:
    """The formats tickerwire reads out of the box (see CONTRACT.md, input formats)."""
    return ReaderRegistry(
        {
            ".txt": read_text_file,
            ".html": read_html_file,
            ".htm": read_html_file,
            ".jsonl": read_jsonl,
            ".jsonl.gz": read_jsonl_gz,
            ".warc": read_warc,
            ".warc.gz": read_warc,
            ".rss": read_feed,
            ".atom": read_feed,
            ".xml": read_feed,
        }
    )
