"""read_inputs over paths and directories: order, skipping, reporting, overrides, registry."""

import datetime as dt
import json
from pathlib import Path

import pytest

from tickerwire.config import IngestOptions
from tickerwire.ingest import (
    DocumentOverrides,
    ReaderRegistry,
    default_registry,
    read_inputs,
)
from tickerwire.records import RawDocument, ReadError


def names(items, root: Path):
    """Each item's origin relative to `root`, with its kind."""
    return [
        ("doc" if isinstance(i, RawDocument) else "error", str(Path(i.origin).relative_to(root)))
        for i in items
    ]


def test_directory_is_read_recursively_in_sorted_order(write, read_all, tmp_path):
    root = tmp_path / "batch"
    write("batch/b_note.txt", "Second file at the top level.")
    write("batch/b_note.meta.json", json.dumps({"source": "Wire"}))
    write("batch/a_dir/z.txt", "Inside a_dir, listed after a_dir's other file.")
    write("batch/a_dir/m.html", "<p>Inside a_dir, first by name.</p>")
    write("batch/c.jsonl", json.dumps({"text": "Line one."}) + "\n{oops\n")
    write("batch/d_sub/e.txt", "")
    write("batch/notes.pdf", b"%PDF-1.7")  # unknown suffix: skipped silently in a directory
    write("batch/.hidden.txt", "Hidden files are skipped.")
    write("batch/orphan.json", json.dumps({"title": "A sidecar is not an input"}))
    items = read_all(root)
    assert names(items, root) == [
        ("doc", "a_dir/m.html"),
        ("doc", "a_dir/z.txt"),
        ("doc", "b_note.txt"),
        ("doc", "c.jsonl:1"),
        ("error", "c.jsonl:2"),
        ("error", "d_sub/e.txt"),
    ]
    assert items[2].source == "Wire"  # the sidecar was used, not read as an input
    assert read_all(root) == items  # deterministic


def test_paths_are_read_in_the_order_given(write, read_all):
    first = write("zz.txt", "Named first.")
    second = write("aa.txt", "Named second.")
    assert [i.text for i in read_all(first, second)] == ["Named first.", "Named second."]


def test_missing_path_is_reported_and_the_others_go_on(write, read_all, tmp_path):
    good = write("good.txt", "A readable note on freight rates.")
    missing = tmp_path / "absent.txt"
    items = read_all(missing, good)
    assert items[0] == ReadError(str(missing), "no such file or directory")
    assert isinstance(items[1], RawDocument)


def test_unknown_suffix_is_reported_when_named(write, read_all):
    path = write("report.pdf", b"%PDF-1.7")
    (error,) = read_all(path)
    assert "unsupported input type (.pdf)" in error.reason
    assert ".jsonl" in error.reason  # says what can be read


def test_a_named_sidecar_is_reported_as_such(write, read_all):
    write("note.txt", "A note.")
    path = write("note.meta.json", "{}")
    (error,) = read_all(path)
    assert "sidecar" in error.reason


def test_overrides_apply_to_every_article_of_the_file(write, read_all):
    path = write(
        "two.jsonl",
        json.dumps({"text": "One.", "source": "Line source", "published": "2024-01-02"})
        + "\n"
        + json.dumps({"text": "Two."})
        + "\n",
    )
    overrides = DocumentOverrides(source="Flag source", title="Flag title")
    first, second = read_all(path, overrides=overrides)
    assert (first.source, first.title, first.published) == (
        "Flag source",
        "Flag title",
        dt.date(2024, 1, 2),
    )
    assert (second.source, second.published) == ("Flag source", None)


def test_a_new_format_is_one_registered_reader(write, tmp_path):
    def read_markdown(path: Path, options: IngestOptions):
        yield RawDocument(origin=str(path), text=path.read_text(encoding="utf-8").lstrip("# "))

    registry = default_registry().with_reader(".md", read_markdown)
    write("notes/a.md", "# Shipping rates doubled.")
    write("notes/b.txt", "Plain text still works.")
    items = list(read_inputs([tmp_path / "notes"], registry=registry))
    assert [i.text for i in items] == ["Shipping rates doubled.", "Plain text still works."]
    assert default_registry().reader_for(Path("a.md")) is None  # the default is unchanged


def test_longest_suffix_wins_and_case_is_ignored():
    registry = default_registry()
    assert registry.matching_suffix(Path("crawl.WARC.GZ")) == ".warc.gz"
    assert registry.matching_suffix(Path("dump.jsonl.gz")) == ".jsonl.gz"
    assert registry.matching_suffix(Path("archive.tar.gz")) is None
    assert registry.matching_suffix(Path(".txt")) is None  # a bare suffix is no file name


def test_registry_refuses_a_suffix_without_a_dot():
    with pytest.raises(ValueError, match="starts with a dot"):
        ReaderRegistry({"txt": lambda path, options: iter(())})


def test_an_io_failure_inside_a_reader_becomes_a_read_error(write):
    def failing(path: Path, options: IngestOptions):
        yield RawDocument(origin=f"{path}:1", text="read before the failure")
        raise OSError(5, "Input/output error")

    registry = ReaderRegistry({".dat": failing})
    path = write("flaky.dat", "x")
    items = list(read_inputs([path], registry=registry))
    assert isinstance(items[0], RawDocument)
    assert items[1] == ReadError(str(path), "cannot read: Input/output error")


def test_symlink_loop_in_a_directory_is_walked_once(write, read_all, tmp_path):
    write("loop/a.txt", "Only once.")
    (tmp_path / "loop" / "self").symlink_to(tmp_path / "loop", target_is_directory=True)
    assert [i.text for i in read_all(tmp_path / "loop")] == ["Only once."]
