"""Where furniture sits on a page: the header, the trailer, promotional blocks, link lists.

Line verdicts (see `furniture.py`) judge lines alone; the rules here use position and company:

- Header: the lines before the first article paragraph. Menu entries, the site's name, a wire's
  revision note and a lone date line go.
- STRONG lines go wherever they stand. A heading that opens a list of links ("More From X",
  "Related") takes the list's entries with it; a "Disclosure" heading takes its small print.
- Promotional block: a call to action ("... >>", "See the 10 stocks") with the few lines above
  it up to their headline, when the block speaks the language of promotion.
- Trailer: from the last article paragraph to the end. WEAK lines there (short title-case
  links, bios, newsletter blurbs, legal small print) go when STRONG furniture is with them.
- Sentences that promote or disclaim at the end of an article paragraph are cut off it.
- Furniture run into an article line (a cross-link in parentheses, newsroom codes) is cut out
  of it (see `inline.py`).
"""

from __future__ import annotations

import re

from tickerwire.clean import shapes
from tickerwire.clean import vocabulary as vocab
from tickerwire.clean.furniture import (
    FurnitureRules,
    LineVerdict,
    Strength,
    is_link_item,
    is_link_text,
    is_promotional,
)
from tickerwire.clean.inline import inline_cuts
from tickerwire.clean.metadata import is_date_line
from tickerwire.clean.page import Page

# A promotional block has at most this many lines between its headline and its call to action;
# the longest in the FNSPID pages has three (Zacks "Single Best Pick" blurb).
_PROMO_BLOCK_MAX_BODY = 4
# Lines of small print a "Disclosure" heading may carry before the page ends.
_DISCLOSURE_MAX_LINES = 4
# A wire's revision note ("Adds details") is printed as one of the first lines of a story.
_UPDATE_NOTE_LINES = 3
# A hard-wrapped line of prose has at least this many words (wires wrap at 60-70 characters).
_WRAPPED_MIN_WORDS = 6
# An author's job alone ("Senior Equity Strategist"): longer lines are never one.
_AUTHOR_JOB_MAX_CHARS = 64
_CONTINUATION = re.compile(r"[a-z]+[,;:]?(?:\s|$)")


def mark_furniture(page: Page, rules: FurnitureRules, source: str | None = None) -> None:
    """Remove page furniture from `page` (kind `boilerplate`)."""
    if not len(page):
        return
    verdicts = [rules.classify(line) for line in page.lines]
    _mark_header(page, verdicts, rules, source)
    _mark_strong(page, verdicts, rules)
    _mark_author_boxes(page)
    _mark_promo_blocks(page, verdicts, rules)
    _mark_trailer(page, verdicts, rules)
    _cut_trailing_sentences(page, verdicts, rules)
    _cut_inline(page, verdicts)


def first_paragraph(page: Page, verdicts: list[LineVerdict] | None = None) -> int:
    """Index of the first live line of running prose (len(page) when there is none).

    In hard-wrapped text a line of prose is cut anywhere; it counts when the next line carries
    on its sentence (opens with a lower-case word).
    """
    for i, line in enumerate(page.lines):
        if not page.is_live(i):
            continue
        if verdicts is not None and verdicts[i].strength is Strength.STRONG:
            continue
        if shapes.is_paragraph(line):
            return i
        following = page.lines[i + 1] if i + 1 < len(page) else ""
        if shapes.word_count(line) >= _WRAPPED_MIN_WORDS and _CONTINUATION.match(following):
            return i
    return len(page)


def _mark_header(
    page: Page, verdicts: list[LineVerdict], rules: FurnitureRules, source: str | None
) -> None:
    end = first_paragraph(page, verdicts)
    for i in range(end):
        line = page.lines[i]
        bulleted_short = shapes.has_bullet(line) and shapes.word_count(line) <= 4
        if (
            rules.is_zone_chrome(line)
            or bulleted_short
            or rules.is_site_name(line, source)
            or (i < _UPDATE_NOTE_LINES and rules.is_update_note(line))
            or (is_date_line(line) and not shapes.ends_with_period(line))
            or not any(ch.isalnum() for ch in line)
        ):
            page.remove(i, "boilerplate")


def _mark_strong(page: Page, verdicts: list[LineVerdict], rules: FurnitureRules) -> None:
    n = len(page)
    for i, verdict in enumerate(verdicts):
        if verdict.strength is not Strength.STRONG:
            continue
        page.remove(i, "boilerplate")
        if verdict.opens == "links":
            j = i + 1
            while j < n and (
                verdicts[j].strength is Strength.STRONG or is_link_item(page.lines[j])
            ):
                page.remove(j, "boilerplate")
                j += 1
        elif verdict.opens == "disclosure":
            _mark_disclosure_section(page, verdicts, rules, i)


def _mark_author_boxes(page: Page) -> None:
    """An author's box set as lines, wherever it stands: a name, the job alone on the next line
    ("Senior Editor"), and the note on a person's work that may follow it."""
    for i in range(1, len(page)):
        # a job alone is a short line (the longest the pattern allows is under 64 characters)
        if len(page.lines[i]) > _AUTHOR_JOB_MAX_CHARS or not vocab.AUTHOR_JOB_LINE.match(
            page.lines[i]
        ):
            continue
        if not page.is_live(i - 1) or not vocab.AUTHOR_NAME_LINE.match(page.lines[i - 1]):
            continue
        box = [i - 1, i]
        note = i + 1
        if (
            note < len(page)
            and page.is_live(note)
            and vocab.AUTHOR_NOTE.match(page.lines[note])
            and vocab.AUTHOR_NOTE_WORDS.search(page.lines[note])
        ):
            box.append(note)
        for k in box:
            page.remove(k, "boilerplate")


