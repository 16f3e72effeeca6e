from tickerwire.cli import main

HK_FILE = "Date,Close\n2025-01-27,84\n2025-01-28,86.1\n2025-02-04,88.5\n"


def test_prices_load_summarises_files_and_names_bad_ones(tmp_path, capsys):
    good = tmp_path / "9999.HK.csv"
    good.write_text(HK_FILE, encoding="utf-8")
    unnamed = tmp_path / "hk_close_2025.csv"
    unnamed.write_text(HK_FILE, encoding="utf-8")
    status = main(["prices", "load", str(good), str(unnamed), "--db", str(tmp_path / "p.duckdb")])
    captured = capsys.readouterr()
    assert status == 1
    assert "9999.HK (XHKG)" in captured.out and "3 rows" in captured.out
    assert "2025-02-03" in captured.out  # the missing session is shown
    assert "hk_close_2025.csv" in captured.err and "--ticker" in captured.err


def test_prices_load_with_ticker_splices_and_reports(tmp_path, capsys):
    first = tmp_path / "one.csv"
    first.write_text(HK_FILE, encoding="utf-8")
    second = tmp_path / "two.csv"
    second.write_text("Date,Close\n2025-02-04,80\n2025-02-05,82\n", encoding="utf-8")
    assert (
        main(
            [
                "prices",
                "load",
                str(first),
                str(second),
                "--ticker",
                "9999.hk",
                "--db",
                str(tmp_path / "p.duckdb"),
            ]
        )
        == 0
    )
    out = capsys.readouterr().out
    assert "overlaps" in out and "1 day," in out
