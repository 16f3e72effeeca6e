import json

from tickerwire.cli import main


def test_extract_prints_one_record_per_input_with_overrides(tmp_path, capsys):
    page = tmp_path / "note.txt"
    page.write_text("Shares of Example Corp rose 3% on Tuesday.", encoding="utf-8")
    status = main(["extract", str(page), "--published", "2024-03-05", "--url", "https://x.test/a"])
    out = capsys.readouterr().out.strip().splitlines()
    assert status == 0
    assert len(out) == 1
    record = json.loads(out[0])
    assert record["published"] == "2024-03-05"
    assert record["url"] == "https://x.test/a"
    assert record["text"].startswith("Shares of Example Corp")


def test_missing_input_is_reported_and_others_still_run(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Stocks were little changed in quiet trade.", encoding="utf-8")
    status = main(["extract", str(tmp_path / "absent.txt"), str(good)])
    captured = capsys.readouterr()
    assert status == 1
    assert len(captured.out.strip().splitlines()) == 1
    assert "absent.txt" in captured.err


def test_overrides_with_two_files_is_a_usage_error(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("One.", encoding="utf-8")
    b.write_text("Two.", encoding="utf-8")
    assert main(["extract", str(a), str(b), "--source", "Wire"]) == 2


def test_schema_lists_the_contract_records(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    for name in ("Article", "Entity", "Event", "Story", "Verification", "Explanation"):
        assert name in schema["$defs"]
    assert "published_basis" in schema["$defs"]["Article"]["properties"]


def _note_with_sidecar(folder, name: str, published: str):
    page = folder / f"{name}.txt"
    page.write_text(f"Shares of Example Corp rose 3% on Tuesday ({name}).", encoding="utf-8")
    (folder / f"{name}.meta.json").write_text(json.dumps({"published": published}), "utf-8")
    return page


def test_extract_keeps_the_publication_moment_only_when_its_zone_is_stated(tmp_path, capsys):
    for name, published in (
        ("eastern", "2024-02-01T07:05:00-05:00"),
        ("named_zone", "Feb 1, 2024 7:05AM EST"),
        ("utc", "2024-02-01T12:05:00Z"),
        ("no_zone", "2024-02-01 07:05"),
        ("date_only", "2024-02-01"),
    ):
        _note_with_sidecar(tmp_path, name, published)
    assert main(["extract", str(tmp_path)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    moments = {r["text"].split("(")[1].rstrip(")."): r["published_at"] for r in records}
    assert moments == {
        "date_only": None,
        "eastern": "2024-02-01T07:05:00-05:00",
        "named_zone": "2024-02-01T07:05:00-05:00",
        "no_zone": None,  # whose 07:05? Never guessed.
        "utc": "2024-02-01T12:05:00+00:00",
    }
    assert {r["published"] for r in records} == {"2024-02-01"}


def test_a_date_given_over_the_input_drops_the_inputs_moment(tmp_path, capsys):
    page = _note_with_sidecar(tmp_path, "eastern", "2024-02-01T07:05:00-05:00")
    assert main(["extract", str(page), "--published", "2024-02-02"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["published"], record["published_at"]) == ("2024-02-02", None)


def test_demo_shows_the_moment_when_the_input_gives_one(tmp_path, capsys):
    _note_with_sidecar(tmp_path, "eastern", "2024-02-01T07:05:00-05:00")
    _note_with_sidecar(tmp_path, "no_zone", "2024-02-01 07:05")
    assert main(["demo", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "published 2024-02-01T07:05:00-05:00 (from metadata)" in out
    assert "published 2024-02-01 (from metadata)" in out


def test_schema_gives_the_publication_moment_as_an_optional_date_time(capsys):
    assert main(["schema"]) == 0
    article = json.loads(capsys.readouterr().out)["$defs"]["Article"]
    assert {"format": "date-time", "type": "string"} in article["properties"]["published_at"][
        "anyOf"
    ]
    assert "published_at" not in article["required"]
