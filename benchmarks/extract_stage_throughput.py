"""Time the extract stage alone over the FNSPID sample (linking done beforehand, not timed).

    PYTHONPATH=src python benchmarks/extract_stage_throughput.py [--rounds 3]

(The whole pipeline, as `make bench` runs it, is benchmarks/extract_throughput.py.)

Prints articles/second, mean ms per article and ms per 4 KB of text. The first pass warms the
caches (trading calendars are built on first use) and is not counted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from dev_reference import dev_link, dev_reference

from tickerwire.extract import extract_events
from tickerwire.link import link_document, load_reference
from tickerwire.records import CleanDocument

ARTICLES = Path("/work/shared/eval-data/fnspid-sample/articles")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--linker", choices=("dev", "real"), default="real")
    args = parser.parse_args()
    reference = load_reference() if args.linker == "real" else dev_reference()
    linked = []
    for path in sorted(ARTICLES.glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text())
        published = dt.date.fromisoformat(meta["published"][:10]) if meta.get("published") else None
        doc = CleanDocument(
            origin=path.name, text=path.read_text(encoding="utf-8"), published=published
        )
        linked.append(
            link_document(doc, reference) if args.linker == "real" else dev_link(doc, reference)
        )
    chars = sum(len(d.doc.text) for d in linked)
    events = sum(len(extract_events(d, reference)) for d in linked)  # warm-up pass
    best = float("inf")
    for _ in range(args.rounds):
        start = time.process_time()
        for d in linked:
            extract_events(d, reference)
        best = min(best, time.process_time() - start)
    per_article = best / len(linked) * 1000
    per_4kb = best / (chars / 4096) * 1000
    print(f"{len(linked)} articles, {chars / len(linked):.0f} chars on average, {events} events")
    print(
        f"extract stage: {len(linked) / best:.0f} articles/s, {per_article:.2f} ms/article, "
        f"{per_4kb:.2f} ms per 4 KB (best of {args.rounds})"
    )


if __name__ == "__main__":
    main()
