"""Check the clean stage against the gold `boilerplate` and `off_topic` strings.

For each gold document: gold strings still present in the clean text (should be none), and the
removed pieces that match no gold string ("unconfirmed": read them; each should be something a
reader agrees is not article). Duplicates must still have their content in the text or title.

    PYTHONPATH=src python benchmarks/clean_gold.py [--corpus /work/shared/corpus] [-v]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from tickerwire.clean import clean_document
from tickerwire.records import CleanDocument, RawDocument


def squash(text: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})
    return " ".join(text.translate(table).split()).casefold()


def load_raw(path: Path) -> RawDocument:
    """A .txt page with its seed `.meta.json` or FNSPID `.json` sidecar (published date only)."""
    meta: dict = {}
    for sidecar in (path.with_suffix(".meta.json"), path.with_suffix(".json")):
        if sidecar.exists():
            meta = json.loads(sidecar.read_text(encoding="utf-8"))
            break
    published = meta.get("published")
    return RawDocument(
        origin=str(path),
        text=path.read_text(encoding="utf-8"),
        title=meta.get("title"),
        source=meta.get("source") if path.suffix == ".txt" and "seeds" in str(path) else None,
        published=dt.date.fromisoformat(published[:10]) if published else None,
    )


def check(doc: CleanDocument, gold: dict) -> tuple[list[str], list[str], list[str]]:
    text = squash(doc.text)
    wanted = [g for key in ("boilerplate", "off_topic") for g in gold.get(key, [])]
    present = [g for g in wanted if squash(g) in text]
    unconfirmed: list[str] = []
    lost_duplicates: list[str] = []
    kept = squash(doc.text + "\n" + (doc.title or ""))
    for piece in doc.removed:
        body = squash(piece.text)
        if piece.kind == "duplicate":
            head = body[: max(20, len(body) - 3)]
            if head not in kept:
                lost_duplicates.append(piece.text)
            continue
        if not any(squash(g) in body or body in squash(g) for g in wanted):
            unconfirmed.append(f"{piece.kind}: {piece.text}")
    return present, unconfirmed, lost_duplicates


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=Path("/work/shared/corpus"))
    parser.add_argument("-v", "--verbose", action="store_true", help="print unconfirmed removals")
    args = parser.parse_args()
    golds = []
    for name in ("seeds.gold.json", "fnspid-dev.gold.json"):
        golds.extend(json.loads((args.corpus / "gold" / name).read_text(encoding="utf-8")))
    total_present = total_unconfirmed = total_lost = 0
    for gold in golds:
        path = (args.corpus / gold["doc"]).resolve()
        doc = clean_document(load_raw(path))
        present, unconfirmed, lost = check(doc, gold)
        chars = sum(len(u) for u in unconfirmed)
        total_present += len(present)
        total_unconfirmed += chars
        total_lost += len(lost)
        print(
            f"{path.name:32} gold-still-present={len(present):2d} "
            f"removed={len(doc.removed):3d} unconfirmed-chars={chars:5d} lost-dups={len(lost)}"
        )
        for g in present:
            print(f"    PRESENT: {g[:100]}")
        for d in lost:
            print(f"    LOST DUPLICATE: {d[:100]}")
        if args.verbose:
            for u in unconfirmed:
                print(f"    unconfirmed {u[:140]!r}")
    print(
        f"TOTAL docs={len(golds)} gold-still-present={total_present} "
        f"unconfirmed-chars={total_unconfirmed} lost-dups={total_lost}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
