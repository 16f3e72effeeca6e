"""Development aid: per-document found / missed / spurious moves and metrics against the gold.

    PYTHONPATH=src python benchmarks/extract_report.py [--linker dev|real] [--verbose] [--doc SUBSTR]

Prints, for seeds.gold.json and fnspid-dev.gold.json, each document's matches and misses, then
totals (precision/recall of price moves, index moves, metrics, and wrong dates).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from dev_reference import dev_link, dev_reference

from tickerwire.clean import clean_document
from tickerwire.extract import extract_events
from tickerwire.link import link_document, load_reference
from tickerwire.records import Event, RawDocument

CORPUS = Path("/work/shared/corpus")
GOLD_FILES = [CORPUS / "gold/seeds.gold.json", CORPUS / "gold/fnspid-dev.gold.json"]


def _close(a: float | None, b: float | None, rel: float = 0.005) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= max(1e-9, rel * max(abs(a), abs(b)))


def _gold_period(g: dict) -> str:
    return (g.get("period") or "session").split(":")[0]


def _run(path: Path, published: dt.date | None, linker: str) -> tuple[list[Event], object]:
    raw = RawDocument(origin=str(path), text=path.read_text(encoding="utf-8"), published=published)
    clean = clean_document(raw)
    if linker == "dev":
        reference = dev_reference()
        linked = dev_link(clean, reference)
    else:
        reference = load_reference()
        linked = link_document(clean, reference)
    return extract_events(linked, reference), reference


def _tickers(event: Event, reference: object) -> set[str]:
    entity = reference.entity(event.entity) if event.entity else None  # type: ignore[attr-defined]
    return set(entity.tickers) if entity else set()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--linker", choices=("dev", "real"), default="dev")
    parser.add_argument("--verbose", "-v", action="store_true")
    parser.add_argument("--doc", default="")
    args = parser.parse_args()
    totals = {k: [0, 0, 0] for k in ("price", "index", "metric")}  # found, missed, spurious
    wrong_dates = 0
    for gold_file in GOLD_FILES:
        print(f"=== {gold_file.name}")
        for doc in json.loads(gold_file.read_text()):
            if args.doc not in doc["doc"]:
                continue
            path = (gold_file.parent.parent / doc["doc"]).resolve()
            published = dt.date.fromisoformat(doc["published"]) if doc.get("published") else None
            events, reference = _run(path, published, args.linker)
            lines: list[str] = []
            # price moves
            preds = [e for e in events if e.type == "price_move"]
            used: set[int] = set()
            for g in doc.get("price_moves", []):
                hit = next(
                    (
                        i
                        for i, e in enumerate(preds)
                        if i not in used
                        and e.attributes["listing"] == g["listing"]
                        and e.attributes["direction"] == g["direction"]
                        and _close(abs(e.attributes["change_pct"]), g["change_pct"])
                    ),
                    None,
                )
                if hit is None:
                    totals["price"][1] += 1
                    lines.append(
                        f"  MISS price {g['listing']} {g['direction']} {g['change_pct']} {g.get('period')} | {g.get('evidence', '')[:90]}"
                    )
                    continue
                used.add(hit)
                totals["price"][0] += 1
                e = preds[hit]
                date_note = ""
                if (
                    e.date is not None
                    and published is not None
                    and g.get("date")
                    and str(e.date) != g["date"]
                ):
                    wrong_dates += 1
                    date_note = f" WRONG-DATE {e.date} vs {g['date']}"
                elif e.date is not None and not g.get("date"):
                    date_note = f" DATE-NOT-IN-GOLD {e.date}"
                    wrong_dates += 1
                period_note = (
                    ""
                    if e.attributes["period"] == _gold_period(g)
                    else f" period {e.attributes['period']} vs {_gold_period(g)}"
                )
                if args.verbose or date_note or period_note:
                    lines.append(
                        f"  ok   price {g['listing']} {g['change_pct']} date={e.date}{date_note}{period_note}"
                    )
            for i, e in enumerate(preds):
                if i not in used:
                    totals["price"][2] += 1
                    a = e.attributes
                    lines.append(
                        f"  SPUR price {a['listing']} {a['change_pct']} {a['period']} {e.date} | {e.evidence.text[:110]}"
                    )
            # index moves
            preds = [e for e in events if e.type == "index_move"]
            used = set()
            for g in doc.get("index_moves", []):
                hit = next(
                    (
                        i
                        for i, e in enumerate(preds)
                        if i not in used
                        and e.attributes["index"] == g["index"]
                        and e.attributes["direction"] == g["direction"]
                        and _close(abs(e.attributes["change_pct"] or 0), g["change_pct"])
                    ),
                    None,
                )
                if hit is None:
                    totals["index"][1] += 1
                    lines.append(
                        f"  MISS index {g['index']} {g['direction']} {g['change_pct']} | {g.get('evidence', '')[:90]}"
                    )
                    continue
                used.add(hit)
                totals["index"][0] += 1
                e = preds[hit]
                if e.date is not None and g.get("date") and str(e.date) != g["date"]:
                    wrong_dates += 1
                    lines.append(f"  ok   index {g['index']} WRONG-DATE {e.date} vs {g['date']}")
            for i, e in enumerate(preds):
                if i not in used:
                    totals["index"][2] += 1
                    lines.append(
                        f"  SPUR index {e.attributes['index']} {e.attributes['change_pct']} | {e.evidence.text[:110]}"
                    )
            # metrics
            preds = [e for e in events if e.type == "financial_metric"]
            used = set()
            for g in doc.get("metrics", []):

                def match(e: Event) -> bool:
                    a = e.attributes
                    if g["listing"] not in _tickers(e, reference) or a["metric"] != g["metric"]:
                        return False
                    if g.get("value") is not None and not _close(a.get("value"), g["value"]):
                        return False
                    if g.get("change_pct") is not None and not _close(
                        a.get("change_pct"), g["change_pct"]
                    ):
                        return False
                    return g.get("value") is not None or g.get("change_pct") is not None

                hit = next((i for i, e in enumerate(preds) if i not in used and match(e)), None)
                if hit is None:
                    totals["metric"][1] += 1
                    lines.append(
                        f"  MISS metric {g['listing']} {g['metric']} seg={g.get('segment')} v={g.get('value')} chg={g.get('change_pct')} est={g.get('is_estimate', g.get('estimate'))} | {g.get('evidence', '')[:80]}"
                    )
                    continue
                used.add(hit)
                totals["metric"][0] += 1
                a = preds[hit].attributes
                notes = []
                if (a.get("segment") or None) != (g.get("segment") or None):
                    notes.append(f"segment {a.get('segment')} vs {g.get('segment')}")
                if bool(a.get("is_estimate")) != bool(
                    g.get("is_estimate", g.get("estimate", False))
                ):
                    notes.append(f"estimate {a.get('is_estimate')}")
                if g.get("period_end") and str(a.get("period_end")) != g["period_end"]:
                    notes.append(f"period_end {a.get('period_end')} vs {g['period_end']}")
                if notes or args.verbose:
                    lines.append(f"  ok   metric {g['listing']} {g['metric']} {'; '.join(notes)}")
            for i, e in enumerate(preds):
                if i not in used:
                    totals["metric"][2] += 1
                    a = e.attributes
                    lines.append(
                        f"  SPUR metric {sorted(_tickers(e, reference))} {a['metric']} seg={a.get('segment')} v={a.get('value')} {a.get('currency')} chg={a.get('change_pct')} est={a.get('is_estimate')} | {e.evidence.text[:90]}"
                    )
            print(f"- {Path(doc['doc']).name} ({doc.get('published')})")
            for line in lines:
                print(line)
    print("=== totals (found / missed / spurious; precision, recall)")
    for kind, (found, missed, spurious) in totals.items():
        precision = found / (found + spurious) if found + spurious else 1.0
        recall = found / (found + missed) if found + missed else 1.0
        print(f"{kind:7s} {found:4d} {missed:4d} {spurious:4d}   P={precision:.2f} R={recall:.2f}")
    print(f"dates wrong or not in gold: {wrong_dates}")


if __name__ == "__main__":
    main()
