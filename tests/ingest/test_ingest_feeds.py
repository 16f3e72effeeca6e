"""RSS and Atom feeds: one article per item, with its title, link, date and body."""

import datetime as dt

import pytest

from tickerwire.config import IngestOptions
from tickerwire.records import RawDocument, ReadError

pytest.importorskip("defusedxml")

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:media="http://search.yahoo.com/mrss/" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Harbour Markets Desk</title>
    <link>https://harbour.example/</link>
    <image><title>Logo</title><url>https://harbour.example/logo.png</url></image>
    <item>
      <title>Lumber futures jump</title>
      <media:title>Photo of a sawmill</media:title>
      <link>https://harbour.example/lumber</link>
      <pubDate>Tue, 14 May 2024 22:45:00 -0400</pubDate>
      <description>Short teaser.</description>
      <content:encoded><![CDATA[<p>Lumber futures rose 4% as mills cut output.</p>]]>
      </content:encoded>
    </item>
    <item>
      <title>Rate call</title>
      <guid isPermaLink="true">https://harbour.example/rates</guid>
      <dc:date>2024-05-15T09:00:00+02:00</dc:date>
      <description>The central bank left its key rate at 4.5%.</description>
    </item>
    <item>
      <title>Markup in the description</title>
      <link>https://harbour.example/markup</link>
      <pubDate>sometime last week</pubDate>
      <description>&lt;p&gt;Refiners &lt;b&gt;gained&lt;/b&gt; 2%.&lt;/p&gt;</description>
    </item>
    <item>
      <title>Headline without a body</title>
      <link>https://harbour.example/bare</link>
    </item>
  </channel>
</rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Quay Street Journal</title>
  <link rel="self" href="https://quay.example/feed.atom"/>
  <entry>
    <title>Chipmaker beats estimates</title>
    <link rel="self" href="https://quay.example/api/1"/>
    <link rel="alternate" href="https://quay.example/chips"/>
    <updated>2024-07-02T10:00:00Z</updated>
    <published>2024-07-01T23:30:00-05:00</published>
    <summary>Teaser only.</summary>
    <content type="xhtml">
      <div xmlns="http://www.w3.org/1999/xhtml">
        <p>Revenue grew <em>18%</em> on data-centre demand.</p>
      </div>
    </content>
  </entry>
  <entry>
    <title>Oil steadies</title>
    <link href="https://quay.example/oil"/>
    <updated>2024-07-03T08:00:00+01:00</updated>
    <summary type="html">&lt;p&gt;Brent held near $85.&lt;/p&gt;</summary>
  </entry>
  <entry>
    <title>Plain entry</title>
    <link href="https://quay.example/plain"/>
    <content type="text">Gold was flat at $2,330 an ounce &amp; silver slipped.</content>
  </entry>
</feed>
"""


def test_rss_items_become_articles(write, read_all):
    path = write("desk.rss", RSS)
    items = read_all(path)
    assert [i.origin for i in items] == [f"{path}#{n}" for n in range(1, 5)]
    lumber, rates, markup, bare = items
    assert isinstance(lumber, RawDocument)
    assert lumber.title == "Lumber futures jump"  # not the media:title
    assert lumber.url == "https://harbour.example/lumber"
    assert lumber.source == "Harbour Markets Desk"  # the channel's title, not the image's
    assert lumber.published == dt.date(2024, 5, 14)  # the feed's own day, not UTC's
    assert lumber.published_at is not None
    assert lumber.published_at.isoformat() == "2024-05-14T22:45:00-04:00"
    assert lumber.html == "<p>Lumber futures rose 4% as mills cut output.</p>"  # full content wins
    assert rates.url == "https://harbour.example/rates"
    assert rates.published == dt.date(2024, 5, 15)
    assert (rates.text, rates.html) == ("The central bank left its key rate at 4.5%.", None)
    assert markup.html == "<p>Refiners <b>gained</b> 2%.</p>"
    assert markup.published is None  # an unreadable date is not guessed
    assert markup.published_at is None
    assert isinstance(bare, ReadError) and "no content" in bare.reason


def test_atom_entries_become_articles(write, read_all):
    path = write("quay.atom", ATOM)
    chips, oil, plain = read_all(path)
    assert chips.url == "https://quay.example/chips"  # the alternate link, not self
    assert chips.published == dt.date(2024, 7, 1)  # published wins over updated
    assert chips.source == "Quay Street Journal"
    assert chips.html is not None
    assert "<p>Revenue grew <em>18%</em> on data-centre demand.</p>" in chips.html
    assert "w3.org" not in chips.html  # XHTML namespace prefixes are not carried into the html
    assert oil.published == dt.date(2024, 7, 3)  # only updated is given
    assert oil.html == "<p>Brent held near $85.</p>"
    assert plain.text == "Gold was flat at $2,330 an ounce & silver slipped."
    assert plain.html is None and plain.published is None


def test_rss_1_rdf_feed(write, read_all):
    feed = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://old.example/"><title>Old Wire</title></channel>
  <item rdf:about="https://old.example/1">
    <title>Tea auction</title><link>https://old.example/1</link>
    <dc:date>2024-01-09</dc:date><description>Tea prices eased at the weekly auction.</description>
  </item>
</rdf:RDF>"""
    (doc,) = read_all(write("old.xml", feed))
    assert (doc.title, doc.url, doc.source) == ("Tea auction", "https://old.example/1", "Old Wire")
    assert doc.published == dt.date(2024, 1, 9)


def test_entity_expansion_is_refused(write, read_all):
    bomb = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<rss><channel><item><title>&b;</title><description>&b;</description></item></channel></rss>"""
    path = write("bomb.rss", bomb)
    (error,) = read_all(path)
    assert error.origin == str(path)
    assert "entities" in error.reason


def test_external_entity_is_refused(write, read_all, tmp_path):
    secret = write("secret.txt", "do not read me")
    feed = f"""<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>
<rss><channel><item><description>&x;</description></item></channel></rss>"""
    items = read_all(write("xxe.rss", feed))
    assert all(isinstance(i, ReadError) for i in items)
    assert not any("do not read me" in (getattr(i, "text", None) or "") for i in items)


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.rss", "", "empty file"),
        (
            "sitemap.xml",
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"/>',
            "not an RSS",
        ),
        ("broken.rss", "<rss><channel><item><title>x</item></channel></rss>", "malformed XML"),
        ("quiet.rss", "<rss><channel><title>Quiet</title></channel></rss>", "no items"),
    ],
)
def test_bad_feeds_are_reported(write, read_all, name, content, reason):
    path = write(name, content)
    (error,) = read_all(path)
    assert error.origin == str(path) and reason in error.reason


def test_items_before_a_syntax_error_are_kept(write, read_all):
    feed = (
        "<rss><channel><item><description>Zinc rose 1%.</description></item>"
        "<item><description>Nickel fell</descr></item></channel></rss>"
    )
    path = write("half.rss", feed)
    first, second = read_all(path)
    assert first.text == "Zinc rose 1%."
    assert second.origin == str(path) and "malformed XML at line 1" in second.reason


def test_size_limit_is_per_item(write, read_all):
    long_item = "<item><description>" + "word " * 400 + "</description></item>"
    short_item = "<item><description>Short note on wheat.</description></item>"
    path = write("sized.rss", "<rss><channel>" + short_item * 5 + long_item + "</channel></rss>")
    items = read_all(path, options=IngestOptions(max_input_bytes=1_000))
    assert path.stat().st_size > 1_000
    assert [type(i) for i in items] == [RawDocument] * 5 + [ReadError]
    assert "too large" in items[-1].reason and items[-1].origin == f"{path}#6"
