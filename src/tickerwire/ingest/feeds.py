"""RSS and Atom feeds (`.rss`, `.atom`, `.xml`): one article per item or entry, streamed.

Parsing goes through `defusedxml`, which refuses entity declarations (the "billion laughs"
expansion) and external references; each item is dropped from the tree once read, so a feed of
any length is read in constant memory. The size limit applies to each item's content.

Per item: `title`; `link` (Atom: the `alternate` link) as url; the first of `pubDate`,
`published`, `dc:date`, `updated` that is a certain date as published; the body from
`content:encoded` or Atom `content`, else `description`/`summary`, as html when it carries markup
and as text otherwise; the feed's own title as source. An item without a body is a ReadError
(origin `FEED#N`, N counting items from 1): a headline and a link are not an article.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from tickerwire.config import IngestOptions
from tickerwire.ingest.dates import parse_publication
from tickerwire.ingest.decode import Refusal, size_refusal
from tickerwire.ingest.files import os_error_reason
from tickerwire.records import RawDocument, ReadError

ATOM = "http://www.w3.org/2005/Atom"
RSS1 = "http://purl.org/rss/1.0/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DUBLIN_CORE = "http://purl.org/dc/elements/1.1/"
XHTML = "http://www.w3.org/1999/xhtml"

# Namespaces whose `title`, `link`, `description`... are the feed's own (not Media RSS & co.).
_CORE = ("", RSS1, ATOM)
_ROOTS = {("", "rss"), (ATOM, "feed"), (RDF, "RDF")}
_ITEMS = {("", "item"), (RSS1, "item"), (ATOM, "entry")}
_CHANNELS = {("", "channel"), (RSS1, "channel"), (ATOM, "feed")}
_TITLES = tuple((ns, "title") for ns in _CORE)
_DATE_FIELDS = (("", "pubDate"), (ATOM, "published"), (DUBLIN_CORE, "date"), (ATOM, "updated"))


@lru_cache(maxsize=1)
def _markup() -> re.Pattern[str]:
    # A tag or a character reference left after XML unescaping means the body is HTML.
    return re.compile(r"<[A-Za-z/!]|&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")


def _name(tag: str) -> tuple[str, str]:
    """`{ns}local` -> (ns, local); a tag without a namespace has ns ''."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _core_children(elem: ET.Element, local: str) -> list[ET.Element]:
    return [
        child for child in elem if _name(child.tag)[1] == local and _name(child.tag)[0] in _CORE
    ]


def _first(elem: ET.Element, names: tuple[tuple[str, str], ...]) -> ET.Element | None:
    for wanted in names:
        for child in elem:
            if _name(child.tag) == wanted:
                return child
    return None


def _text(elem: ET.Element | None) -> str | None:
    if elem is None:
        return None
    value = "".join(elem.itertext()).strip()
    return value or None


def _xhtml(elem: ET.Element) -> str:
    """Atom `type="xhtml"` content: its XHTML children serialised as plain HTML."""
    for node in elem.iter():
        if isinstance(node.tag, str) and node.tag.startswith("{" + XHTML + "}"):
            node.tag = node.tag[len(XHTML) + 2 :]
    parts = [elem.text or ""]
    parts.extend(ET.tostring(child, encoding="unicode", method="html") for child in elem)
    return "".join(parts)


def _link(item: ET.Element) -> str | None:
    for link in _core_children(item, "link"):
        href = link.get("href")
        if href is not None:  # Atom: the alternate (default) link is the article
            if link.get("rel", "alternate") == "alternate" and href.strip():
                return href.strip()
        elif _text(link):
            return _text(link)
    guid = _first(item, (("", "guid"),))
    if guid is not None and guid.get("isPermaLink", "true") == "true":
        value = _text(guid)
        if value and value.startswith(("http://", "https://")):
            return value
    return None


