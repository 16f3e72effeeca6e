"""WARC archives built in the test: HTML responses become articles, the rest is skipped."""

import gzip
import io
from pathlib import Path

import pytest

from tickerwire.config import IngestOptions
from tickerwire.records import RawDocument, ReadError

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

FETCHED = "2024-06-12T08:30:00Z"


def _response(writer, uri, body: bytes, content_type="text/html; charset=utf-8", status="200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": FETCHED},
    )
    writer.write_record(record)


def build_archive(path: Path, compress: bool) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=compress)
        writer.write_record(
            writer.create_warcinfo_record(path.name, {"software": "tickerwire tests"})
        )
        request = writer.create_warc_record(
            "https://markets.example/story-1",
            "request",
            payload=io.BytesIO(b""),
            http_headers=StatusAndHeaders(
                "GET /story-1 HTTP/1.1", [("Host", "markets.example")], is_http_request=True
            ),
        )
        writer.write_record(request)
        _response(
            writer,
            "https://markets.example/story-1",
            b"<html><body><p>Tin prices reached a two-year high on supply worries.</p></body>",
        )
        _response(writer, "https://markets.example/logo.png", b"\x89PNG\r\n", "image/png")
        _response(
            writer, "https://markets.example/gone", b"<p>Not here</p>", status="404 Not Found"
        )
        _response(
            writer,
            "https://markets.example/story-2",
            "<p>Ang\u00e9lique Mining shares fell 3%.</p>".encode("latin-1"),
            "text/html; charset=ISO-8859-1",
        )
    return path


@pytest.mark.parametrize(("name", "compress"), [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_html_responses_become_articles(tmp_path, read_all, name, compress):
    path = build_archive(tmp_path / name, compress)
    items = read_all(path)
    assert [type(i) for i in items] == [RawDocument, RawDocument]
    first, second = items
    assert first.url == "https://markets.example/story-1"
    assert "Tin prices reached" in first.html and first.text is None
    assert second.url == "https://markets.example/story-2"
    assert "Ang\u00e9lique Mining" in second.html  # decoded with the HTTP header's charset
    # WARC-Date is the fetch time, not the publication date.
    assert first.published is None and second.published is None
    assert first.origin.startswith(f"{path}@") and first.origin != second.origin


def test_origin_offset_points_at_the_record(tmp_path, read_all):
    path = build_archive(tmp_path / "crawl.warc.gz", compress=True)
    first = read_all(path)[0]
    offset = int(first.origin.rsplit("@", 1)[1])
    with path.open("rb") as stream:
        stream.seek(offset)
        record = next(iter(warcio.ArchiveIterator(stream)))
        assert record.rec_headers.get_header("WARC-Target-URI") == first.url


def test_oversized_page_is_reported_and_the_archive_goes_on(tmp_path, read_all):
    path = tmp_path / "big.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        _response(writer, "https://a.example/long", b"<p>" + b"padding " * 1_000 + b"</p>")
        _response(writer, "https://a.example/short", b"<p>Brief market note.</p>")
    items = read_all(path, options=IngestOptions(max_input_bytes=2_000))
    assert isinstance(items[0], ReadError) and "too large" in items[0].reason
    assert items[0].origin.startswith(f"{path}@")
    assert isinstance(items[1], RawDocument) and items[1].url == "https://a.example/short"


def test_the_archive_size_itself_is_not_limited(tmp_path, read_all):
    path = tmp_path / "many.warc.gz"
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=False)
        for n in range(30):
            _response(writer, f"https://a.example/{n}", f"<p>Note {n} on rates.</p>".encode())
    assert path.stat().st_size > 3_000
    items = read_all(path, options=IngestOptions(max_input_bytes=1_000))
    assert len(items) == 30 and all(isinstance(i, RawDocument) for i in items)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty file"),
        (b"this is plainly not an archive\n", "not a WARC archive"),
        (gzip.compress(b"neither is this\n"), "not a WARC archive"),
    ],
)
def test_bad_archives_are_reported(tmp_path, read_all, content, reason):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(content)
    (error,) = read_all(path)
    assert error.origin == str(path)
    assert reason in error.reason


def test_archive_without_pages_is_reported(tmp_path, read_all):
    path = tmp_path / "images.warc"
    with path.open("wb") as out:
        _response(WARCWriter(out, gzip=False), "https://a.example/x.png", b"\x89PNG", "image/png")
    (error,) = read_all(path)
    assert "no HTML response records" in error.reason


def test_wrong_utf8_header_falls_back_to_the_page_declaration(tmp_path, read_all):
    path = tmp_path / "mislabelled.warc"
    page = '<meta charset="iso-8859-1"><p>Soci\u00e9t\u00e9 G\u00e9n\u00e9rale rose.</p>'
    with path.open("wb") as out:
        _response(WARCWriter(out, gzip=False), "https://a.example/sg", page.encode("latin-1"))
    (doc,) = read_all(path)
    assert "Soci\u00e9t\u00e9 G\u00e9n\u00e9rale" in doc.html
