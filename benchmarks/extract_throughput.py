"""Throughput and peak memory of the whole article pipeline, in one process (one core).

    python benchmarks/extract_throughput.py [--count N] [--format text|html|both]
                                            [--articles DIR] [--tracemalloc N] [--profile]

Input: the FNSPID sample articles (`../shared/eval-data/fnspid-sample/articles/*.txt`, about
4.7 KB each) repeated to `--count` documents (at least 10,000 by default). For HTML, each article
is wrapped at run time in a generated page with a header, a navigation menu, a newsletter box,
paragraphs and a footer. Nothing generated is written to disk. When the shared folder is absent,
synthetic articles are generated instead (and the output says so).

Target (README, BRIEF): 200 text articles per second per core, all stages together.
Peak memory is the process's maximum resident set (`ru_maxrss`); `--tracemalloc N` also traces
Python allocations over N extra documents (slow, so kept apart from the timed run).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import html
import io
import json
import pstats
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# Measure this checkout's code, whatever tickerwire the interpreter has installed.
sys.path.insert(0, str(REPO_ROOT / "src"))

from tickerwire.pipeline import Pipeline, freeze_long_lived  # noqa: E402
from tickerwire.records import RawDocument  # noqa: E402

TARGET_TEXT_PER_SECOND = 200
DEFAULT_COUNT = 10_000
# Untimed documents first, so one-off costs (lazy regex compilation, caches, trading calendars
# built per exchange and year on first use) are not counted as throughput: one pass over the
# distinct articles (the documents cycle through them). On the 143 FNSPID articles a first pass
# cost 38 ms of CPU per article and a second 8 ms, so a warm-up of part of them (50, earlier)
# left first-use costs in the timed run.
FNSPID = Path("eval-data") / "fnspid-sample" / "articles"


@dataclass(frozen=True)
class Sample:
    text: str
    published: dt.date | None


# ---------------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------------


def find_fnspid(explicit: str | None) -> Path | None:
    """The FNSPID articles folder: given, or under ../shared (beside this checkout or main's)."""
    if explicit:
        return Path(explicit)
    roots = [REPO_ROOT.parent / "shared"]
    try:
        common = subprocess.run(
            ["git", "-C", str(REPO_ROOT), "rev-parse", "--path-format=absolute",
             "--git-common-dir"],
            capture_output=True, text=True, check=False,
        ).stdout.strip()  # fmt: skip
    except OSError:
        common = ""
    if common:
        roots.append(Path(common).parent.parent / "shared")
    for root in roots:
        if (root / FNSPID).is_dir():
            return root / FNSPID
    return None


def load_fnspid(folder: Path) -> list[Sample]:
    samples = []
    for path in sorted(folder.glob("*.txt")):
        published = None
        sidecar = path.with_suffix(".json")
        if sidecar.is_file():
            raw = json.loads(sidecar.read_text(encoding="utf-8")).get("published") or ""
            try:
                published = dt.date.fromisoformat(raw[:10])
            except ValueError:
                published = None
        samples.append(Sample(path.read_text(encoding="utf-8"), published))
    return samples


_COMPANIES = [
    ("Northwind Systems", "NWSY"),
    ("Harbourline Tech", "HBLT"),
    ("Kestrel Motors", "KSTL"),
    ("Bluefin Foods", "BLFN"),
    ("Orchard Lane Software", "ORLN"),
]
_VERBS_UP = ["rose", "climbed", "jumped", "gained", "advanced"]
_VERBS_DOWN = ["fell", "slid", "dropped", "declined", "lost"]


def synthetic_samples(count: int = 150, seed: int = 7) -> list[Sample]:
    """News-like articles of about 4 KB, generated (no shared data needed)."""
    rng = random.Random(seed)
    samples = []
    for i in range(count):
        day = dt.date(2024, 1, 2) + dt.timedelta(days=rng.randrange(300))
        paragraphs = []
        for _ in range(14):
            name, ticker = rng.choice(_COMPANIES)
            up = rng.random() < 0.5
            verb = rng.choice(_VERBS_UP if up else _VERBS_DOWN)
            pct = round(rng.uniform(0.2, 15), 1)
            revenue = round(rng.uniform(1, 90), 1)
            paragraphs.append(
                f"Shares of {name} ({ticker}) {verb} {pct}% on {day:%A} after the company said "
                f"quarterly revenue reached ${revenue} billion, compared with analyst estimates "
                f"of ${round(revenue * rng.uniform(0.9, 1.1), 1)} billion. Executives told "
                "investors on a call that demand had held up better than they had feared."
            )
        samples.append(Sample(f"Market report {i}\n" + "\n".join(paragraphs), day))
    return samples


def html_page(sample: Sample, number: int) -> str:
    """A generated news page around the article: header, menu, newsletter box, footer."""
    lines = [line.strip() for line in sample.text.splitlines() if line.strip()]
    title = html.escape(lines[0] if lines else f"Article {number}")
    body = "\n".join(f"<p>{html.escape(line)}</p>" for line in lines[1:])
    published = (
        f'<meta property="article:published_time" content="{sample.published}">'
        if sample.published
        else ""
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Bench Wire</title>{published}</head>
<body>
<header><a href="/">Bench Wire</a>
<nav><ul><li><a href="/markets">Markets</a></li><li><a href="/tech">Tech</a></li>
<li><a href="/opinion">Opinion</a></li><li><a href="/login">Sign in</a></li></ul></nav></header>
<main><article><h1>{title}</h1>
{body}
<aside class="newsletter"><h2>Markets in your inbox</h2><p>Sign up for the morning briefing.</p>
<form><input type="email"><button>Subscribe</button></form></aside>
</article></main>
<footer><p>&copy; Bench Wire. All rights reserved.</p>
<ul><li><a href="/terms">Terms</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
</body></html>"""


def documents(samples: Sequence[Sample], count: int, kind: str) -> list[RawDocument]:
    """`count` raw documents cycling over `samples` (pages built once per sample, then shared)."""
    if kind == "html":
        made = [
            RawDocument(origin=f"bench-{i}.html", html=html_page(s, i), published=s.published)
            for i, s in enumerate(samples)
        ]
    else:
        made = [
            RawDocument(origin=f"bench-{i}.txt", text=s.text, published=s.published)
            for i, s in enumerate(samples)
        ]
    return [made[i % len(made)] for i in range(count)]


# ---------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    kind: str
    count: int
    seconds: float
    cpu_seconds: float
    input_bytes: int
    events: int
    entities: int

    @property
    def per_second(self) -> float:
        return self.count / self.seconds if self.seconds else float("inf")

    @property
    def per_cpu_second(self) -> float:
        """Articles per second of this process's CPU time: the per-core rate, even when other
        processes share the core (wall-clock time then counts their turns too)."""
        return self.count / self.cpu_seconds if self.cpu_seconds else float("inf")


def run(pipeline: Pipeline, docs: Sequence[RawDocument], kind: str, warm_up: int) -> Run:
    for doc in docs[:warm_up]:
        pipeline.process(doc)
    freeze_long_lived()  # as `tickerwire extract` does after its first article
    events = entities = size = 0
    wall, cpu = time.perf_counter(), time.process_time()
    for doc in docs:
        article = pipeline.process(doc)
        events += len(article.events)
        entities += len(article.entities)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    size = sum(len((d.text or d.html or "").encode("utf-8")) for d in docs)
    return Run(kind, len(docs), wall, cpu, size, events, entities)


def traced_peak(pipeline: Pipeline, docs: Sequence[RawDocument]) -> int:
    tracemalloc.start()
    for doc in docs:
        pipeline.process(doc)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def profile(pipeline: Pipeline, docs: Sequence[RawDocument], lines: int = 15) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for doc in docs:
        pipeline.process(doc)
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(lines)
    return out.getvalue()


def describe(result: Run) -> str:
    ms = 1000 * result.cpu_seconds / result.count
    cpu = result.cpu_seconds or float("inf")
    mb_per_s = result.input_bytes / cpu / 1e6
    verdict = ""
    if result.kind == "text":
        met = result.per_cpu_second >= TARGET_TEXT_PER_SECOND
        verdict = f"; target {TARGET_TEXT_PER_SECOND}/s per core {'met' if met else 'NOT met'}"
    return (
        f"{result.kind:<5} {result.count:,} articles: {result.per_cpu_second:,.0f} articles/s"
        f" per core (CPU {result.cpu_seconds:.2f} s, {ms:.2f} ms/article, {mb_per_s:.1f} MB/s)"
        f"{verdict}\n"
        f"      wall clock {result.seconds:.2f} s: {result.per_second:,.0f} articles/s"
        " (lower when other processes share the core)\n"
        f"      found {result.events:,} events and {result.entities:,} entities"
        f" ({result.events / result.count:.1f} and {result.entities / result.count:.1f}"
        " per article)"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=DEFAULT_COUNT, help="documents per format")
    parser.add_argument("--format", choices=("text", "html", "both"), default="both")
    parser.add_argument("--articles", help="folder of .txt articles (default: FNSPID sample)")
    parser.add_argument(
        "--tracemalloc", type=int, default=0, metavar="N",
        help="also trace Python allocations over N documents per format (slow)",
    )  # fmt: skip
    parser.add_argument("--profile", action="store_true", help="cProfile 1,000 text documents")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")

    folder = find_fnspid(args.articles)
    if folder is not None and any(folder.glob("*.txt")):
        samples = load_fnspid(folder)
        origin = f"{len(samples)} articles from {folder}"
    else:
        samples = synthetic_samples()
        origin = f"{len(samples)} SYNTHETIC articles (shared FNSPID sample not found)"
    mean_kb = sum(len(s.text.encode("utf-8")) for s in samples) / len(samples) / 1000

    print("tickerwire pipeline throughput (one process, one core)")
    print(f"python {sys.version.split()[0]}; input: {origin}, mean {mean_kb:.1f} KB of text,")
    print(f"repeated to {args.count:,} documents per format, after one untimed pass over them")
    started = time.perf_counter()
    pipeline = Pipeline()
    print(f"pipeline build (reference data): {time.perf_counter() - started:.3f} s")

    kinds = ("text", "html") if args.format == "both" else (args.format,)
    for kind in kinds:
        docs = documents(samples, args.count, kind)
        print(describe(run(pipeline, docs, kind, warm_up=len(samples))))
        if args.tracemalloc:
            peak = traced_peak(pipeline, docs[: args.tracemalloc])
            traced = f"{args.tracemalloc:,} documents"
            print(f"      tracemalloc peak over {traced}: {peak / 1e6:.1f} MB")

    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 if sys.platform == "darwin" else 1024
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale
    print(f"peak resident memory (ru_maxrss): {peak_rss / 1e6:.1f} MB")
    if args.profile:
        print(profile(pipeline, documents(samples, 1000, "text")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
