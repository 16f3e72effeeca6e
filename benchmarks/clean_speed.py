"""Per-page cost of the clean stage, on plain text and on HTML pages.

Text: the FNSPID sample articles when present (real pages with their furniture), else generated
pages. HTML: generated news pages of about 5 KB and 40 KB (menus, sidebars, footer, newsletter box).

    PYTHONPATH=src python benchmarks/clean_speed.py [--articles DIR] [--repeat 3]
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from tickerwire.clean import clean_document
from tickerwire.records import RawDocument

SENTENCES = [
    "Shares of Acme Robotics rose 7% on Tuesday after the company raised its annual outlook.",
    "The warehouse automation maker now expects revenue of $1.2 billion to $1.3 billion.",
    "Analysts at Example Securities lifted their price target to $48 from $42.",
    "Chief executive Maria Lopez said orders from logistics customers picked up in Europe.",
    "The stock has gained 31% this year, outpacing the broader industrial sector.",
    "Rival Beta Machines reported flat sales and said pricing pressure would persist.",
    "Investors will watch the company's investor day next month for margin targets.",
    "The Nasdaq Composite closed 0.8% higher, led by chipmakers and software groups.",
]
FURNITURE_TEXT = [
    "Example Ledger",
    "Home | Markets | Tech | Opinion",
    "By Jane Roe",
    "Photo: Example Agency",
    "Get the Morning Brief newsletter delivered to your inbox",
    "Subscribe",
    "Disclaimer: This article is not investment advice.",
]


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(rng.choice(SENTENCES) for _ in range(sentences))


def text_page(rng: random.Random, paragraphs: int) -> str:
    body = [paragraph(rng, rng.randint(2, 4)) for _ in range(paragraphs)]
    return "\n".join([*FURNITURE_TEXT[:3], *body, *FURNITURE_TEXT[3:]])


def html_page(rng: random.Random, paragraphs: int, sidebar_links: int) -> str:
    body = "".join(f"<p>{paragraph(rng, rng.randint(2, 4))}</p>" for _ in range(paragraphs))
    links = "".join(
        f'<li><a href="/s/{i}">{rng.choice(SENTENCES)}</a></li>' for i in range(sidebar_links)
    )
    return (
        "<!DOCTYPE html><html><head><title>Acme Robotics climbs | Example Ledger</title>"
        '<meta property="og:site_name" content="Example Ledger">'
        '<meta property="article:published_time" content="2024-03-05T14:20:00Z"></head><body>'
        '<header><nav><a href="/">Home</a> <a href="/m">Markets</a></nav></header>'
        "<main><article><h1>Acme Robotics climbs after outlook</h1><p>By Jane Roe</p>"
        f"{body}<p>Photo: Example Agency</p><div><h3>Get the Morning Brief newsletter</h3>"
        "<p>By signing up you agree to our terms.</p></div></article></main>"
        f"<aside><h3>Most read</h3><ul>{links}</ul></aside>"
        "<footer><p>Advertise with Us</p><p>© 2024 Example Ledger</p></footer></body></html>"
    )


def measure(docs: list[RawDocument], repeat: int) -> tuple[float, float]:
    """Median and worst milliseconds per document over `repeat` passes."""
    per_doc: list[float] = []
    for _ in range(repeat):
        for doc in docs:
            start = time.perf_counter()
            clean_document(doc)
            per_doc.append((time.perf_counter() - start) * 1000)
    return statistics.median(per_doc), max(per_doc)


def report(
    name: str, docs: list[RawDocument], repeat: int, size: Callable[[RawDocument], int]
) -> None:
    clean_document(docs[0])  # build compiled rules and import trafilatura outside the timing
    median, worst = measure(docs, repeat)
    mean_kb = sum(size(d) for d in docs) / len(docs) / 1000
    print(
        f"{name:24} docs={len(docs):4d} mean={mean_kb:5.1f} KB  "
        f"median={median:6.2f} ms/page  max={worst:6.1f} ms"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--articles", type=Path, default=Path("/work/shared/eval-data/fnspid-sample/articles")
    )
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(7)
    text_size: Callable[[RawDocument], int] = lambda d: len((d.text or "").encode())  # noqa: E731
    html_size: Callable[[RawDocument], int] = lambda d: len((d.html or "").encode())  # noqa: E731
    if args.articles.is_dir():
        real = [
            RawDocument(origin=str(p), text=p.read_text(encoding="utf-8"))
            for p in sorted(args.articles.glob("*.txt"))
        ]
        report("text: FNSPID sample", real, args.repeat, text_size)
    generated = [RawDocument(origin=f"g{i}", text=text_page(rng, 8)) for i in range(100)]
    report("text: generated", generated, args.repeat, text_size)
    small = [RawDocument(origin=f"h{i}", html=html_page(rng, 8, 10)) for i in range(50)]
    report("html: generated ~5 KB", small, args.repeat, html_size)
    large = [RawDocument(origin=f"H{i}", html=html_page(rng, 60, 120)) for i in range(20)]
    report("html: generated ~40 KB", large, args.repeat, html_size)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
