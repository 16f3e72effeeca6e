"""Accuracy floors in CI (`make eval`): score this checkout against the gold files in ../shared.

Runs `tickerwire eval` on `corpus/gold/seeds.gold.json` and `corpus/gold/fnspid-dev.gold.json`
with `eval/floors.json`, then `eval/check_seed_stories.py` (stories and conflicts the seeds must
give), and exits 1 when a figure is under its floor, when a document cannot be
read, or when the floors file loosens a floor that an earlier commit set (floors only go up,
ceilings on error counts only go down). When the shared folder is absent (it is not shipped with
the project) it prints why it skipped and exits 0.

The shared folder is `../shared` beside the repository root; in a git worktree, `../shared`
beside the main checkout is tried too. `--shared DIR` names it outright.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
FLOORS = REPO_ROOT / "eval" / "floors.json"
LOWERED = REPO_ROOT / "eval" / "lowered.json"
GOLD_FILES = ("seeds.gold.json", "fnspid-dev.gold.json")

# Score this checkout's code, whatever tickerwire the interpreter has installed.
sys.path.insert(0, str(REPO_ROOT / "src"))
sys.path.insert(0, str(REPO_ROOT / "eval"))

from tickerwire.cli import main as tickerwire_main  # noqa: E402
from tickerwire.errors import UsageError  # noqa: E402
from tickerwire.evaluation import lowered_floors  # noqa: E402
from tickerwire.evaluation.floors import Floors, load_floors, parse_floors  # noqa: E402


def _git(*args: str) -> str | None:
    try:
        done = subprocess.run(
            ["git", "-C", str(REPO_ROOT), *args], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def find_shared(explicit: str | None) -> Path | None:
    """The shared folder holding corpus/gold, or None when it is not there."""
    if explicit:
        return Path(explicit)
    candidates = [REPO_ROOT.parent / "shared"]
    common = _git("rev-parse", "--path-format=absolute", "--git-common-dir")
    if common:
        candidates.append(Path(common).parent.parent / "shared")
    for candidate in candidates:
        if (candidate / "corpus" / "gold").is_dir():
            return candidate
    return None


def committed_floors() -> dict[str, Floors]:
    """Floors as committed at the revisions a change is measured against (those that exist).

    HEAD catches an uncommitted edit; HEAD^1 what the last commit or merge changed; the merge base
    with `main` what a branch changed in all.
    """
    revisions = {"HEAD": "HEAD", "HEAD^1": "HEAD^1"}
    base = _git("merge-base", "HEAD", "main")
    if base:
        revisions["merge-base with main"] = base
    found: dict[str, Floors] = {}
    relative = FLOORS.relative_to(REPO_ROOT).as_posix()
    for label, revision in revisions.items():
        text = _git("show", f"{revision}:{relative}")
        if text is None:
            continue
        try:
            found[label] = parse_floors(json.loads(text), f"{label}:{relative}")
        except (json.JSONDecodeError, UsageError):
            continue  # an older malformed file sets no floor
    return found


def recorded_lowerings() -> set[str]:
    """Lowerings written down, with their reason, in eval/lowered.json.

    A floor never goes down silently: the one way past this check is an entry naming the gold
    file, the figure, both values and why, reviewed like any other change. Each entry matches one
    exact `lowered_floors` message, so a later, further lowering needs an entry of its own.
    """
    if not LOWERED.is_file():
        return set()
    entries = json.loads(LOWERED.read_text(encoding="utf-8"))
    return {
        f"{e['gold']}: floor {e['figure']} lowered {e['from']:g} -> {e['to']:g}"
        for e in entries
        if e.get("why")
    }


def check_not_lowered(current: Floors) -> list[str]:
    allowed = recorded_lowerings()
    problems = []
    for label, old in committed_floors().items():
        problems += [
            f"{problem} (vs {label})"
            for problem in lowered_floors(old, current)
            if problem not in allowed
        ]
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", help="the shared folder (default: ../shared)")
    parser.add_argument("--floors", default=str(FLOORS), help="floors file")
    parser.add_argument("--verbose", "-v", action="store_true", help="per-document details")
    args = parser.parse_args(argv)

    shared = find_shared(args.shared)
    if shared is None:
        print("eval: ../shared/corpus/gold not found; accuracy floors skipped")
        return 0

    current = load_floors(args.floors)
    lowered = check_not_lowered(current) if Path(args.floors) == FLOORS else []
    for problem in lowered:
        print(f"eval: floors may only go up: {problem}", file=sys.stderr)

    statuses = []
    for name in GOLD_FILES:
        gold = shared / "corpus" / "gold" / name
        if not gold.is_file():
            print(f"eval: {gold} not found; skipped")
            continue
        command = ["eval", str(gold), "--corpus", str(shared / "corpus"), "--floors", args.floors]
        statuses.append(tickerwire_main(command + (["--verbose"] if args.verbose else [])))
        print()

    # What the corpus must show on the seeds (stories and cross-source conflicts).
    from check_seed_stories import run_check

    statuses.append(run_check(shared))
    print()

    # Claims against prices (issue 5): the seeds' moves verified, dated and explained.
    from check_verification import main as check_verification

    statuses.append(check_verification(["--shared", str(shared)]))
    print()

    failed = any(statuses) or bool(lowered)
    print(
        "eval: FAILED"
        if failed
        else f"eval: {len(statuses) - 2} gold files, the seed stories and the price checks pass"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