def _mark_disclosure_section(
    page: Page, verdicts: list[LineVerdict], rules: FurnitureRules, heading: int
) -> None:
    """Small print under a "Disclosure" heading, when only furniture follows it to the end."""
    body: list[int] = []
    j = heading + 1
    while j < len(page) and verdicts[j].strength is Strength.CONTENT:
        body.append(j)
        j += 1
    if len(body) > _DISCLOSURE_MAX_LINES:
        return
    if all(
        verdicts[k].strength is Strength.STRONG or rules.is_weak(page.lines[k])
        for k in range(j, len(page))
    ):
        for k in body:
            page.remove(k, "boilerplate")


def _mark_promo_blocks(page: Page, verdicts: list[LineVerdict], rules: FurnitureRules) -> None:
    # From the end of the page up, so that a block counts as closing the page once the blocks
    # after it have gone.
    for cta in reversed(range(len(verdicts))):
        if not verdicts[cta].cta:
            continue
        block, strong_head = _promo_block_above(page, verdicts, cta)
        # A block under a plain headline counts only where promotions sit: after the article.
        # One under a promotional headline ("Where to invest $1,000 right now") counts anywhere.
        if block and (strong_head or not _article_follows(page, verdicts, rules, cta)):
            for i in block:
                page.remove(i, "boilerplate")


def _article_follows(
    page: Page, verdicts: list[LineVerdict], rules: FurnitureRules, index: int
) -> bool:
    """Whether an article paragraph (not small print) still follows line `index`."""
    return any(
        page.is_live(k)
        and verdicts[k].strength is Strength.CONTENT
        and shapes.is_paragraph(page.lines[k])
        and not rules.is_weak(page.lines[k])
        for k in range(index + 1, len(page))
    )


def _promo_block_above(page: Page, verdicts: list[LineVerdict], cta: int) -> tuple[list[int], bool]:
    """The headline and body lines of the promotion that `cta` closes (empty if none), and
    whether its headline is itself recognised furniture."""
    body: list[int] = []
    i = cta - 1
    while i >= 0 and len(body) < _PROMO_BLOCK_MAX_BODY:
        line = page.lines[i]
        if verdicts[i].strength is Strength.STRONG:
            # A promotional headline ("Before you buy stock in X, consider this:") heads the
            # block; any other furniture means the lines above the call are not one block.
            if verdicts[i].rule == "promo_headline" and body and _mostly_promotional(page, body):
                return body, True
            return [], False
        if shapes.is_headline_shaped(line) or (
            shapes.word_count(line) <= 14 and line.endswith("?")
        ):
            if _mostly_promotional(page, body) and (body or is_promotional(line)):
                return [i, *body], False
            return [], False
        body.append(i)
        i -= 1
    return [], False


def _mostly_promotional(page: Page, body: list[int]) -> bool:
    promotional = sum(1 for k in body if is_promotional(page.lines[k]))
    return promotional * 2 >= len(body)


def _mark_trailer(page: Page, verdicts: list[LineVerdict], rules: FurnitureRules) -> None:
    """WEAK lines between the last article paragraph and the end, when furniture is there.

    Short title-case lines are the weakest evidence (a company's name in brackets, a list of
    names closing a story look the same): a run of them goes only when furniture stands right
    above it too, or when it reads like link texts ("AAPL Guru Analysis").
    """
    weak: dict[int, str] = {}
    has_strong = False
    i = len(page) - 1
    while i >= 0:
        if not page.is_live(i):
            has_strong = has_strong or page.kinds[i] == "boilerplate"
        else:
            rule = rules.weak_rule(page.lines[i])
            if rule is None and rules.is_zone_chrome(page.lines[i]):
                rule = "zone_chrome"
            if rule is None:
                break
            weak[i] = rule
        i -= 1
    if not has_strong:
        return
    zone_start = i + 1
    for k, rule in weak.items():
        if rule != "title_case_link":
            page.remove(k, "boilerplate")
    for run in _runs(sorted(k for k, rule in weak.items() if rule == "title_case_link")):
        furniture_above = run[0] > zone_start and not page.is_live(run[0] - 1)
        linkish = sum(1 for k in run if is_link_text(page.lines[k])) * 2 >= len(run)
        if furniture_above or linkish:
            for k in run:
                page.remove(k, "boilerplate")


def _runs(indices: list[int]) -> list[list[int]]:
    """Split sorted indices into runs of consecutive numbers."""
    runs: list[list[int]] = []
    for k in indices:
        if runs and runs[-1][-1] == k - 1:
            runs[-1].append(k)
        else:
            runs.append([k])
    return runs


def _cut_trailing_sentences(page: Page, verdicts: list[LineVerdict], rules: FurnitureRules) -> None:
    for i in page.live_indices():
        kept, cut = rules.trailing_furniture(page.lines[i], verdicts[i])
        if cut:
            page.cut_tail(i, kept, cut, "boilerplate")


def _cut_inline(page: Page, verdicts: list[LineVerdict]) -> None:
    """Cross-links, related-story labels and newsroom codes run into article lines."""
    for i in page.live_indices():
        # the trigger words the verdict found in the line stay found in what a cut leaves
        spans = inline_cuts(page.lines[i], verdicts[i].sentence_words)
        if spans:
            page.cut_spans(i, spans, "boilerplate")
