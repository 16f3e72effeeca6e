"""Check that the seed articles' claims verify against the shared price files (issue 5).

Builds a temporary database at run time: a JSONL manifest of the five seed articles (their text
read from ../shared, with the publication dates known: 002 2025-09-01, 004 2025-02-21, the others
none), 9988.HK from `hk-hsi-constituents-yf/daily` (and the index when that folder has it), and
the files of `hk-index-and-9988-2025ext`; then runs `tickerwire verify` and
`tickerwire explain 9988.HK 2025-09-01` and prints which expected facts hold. Nothing from the
shared folder is written into the repository. Exits 1 when a required fact does not hold; skips
(exit 0) when the shared folder is absent.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import sys
import tempfile
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO_ROOT / "src"))
sys.path.insert(0, str(REPO_ROOT / "eval"))

from run_eval import find_shared  # noqa: E402

from tickerwire.cli import main as tickerwire_main  # noqa: E402
from tickerwire.market.calendars import trading_calendars  # noqa: E402
from tickerwire.market.claims import PriceClaim  # noqa: E402
from tickerwire.market.verification import check_price_claim  # noqa: E402
from tickerwire.store import DuckDBStore  # noqa: E402
from tickerwire.store.duckdb_market import StoredPriceProvider, query_inferred_dates  # noqa: E402

SEED_DATES = {"000": None, "001": None, "002": "2025-09-01", "003": None, "004": "2025-02-21"}
EXT_FILES = {"9988HK_close": "9988.HK", "HSI_close": "HSI", "BABA_close": "BABA"}
INDEX_FILE_NAMES = ("^HSI.csv", "HSI.csv")


def run_cli(argv: list[str]) -> tuple[int, str]:
    """Run a tickerwire command in this process; its stdout (stderr goes to ours)."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = tickerwire_main(argv)
    return status, out.getvalue()


def write_manifest(seeds: Path, target: Path) -> None:
    lines = []
    for text_file in sorted(seeds.glob("*.txt")):
        number = text_file.name[:3]
        record: dict[str, Any] = {
            "text": text_file.read_text(encoding="utf-8"),
            "url": f"seed:{number}",
            "published": SEED_DATES.get(number),
        }
        meta = text_file.with_suffix(".meta.json")
        if meta.is_file():
            info = json.loads(meta.read_text(encoding="utf-8"))
            record.update(source=info.get("source"), title=info.get("title"))
        lines.append(json.dumps(record, ensure_ascii=False))
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")


def load_prices(eval_data: Path, db: Path) -> list[str]:
    """Load the few price files needed; returns what was loaded."""
    loaded = []
    daily = eval_data / "hk-hsi-constituents-yf" / "daily"
    for name, ticker in (("9988.HK.csv", "9988.HK"), *((n, "HSI") for n in INDEX_FILE_NAMES)):
        path = daily / name
        if path.is_file():
            run_cli(["prices", "load", str(path), "--ticker", ticker, "--db", str(db)])
            loaded.append(f"{path.name} as {ticker}")
    for path in sorted((eval_data / "hk-index-and-9988-2025ext").glob("*.csv")):
        ticker = next((t for stem, t in EXT_FILES.items() if path.name.startswith(stem)), None)
        if ticker:
            run_cli(["prices", "load", str(path), "--ticker", ticker, "--db", str(db)])
            loaded.append(f"{path.name} as {ticker}")
    return loaded


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared folder (default: ../shared)")
    args = parser.parse_args(argv)
    shared = find_shared(args.shared)
    if shared is None or not (shared / "eval-data" / "hk-index-and-9988-2025ext").is_dir():
        print("check_verification: ../shared (seeds and price files) not found; skipped")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        return run_checks(shared, Path(tmp))


