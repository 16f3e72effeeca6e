"""Development aid: event types and drivers against the gold, per document and in total.

    PYTHONPATH=src python benchmarks/events_report.py [--gold seeds|fnspid|both] [--doc SUBSTR]
                                                      [-v] [--time]

Runs the whole pipeline (clean -> link -> extract) on each gold document and prints, per
document, the event types missed and spurious, and the driver categories found for the moves:
per article (seeds: gold `drivers` of the main move(s)) and per move (FNSPID gold moves with
`drivers`, matched on listing, direction and magnitude). Totals are micro-averaged, as in
`tickerwire eval`. `--time` also times the extract stage with and without the event types of
this package. The official scorer is `tickerwire eval`; this is a quick loop for the extractor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

from tickerwire.clean import clean_document
from tickerwire.extract import extract_events
from tickerwire.link import link_document, load_reference
from tickerwire.records import Event, LinkedDocument, RawDocument

GOLD = Path("/work/shared/corpus/gold")
FILES = {"seeds": ["seeds.gold.json"], "fnspid": ["fnspid-dev.gold.json"]}
FILES["both"] = FILES["seeds"] + FILES["fnspid"]
# A driver's category is its event type, except that figures and guidance count as earnings.
ALIASES = {"financial_metric": "earnings", "guidance": "earnings"}


def category(event: Event) -> str:
    return ALIASES.get(event.type, event.type)


def raw_document(gold_file: Path, doc: dict[str, Any]) -> RawDocument:
    path = (gold_file.parent.parent / doc["doc"]).resolve()
    meta_path = path.with_name(path.stem + ".meta.json")
    title = json.loads(meta_path.read_text()).get("title") if meta_path.exists() else None
    published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
    return RawDocument(
        origin=str(path), text=path.read_text(encoding="utf-8"), title=title, published=published
    )


def move_drivers(events: list[Event], move: Event) -> set[str]:
    return {category(events[i]) for i in move.attributes.get("drivers") or []}


def same_move(gold: dict[str, Any], event: Event) -> bool:
    a = event.attributes
    return (
        a.get("listing") == gold.get("listing")
        and a.get("direction") == gold.get("direction")
        and abs(abs(a.get("change_pct") or 0) - gold.get("change_pct", 0)) < 0.01
    )


class Totals:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = {}

    def add(self, name: str, gold: set[str], found: set[str]) -> None:
        row = self.counts.setdefault(name, [0, 0, 0])
        row[0] += len(gold & found)
        row[1] += len(found - gold)
        row[2] += len(gold - found)

    def show(self) -> None:
        for name, (hit, spurious, missed) in self.counts.items():
            precision = hit / (hit + spurious) if hit + spurious else 1.0
            recall = hit / (hit + missed) if hit + missed else 1.0
            print(f"{name:28s} hit={hit:3d} spurious={spurious:3d} missed={missed:3d}  "
                  f"P={precision:.2f} R={recall:.2f}")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--gold", choices=sorted(FILES), default="both")
    parser.add_argument("--doc", default="")
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--time", action="store_true")
    args = parser.parse_args()
    reference = load_reference()
    totals: dict[str, Totals] = {}
    linked_docs: list[LinkedDocument] = []
    for name in FILES[args.gold]:
        gold_file = GOLD / name
        total = totals.setdefault(name, Totals())
        for doc in json.loads(gold_file.read_text()):
            if args.doc not in doc["doc"]:
                continue
            linked = link_document(clean_document(raw_document(gold_file, doc)), reference)
            linked_docs.append(linked)
            events = extract_events(linked, reference)
            types = {e.type for e in events}
            gold_types = set(doc.get("event_types") or [])
            total.add("event types", gold_types, types)
            moves = [e for e in events if e.type == "price_move"]
            drivers = set().union(*(move_drivers(events, m) for m in moves)) if moves else set()
            total.add("drivers (article)", set(doc.get("drivers") or []), drivers)
            missed, spurious = sorted(gold_types - types), sorted(types - gold_types)
            lines = [
                f"  types missed={missed} spurious={spurious}",
                f"  drivers gold={sorted(doc.get('drivers') or [])} found={sorted(drivers)}",
            ]
            for gold_move in doc.get("price_moves", []):
                if "drivers" not in gold_move:
                    continue
                match = next((m for m in moves if same_move(gold_move, m)), None)
                found = move_drivers(events, match) if match is not None else set()
                total.add("drivers (per move)", set(gold_move["drivers"]), found)
                if match is None or found != set(gold_move["drivers"]) or args.verbose:
                    lines.append(
                        f"  move {gold_move['listing']} {gold_move['change_pct']}: "
                        f"gold={gold_move['drivers']} found={sorted(found)}"
                        + ("" if match is not None else " (move not found)")
                    )
            print(f"- {Path(doc['doc']).name}", *lines, sep="\n")
            if args.verbose:
                for i, event in enumerate(events):
                    if event.type in ("price_move", "index_move", "financial_metric"):
                        continue
                    print(f"    {i:2d} {event.type:17s} {event.entity} "
                          f"{json.dumps(event.attributes)[:140]}")  # fmt: skip
    for name, total in totals.items():
        print(f"=== {name}")
        total.show()
    if args.time:
        _time(linked_docs, reference)


def _time(linked_docs: list[LinkedDocument], reference: Any) -> None:
    for linked in linked_docs:
        extract_events(linked, reference)
    start = time.process_time()
    for linked in linked_docs:
        extract_events(linked, reference)
    elapsed = time.process_time() - start
    print(f"extract: {elapsed / len(linked_docs) * 1000:.2f} ms/article")


if __name__ == "__main__":
    main()
