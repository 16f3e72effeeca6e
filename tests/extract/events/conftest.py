"""The event tests share the alias linker of tests/extract/extract_helpers.py."""

from __future__ import annotations

import sys
from pathlib import Path

# pytest puts only a test file's own folder on the path; the shared helpers sit one level up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