def run_checks(shared: Path, tmp: Path) -> int:
    db = tmp / "check.duckdb"
    manifest = tmp / "seeds.jsonl"
    write_manifest(shared / "corpus" / "seeds", manifest)
    with contextlib.redirect_stderr(io.StringIO()):
        run_cli(["ingest", str(manifest), "--db", str(db)])
        loaded = load_prices(shared / "eval-data", db)
    print("check_verification: prices loaded: " + "; ".join(loaded))
    with contextlib.redirect_stderr(io.StringIO()):
        _, out = run_cli(["verify", "--db", str(db), "--format", "json"])
        verdicts = [json.loads(line) for line in out.splitlines()]
        _, out = run_cli(["explain", "9988.HK", "2025-09-01", "--db", str(db), "--format", "json"])
        explanation = json.loads(out)
    with DuckDBStore(db, read_only=True) as store:
        ids = dict(
            store.connection.execute("SELECT url, article_id FROM article_versions").fetchall()
        )
        inferred = query_inferred_dates(store.connection)
        prices = StoredPriceProvider(store.connection)
        try:
            seed000: str | AssertionError = _seed000_on_the_day(store, ids.get("seed:000"), prices)
        except AssertionError as exc:
            seed000 = exc
    seed = {number: ids.get(f"seed:{number}") for number in SEED_DATES}

    def verdict(number: str, listing: str, claimed: float) -> dict[str, Any] | None:
        return next(
            (
                v
                for v in verdicts
                if v["article"] == seed[number]
                and v["listing"] == listing
                and v["claimed_pct"] == claimed
            ),
            None,
        )

    def holds(
        number: str, listing: str, claimed: float, day: str, wanted: str
    ) -> Callable[[], str]:
        def check() -> str:
            found = verdict(number, listing, claimed)
            if found is None:
                raise AssertionError("no verdict for the claim")
            shown = f"{found['verdict']} on {found['date']}: {found['why']}"
            if found["verdict"] != wanted or found["date"] != day:
                raise AssertionError(shown)
            return shown

        return check

    def hsi_figures() -> str:
        found = verdict("001", "HSI", 1.94)
        if found is None or "figures of 2025-08-25" not in found["why"]:
            raise AssertionError(str(found))
        return f"{found['verdict']}: {found['why']}"

    def seed001_dated() -> str:
        dating = inferred.get(seed["001"] or "")
        if dating is None or dating.date != dt.date(2025, 9, 1):
            raise AssertionError(str(dating))
        return f"confidence {dating.confidence}: {dating.evidence}"

    def explain_drivers() -> str:
        drivers = explanation["drivers"]
        categories = [d["category"] for d in drivers]
        chip = any(
            d["category"] == "product_launch" and "chip" in (d["summary"] + d["evidence"]).lower()
            for d in drivers
        )
        abnormal = explanation["move"]["abnormal_pct"]
        against_hsi = any("HSI" in v["why"] for v in explanation.get("verifications", []))
        shown = f"drivers {categories}, abnormal {abnormal}, against HSI: {against_hsi}"
        if "earnings" not in categories or not chip or abnormal is None or not against_hsi:
            raise AssertionError(shown)
        return shown

    def explain_cloud_conflict() -> str:
        values = [
            sorted(v["value"] for v in c["values"] if isinstance(v["value"], (int, float)))
            for c in explanation["conflicts"]
            if c["field"] == "change_pct"
        ]
        if [11.0, 26.0] not in values:
            raise AssertionError(f"change_pct conflicts shown: {values}")
        return "cloud revenue growth +26% vs +11% shown"

    checks: list[tuple[str, Callable[[], str], bool]] = [
        ("seed 004 +15% 9988.HK 2025-02-21 consistent",
         holds("004", "9988.HK", 15.0, "2025-02-21", "consistent"), True),
        ("seed 000 9.18% inconsistent when dated 2025-02-21", lambda: _result(seed000), True),
        ("seed 002 +19% 9988.HK 2025-09-01 consistent",
         holds("002", "9988.HK", 19.0, "2025-09-01", "consistent"), True),
        ("seed 001 BABA +13% 2025-08-29 consistent",
         holds("001", "BABA", 13.0, "2025-08-29", "consistent"), True),
        ("seed 001 HSI +1.94% to 25,829.91 flagged as the figures of 2025-08-25",
         hsi_figures, True),
        ("seed 001 dated 2025-09-01 by the market", seed001_dated, True),
        ("explain 9988.HK 2025-09-01: earnings and the AI chip, abnormal vs HSI",
         explain_drivers, True),
        ("explain 9988.HK 2025-09-01: the 26% vs 11% cloud growth conflict",
         explain_cloud_conflict, True),
    ]  # fmt: skip
    failed = 0
    for name, check, required in checks:
        try:
            detail = check()
            print(f"HOLDS    {name}\n         {detail}")
        except AssertionError as exc:
            failed += required
            print(f"MISSING  {name}\n         {exc}")
    print(_seed000_fate(verdicts, inferred, seed["000"]))
    print(f"check_verification: {len(checks) - failed} of {len(checks)} hold")
    return 1 if failed else 0


def _result(outcome: str | AssertionError) -> str:
    if isinstance(outcome, AssertionError):
        raise outcome
    return outcome


def _seed000_on_the_day(
    store: DuckDBStore, article_id: str | None, prices: StoredPriceProvider
) -> str:
    """Seed 000's 9.18% checked as if dated 2025-02-21 (the day seed 004 reports)."""
    article = store.article(article_id) if article_id else None
    if article is None:
        raise AssertionError("seed 000 not stored")
    claims = [PriceClaim.from_event(article.id, e) for e in article.events]
    claim = next((c for c in claims if c and abs(c.change_pct - 9.18) < 1e-9), None)
    if claim is None:
        raise AssertionError("no 9.18% claim extracted from seed 000")
    check = check_price_claim(
        replace(claim, date=dt.date(2025, 2, 21)), prices, calendars=trading_calendars()
    )
    shown = f"{check.record.verdict}: {check.record.why}"
    if check.record.verdict != "inconsistent":
        raise AssertionError(shown)
    return shown


def _seed000_fate(
    verdicts: list[dict[str, Any]], inferred: dict[str, Any], seed: str | None
) -> str:
    """What `verify` itself did with seed 000, which the text leaves undated."""
    dating = inferred.get(seed or "")
    dated = "not tried" if dating is None else (str(dating.date) if dating.date else "undated")
    own = [v for v in verdicts if v["article"] == seed]
    shown = "; ".join(f"{v['listing']} {v['claimed_pct']:+g}%: {v['verdict']}" for v in own)
    evidence = "" if dating is None else f" ({dating.evidence})"
    return f"note     seed 000 in verify: market dating {dated}{evidence}; verdicts: {shown}"


if __name__ == "__main__":
    sys.exit(main())
