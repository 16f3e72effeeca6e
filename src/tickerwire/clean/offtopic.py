"""Openings of other articles that a page carries after the main one ("teasers").

A teaser is recognised by its shape and its subject, never by its words:

- it sits at the tail of the page: after it come only other teasers;
- it is cut off: a long paragraph ending mid-sentence, without terminal punctuation (the last
  one must be), or it opens with an all-caps kicker ("WASHINGTON POLICY: ...");
- it is about something else: it names none of the main article's subjects (the names the
  article repeats most, taken from the text before the tail), and few of its own names occur in
  the main article at all.

Each teaser becomes one `off_topic` removal. When any test fails the paragraph stays: a real
closing paragraph that changes subject ends with a full stop, and a truncated closing paragraph
about the article's own company keeps naming it.
"""

from __future__ import annotations

import re
from collections import Counter

from tickerwire.clean import shapes
from tickerwire.clean.page import Page

_NAME = re.compile(r"\b[A-Z][\w&'’.-]*[\w&]|\b[A-Z]\b")
_KICKER = re.compile(r"^[‘'\"“]?[A-Z][A-Z0-9 &'’.,-]{2,40}[’'\"”]?:\s+\S")
# Capitalised words that are grammar, not names (sentence openers, pronouns, titles, months).
_NOT_NAMES_TEXT = (
    "The A An And But Or If In On At For From With Without As By To Of It Its It's This That "
    "These Those There Their They He She His Her We Our You Your I After Before While When Where "
    "Why How What Which Who Since Until Although Though Despite Meanwhile However Moreover "
    "Furthermore Also Still Yet So Then Now Today Yesterday Tomorrow Last Next Many Most Some "
    "Other Another Such Both Each Every All No Not One Two Three Four Five Six Seven Eight Nine "
    "Ten According Analysts Shares Mr Mrs Ms Dr Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday January February March April May June July August September October "
    "November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
_NOT_NAMES = frozenset(_NOT_NAMES_TEXT.split())
# A subject is a name the main article repeats: at least this many times, and at least half as
# often as its most repeated name. On the seeds this keeps the company (and "AI" where the story
# is about AI) and drops names mentioned in passing.
_MIN_SUBJECT_COUNT = 3
_SUBJECT_SHARE = 0.5
# A teaser shares few names with the main article: under this share of its distinct names.
_MAX_SHARED_NAMES = 0.5
# The main article must keep at least this many paragraphs before any tail is cut.
_MIN_MAIN_PARAGRAPHS = 3


def mark_off_topic(page: Page) -> None:
    """Remove the teasers at the tail of `page` (one `off_topic` entry per teaser)."""
    live = page.live_indices()
    tail = _tail_candidates(page, live)
    if not tail:
        return
    first_tail = tail[0][0]
    main = [page.lines[i] for i in live if i < first_tail]
    if sum(1 for line in main if shapes.is_paragraph(line)) < _MIN_MAIN_PARAGRAPHS:
        return
    main_names = Counter(name for line in main for name in _names(line))
    subjects = _subjects(main_names)
    if not subjects:
        return
    accepted: list[list[int]] = []
    # Walk from the end: every teaser after the current one must have been accepted.
    for group in reversed(tail):
        text = " ".join(page.lines[i] for i in group)
        if not _is_other_subject(text, subjects, main_names):
            break
        accepted.append(group)
    for group in accepted:
        page.remove_group(group, "off_topic")


def _tail_candidates(page: Page, live: list[int]) -> list[list[int]]:
    """Groups of line indices (kicker line + paragraph, or paragraph) shaped like teasers,
    contiguous up to the end of the page, in page order. The last must be cut off."""
    groups: list[list[int]] = []
    k = len(live) - 1
    while k >= 0:
        i = live[k]
        line = page.lines[i]
        truncated = shapes.is_truncated_paragraph(line)
        if not groups and not truncated:
            return []
        if not (truncated or (_KICKER.match(line) and shapes.is_paragraph(line))):
            break
        group = [i]
        # A kicker printed on its own line above its teaser belongs to it.
        if k > 0 and _is_kicker_line(page.lines[live[k - 1]]):
            k -= 1
            group.insert(0, live[k])
        groups.append(group)
        k -= 1
    groups.reverse()
    return groups


def _is_kicker_line(line: str) -> bool:
    return shapes.word_count(line) <= 6 and shapes.is_all_caps(line) and line.rstrip().endswith(":")


def _names(text: str) -> list[str]:
    found = (n.removesuffix("’s").removesuffix("'s").rstrip("’'.") for n in _NAME.findall(text))
    return [n for n in found if n and n not in _NOT_NAMES]


def _subjects(main_names: Counter[str]) -> set[str]:
    if not main_names:
        return set()
    top = main_names.most_common(1)[0][1]
    floor = max(_MIN_SUBJECT_COUNT, top * _SUBJECT_SHARE)
    return {name for name, count in main_names.items() if count >= floor}


def _is_other_subject(text: str, subjects: set[str], main_names: Counter[str]) -> bool:
    names = set(_names(text))
    # Word-start search also finds "Alibaba-backed" or "Alibaba’s" for the subject "Alibaba".
    if names & subjects or any(re.search(rf"\b{re.escape(s)}", text) for s in subjects):
        return False
    if not names:
        return False
    shared = sum(1 for name in names if name in main_names)
    return shared / len(names) < _MAX_SHARED_NAMES
