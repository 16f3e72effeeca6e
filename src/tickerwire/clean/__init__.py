"""Clean: HTML/text -> article body, metadata, and the removed parts (boilerplate, off-topic).

One noisy page in, the article out. Everything taken off the page is listed in `removed` with its
kind: `boilerplate` (page furniture), `duplicate` (a repeated title, a cut-off copy of a lede),
`off_topic` (openings of other articles carried below the main one). Precision first: a line
stays unless a rule recognises it as not article.

Steps, each in its own module:

1. `html`: trafilatura extracts the main text and metadata of HTML pages.
2. `sections` with `furniture`: page furniture by vocabulary, shape and position.
3. `duplicates`: title repeats, truncated ledes, repeated paragraphs.
4. `offtopic`: teasers of other articles at the tail, and what follows a recommendation
   heading ("Read next") when it is about something else.
5. `metadata`: title (when no metadata gives one) and publication date from the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from tickerwire.clean.duplicates import mark_duplicates
from tickerwire.clean.furniture import furniture_rules
from tickerwire.clean.html import extract_html
from tickerwire.clean.metadata import detect_title, find_text_date
from tickerwire.clean.offtopic import mark_after_recommendation, mark_off_topic
from tickerwire.clean.page import Page
from tickerwire.clean.page_time import page_published_at
from tickerwire.clean.sections import mark_furniture
from tickerwire.records import CleanDocument, PublishedBasis, RawDocument, Removed

__all__ = ["CleanOptions", "CleanedText", "clean_document", "clean_text"]


@dataclass(frozen=True)
class CleanOptions:
    """Switches of the clean stage."""

    # Split off the openings of other articles at the page's tail.
    remove_off_topic: bool = True
    # trafilatura's precision mode (falls back to recall when it finds nothing).
    html_favor_precision: bool = True


@dataclass(frozen=True)
class CleanedText:
    """A cleaned text: the body, what was removed, and what the text says of itself."""

    text: str
    removed: tuple[Removed, ...]
    title: str | None
    published: dt.date | None


def clean_text(
    text: str,
    title: str | None = None,
    source: str | None = None,
    options: CleanOptions | None = None,
) -> CleanedText:
    """Clean a plain-text page. `title` and `source` are what metadata says of it, if anything.

    The returned title is `title` when given, else a headline detected at the top of the page
    (which then stays in the text); `published` is a date the text states near its top.
    """
    options = options or CleanOptions()
    page = Page.from_text(text)
    original_lines = list(page.lines)
    mark_furniture(page, furniture_rules(), source)
    title_line: int | None = None
    if not title:
        live = page.live_indices()
        position = detect_title([page.lines[i] for i in live])
        if position is not None:
            title_line = live[position]
            title = page.lines[title_line]
    mark_duplicates(page, title, keep=title_line)
    if options.remove_off_topic:
        mark_after_recommendation(page, title)
        mark_off_topic(page)
    body, removed = page.text(), page.removed()
    if not body.strip() and text.strip():
        # Every line looked like furniture: the input is one short item (a post, a headline, a
        # wire flash), not a page around an article, so it is kept whole rather than emptied.
        body, removed = Page.from_text(text).text(), ()
    return CleanedText(
        text=body,
        removed=removed,
        title=title,
        published=find_text_date(original_lines),
    )


def clean_document(raw: RawDocument, options: CleanOptions | None = None) -> CleanDocument:
    """Return the article body of `raw` with everything that is not the article in `removed`.

    Metadata precedence: the title from the input's metadata, else the HTML's, else a headline
    at the top of the text; the publication date from the input's metadata (basis `metadata`),
    else the HTML's (basis `html`), else a date the text states near its top (basis `text`),
    else None.
    """
    options = options or CleanOptions()
    title = raw.title
    source = raw.source
    html_date: dt.date | None = None
    if raw.text is None and raw.html is not None:
        extraction = extract_html(raw.html, raw.url, options.html_favor_precision)
        body = extraction.text
        title = title or extraction.title
        source = source or extraction.sitename
        html_date = extraction.published
    else:
        body = raw.text or ""
    cleaned = clean_text(body, title=title, source=source, options=options)
    published, basis = _published(raw.published, html_date, cleaned.published)
    # The moment counts only while it is the moment of the date kept: a date given over the
    # input's own (`--published`, a gold file) makes the input's time of day someone else's.
    moment = raw.published_at
    if moment is not None and (basis != "metadata" or moment.date() != published):
        moment = None
    elif moment is None and raw.text is None and raw.html is not None and published is not None:
        # The page's own metadata, when the input states no time: kept only for the date kept
        # (htmldate's, the input's or the dateline's), never to change that date.
        moment = page_published_at(raw.html)
        if moment is not None and moment.date() != published:
            moment = None
    return CleanDocument(
        origin=raw.origin,
        text=cleaned.text,
        removed=cleaned.removed,
        title=cleaned.title,
        url=raw.url,
        source=source,
        published=published,
        published_basis=basis,
        published_at=moment,
    )


def _published(
    metadata: dt.date | None, html: dt.date | None, text: dt.date | None
) -> tuple[dt.date | None, PublishedBasis | None]:
    if metadata is not None:
        return metadata, "metadata"
    if html is not None:
        return html, "html"
    if text is not None:
        return text, "text"
    return None, None
