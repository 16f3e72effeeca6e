"""Words that time a scheduled release rather than a move.

"Results due after the bell" and "set to report earnings on Thursday" name a period or a day, but
of a plan: such words must not time a move. Shared by the move timing (`timing`) and the
article's frame (`article_frame`).
"""

from __future__ import annotations

import regex

from tickerwire.extract.prefiltered import Prefiltered

# Pre-market and after-hours words time a scheduled release, not a move, when the words just
# before them say so: "results due after the bell", "set to report earnings before the bell".
# Both a word of scheduling and a word of releasing must be there, in the same clause.
MARKET_HOURS = frozenset({"premarket", "after_hours"})
# About ten words: "is scheduled to report its fiscal fourth-quarter results" fits.
_RELEASE_LOOKBACK = 60
_SCHEDULED = regex.compile(
    r"\b(?:due|scheduled|slated|expected|set|planned|will|upcoming|ahead\s+of)\b", regex.I
)
_RELEASE = regex.compile(
    r"\b(?:results?|earnings|report(?:s|ing)?|numbers|figures|update|release|publish|post|"
    r"announce(?:ment)?)\b",
    regex.I,
)
_CLAUSE_MARKS = ",;:.%"


def move_period_match(
    name: str,
    pattern: Prefiltered[regex.Match[str]],
    window_text: str,
    text: str,
    offset: int,
    pos: int = 0,
) -> regex.Match[str] | None:
    """The first words of period `name` in `window_text` (which starts at `offset` in `text`)
    from `pos` on that can time a move: pre-market or after-hours words that time a scheduled
    release are passed over."""
    match = pattern.search(window_text, pos)
    if name not in MARKET_HOURS:
        return match
    while match is not None and _times_scheduled_release(text, offset + match.start()):
        match = pattern.search(window_text, match.end())
    return match


def planned(text: str, position: int) -> bool:
    """Whether the day named at `position` is the day of a plan in its clause ("set to report
    earnings on Thursday", "results due Tuesday"), not the day of a move."""
    return _SCHEDULED.search(_clause_before(text, position)) is not None


def _times_scheduled_release(text: str, phrase_start: int) -> bool:
    """Whether the period words at `phrase_start` time a scheduled release ("results due
    after the bell", "will report before the opening bell"), read in the words before them."""
    before = _clause_before(text, phrase_start)
    return _SCHEDULED.search(before) is not None and _RELEASE.search(before) is not None


def _clause_before(text: str, position: int) -> str:
    """The words of the clause that `position` stands in, before it: from the last punctuation
    mark at most _RELEASE_LOOKBACK characters back."""
    before = text[max(0, position - _RELEASE_LOOKBACK) : position]
    return before[max(before.rfind(mark) for mark in _CLAUSE_MARKS) + 1 :]
