"""Plain-text and HTML files, their sidecars, and the reasons bad files are refused."""

import datetime as dt
import json
import logging

import pytest

from tickerwire.config import IngestOptions
from tickerwire.ingest import DocumentOverrides
from tickerwire.records import RawDocument, ReadError

NOTE = "Harbor Freightways said quarterly revenue rose 6% to $1.2 billion on Thursday.\n"


def only_document(items):
    assert len(items) == 1
    assert isinstance(items[0], RawDocument), items[0]
    return items[0]


def only_error(items):
    assert len(items) == 1
    assert isinstance(items[0], ReadError), items[0]
    return items[0]


def test_text_file_without_sidecar_has_no_metadata(write, read_all):
    path = write("note.txt", NOTE)
    doc = only_document(read_all(path))
    assert (doc.origin, doc.text, doc.html) == (str(path), NOTE, None)
    assert (doc.url, doc.title, doc.published, doc.source) == (None, None, None, None)


def test_meta_json_sidecar_gives_metadata(write, read_all):
    path = write("note.txt", NOTE)
    write(
        "note.meta.json",
        json.dumps(
            {
                "published": "2024-05-09",
                "source": "Dockside Daily",
                "url": "https://news.example/harbor",
                "title": "Harbor revenue climbs",
            }
        ),
    )
    doc = only_document(read_all(path))
    assert doc.published == dt.date(2024, 5, 9)
    assert (doc.source, doc.url, doc.title) == (
        "Dockside Daily",
        "https://news.example/harbor",
        "Harbor revenue climbs",
    )


def test_plain_json_sidecar_in_fnspid_style_uses_the_local_day(write, read_all):
    path = write("wire_0001.txt", NOTE)
    sidecar = {
        "id": "wire_0001",
        "url": "https://news.example/a",
        "title": None,
        # 21:05 in New York is past midnight UTC; the page's own day is the 9th.
        "published": "2024-05-09T21:05-04:00",
        "published_raw": "May 09, 2024 \u2014 09:05 pm EDT",
        "source": "news.example",
    }
    write("wire_0001.json", json.dumps(sidecar))
    doc = only_document(read_all(path))
    assert doc.published == dt.date(2024, 5, 9)
    assert doc.published_at is not None
    assert doc.published_at.isoformat() == "2024-05-09T21:05:00-04:00"  # the moment is kept
    assert doc.title is None  # null stays unknown
    assert doc.url == "https://news.example/a"


def test_raw_published_is_used_when_the_normalised_one_is_missing(write, read_all):
    path = write("wire_0002.txt", NOTE)
    write(
        "wire_0002.json", json.dumps({"published": None, "published_raw": "MAY 9, 2024 9:05AM EDT"})
    )
    doc = only_document(read_all(path))
    assert doc.published == dt.date(2024, 5, 9)
    assert doc.published_at is not None and doc.published_at.hour == 9  # New York's 9:05


def test_a_sidecar_date_without_a_zoned_time_gives_no_moment(write, read_all):
    path = write("wire_0003.txt", NOTE)
    write("wire_0003.json", json.dumps({"published": "2024-05-09T21:05"}))
    doc = only_document(read_all(path))
    assert (doc.published, doc.published_at) == (dt.date(2024, 5, 9), None)


def test_meta_json_wins_over_plain_json(write, read_all):
    path = write("note.txt", NOTE)
    write("note.meta.json", json.dumps({"source": "From meta"}))
    write("note.json", json.dumps({"source": "From plain"}))
    assert only_document(read_all(path)).source == "From meta"


def test_unparseable_published_in_sidecar_is_none(write, read_all):
    path = write("note.txt", NOTE)
    write("note.meta.json", json.dumps({"published": "04/05/2024", "source": "Wire"}))
    doc = only_document(read_all(path))
    assert doc.published is None
    assert doc.source == "Wire"


@pytest.mark.parametrize(
    ("sidecar", "problem"),
    [
        (b'{"source": "Wire", ', "malformed JSON"),
        (b'["2024-05-09"]', "not an object"),
        (b'{"source": "Caf\xe9"}', "not UTF-8"),
    ],
)
def test_unusable_sidecar_keeps_the_article_and_logs_why(write, read_all, caplog, sidecar, problem):
    path = write("note.txt", NOTE)
    write("note.meta.json", sidecar)
    with caplog.at_level(logging.WARNING, logger="tickerwire.ingest"):
        doc = only_document(read_all(path))
    assert doc.text == NOTE
    assert (doc.source, doc.published) == (None, None)
    assert problem in caplog.text
    assert "note.meta.json" in caplog.text


