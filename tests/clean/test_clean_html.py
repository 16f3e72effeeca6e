"""HTML pages: trafilatura's main text, then the text rules; metadata precedence."""

from __future__ import annotations

import datetime as dt

from tickerwire.clean import clean_document
from tickerwire.records import RawDocument

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Acme Robotics shares climb 7% after upbeat forecast | Harbor Ledger</title>
<meta property="og:title" content="Acme Robotics shares climb 7% after upbeat forecast">
<meta property="og:site_name" content="Harbor Ledger">
<meta property="article:published_time" content="2024-03-05T14:20:00Z">
</head><body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/markets">Markets</a></li></ul></nav>
</header>
<main><article>
<h1>Acme Robotics shares climb 7% after upbeat forecast</h1>
<p>Shares of Acme Robotics rose 7% on Tuesday after the warehouse automation maker raised its
full-year revenue outlook, citing stronger orders from logistics customers.</p>
<p>The company now expects sales of $1.2 billion to $1.3 billion for the year, up from a previous
range of $1.1 billion to $1.2 billion.</p>
<p>Photo: Harbor Ledger</p>
<p>Chief executive Maria Lopez said demand had picked up in Europe during the first quarter.</p>
<p>Analysts at Example Securities lifted their price target to $48 from $42.</p>
<div class="signup"><h3>Get the Morning Brief newsletter</h3>
<p>By signing up you agree to our terms.</p></div>
</article></main>
<aside><h3>Related</h3><ul><li><a href="/a">Oil slips as inventories rise</a></li>
<li><a href="/b">Bond yields edge higher</a></li></ul></aside>
<footer><p>Advertise with Us</p><p>© 2024 Harbor Ledger</p></footer>
</body></html>"""


def test_html_page_gives_the_article_paragraphs_and_its_metadata():
    doc = clean_document(RawDocument(origin="page.html", html=PAGE))
    lines = doc.text.split("\n")
    assert lines[0].startswith("Shares of Acme Robotics rose 7% on Tuesday")
    assert lines[-1] == "Analysts at Example Securities lifted their price target to $48 from $42."
    assert len(lines) == 4
    for furniture in ("Photo:", "newsletter", "Oil slips", "Advertise", "Home", "©"):
        assert furniture not in doc.text
    assert doc.title == "Acme Robotics shares climb 7% after upbeat forecast"
    assert (doc.published, doc.published_basis) == (dt.date(2024, 3, 5), "html")
    assert doc.source == "Harbor Ledger"
    removed = {(p.kind, p.text) for p in doc.removed}
    assert ("boilerplate", "Photo: Harbor Ledger") in removed
    assert ("duplicate", "Acme Robotics shares climb 7% after upbeat forecast") in removed


def test_input_metadata_wins_over_the_html_metadata():
    raw = RawDocument(
        origin="page.html",
        html=PAGE,
        title="Acme raises outlook",
        published=dt.date(2024, 3, 6),
        source="Wire feed",
    )
    doc = clean_document(raw)
    assert doc.title == "Acme raises outlook"
    assert (doc.published, doc.published_basis) == (dt.date(2024, 3, 6), "metadata")
    assert doc.source == "Wire feed"


def test_html_without_a_date_falls_back_to_a_dateline_in_the_text():
    page = (
        "<html><body><article><p>NEW YORK, April 8, 2024 /Example Wire/ -- Brightline Labs "
        "said on Monday it had completed enrolment in a late-stage trial of its asthma drug, "
        "sending its shares up 9% in early trading.</p><p>The company expects results in the "
        "second half of the year and will present them at a medical meeting.</p>"
        "</article></body></html>"
    )
    doc = clean_document(RawDocument(origin="x.html", html=page))
    assert (doc.published, doc.published_basis) == (dt.date(2024, 4, 8), "text")
    assert doc.text.startswith("NEW YORK, April 8, 2024")


def test_html_with_no_article_gives_empty_text():
    doc = clean_document(RawDocument(origin="x.html", html="<html><body></body></html>"))
    assert doc.text == "" and doc.published is None
