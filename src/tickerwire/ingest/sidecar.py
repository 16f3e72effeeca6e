"""Sidecar metadata beside a one-article file: `NAME.meta.json`, else a plain `NAME.json`.

A sidecar that exists but cannot be used (unreadable, over the size limit, not UTF-8, not a JSON
object) does not stop its article: the article is read with no metadata and a warning is logged.
It is not reported as a ReadError, because the article itself was read and a ReadError means an
article was lost (it sets exit status 1 and is counted as unread).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from tickerwire.ingest.decode import Refusal
from tickerwire.ingest.files import read_bounded
from tickerwire.ingest.metadata import Metadata, metadata_from_mapping

META_SIDECAR_SUFFIX = ".meta.json"
PLAIN_SIDECAR_SUFFIX = ".json"

_log = logging.getLogger(__name__)


def is_sidecar_name(name: str) -> bool:
    """True for a file name that sidecars use (`x.meta.json`, `x.json`)."""
    return name.lower().endswith(PLAIN_SIDECAR_SUFFIX)


def sidecar_path(article: Path) -> Path | None:
    """The sidecar file of `article` (`a.txt` -> `a.meta.json`, else `a.json`), or None."""
    stem = article.name[: -len(article.suffix)] if article.suffix else article.name
    for suffix in (META_SIDECAR_SUFFIX, PLAIN_SIDECAR_SUFFIX):
        candidate = article.with_name(stem + suffix)
        if candidate.is_file():
            return candidate
    return None


def parse_sidecar(data: bytes) -> Metadata | Refusal:
    """Metadata from a sidecar's bytes, or why they are not a usable sidecar."""
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return Refusal("not UTF-8")
    except json.JSONDecodeError as error:
        return Refusal(f"malformed JSON: {error.msg} at line {error.lineno} column {error.colno}")
    if not isinstance(record, dict):
        return Refusal(f"a JSON {type(record).__name__}, not an object")
    return metadata_from_mapping(record)


def read_sidecar(article: Path, limit: int) -> Metadata:
    """The metadata in `article`'s sidecar; empty Metadata when there is none or it is unusable."""
    path = sidecar_path(article)
    if path is None:
        return Metadata()
    data = read_bounded(path, limit)
    result = parse_sidecar(data) if isinstance(data, bytes) else data
    if isinstance(result, Refusal):
        _log.warning(
            "ignoring sidecar %s (%s); %s is read without it", path, result.reason, article
        )
        return Metadata()
    return result
