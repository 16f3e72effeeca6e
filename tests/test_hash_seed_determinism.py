"""The records do not depend on Python's string-hash seed.

Set iteration order changes with PYTHONHASHSEED; a stage that lets it choose between candidates
gives different records from one run to the next (this happened once, with event cues tried in
set order). Two fresh interpreters with different seeds must print the same records.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "articles"
# One sentence that two event finders read at the same start (a stake bought is a stake change
# and an acquisition): the order of the two events once depended on the hash seed.
TIED_EVENTS = (
    "Harlow Industries Inc said two of its units have acquired a 6.4 pct stake in Penfold "
    "Corp, a maker of pumps controlled by investor Dana Rook.\n\n"
    "Harlow said it may raise the stake later this year.\n"
)


def _extract_with_seed(seed: str, *paths: Path) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    result = subprocess.run(
        [sys.executable, "-m", "tickerwire.cli", "extract", *map(str, paths)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=120,
    )
    return result.stdout


def test_records_are_the_same_under_two_hash_seeds(tmp_path: Path) -> None:
    tied = tmp_path / "harlow_stake.txt"
    tied.write_text(TIED_EVENTS, encoding="utf-8")
    first = _extract_with_seed("1", EXAMPLES, tied)
    second = _extract_with_seed("7", EXAMPLES, tied)
    assert first.count("\n") >= 6  # every example article and the fixture gave a record
    assert '"type":"stake_change"' in first and '"type":"acquisition"' in first
    assert first == second
