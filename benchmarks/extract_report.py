"""Development aid: per-document found / missed / spurious moves and metrics against the gold.

    PYTHONPATH=src python benchmarks/extract_report.py [--linker real|dev] [--doc SUBSTR] [-v]

Runs clean -> link -> extract on every document of seeds.gold.json and fnspid-dev.gold.json and
prints misses (MISS), extras (SPUR), wrong dates and period disagreements, then totals. A move
matches on listing, direction and magnitude; a metric on listing, metric name and its value or
change. The official scorer is `tickerwire eval`; this is a quick loop for the extractor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from dev_reference import dev_link, dev_reference

from tickerwire.clean import clean_document
from tickerwire.extract import extract_events
from tickerwire.link import ReferenceData, link_document, load_reference
from tickerwire.records import Event, RawDocument

GOLD = Path("/work/shared/corpus/gold")
Matcher = Callable[[dict[str, Any], Event], bool]


def close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and abs(a - b) <= 0.005 * max(abs(a), abs(b), 1e-9)


def move_matcher(key: str) -> Matcher:
    def match(gold: dict[str, Any], event: Event) -> bool:
        a = event.attributes
        return (
            a[key] == gold[key]
            and a["direction"] == gold["direction"]
            and close(abs(a["change_pct"] or 0), gold["change_pct"])
        )

    return match


def metric_matcher(reference: ReferenceData) -> Matcher:
    def match(gold: dict[str, Any], event: Event) -> bool:
        entity = reference.entity(event.entity or "")
        a = event.attributes
        if entity is None or gold["listing"] not in entity.tickers or a["metric"] != gold["metric"]:
            return False
        value, change = gold.get("value"), gold.get("change_pct")
        if value is None and change is None:
            return False
        return (value is None or close(a["value"], value)) and (
            change is None or close(a["change_pct"], change)
        )

    return match


def compare(kind: str, golds: list[dict], events: list[Event], match: Matcher, out: list[str],
            published: dt.date | None) -> tuple[int, int, int, int]:  # fmt: skip
    """(found, missed, spurious, wrong dates) of one kind of event in one document."""
    used: set[int] = set()
    found = wrong = 0
    for gold in golds:
        hit = next((i for i, e in enumerate(events) if i not in used and match(gold, e)), None)
        if hit is None:
            out.append(f"  MISS {kind} {json.dumps(gold)[:150]}")
            continue
        used.add(hit)
        found += 1
        event = events[hit]
        if (
            event.date is not None
            and published is not None
            and event.date.isoformat() != gold.get("date")
        ):
            wrong += 1
            out.append(f"  DATE {kind} {event.date} vs gold {gold.get('date')}")
        period = event.attributes.get("period")
        if kind == "price" and period != (gold.get("period") or "session").split(":")[0]:
            out.append(
                f"  PERIOD {kind} {gold.get('listing')} {period} vs gold {gold.get('period')}"
            )
    spurious = [e for i, e in enumerate(events) if i not in used]
    for event in spurious:
        out.append(
            f"  SPUR {kind} {event.entity} {json.dumps(event.attributes)[:110]}"
            f" | {event.evidence.text[:80]!r}"
        )
    return found, len(golds) - found, len(spurious), wrong


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--linker", choices=("real", "dev"), default="real")
    parser.add_argument("--doc", default="")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    reference = load_reference() if args.linker == "real" else dev_reference()
    totals = {kind: [0, 0, 0, 0] for kind in ("price", "index", "metric")}
    for gold_file in (GOLD / "seeds.gold.json", GOLD / "fnspid-dev.gold.json"):
        for doc in json.loads(gold_file.read_text()):
            if args.doc not in doc["doc"]:
                continue
            path = (gold_file.parent.parent / doc["doc"]).resolve()
            published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
            raw = RawDocument(
                origin=str(path), text=path.read_text(encoding="utf-8"), published=published
            )
            clean = clean_document(raw)
            linked = (
                link_document(clean, reference)
                if args.linker == "real"
                else dev_link(clean, reference)
            )
            events = extract_events(linked, reference)
            out: list[str] = []
            checks = (
                ("price", "price_moves", "price_move", move_matcher("listing")),
                ("index", "index_moves", "index_move", move_matcher("index")),
                ("metric", "metrics", "financial_metric", metric_matcher(reference)),
            )
            for kind, gold_key, event_type, match in checks:
                typed = [e for e in events if e.type == event_type]
                counts = compare(kind, doc.get(gold_key, []), typed, match, out, published)
                totals[kind] = [t + c for t, c in zip(totals[kind], counts, strict=True)]
            if out or args.verbose:
                print(f"- {path.name} ({published})", *out, sep="\n")
    print("=== totals: found missed spurious wrong-dates  precision recall")
    for kind, (found, missed, spurious, wrong) in totals.items():
        precision = found / (found + spurious) if found + spurious else 1.0
        recall = found / (found + missed) if found + missed else 1.0
        print(
            f"{kind:7s} {found:4d} {missed:4d} {spurious:4d} {wrong:3d}"
            f"   P={precision:.2f} R={recall:.2f}"
        )


if __name__ == "__main__":
    main()
