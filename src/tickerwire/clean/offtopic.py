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

A recommendation heading ("Read next", "Related", "More from X", "Most read") is a stronger
sign: when what follows it names none of the main article's names, the article ended at the
heading and everything after it is another article (`mark_after_recommendation`), whatever
its shape.
"""

from __future__ import annotations

import re
from collections import Counter

from tickerwire.clean import shapes
from tickerwire.clean.page import Page
from tickerwire.clean.vocabulary import LINKS_OPENER

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
# A recommendation heading is a short line (the furniture rules judge headings of up to 10).
_HEADING_MAX_WORDS = 10


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


def mark_after_recommendation(page: Page, title: str | None = None) -> None:
    """Remove everything after a recommendation heading when it is about other subjects.

    The heading itself is furniture (removed earlier as `boilerplate`); what is still live after
    it goes as one `off_topic` entry when it names none of the names the article before the
    heading (and its `title`) repeats, and few of its names occur there at all. Headings are
    tried in page order, so the first one that ends the article wins.
    """
    for heading in _recommendation_headings(page):
        after = [i for i in range(heading + 1, len(page)) if page.is_live(i)]
        if not after:
            return
        main = [page.lines[i] for i in range(heading) if page.is_live(i)]
        if sum(1 for line in main if shapes.is_paragraph(line)) < _MIN_MAIN_PARAGRAPHS:
            continue
        main_names = Counter(name for line in main for name in _names(line))
        main_names.update(_names(title or ""))
        # A short article repeats few names: then every name it has counts as its subject,
        # which only makes the test stricter (more text is kept).
        subjects = _subjects(main_names) or set(main_names)
        if not subjects:
            continue
        text = " ".join(page.lines[i] for i in after)
        if _is_other_subject(text, subjects, main_names):
            page.remove_group(after, "off_topic")
            return


def _recommendation_headings(page: Page) -> list[int]:
    """Indices of lines removed as furniture that are recommendation headings ("Read next")."""
    return [
        i
        for i, kind in enumerate(page.kinds)
        if kind == "boilerplate"
        and shapes.word_count(page.lines[i]) <= _HEADING_MAX_WORDS
        and LINKS_OPENER.match(shapes.strip_bullet(page.lines[i]).strip()) is not None
    ]


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
