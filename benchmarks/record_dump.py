"""Write the Article record of every FNSPID article, seed and Reuters-21578 story, one per line.

    PYTHONHASHSEED=0 PYTHONPATH=src python benchmarks/record_dump.py OUT.jsonl

For changes meant to keep the output (speed-ups, refactors): dump before and after, then
`cmp` the two files. Fix PYTHONHASHSEED: an output that depends on set order shows up as a
difference between seeds, not between versions.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import sys
from pathlib import Path

from tickerwire.ingest import read_inputs
from tickerwire.pipeline import Pipeline
from tickerwire.records import RawDocument, ReadError

SHARED = Path("/work/shared")
FOLDERS = (SHARED / "eval-data/fnspid-sample/articles", SHARED / "corpus/seeds")
SGM = SHARED / "eval-data/reuters21578-subset/reut2-000.sgm"
_STORY = re.compile(r"<REUTERS.*?</REUTERS>", re.S)
_TITLE = re.compile(r"<TITLE>(.*?)</TITLE>", re.S)
_BODY = re.compile(r"<BODY>(.*?)</BODY>", re.S)
_TEXT = re.compile(r"<TEXT[^>]*>(.*?)</TEXT>", re.S)  # the stories without a BODY
_DATE = re.compile(r"<DATE>\s*(\d+-\w+-\d{4})")


def reuters_stories() -> list[RawDocument]:
    """Every story of the SGML file, with its title and date."""
    docs = []
    for number, raw in enumerate(_STORY.findall(SGM.read_text(encoding="latin-1"))):
        body = _BODY.search(raw) or _TEXT.search(raw)
        if not body:
            continue
        title = _TITLE.search(raw)
        date = _DATE.search(raw)
        docs.append(
            RawDocument(
                origin=f"reuters#{number}",
                text=html.unescape(body.group(1)),
                title=html.unescape(title.group(1)) if title else None,
                published=dt.datetime.strptime(date.group(1), "%d-%b-%Y").date() if date else None,
            )
        )
    return docs


def main() -> None:
    pipeline = Pipeline()
    lines = []
    for item in [*read_inputs(FOLDERS), *reuters_stories()]:
        if isinstance(item, ReadError):
            lines.append(f"ERROR {item.origin} {item.reason}")
        else:
            lines.append(item.origin + "\t" + pipeline.process(item).model_dump_json())
    Path(sys.argv[1]).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} records")


if __name__ == "__main__":
    main()