def _body(item: ET.Element) -> tuple[str | None, bool]:
    """The item's body and whether it is HTML: full content first, then the summary."""
    for names in (
        ((CONTENT, "encoded"), (ATOM, "content")),
        (("", "description"), (RSS1, "description"), (ATOM, "summary")),
    ):
        elem = _first(item, names)
        if elem is None or elem.get("src"):
            continue
        kind = elem.get("type", "")
        if kind == "xhtml" or kind == "application/xhtml+xml":
            body = _xhtml(elem).strip()
            is_html = True
        else:
            body = "".join(elem.itertext()).strip()
            is_html = _name(elem.tag) == (CONTENT, "encoded") or "html" in kind
            is_html = is_html or (kind == "" and bool(_markup().search(body)))
        if body:
            return body, is_html
    return None, False


def _published(item: ET.Element) -> tuple[dt.date | None, dt.datetime | None]:
    """The item's publication date, and its moment when the same field states a zoned time."""
    for name in _DATE_FIELDS:
        day, moment = parse_publication(_text(_first(item, (name,))))
        if day is not None:
            return day, moment
    return None, None


def parse_item(
    origin: str, item: ET.Element, source: str | None, limit: int
) -> RawDocument | Refusal:
    """One RSS item or Atom entry -> its article, or why it is not one."""
    body, is_html = _body(item)
    if body is None:
        return Refusal("item has no content, description or summary: not an article")
    too_large = size_refusal(len(body.encode("utf-8")), limit)
    if too_large:
        return too_large
    published, published_at = _published(item)
    return RawDocument(
        origin=origin,
        text=None if is_html else body,
        html=body if is_html else None,
        url=_link(item),
        title=_text(_first(item, _TITLES)),
        published=published,
        source=source,
        published_at=published_at,
    )


def _xml_error_reason(error: Exception) -> str:
    if isinstance(error, ET.ParseError):
        line, column = error.position
        return f"malformed XML at line {line}, column {column + 1}"
    name = type(error).__name__
    if name == "EntitiesForbidden":
        return "refused: the feed declares XML entities (expansion and external references attack)"
    if name == "ExternalReferenceForbidden":
        return "refused: the feed refers to external XML resources"
    return f"refused: {error}"


def read_feed(path: Path, options: IngestOptions) -> Iterator[RawDocument | ReadError]:
    """Read an RSS 2.0, RSS 1.0 (RDF) or Atom feed, one article per item, in constant memory."""
    origin = str(path)
    try:
        from defusedxml import DefusedXmlException
        from defusedxml.ElementTree import iterparse
    except ImportError:
        yield ReadError(
            origin, "reading feeds needs the 'defusedxml' package: pip install defusedxml"
        )
        return
    count = 0
    source: str | None = None
    open_elements: list[ET.Element] = []
    try:
        if path.stat().st_size == 0:
            yield ReadError(origin, "empty file")
            return
        with path.open("rb") as stream:
            for event, elem in iterparse(stream, events=("start", "end")):
                if event == "start":
                    if not open_elements and _name(elem.tag) not in _ROOTS:
                        yield ReadError(
                            origin,
                            f"not an RSS or Atom feed: its root element is <{_name(elem.tag)[1]}>",
                        )
                        return
                    open_elements.append(elem)
                    continue
                open_elements.pop()
                parent = open_elements[-1] if open_elements else None
                name = _name(elem.tag)
                if name in _ITEMS:
                    count += 1
                    where = f"{origin}#{count}"
                    item = parse_item(where, elem, source, options.max_input_bytes)
                    yield ReadError(where, item.reason) if isinstance(item, Refusal) else item
                    if parent is not None:
                        parent.remove(elem)  # keeps memory flat on long feeds
                elif name in _TITLES and parent is not None and _name(parent.tag) in _CHANNELS:
                    source = _text(elem)
    except OSError as error:
        yield ReadError(origin, os_error_reason(error))
        return
    except (ET.ParseError, DefusedXmlException) as error:
        yield ReadError(origin, _xml_error_reason(error))
        return
    if count == 0:
        yield ReadError(origin, "feed has no items: no articles in it")
