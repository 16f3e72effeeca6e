"""Development aid: run the extractor over the Reuters-21578 earnings briefs and print what
comes out, one block per story (the companies of 1987 are not in any reference list, so each
story's headline company is made its main company here, with its name as alias).

    PYTHONPATH=src python benchmarks/reuters_earn.py [--limit N] [--quiet]
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import re
from pathlib import Path

from tickerwire.clean import clean_document
from tickerwire.extract import extract_events
from tickerwire.link.reference import Listing, ReferenceData, ReferenceEntity
from tickerwire.records import Entity, LinkedDocument, Mention, RawDocument

SGM = Path("/work/shared/eval-data/reuters21578-subset/reut2-000.sgm")
_STORY = re.compile(r"<REUTERS.*?</REUTERS>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_DATE = re.compile(r"<DATE>\s*(\d+-\w+-\d{4})")
_HEAD = re.compile(r"^(?P<name>.+?)\s*<(?P<ticker>[A-Z.]+)>")
_SUFFIX = re.compile(r"\s+(?:INC|CORP|CO|LTD|PLC|CORPORATION|COMPANY|GROUP)\.?$")


def stories() -> list[tuple[str, str, dt.date | None]]:
    found = []
    for raw in _STORY.findall(SGM.read_text(encoding="latin-1")):
        if "<TOPICS><D>earn</D>" not in raw:
            continue
        title, body = _TITLE.search(raw), _BODY.search(raw)
        if not title or not body:
            continue
        date = _DATE.search(raw)
        published = dt.datetime.strptime(date.group(1), "%d-%b-%Y").date() if date else None
        text = (
            html.unescape(title.group(1))
            + "\n"
            + html.unescape(body.group(1)).replace(" Reuter\n", "")
        )
        found.append((html.unescape(title.group(1)), text, published))
    return found


def link(text: str, title: str, published: dt.date | None) -> tuple[LinkedDocument, ReferenceData]:
    clean = clean_document(RawDocument(origin="reuters", text=text, published=published))
    head = _HEAD.match(title)
    if head is None:
        return LinkedDocument(doc=clean), ReferenceData()
    name = _SUFFIX.sub("", head.group("name").strip()).title()
    ticker = head.group("ticker")
    entity = ReferenceEntity(
        "co", name, "company", (name,), (Listing(ticker, "XNYS", "USD", "US", True),)
    )
    reference = ReferenceData.from_entities([entity])
    mentions = [
        Mention("co", m.start(), m.end(), m.group(0))
        for m in re.finditer(re.escape(name.split()[0]), clean.text, re.I)
    ]
    entities = [
        Entity(
            id="co",
            name=name,
            type="company",
            tickers=[ticker],
            mentions=len(mentions),
            relevance=1.0,
        )
    ]
    return LinkedDocument(doc=clean, mentions=mentions, entities=entities), reference


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args()
    counts: dict[str, int] = {}
    docs = stories()[: args.limit or None]
    for title, text, published in docs:
        linked, reference = link(text, title, published)
        events = extract_events(linked, reference)
        for e in events:
            counts[e.type] = counts.get(e.type, 0) + 1
        if args.quiet:
            continue
        print(f"## {title} ({published})")
        for e in events:
            a = e.attributes
            if e.type == "financial_metric":
                print(
                    f"   {a['metric']:24s} {a['value']} {a['currency']} chg={a['change_pct']} "
                    f"period={a['period']} est={a['is_estimate']} | {e.evidence.text[:70]!r}"
                )
            else:
                print(f"   {e.type} {a} | {e.evidence.text[:70]!r}")
    print(f"{len(docs)} earnings stories: {counts}")


if __name__ == "__main__":
    main()
