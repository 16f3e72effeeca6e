"""Short forms that name a company only in its own line of business.

"S&P" alone is most often the S&P 500 ("the S&P fell 1%"), yet news writes it for S&P Global, the
company, when it speaks of what that company publishes or does: PMI surveys ("factory surveys by
S&P and ISM", "S&P releases its flash services PMI") and credit ratings ("S&P downgraded the
bonds", "Moody's and S&P", "S&P's rating"). Such a short form is linked only with one of those
cues right beside it; anywhere else it is left alone (precision first).

Each short form lists the alias that identifies its entity in the reference data, so a user file
that drops the entity drops the rule with it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

import regex


@dataclass(frozen=True)
class ShortForm:
    """A short form (`text`, matched as written), the alias of its entity, and its cues."""

    text: str
    entity_alias: str
    # Cues right after the short form, and right before it (the pattern ends at the short form).
    after: regex.Pattern[str]
    before: regex.Pattern[str]
    # Right after the short form: what makes it something else ("S&P 500", "S&P/TSX").
    not_after: regex.Pattern[str]


# Ratings agencies and survey publishers named with S&P in one breath.
_PEERS = r"(?:ISM|Moody['’]s|Fitch)"
_RATING_VERBS = (
    r"(?:downgraded|downgrades|upgraded|upgrades|affirmed|affirms|assigned|assigns|rates|rated|"
    r"withdrew|placed|revised)"
)
SHORT_FORMS: tuple[ShortForm, ...] = (
    ShortForm(
        text="S&P",
        entity_alias="S&P Global",
        after=regex.compile(
            rf"[ ]*(?:,|and|or|&)[ ]*(?:and[ ]+)?{_PEERS}\b"  # "S&P and ISM", "S&P, Moody's"
            rf"|[ ]{_RATING_VERBS}\b"  # "S&P downgraded"
            r"|['’]s[ ](?:[\w\-]+[ ]){0,2}(?:credit[ ])?(?:ratings?|outlook)\b"  # "S&P's rating"
            r"|[ ](?:Ratings|Global[ ]Ratings)\b"
            # "S&P releases its flash March Services PMI": the company publishing its survey. The
            # survey's own name ("S&P Manufacturing PMI beat forecasts") is a figure, not the
            # company acting, and "the S&P rallied on PMI data" is the index.
            r"|[ ](?:publishes|published|releases|released|reports|reported)"
            r"(?:[ ](?:its|the|a|final|flash|preliminary|[A-Z][\w.]*)){0,5}[ ]PMIs?\b"
        ),
        before=regex.compile(
            rf"(?:{_PEERS}[ ]*(?:,|and|or|&)[ ]*"  # "Moody's and S&P"
            r"|\b(?:rated|rating|ratings|downgraded|upgraded)[ ]by[ ]"  # "rated A+ by S&P"
            r"|\b(?:rated|rating|ratings)[ ][A-Z][A-Z+\-]{0,3}[ ]by[ ])$"
        ),
        not_after=regex.compile(
            r"(?:[ ]?(?:\d|/)|[ ](?:index|indices|indexes|futures|e-mini|E-mini|Dow|Global|"
            r"MidCap|SmallCap|Composite|Banking)\b|['’]s[ ][+\-\d])"
        ),
    ),
)


def short_form_hits(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, entity alias) of every short form that its cues make a company's name."""
    for form in SHORT_FORMS:
        position = text.find(form.text)
        while position != -1:
            end = position + len(form.text)
            if _stands_alone(text, position, end) and _cued(text, position, end, form):
                yield position, end, form.entity_alias
            position = text.find(form.text, end)


def _stands_alone(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "/&") and not (after.isalnum() or after in "&")


def _cued(text: str, start: int, end: int, form: ShortForm) -> bool:
    if form.not_after.match(text, end):
        return False
    if form.after.match(text, end):
        return True
    return form.before.search(text, max(0, start - 40), start) is not None
