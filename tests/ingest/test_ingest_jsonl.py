"""JSON Lines: one article per line, bad lines reported by line number, streamed."""

import datetime as dt
import gzip
import json
import tracemalloc

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tickerwire.config import IngestOptions
from tickerwire.ingest import read_inputs
from tickerwire.records import RawDocument, ReadError


def lines(*records: object) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


def test_each_line_is_an_article_with_its_metadata(write, read_all):
    path = write(
        "feed.jsonl",
        lines(
            {
                "text": "Copper futures slipped 1.5% as warehouse stocks grew.",
                "url": "https://metals.example/copper",
                "title": "Copper slips",
                "published": "March 4, 2024",
                "source": "Metals Wire",
            },
            {
                "html": "<p>Orbital Foods cut its outlook.</p>",
                "published": "2024-03-05T18:00+01:00",
            },
        ),
    )
    first, second = read_all(path)
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument)
    assert first.origin == f"{path}:1"
    assert first.text.startswith("Copper futures") and first.html is None
    assert (first.url, first.title, first.source) == (
        "https://metals.example/copper",
        "Copper slips",
        "Metals Wire",
    )
    assert first.published == dt.date(2024, 3, 4)
    assert second.origin == f"{path}:2"
    assert second.html == "<p>Orbital Foods cut its outlook.</p>" and second.text is None
    assert second.published == dt.date(2024, 3, 5)


def test_one_bad_line_among_good_ones_is_reported_and_the_rest_go_on(write, read_all):
    path = write(
        "mixed.jsonl",
        lines(
            {"text": "First article about a bond auction."},
            '{"text": "unterminated',
            {"title": "Headline only", "url": "https://x.example"},
            ["not", "an", "object"],
            {"text": "   "},
            {"text": 42},
            {"text": "Last article about a rate decision."},
        ),
    )
    items = read_all(path)
    assert [type(i).__name__ for i in items] == [
        "RawDocument",
        "ReadError",
        "ReadError",
        "ReadError",
        "ReadError",
        "ReadError",
        "RawDocument",
    ]
    assert [i.origin for i in items] == [f"{path}:{n}" for n in range(1, 8)]
    reasons = [i.reason for i in items if isinstance(i, ReadError)]
    assert "malformed JSON" in reasons[0]
    assert "neither" in reasons[1]
    assert "not an object" in reasons[2]
    assert "neither" in reasons[3] and "neither" in reasons[4]
    assert items[-1].text.startswith("Last article")


def test_blank_lines_are_skipped_but_keep_line_numbers(write, read_all):
    path = write("gaps.jsonl", "\n" + lines({"text": "A"}) + "  \n\n" + lines({"text": "B"}))
    items = read_all(path)
    assert [(i.origin, i.text) for i in items] == [(f"{path}:2", "A"), (f"{path}:5", "B")]


def test_line_that_is_not_utf8_is_reported_alone(write, read_all):
    good = json.dumps({"text": "Fine line."}).encode()
    path = write("enc.jsonl", good + b"\n" + b'{"text": "Caf\xe9"}\n' + good + b"\n")
    items = read_all(path)
    assert [type(i) for i in items] == [RawDocument, ReadError, RawDocument]
    assert "not UTF-8" in items[1].reason and items[1].origin == f"{path}:2"


def test_both_text_and_html_keeps_the_html(write, read_all):
    path = write("both.jsonl", lines({"text": "plain words", "html": "<p>marked up words</p>"}))
    (doc,) = read_all(path)
    assert (doc.html, doc.text) == ("<p>marked up words</p>", None)


def test_empty_and_blank_files_are_reported(write, read_all):
    empty = write("empty.jsonl", "")
    blank = write("blank.jsonl", "\n  \n")
    first, second = read_all(empty, blank)
    assert (first.origin, second.origin) == (str(empty), str(blank))
    assert first.reason == "empty file"
    assert "white space" in second.reason


def test_binary_file_named_jsonl_is_one_error(write, read_all):
    path = write("blob.jsonl", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n" * 50)
    (error,) = read_all(path)
    assert error.origin == str(path) and "binary" in error.reason


def test_size_limit_applies_per_line_not_per_file(write, read_all):
    options = IngestOptions(max_input_bytes=200)
    short = {"text": "Short item about a dividend increase."}
    path = write("many.jsonl", lines(*[short] * 20, {"text": "y" * 500}, short))
    items = read_all(path, options=options)
    assert path.stat().st_size > 200 * 4  # the file is far over the limit; its lines are not
    assert sum(isinstance(i, RawDocument) for i in items) == 21
    (error,) = [i for i in items if isinstance(i, ReadError)]
    assert error.origin == f"{path}:21" and "too large" in error.reason


def test_an_overlong_line_is_skipped_without_being_held_in_memory(write):
    limit = 10_000
    big = json.dumps({"text": "z" * 4_000_000})
    path = write("long.jsonl", big + "\n" + lines({"text": "after the long one"}))
    tracemalloc.start()
    try:
        items = list(read_inputs([path], IngestOptions(max_input_bytes=limit)))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert isinstance(items[0], ReadError) and "too large" in items[0].reason
    assert items[1].text == "after the long one"
    assert peak < 1_000_000  # a 4 MB line never sat in memory


def test_memory_stays_flat_however_many_lines(write):
    record = {"text": "Grain prices eased as the harvest outlook improved. " * 3}
    path = write("long_feed.jsonl", lines(*[record] * 10_000))
    assert path.stat().st_size > 1_500_000
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_inputs([path]))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 10_000
    assert peak < 300_000  # a few lines' worth, not the file


def test_gzip_jsonl(write, read_all):
    data = gzip.compress(
        lines({"text": "Compressed article one."}, "{bad", {"text": "Two."}).encode()
    )
    path = write("dump.jsonl.gz", data)
    items = read_all(path)
    assert [type(i) for i in items] == [RawDocument, ReadError, RawDocument]
    assert items[1].origin == f"{path}:2"


def test_truncated_gzip_keeps_what_was_read(write, read_all):
    data = gzip.compress(lines(*[{"text": f"Article number {n}."} for n in range(200)]).encode())
    path = write("cut.jsonl.gz", data[: len(data) // 2])
    items = read_all(path)
    assert isinstance(items[-1], ReadError) and "corrupt" in items[-1].reason
    assert all(isinstance(i, RawDocument) for i in items[:-1])


_ARTICLE_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=300
).filter(str.strip)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts=st.lists(_ARTICLE_TEXT, min_size=1, max_size=5), ascii_only=st.booleans())
def test_any_text_round_trips_through_jsonl(tmp_path, texts, ascii_only):
    path = tmp_path / "round.jsonl"
    path.write_text(
        "".join(json.dumps({"text": t}, ensure_ascii=ascii_only) + "\n" for t in texts),
        encoding="utf-8",
    )
    items = list(read_inputs([path]))
    assert [i.text for i in items] == texts
