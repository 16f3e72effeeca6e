"""HTML pages: trafilatura finds the main text and the page's metadata.

trafilatura drops menus, sidebars and footers by page structure; the text rules of this package
then run on what it keeps (pages often carry furniture inside the article element). Its options
favour precision, leave out comments, and keep tables (financial pages put figures in them).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trafilatura.settings import Document

# htmldate options: the original publication date, not the last modification, and no search of
# free text for date-like strings (that search guesses; the clean stage reads datelines itself).
_DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d"}


@dataclass(frozen=True)
class HtmlExtraction:
    """What trafilatura read from one page."""

    text: str
    title: str | None = None
    published: dt.date | None = None
    sitename: str | None = None


def extract_html(html: str, url: str | None = None, favor_precision: bool = True) -> HtmlExtraction:
    """Main text (paragraphs on separate lines) and metadata of an HTML page.

    Falls back to a recall-oriented pass when the precise pass finds no text, and returns an
    empty text when neither does.
    """
    document = _extract(html, url, favor_precision)
    if (document is None or not (document.text or "").strip()) and favor_precision:
        document = _extract(html, url, favor_precision=False)
    if document is None:
        return HtmlExtraction(text="")
    return HtmlExtraction(
        text=document.text or "",
        title=_clean_str(document.title),
        published=_parse_iso(document.date),
        sitename=_clean_str(document.sitename),
    )


def _extract(html: str, url: str | None, favor_precision: bool) -> Document | None:
    # Imported here: trafilatura takes a fifth of a second to import, and text-only runs
    # never need it.
    import trafilatura

    result = trafilatura.bare_extraction(
        html,
        url=url,
        favor_precision=favor_precision,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        with_metadata=True,
        date_extraction_params=_DATE_PARAMS,
    )
    if result is None or isinstance(result, dict):
        return None
    return result


def _clean_str(value: str | None) -> str | None:
    if value is None:
        return None
    value = " ".join(value.split())
    return value or None


def _parse_iso(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
