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
