"""Development aid: print each sentence's changes and resolved topics for one article."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from dev_reference import dev_link, dev_reference

from tickerwire.clean import clean_document
from tickerwire.extract import extract_events
from tickerwire.extract.changes import find_changes
from tickerwire.extract.document import build_context
from tickerwire.extract.subject_scan import sentence_terms
from tickerwire.extract.subjects import TopicResolver
from tickerwire.records import RawDocument


def main() -> None:
    path = Path(sys.argv[1])
    published = dt.date.fromisoformat(sys.argv[2]) if len(sys.argv) > 2 and sys.argv[2] else None
    needle = sys.argv[3] if len(sys.argv) > 3 else ""
    raw = RawDocument(origin=str(path), text=path.read_text(encoding="utf-8"), published=published)
    reference = dev_reference()
    linked = dev_link(clean_document(raw), reference)
    ctx = build_context(linked, reference)
    print("main company:", ctx.main_company)
    for sentence in ctx.sentences:
        if needle not in sentence.text:
            continue
        qs = ctx.quantities_in(sentence.start, sentence.end)
        percents = [q for q in qs if q.kind == "percent" and not q.is_conversion]
        if not qs:
            continue
        changes = find_changes(ctx.text, ctx.tokens(sentence), sentence, percents)
        terms = sentence_terms(ctx, sentence)
        topics = TopicResolver(ctx, sentence).resolve(changes) if changes else []
        print("\n>>", sentence.text[:300])
        print("   quantities:", [(q.kind, q.value, q.currency) for q in qs])
        print("   terms:", [(t.kind, ctx.text[t.start : t.end]) for t in terms])
        for c, t in zip(changes, topics, strict=True):
            trigger = ctx.text[c.trigger_start : c.trigger_end]
            owners = [o.entity_id for o in t.owners]
            print(f"   change {c.quantity.text!r} {c.direction} {c.kind} trig={trigger!r}")
            print(f"      head={c.head} hedged={c.hedged} -> {t.kind} {owners} {t.metric}")
    for e in extract_events(linked, reference):
        print(e.type, e.entity, e.date, e.date_text, e.confidence, e.attributes)


if __name__ == "__main__":
    main()