def test_overrides_win_over_the_sidecar_field_by_field(write, read_all):
    path = write("note.txt", NOTE)
    write(
        "note.meta.json",
        json.dumps({"published": "2024-05-09", "source": "Sidecar", "url": "https://a.example/1"}),
    )
    overrides = DocumentOverrides(published=dt.date(2024, 5, 10), url="https://b.example/2")
    doc = only_document(read_all(path, overrides=overrides))
    assert doc.published == dt.date(2024, 5, 10)
    assert doc.url == "https://b.example/2"
    assert doc.source == "Sidecar"  # not overridden, so the sidecar's value stays


def test_utf8_html_page(write, read_all):
    page = (
        "<html><head><title>T</title></head><body><p>Yen at \u00a5150 \u2013 firm</p></body></html>"
    )
    path = write("page.html", page)
    doc = only_document(read_all(path))
    assert (doc.html, doc.text) == (page, None)


def test_html_with_declared_latin1_charset(write, read_all):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">'
        "</head><body><p>Nestl\u00e9 gained 2% in Z\u00fcrich; the pound bought \u00a31.</p>"
        "</body></html>"
    )
    path = write("page.htm", page.encode("latin-1"))
    doc = only_document(read_all(path))
    assert "Nestl\u00e9 gained 2% in Z\u00fcrich" in doc.html
    assert "\u00a31" in doc.html


def test_latin1_label_is_read_as_windows_1252_like_browsers(write, read_all):
    page = '<meta charset="latin1"><p>\u201cStrong quarter,\u201d the CFO said \u2014 again.</p>'
    doc = only_document(read_all(write("quotes.html", page.encode("cp1252"))))
    assert "\u201cStrong quarter,\u201d" in doc.html
    assert "\u2014" in doc.html


def test_html_that_is_not_utf8_and_declares_nothing_is_refused(write, read_all):
    path = write("page.html", "<p>Nestl\u00e9 shares rose.</p>".encode("latin-1"))
    error = only_error(read_all(path))
    assert error.origin == str(path)
    assert "not UTF-8" in error.reason
    assert "declares no other charset" in error.reason


def test_html_declaring_an_unknown_charset_is_refused(write, read_all):
    path = write("page.html", b'<meta charset="klingon-8"><p>Caf\xe9</p>')
    assert "unknown" in only_error(read_all(path)).reason


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\t\n ", "white space"),
        ("empty.html", b"", "empty file"),
        ("binary.txt", b"GIF89a\x00\x01\x02rest", "binary"),
        ("binary.html", b"<p>\x00\x00</p>", "binary"),
        ("latin.txt", "Caf\u00e9 sales fell.".encode("latin-1"), "not UTF-8"),
        ("wide.txt", "Sales fell.".encode("utf-16"), "UTF-16"),
    ],
)
def test_bad_files_are_reported_with_the_reason(write, read_all, name, content, reason):
    path = write(name, content)
    error = only_error(read_all(path))
    assert error.origin == str(path)
    assert reason in error.reason


def test_not_utf8_reason_says_where(write, read_all):
    path = write("latin.txt", b"Prices rose \xb10.5% today.")
    assert "0xb1 at offset 12" in only_error(read_all(path)).reason


def test_utf8_byte_order_mark_is_dropped(write, read_all):
    path = write("bom.txt", b"\xef\xbb\xbf" + NOTE.encode())
    assert only_document(read_all(path)).text == NOTE


def test_oversized_file_is_refused_on_its_size_before_reading(write, read_all):
    # All NUL bytes: had the file been read, it would have been refused as binary instead.
    path = write("huge.txt", b"\x00" * 2_001)
    error = only_error(read_all(path, options=IngestOptions(max_input_bytes=2_000)))
    assert "too large" in error.reason
    assert "2,001 bytes" in error.reason


def test_a_file_exactly_at_the_limit_is_read(write, read_all):
    path = write("edge.txt", "x" * 2_000)
    assert only_document(read_all(path, options=IngestOptions(max_input_bytes=2_000)))


def test_a_single_path_may_be_given_bare(write):
    from tickerwire.ingest import read_inputs

    path = write("solo.txt", NOTE)
    assert [d.text for d in read_inputs(str(path))] == [NOTE]
