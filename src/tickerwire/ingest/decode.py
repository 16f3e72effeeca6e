"""Bytes -> text for one article, with the reason when it cannot be done (no I/O here).

Every function returns either the decoded text or a `Refusal` whose `reason` is the message a user
sees next to the input's name.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from functools import lru_cache

_UTF8_BOM = codecs.BOM_UTF8
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)

# Browsers look for a <meta charset> in the first 1024 bytes; saved news pages often carry long
# inline scripts and styles before it, so we look further. 64 KB is a judgement, not a
# measurement: far past any <head> we have seen, while bounding the scan on pathological pages.
CHARSET_SCAN_BYTES = 65_536

# WHATWG encoding labels that browsers decode as windows-1252, a superset of latin-1 in which
# 0x80-0x9F are typographic quotes and dashes rather than control characters.
_WINDOWS_1252_LABELS = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "us-ascii", "ascii", "cp819"}
)


_UTF8 = frozenset({"utf-8", "utf8"})


@dataclass(frozen=True)
class Refusal:
    """Why some bytes are not an article's text."""

    reason: str


@lru_cache(maxsize=1)
def _meta_charset() -> re.Pattern[bytes]:
    # Covers both <meta charset="x"> and <meta http-equiv="Content-Type" content="...; charset=x">.
    return re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9._:-]+)", re.IGNORECASE)


def size_refusal(size: int, limit: int) -> Refusal | None:
    """A refusal when `size` bytes is over the per-article limit, else None."""
    if size > limit:
        return Refusal(f"too large: {size:,} bytes, over the limit of {limit:,} bytes per article")
    return None


def _utf8_error(data: bytes, error: UnicodeDecodeError) -> Refusal:
    bad = data[error.start : error.start + 1].hex()
    return Refusal(f"not UTF-8 text: invalid byte 0x{bad} at offset {error.start}")


def _binary_or_bom_refusal(data: bytes) -> Refusal | None:
    if data.startswith(_UTF16_BOMS):
        return Refusal("UTF-16 text (byte-order mark); only UTF-8 is read: convert the file")
    if b"\x00" in data:
        return Refusal("binary content (NUL bytes): not a text file")
    return None


def _empty_refusal(text: str) -> Refusal | None:
    if not text.strip():
        return Refusal("empty: nothing but white space" if text else "empty file")
    return None


def decode_text(data: bytes) -> str | Refusal:
    """Decode a plain-text article: UTF-8 only (a UTF-8 byte-order mark is dropped)."""
    refusal = _binary_or_bom_refusal(data)
    if refusal:
        return refusal
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        return _utf8_error(data, error)
    return _empty_refusal(text) or text


def declared_html_charset(data: bytes) -> str | None:
    """The charset a page declares in a <meta> tag near its start, lower-cased, or None."""
    match = _meta_charset().search(data, 0, CHARSET_SCAN_BYTES)
    return match.group(1).decode("ascii").lower() if match else None


def _decode_declared(data: bytes, label: str) -> str | Refusal:
    if label in _WINDOWS_1252_LABELS:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            # The five bytes cp1252 leaves undefined: latin-1 reads them as control characters.
            return data.decode("latin-1")
    try:
        codec = codecs.lookup(label)
    except LookupError:
        return Refusal(f"not UTF-8, and the declared charset {label!r} is unknown")
    try:
        return data.decode(codec.name)
    except UnicodeDecodeError as error:
        return Refusal(
            f"not UTF-8, nor valid {label} as declared (bad byte at offset {error.start})"
        )


def decode_html(data: bytes, transport_charset: str | None = None) -> str | Refusal:
    """Decode an HTML page: UTF-8 when the bytes are UTF-8, else the charset the page declares.

    Valid UTF-8 wins over a declaration because pages re-saved as UTF-8 often keep a stale
    `charset=iso-8859-1`, while latin-1 text that happens to be valid UTF-8 is vanishingly rare.
    `transport_charset` is a charset from outside the page (an HTTP Content-Type header); it wins
    over the page's own <meta> declaration, as in browsers, unless it says UTF-8, which the
    bytes have then just disproved.
    """
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            return Refusal(f"invalid UTF-16 despite its byte-order mark (offset {error.start})")
        return _empty_refusal(text) or text
    if b"\x00" in data:
        return Refusal("binary content (NUL bytes): not an HTML page")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        # A declaration of UTF-8 has just been disproved, so it cannot be the answer.
        declared = (transport_charset, declared_html_charset(data))
        labels = [c.lower() for c in declared if c and c.lower().replace("_", "-") not in _UTF8]
        if not labels:
            refusal = _utf8_error(data, error)
            return Refusal(refusal.reason + ", and the page declares no other charset")
        decoded = _decode_declared(data, labels[0])
        if isinstance(decoded, Refusal):
            return decoded
        text = decoded
    return _empty_refusal(text) or text
