"""The publication moment an HTML page states in its own metadata.

trafilatura (htmldate) gives a page's publication date only. Pages state the moment in a few
standard places, with its offset:

- `<meta property="article:published_time" content="2024-02-02T00:52:00-05:00">` (Open Graph),
  and the same value under the other names publishers use (`datePublished`, `pubdate`,
  `parsely-pub-date`, `sailthru.date`, `DC.date.issued`), as `property`, `name` or `itemprop`;
- `<time itemprop="datePublished" datetime="...">` and `<time pubdate datetime="...">`;
- JSON-LD: `"datePublished": "2024-02-02T00:52:00-05:00"`;
- failing those, the first `<time datetime="...">` of the article's header: the `<header>`
  element of the page's first `<article>`, or the markup before that article's first paragraph.

A value counts only when it states a time of day with its zone (`parse_published_at`: an offset,
`Z`, UTC/GMT or the US Eastern names); when the page states two different moments (a JSON-LD
list of related stories, a modified time under a published name) it states none we can trust.
The caller keeps the moment only when its date is the date the record keeps.

A few regular expressions over the page's markup, compiled once: no second parse of the page.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from functools import lru_cache

from tickerwire.ingest.dates import parse_published_at

# The names publishers give the publication moment (modified and updated times left out: an
# update's time is not when the article was written).
_PUBLISHED_NAMES = (
    r"(?:og:)?article:published_time|datePublished|pubdate|publishdate|publish_date|"
    r"parsely-pub-date|sailthru\.date|dc\.date\.issued|dcterms\.issued"
)
# A value longer than this is no timestamp ("2024-02-02T00:52:00.000000-05:00" is 32 long).
_MAX_VALUE = 60


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    named_tag = re.compile(
        r"<(?:meta|time)\b[^>]*?\b(?:property|name|itemprop)\s*=\s*[\"']?(?:"
        + _PUBLISHED_NAMES
        + r")[\"'\s/>][^>]*>|<time\b[^>]*?\spubdate(?:\s*=\s*[\"']?pubdate[\"']?)?[\s/>][^>]*>",
        re.IGNORECASE,
    )
    value = re.compile(
        r"\b(?:content|datetime)\s*=\s*(?:\"([^\"]*)\"|'([^']*)'|([^\s\"'>]+))", re.IGNORECASE
    )
    json_ld = re.compile(r"\"datePublished\"\s*:\s*\"([^\"]{1,60})\"")
    time_tag = re.compile(r"<time\b[^>]*>", re.IGNORECASE)
    return named_tag, value, json_ld, time_tag


def page_published_at(page: str) -> dt.datetime | None:
    """The publication moment `page` (HTML) states in its metadata, or None (no moment with a
    zone, or two different ones).

    >>> page_published_at('<meta property="article:published_time" '
    ...                   'content="2024-02-02T00:52:00-05:00">').isoformat()
    '2024-02-02T00:52:00-05:00'
    >>> page_published_at('<meta property="article:published_time" content="2024-02-02">') is None
    True
    """
    named_tag, value, json_ld, time_tag = _patterns()
    stated: list[str] = []
    for tag in named_tag.finditer(page):
        found = value.search(tag.group(0))
        if found is not None:
            stated.append(next(g for g in found.groups() if g is not None))
    if '"datePublished"' in page:
        stated += [match.group(1) for match in json_ld.finditer(page)]
    if not stated:
        stated = _header_times(page, time_tag, value)
    moments = [moment for moment in map(_moment, stated) if moment is not None]
    if not moments or any(moment != moments[0] for moment in moments):
        return None
    # The first as written: the same instant may be stated in two zones, and the date is read
    # in the zone of the value the page gives first (its main metadata).
    return moments[0]


def _header_times(page: str, time_tag: re.Pattern[str], value: re.Pattern[str]) -> list[str]:
    """The `datetime` of the first `<time>` tag in the header of the page's first article: its
    `<header>` element when one opens before the first paragraph (bylines are often
    paragraphs), else the markup before that paragraph."""
    article, paragraph, header, header_close = _article_patterns()
    opening = article.search(page)
    if opening is None:
        return []
    first_paragraph = paragraph.search(page, opening.end())
    end = first_paragraph.start() if first_paragraph is not None else len(page)
    header_open = header.search(page, opening.end(), end)
    if header_open is not None:
        closing = header_close.search(page, header_open.end())
        end = closing.start() if closing is not None else end
    tag = time_tag.search(page, opening.end(), end)
    if tag is None:
        return []
    found = value.search(tag.group(0))
    if found is None:
        return []
    return [next(g for g in found.groups() if g is not None)]


@lru_cache(maxsize=1)
def _article_patterns() -> tuple[re.Pattern[str], ...]:
    return tuple(
        re.compile(pattern, re.IGNORECASE)
        for pattern in (r"<article[\s>]", r"<p[\s>]", r"<header[\s>]", r"</header\s*>")
    )


def _moment(text: str) -> dt.datetime | None:
    if len(text) > _MAX_VALUE:
        return None
    return parse_published_at(html.unescape(text).strip())
