"""Reading one file's bytes within the per-article size limit, and naming I/O failures."""

from __future__ import annotations

from pathlib import Path

from tickerwire.ingest.decode import Refusal, size_refusal


def os_error_reason(error: OSError) -> str:
    """A short reason for an OSError, without repeating the path the message is printed beside."""
    if isinstance(error, FileNotFoundError):
        return "no such file or directory"
    if isinstance(error, PermissionError):
        return "permission denied"
    if isinstance(error, IsADirectoryError):
        return "is a directory"
    return f"cannot read: {error.strerror or error}"


def read_bounded(path: Path, limit: int) -> bytes | Refusal:
    """The bytes of `path`, or a Refusal when it is unreadable, empty or over `limit` bytes.

    The size is checked before reading, and the read is capped too, so a file that grows in
    between (a log being written) cannot make us hold more than `limit` bytes.
    """
    try:
        size = path.stat().st_size
        too_large = size_refusal(size, limit)
        if too_large:
            return too_large
        with path.open("rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        return Refusal(os_error_reason(error))
    if not data:
        return Refusal("empty file")
    return size_refusal(len(data), limit) or data
