"""Reading one sentence for an event: its clauses, who acts, the counterpart, amounts, summary.

`SentenceScan` answers the questions every event type asks of a cued sentence. It is built in
three layers, one module each: `ClauseScan` (events.clauses: the sentence's text, gated pattern
searches, clause boundaries), `ActorScan` (events.actors: who acts, by name or by reference)
and `SentenceScan` here (what: amounts and a summary, and whether the act is told as a fact,
not a plan, a condition, a denial or a memory).
"""

from __future__ import annotations

import re

import regex

from tickerwire.extract.events.actors import REFERENCE_PENALTY, Actor, ActorScan
from tickerwire.extract.events.clauses import lower_text
from tickerwire.extract.prefiltered import prefiltered_re
from tickerwire.extract.quantities import Quantity

__all__ = [
    "REFERENCE_PENALTY",
    "SUMMARY_WORDS",
    "Actor",
    "SentenceScan",
    "capitalised",
    "lower_text",
]

# Where a hedge stops reaching: "X will launch ..., but Y launched" keeps Y a fact.
# These word lists are read on the lower-cased text with the standard engine (faster).
_STRONG_BOUNDARY = prefiltered_re(
    re.compile(r";|:\s|\b(?:but|while|whereas|although|though|however|despite)\b")
)
_CONDITION = re.compile(r"\b(?:if|unless|assuming|provided\s+that|in\s+case|whether)\b")
_HEDGE = prefiltered_re(
    re.compile(
        # "may" is the month after "in"/"of"/"since" or before a number ("in May 2016")
        r"\b(?:will|would|could|may(?<!\bin\smay)(?<!\bof\smay)(?<!\bsince\smay)"
        r"(?<!\bearly\smay)(?<!\blate\smay)(?<!\bmid-may)(?!\s+\d)|might|should|shall|"
        r"plans?\s+to|planning\s+to|"
        r"(?<!\bits\s)(?<!\bthe\s)(?<!\btheir\s)planned|set\s+to|"
        r"expects?\s+to|expected\s+to|aims?\s+to|aiming\s+to|intends?\s+to|going\s+to|likely|"
        r"poised\s+to|is\s+to|are\s+to|seeks?\s+to|seeking\s+to|considering|mulls?|mulling|"
        r"weighs|weighing|potential(?:ly)?|reportedly|prepares?\s+to|preparing\s+to|"
        r"in\s+talks|next\s+(?:week|month|year|quarter)|upcoming|scheduled|if|unless|assuming)\b"
    )
)
_NEGATION = re.compile(
    r"\b(?:not|never|no\s+longer|denied|denies|deny|without|nor)\b(?:\s+[\w-]+){0,3}\s*$|n't\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
_NEGATION_WORDS = ("not", "never", "no longer", "denie", "deny", "without", "nor", "n't")
_SUMMARY_STOP = regex.compile(
    r"[;:(]|,\s|\s[-–—]\s|—|\.(?=\s|$)|\s(?:which|who|as|after|while|amid|following|according|"
    r"because|but|since|despite|although|though|whereas|sending|pushing)\b",
    regex.IGNORECASE,
)
_SPACES = regex.compile(r"\s+")
_LEADING_WORDS = regex.compile(
    r"^(?:however|meanwhile|also|additionally|moreover|furthermore|in\s+addition|and|but|so|"
    r"still|now|today|yesterday|separately|overall|indeed|for\s+now)\b[,\s]*",
    regex.IGNORECASE,
)
_TIME_OPENER = re.compile(r"\bsince\s*$")
_TIED_CLAUSE = re.compile(r"\b(?:as|when)\s*$")
_YEAR = regex.compile(r"\b((?:19|20)\d{2})\b")
SUMMARY_WORDS = 16  # a summary is a phrase, not the sentence: about a headline's length


def capitalised(phrase: str) -> str:
    """`phrase` with its first letter in upper case, unless its first word is written with
    an inner capital ("iPhone", "eBay": a name, kept as written)."""
    if len(phrase) > 1 and phrase[1].isupper():
        return phrase
    return phrase[:1].upper() + phrase[1:]


class SentenceScan(ActorScan):
    """Questions about one sentence, answered on demand (each answer computed once)."""

    # -- what -------------------------------------------------------------------------------------

    def money_in(self, start: int, end: int, per_share: bool | None = False) -> Quantity | None:
        """The first amount of money in [start, end) (not a stated conversion of another)."""
        for quantity in self.ctx.quantities_in(start, end):
            if quantity.kind != "money" or quantity.is_conversion:
                continue
            if per_share is not None and quantity.per_share != per_share:
                continue
            return quantity
        return None

    def summary(self, start: int, cue_end: int) -> str:
        """A short phrase of the clause's core: from `start` (the actor or the clause start)
        through the cue and its object, cut at the next clause boundary."""
        stop = _SUMMARY_STOP.search(self.text, cue_end, min(self.sentence.end, cue_end + 120))
        end = stop.start() if stop is not None else min(self.sentence.end, cue_end + 120)
        phrase = _SPACES.sub(" ", self.ctx.original[start:end]).strip(" ,.;:'\"")
        phrase = _LEADING_WORDS.sub("", phrase)
        words = phrase.split(" ")
        if len(words) > SUMMARY_WORDS:
            phrase = " ".join(words[:SUMMARY_WORDS])
        return capitalised(phrase)

    def hedged(self, position: int) -> bool:
        """Whether the words around `position`, back to the last strong boundary and a little
        beyond, tell a plan, a forecast or a possibility ("will launch", "could double")."""
        low = self.lowered_text
        start = self._strong_start(position)
        stop = min(self.sentence.end, position + 40)
        after = _STRONG_BOUNDARY.search(low, position, stop)
        if after is not None:
            stop = after.start()
        return bool(_HEDGE.search(low, start, stop))

    def _strong_start(self, position: int) -> int:
        start = self.sentence.start
        for boundary in _STRONG_BOUNDARY.finditer(self.lowered_text, start, position):
            start = boundary.end()
        return start

    def past_reference(self, position: int) -> bool:
        """'ever since the phone launched': the act is the time from which something else is
        told, not news ('after X unveiled ...' is news told as a cause, and stays)."""
        clause = self.clause_start(position)
        if "," in self.text[clause:position]:
            return False  # "After talks with X, Meta unveiled": the time phrase has ended
        before = self.lowered_text[max(self.sentence.start, clause - 8) : clause]
        return bool(_TIME_OPENER.search(before))

    def historic(self, position: int) -> bool:
        """A year two or more before publication named in the clause ('debuted in 1984')."""
        published = self.ctx.published
        if published is None:
            return False
        clause = self.clause_start(position)
        start = clause
        if _TIED_CLAUSE.search(self.lowered_text, max(self.sentence.start, clause - 6), clause):
            # "growth accelerated into fiscal 2021 as it launched ...": the act shares the
            # time of the clause it is tied to
            start = self.sentence.start
        for year in _YEAR.findall(self.text, start, self.clause_end(position)):
            if int(year) <= published.year - 2:
                return True
        return False

    def conditional(self, position: int) -> bool:
        """'If the company reports weak sales ...': a condition, not an event."""
        if not any(map(self.lowered.__contains__, ("if", "unless", "assum", "provided", "case"))):
            return False
        return bool(_CONDITION.search(self.lowered_text, self._strong_start(position), position))

    def paired_elsewhere(self, position: int, actor: Actor | None) -> bool:
        """'X and Y are poised to open higher after a strong quarter and activist action,
        respectively': the act at `position` belongs to one of the subjects by its place in a
        list that "respectively" closes, so a company found outside its clause (named before
        the clause, or by reference) is not known to be its owner."""
        if "respectively" not in self.lowered:
            return False
        found = self.lowered_text.find("respectively", position, self.sentence.end)
        if found == -1 or found > self.clause_end(position):
            return False
        return actor is None or actor.start < self.clause_start(position)

    def negated(self, position: int) -> bool:
        """'did not launch', 'has no plans to', 'denied reports': the cue is negated."""
        window = self.lowered_text[max(self.sentence.start, position - 40) : position]
        if not any(map(window.__contains__, _NEGATION_WORDS)):
            return False
        window = self.lowered_text[max(self.clause_start(position), position - 40) : position]
        return bool(_NEGATION.search(window))
