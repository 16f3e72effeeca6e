"""Whether a figure is an estimate: a forecast word before it in its clause ("analysts
expect revenue of $10 billion"), nearer than any word of a result, or a forecast verb right after
it ("$117.6 billion would mark")."""

from __future__ import annotations

import regex

from tickerwire.extract.document import DocumentContext
from tickerwire.extract.metric_fact import APPROX, CLAUSE
from tickerwire.extract.prefiltered import prefiltered
from tickerwire.extract.sentences import Sentence

# Words that name the amount after them a forecast ("estimates of", "consensus calls for"):
# value_facts gives such an amount with no name of its own the figure named before it.
ESTIMATE_OF = prefiltered(
    regex.compile(
        r"\b(?:estimates?|consensus|expectations?|forecasts?|projections?|Street\s+view|"
        r"expected|anticipated|estimated)\s+(?:(?:mark|figure|estimate|view)\s+)?"
        r"(?:of|at|for|was|is|were|(?:that\s+|which\s+)?(?:calls?|called|calling)\s+for)?\s*"
        + APPROX
        + r"$",
        regex.IGNORECASE,
    )
)
_ESTIMATE_CUE = prefiltered(
    regex.compile(
        r"\b(?:estimates?|estimated|expects?|expected|expecting|expectations?|forecasts?|"
        r"forecasted|forecasting|projects?|projected|projecting|predicts?|predicted|predicting|"
        r"anticipates?|anticipated|anticipating|guidance|guides?|guided|guiding|outlook|"
        r"consensus|pegged|sees|will\s+(?:post|report)|to\s+report|analysts?\s+(?:polled|expect|"
        r"see|estimate)|targets?|plans?\s+to|could|would|should|might|may|likely|"
        r"will\s+(?:\w+\s+)?(?:double|triple|grow|rise|increase|reach|top|exceed|climb|fall|"
        r"decline|be))\b",
        regex.IGNORECASE,
    )
)
# "better than expected", "beat estimates": a result compared with a forecast is a result.
_COMPARED_TO_ESTIMATE = regex.compile(
    r"(?:-than-$)|\b(?:than|beat|beats|beating|topped|topping|tops|missed|missing|misses|above|below|"
    r"ahead\s+of|exceed\w*|surpass\w*|outpac\w*|best(?:ed|ing)|trounc\w*|smash\w*|eclips\w*|outperform\w*|underperform\w*|matching|matched|in\s+line\s+with|shy\s+of|past|"
    r"short\s+of|crushed)\s+(?:[\w'$.,-]+\s+){0,3}$",
    regex.IGNORECASE,
)
# Forecast words that name one amount: the amount next to them is theirs.
_NOUN_CUE = regex.compile(
    r"estimates?|estimated|expectations?|expected|consensus|forecasts?|projections?|guidance|"
    r"outlook|targets?|anticipated"
)
_AMOUNT_TO_CUE = regex.compile(
    r"\s+(?:(?:in|from|the|a|an|Zacks|Wall|Street|analysts?'?|average|mean|market)\s+){0,3}",
    regex.IGNORECASE,
)
_CUE_TO_AMOUNT = regex.compile(
    r"\s+(?:(?:of|at|for|was|is|were|that|which|calls?|called|calling|mark|figure)\s+){1,3}"
    + APPROX,
    regex.IGNORECASE,
)
# "the latest company to report earnings": a report already out, not a coming one.
_DONE_REPORTER = regex.compile(r"\b(?:latest|last|first|most\s+recent)\b[^,;.]*$", regex.I)
_ACTUAL_CUE = regex.compile(
    r"\b(?:reported|posted|delivered|recorded|generated|logged|booked|announced|came\s+in|"
    r"was|were|rose|fell|grew|jumped|surged|declined)\b",
    regex.IGNORECASE,
)
_FORECAST_AFTER = regex.compile(
    r"(?:\s+(?:in\s+)?[\w-]+){0,6}?\s+(?:would|will|could|should|might|(?:is|are)\s+(?:projected|"
    r"expected|forecast|estimated|seen))\b",
    regex.IGNORECASE,
)


def is_estimate(ctx: DocumentContext, sentence: Sentence, position: int) -> bool:
    """A forecast word before the figure in its clause, nearer than any word of a result, or a
    forecast verb right after it ("$117.6 billion would mark", "$400 billion ... is projected")."""
    if _FORECAST_AFTER.match(ctx.text, _skip_number(ctx, position), sentence.end):
        return True
    start = sentence.start
    for match in CLAUSE.finditer(ctx.text, sentence.start, position):
        start = match.end()
    if ESTIMATE_OF.search(ctx.text, max(start, position - 40), position):
        return True
    cues = [
        c
        for c in _ESTIMATE_CUE.finditer(ctx.text, start, position)
        if not _COMPARED_TO_ESTIMATE.search(ctx.text, max(start, c.start() - 30), c.start())
        and not _cue_of_another(ctx, c, start, position)
    ]
    if not cues:
        return False
    actual = list(_ACTUAL_CUE.finditer(ctx.text, start, position))
    return (
        not actual or cues[-1].start() > actual[-1].start() or cues[0].start() < actual[0].start()
    )


def _cue_of_another(ctx: DocumentContext, cue: regex.Match[str], start: int, position: int) -> bool:
    """Whether a forecast word before the figure is another figure's: a forecast named with its
    own amount ("the $2.09 in the Zacks consensus", "the consensus of $2.09"), or a report told
    as done ("the latest company to report earnings")."""
    text = ctx.text
    word = cue.group(0).lower()
    if word.startswith("to report"):
        return bool(_DONE_REPORTER.search(text, max(start, cue.start() - 40), cue.start()))
    if not _NOUN_CUE.fullmatch(word):
        return False
    own = [
        q
        for q in ctx.quantities_in(max(start, cue.start() - 30), position)
        if not q.is_conversion and q.start != position
    ]
    for q in own:
        if q.end <= cue.start() and _AMOUNT_TO_CUE.fullmatch(text, q.end, cue.start()):
            return True  # "$2.09 in the Zacks consensus", "the $2.37 consensus"
        if q.start >= cue.end() and _CUE_TO_AMOUNT.fullmatch(text, cue.end(), q.start):
            return True  # "the consensus of $2.09", "estimates that called for $1.67 billion"
    return False


def _skip_number(ctx: DocumentContext, position: int) -> int:
    """The end of the quantity that starts at `position` (or `position` when none does)."""
    for q in ctx.quantities_in(position, position + 1):
        return q.end
    return position
