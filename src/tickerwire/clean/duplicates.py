"""Repeats on a page: the title printed again, a lede cut off and then given in full, a paragraph
printed twice. The copy that goes is recorded as `duplicate`; the article keeps one full copy.
"""

from __future__ import annotations

import re

from tickerwire.clean import shapes
from tickerwire.clean.page import Page

# A repeated paragraph or a cut-off prefix must be at least this long to count: shorter lines
# ("Bottom Line", "Revenue growth", table rows such as "Avg shrs 13.9 mln vs 13.8 mln" printed
# for the quarter and again for the year) legitimately recur on a page.
_MIN_REPEAT_WORDS = 10
_MIN_PREFIX_WORDS = 8
_MIN_PREFIX_CHARS = 40
_TITLE_SUFFIX = re.compile(r"^\s*[|–—:-]\s*\S.{0,60}$")


def mark_duplicates(page: Page, title: str | None, keep: int | None = None) -> None:
    """Remove repeats of `title`, truncated copies of later paragraphs and repeated paragraphs.

    `keep` is the index of a line that is the title itself (detected from the text) and stays.
    """
    live = page.live_indices()
    # Each line is compared in its normalised form by both steps: normalised once. An ellipsis
    # closing a line ("... the company said...") need not be cut first: the normalisation strips
    # dots, ellipses and spaces from the ends anyway.
    normalised = {i: shapes.normalise_for_compare(page.lines[i]) for i in live}
    if title:
        _mark_title_repeats(page, [i for i in live if i != keep], title, normalised)
        live = page.live_indices()
    _mark_repeats_and_prefixes(page, live, normalised)


def _mark_title_repeats(
    page: Page, candidates: list[int], title: str, normalised: dict[int, str]
) -> None:
    wanted = shapes.normalise_for_compare(title)
    if not wanted:
        return
    for i in candidates:
        line = normalised[i]
        if line == wanted:
            page.remove(i, "duplicate")
        elif (
            line.startswith(wanted)
            and _TITLE_SUFFIX.match(line[len(wanted) :])
            and shapes.word_count(line[len(wanted) :]) <= 8
        ):
            # "Title | Site name" or "Title - Site name", as HTML <title> elements print it.
            page.remove(i, "duplicate")


def _mark_repeats_and_prefixes(page: Page, live: list[int], normalised: dict[int, str]) -> None:
    seen: dict[str, int] = {}
    for i in live:
        text = normalised[i]
        if shapes.normalised_word_count(text) < _MIN_REPEAT_WORDS:
            continue
        if text in seen:
            page.remove(i, "duplicate")
            continue
        seen[text] = i
    remaining = [i for i in live if page.is_live(i)]
    # A line whose text is a prefix of another's: after sorting, if any text starts with `s`,
    # the next distinct text in order does (everything between `s` and `s + x` starts with `s`).
    ordered = sorted(remaining, key=lambda i: normalised[i])
    for position, i in enumerate(ordered[:-1]):
        short = normalised[i]
        if (
            len(short) < _MIN_PREFIX_CHARS
            or shapes.normalised_word_count(short) < _MIN_PREFIX_WORDS
        ):
            continue
        following = normalised[ordered[position + 1]]
        if len(following) > len(short) and following.startswith(short):
            page.remove(i, "duplicate")
