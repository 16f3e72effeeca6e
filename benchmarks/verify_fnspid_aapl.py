"""Verify AAPL price-move claims of the FNSPID sample against `aapl_price_raw.csv`.

Prints the share of claims per verdict and period, lists the inconsistent ones with their
evidence for a reader to judge, and the verification throughput.

    PYTHONPATH=src python benchmarks/verify_fnspid_aapl.py         # claims the pipeline extracts
    PYTHONPATH=src python benchmarks/verify_fnspid_aapl.py --gold  # claims of the dev gold file

Undated claims over a period ending "now" (year to date, past year) are measured to one of the last
sessions before the article's publication day (`check_claim_as_of`).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tickerwire.market.claims import PriceClaim
from tickerwire.market.price_files import read_price_file
from tickerwire.market.provider import FilePriceProvider
from tickerwire.market.verification import (
    PERIODS_ENDING_NOW,
    check_claim_as_of,
    check_price_claim,
)
from tickerwire.records import Verification

LISTING = "AAPL"


@dataclass(frozen=True)
class ClaimWithContext:
    claim: PriceClaim
    evidence: str
    published: dt.date | None


def find_eval_data() -> Path | None:
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "eval-data"
        if (candidate / "fnspid-sample").is_dir():
            return candidate
    return None


def published_day(sidecar: Path) -> dt.date | None:
    try:
        value = json.loads(sidecar.read_text(encoding="utf-8")).get("published")
    except (OSError, json.JSONDecodeError):
        return None
    return dt.date.fromisoformat(value[:10]) if value else None


def check(item: ClaimWithContext, prices: FilePriceProvider) -> Verification:
    claim = item.claim
    if claim.date is None and item.published is not None and claim.period in PERIODS_ENDING_NOW:
        return check_claim_as_of(claim, prices, item.published).record
    return check_price_claim(claim, prices).record


def claims_from_gold(gold_path: Path, articles: Path) -> list[ClaimWithContext]:
    out: list[ClaimWithContext] = []
    for entry in json.loads(gold_path.read_text(encoding="utf-8")):
        doc = Path(entry["doc"]).name
        published = published_day(articles / doc.replace(".txt", ".json"))
        for move in entry.get("price_moves", []):
            if move.get("listing") != LISTING:
                continue
            sign = -1.0 if move.get("direction") == "down" else 1.0
            period = move.get("period") or "session"
            since = None
            if period.startswith("since:"):
                period, since = "since", dt.date.fromisoformat(period.split(":", 1)[1])
            claim = PriceClaim(
                article=doc,
                listing=LISTING,
                date=dt.date.fromisoformat(move["date"]) if move.get("date") else None,
                change_pct=sign * abs(float(move["change_pct"])),
                period=period,
                since=since,
                approximate=bool(move.get("approximate")),
            )
            out.append(ClaimWithContext(claim, move.get("evidence") or "", published))
    return out


def claims_from_pipeline(articles: Path) -> list[ClaimWithContext]:
    from tickerwire.pipeline import Pipeline
    from tickerwire.records import Article

    out: list[ClaimWithContext] = []
    for item in Pipeline().process_paths([articles]):
        if not isinstance(item, Article):
            continue
        for event in item.events:
            claim = PriceClaim.from_event(item.id, event)
            if claim is None or claim.listing != LISTING:
                continue
            out.append(ClaimWithContext(claim, event.evidence.text, item.published))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", action="store_true", help="claims from fnspid-dev.gold.json")
    parser.add_argument("--eval-data", type=Path, default=find_eval_data())
    args = parser.parse_args(argv)
    if args.eval_data is None:
        print("shared/eval-data not found; give --eval-data", file=sys.stderr)
        return 2
    fnspid = args.eval_data / "fnspid-sample"
    articles = fnspid / "articles"
    prices = FilePriceProvider([read_price_file(fnspid / "aapl_price_raw.csv", LISTING)])
    if args.gold:
        gold = args.eval_data.parent / "corpus" / "gold" / "fnspid-dev.gold.json"
        items = claims_from_gold(gold, articles)
    else:
        items = claims_from_pipeline(articles)

    started = time.perf_counter()
    results: list[tuple[ClaimWithContext, Verification]] = [
        (item, check(item, prices)) for item in items
    ]
    elapsed = time.perf_counter() - started

    verdicts = Counter(record.verdict for _, record in results)
    by_period = Counter((item.claim.period, record.verdict) for item, record in results)
    total = len(results)
    print(f"{total} {LISTING} price-move claims ({'gold' if args.gold else 'extracted'})")
    for verdict in ("consistent", "inconsistent", "unverifiable"):
        share = verdicts[verdict] / total if total else 0.0
        print(f"  {verdict:13s} {verdicts[verdict]:4d}  {share:6.1%}")
    checkable = verdicts["consistent"] + verdicts["inconsistent"]
    if checkable:
        print(f"  consistent among checkable: {verdicts['consistent'] / checkable:.1%}")
    sessions = [r for i, r in results if i.claim.period == "session"]
    if sessions:
        ok = sum(r.verdict == "consistent" for r in sessions)
        print(f"  session moves: {ok}/{len(sessions)} consistent")
    print("by period:")
    for (period, verdict), count in sorted(by_period.items()):
        print(f"  {period:15s} {verdict:13s} {count}")
    print("inconsistent, for a reader to judge:")
    for item, record in results:
        if record.verdict != "inconsistent":
            continue
        print(f"- {item.claim.article} {item.claim.period} {record.date}")
        print(f"    evidence: {item.evidence[:160]}")
        print(f"    why: {record.why}")
    print("unverifiable reasons:")
    reasons = Counter(r.why.split(";")[0] for _, r in results if r.verdict == "unverifiable")
    for reason, count in reasons.most_common(8):
        print(f"  {count:3d}  {reason}")
    if total:
        print(
            f"verification: {total / elapsed:,.0f} claims/s ({elapsed * 1000 / total:.2f} ms each)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
