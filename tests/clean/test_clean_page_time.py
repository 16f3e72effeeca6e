"""HTML pages: the publication moment read from the page's own metadata (Open Graph, microdata,
JSON-LD, the article header's <time>), kept only with its zone and only for the date the record
keeps; and the moves of such a page dated from it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tickerwire.clean import clean_document
from tickerwire.clean.page_time import page_published_at
from tickerwire.pipeline import Pipeline
from tickerwire.records import Article, RawDocument

BODY = """<main><article>
<header><h1>Chip stocks slide after a weak forecast</h1>
<p class="byline">By A. Writer</p>{header_time}</header>
<p>Intel shares fell 4% after the chipmaker gave a weak first-quarter forecast and said
demand for personal computers had not picked up as hoped.</p>
<p>The company expects revenue of $12.2 billion to $13.2 billion for the quarter, below the
range analysts had looked for.</p>
<p>Chief executive Pat Gelsinger said the data center business would improve later in the
year as new products ship.</p>
</article></main>
<aside><h3>More news</h3><article><time datetime="2024-02-01T16:45:00-05:00">4:45 PM</time>
<p>Oil slips as inventories rise</p></article></aside>"""


def page(head: str = "", header_time: str = "") -> str:
    """A news page with `head` in its <head> and `header_time` in the article's header."""
    return (
        '<!DOCTYPE html><html lang="en"><head><title>Chip stocks slide | Harbor Ledger</title>'
        f'<meta property="og:site_name" content="Harbor Ledger">{head}</head><body>'
        + BODY.format(header_time=header_time)
        + "</body></html>"
    )


OPEN_GRAPH = '<meta property="article:published_time" content="{}">'
JSON_LD = (
    '<script type="application/ld+json">{{"@type": "NewsArticle", '
    '"headline": "Chip stocks slide", "datePublished": "{}"}}</script>'
)


def at(value: str) -> dt.datetime:
    return dt.datetime.fromisoformat(value)


@pytest.mark.parametrize(
    ("markup", "moment"),
    [
        (page(OPEN_GRAPH.format("2024-02-01T08:05:00-05:00")), "2024-02-01T08:05:00-05:00"),
        # attributes in the other order, single quotes, microdata name
        (
            page("<meta content='2024-02-01T13:05:00Z' itemprop='datePublished'>"),
            "2024-02-01T13:05:00+00:00",
        ),
        (page(JSON_LD.format("2024-02-01T08:05:00.000-05:00")), "2024-02-01T08:05:00-05:00"),
        # the same instant stated twice, in two zones: the first as written
        (
            page(
                OPEN_GRAPH.format("2024-02-01T08:05:00-05:00") + JSON_LD.format("2024-02-01T13:05Z")
            ),
            "2024-02-01T08:05:00-05:00",
        ),
        # only the article header's <time>: the related story's <time> further down is not it
        (
            page(header_time='<time datetime="2024-02-01T08:05:00-05:00">Feb 1, 8:05 AM</time>'),
            "2024-02-01T08:05:00-05:00",
        ),
        (
            page(header_time='<time pubdate datetime="2024-02-01T08:05-05:00">8:05 AM</time>'),
            "2024-02-01T08:05:00-05:00",
        ),
    ],
)
def test_the_page_states_its_publication_moment(markup, moment):
    assert page_published_at(markup) == at(moment)
    assert page_published_at(markup).utcoffset() == at(moment).utcoffset()


@pytest.mark.parametrize(
    "markup",
    [
        page(),  # nothing stated (the related story's <time> is not the article's)
        page(OPEN_GRAPH.format("2024-02-01")),  # a date, no time
        page(OPEN_GRAPH.format("2024-02-01T08:05:00")),  # a time without its zone: whose 08:05?
        # two different moments: a modified time under a published name, a list of stories
        page(OPEN_GRAPH.format("2024-02-01T08:05:00-05:00") + JSON_LD.format("2024-02-01T11:40Z")),
        # the header's <time> without a zone
        page(header_time='<time datetime="2024-02-01T08:05">8:05 AM</time>'),
        # "pubdate" as a class name is not the pubdate attribute (outside the article header,
        # where only the named tags are read)
        page('<time class="pubdate-label" datetime="2024-02-01T08:05:00-05:00">Feb 1</time>'),
        # the time an article was modified is not when it was published
        page('<meta property="article:modified_time" content="2024-02-01T11:40:00-05:00">'),
    ],
)
def test_the_page_states_no_moment_we_can_trust(markup):
    assert page_published_at(markup) is None


def test_the_clean_document_keeps_the_pages_moment_for_the_date_it_keeps():
    markup = page(OPEN_GRAPH.format("2024-02-01T08:05:00-05:00"))
    doc = clean_document(RawDocument(origin="page.html", html=markup))
    assert (doc.published, doc.published_basis) == (dt.date(2024, 2, 1), "html")
    assert doc.published_at == at("2024-02-01T08:05:00-05:00")
    # the input's own date, the same day: the page's time of day is that date's
    same_day = clean_document(
        RawDocument(origin="page.html", html=markup, published=dt.date(2024, 2, 1))
    )
    assert same_day.published_at == at("2024-02-01T08:05:00-05:00")
    # another date given over the page's: the page's time is not that date's
    other_day = clean_document(
        RawDocument(origin="page.html", html=markup, published=dt.date(2024, 2, 2))
    )
    assert (other_day.published, other_day.published_at) == (dt.date(2024, 2, 2), None)


def test_a_time_the_input_states_wins_over_the_pages():
    markup = page(OPEN_GRAPH.format("2024-02-01T08:05:00-05:00"))
    stated = at("2024-02-01T17:30:00-05:00")
    raw = RawDocument(
        origin="page.html", html=markup, published=dt.date(2024, 2, 1), published_at=stated
    )
    assert clean_document(raw).published_at == stated


def intel_dates(pipeline: Pipeline, folder: Path, markup: str) -> list[dt.date | None]:
    (folder / "page.html").write_text(markup, encoding="utf-8")
    (article,) = pipeline.process_paths([folder / "page.html"])
    assert isinstance(article, Article)
    return [
        e.date
        for e in article.events
        if e.type == "price_move" and e.attributes["listing"] == "INTC"
    ]


def test_a_page_stamped_before_the_open_leaves_its_session_move_undated(pipeline, tmp_path):
    before = page(OPEN_GRAPH.format("2024-02-01T08:05:00-05:00"))
    during = page(OPEN_GRAPH.format("2024-02-01T11:20:00-05:00"))
    assert intel_dates(pipeline, tmp_path, before) == [None]
    assert intel_dates(pipeline, tmp_path, during) == [dt.date(2024, 2, 1)]


def test_a_page_after_hours_move_is_dated_by_the_pages_clock(pipeline, tmp_path):
    markup = page(OPEN_GRAPH.format("2024-02-02T07:10:00-05:00")).replace(
        "Intel shares fell 4% after", "Intel shares fell 4% in after-hours trading after"
    )
    assert intel_dates(pipeline, tmp_path, markup) == [dt.date(2024, 2, 1)]
