"""Subjects a move takes from outside its own subject slot, for price moves told as returns.

A bracketed pair of returns after a comparison verb ("Apple's shares have outperformed the S&P
500 (12% vs. 8%)") gives its first number to the verb's subject and its second to the listing
named right after the verb. "It" or "They" opening a sentence stands for the shares the sentence
before ends on. A perfect participle ("..., having rallied 12%") takes the subject that opens
the sentence. A move after an earlier quarter's results belongs to the company the clause names,
else to the company the article is about.
"""

from __future__ import annotations

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.owners import PRONOUN_PENALTY, Owner
from tickerwire.extract.subject_scan import BLOCKED, NO_TOPIC, SubjectScanner, Topic

# Words that may open a sentence before its subject ("The", "Its", "Meanwhile, the").
_SUBJECT_LEAD = regex.compile(
    r"^\s*(?:(?:meanwhile|however|still|but|and|also),?\s+)?(?:the|its|their)?\s*$", regex.I
)
# "Intel shares slid 2% on Friday. They rose 90% in 2023.": a pronoun that opens
# the sentence (after an opening phrase at most) as the subject of the move verb.
_PRONOUN_SUBJECT = regex.compile(
    r"\s*(?:[^,;:]{1,30},\s*)?(?P<pron>It|it|They|they)\s+(?:(?:also|then|has|have|had)\s+)?$"
)
_PLURAL_SHARE_WORDS = ("shares", "stocks", "adrs", "adss")
# Only an article may stand between a comparison verb and the listing it is compared with.
_OBJECT_LEAD = regex.compile(r"\s+(?:the\s+)?", regex.IGNORECASE)


class CarriedSubjects(SubjectScanner):
    """The subject rules that read past the verb's own subject slot (the base of
    `subjects.TopicResolver`)."""

    def _paired_topic(self, change: Change) -> Topic:
        """Whose return a bracketed pair's number is: the first number is the comparison
        verb's subject's ("Apple's shares have outperformed ..."), the second its object's, a
        listing or an index named right after the verb ("... the S&P 500 ...", "... Apple's
        performance ..."); an industry or a peer group is neither."""
        paren = self.text.rfind("(", change.trigger_end, change.quantity.start)
        first = "%" not in self.text[paren + 1 : change.quantity.start]
        if first:
            topic = self._scan_left(change.trigger_start)
            return topic if topic.kind == "share" else BLOCKED
        after = [t for t in self.terms if change.trigger_end <= t.start < paren]
        if not after or after[0].kind != "entity":
            return BLOCKED
        between = self.text[change.trigger_end : after[0].start]
        if not _OBJECT_LEAD.fullmatch(between):
            return BLOCKED
        topic = self._topic_from_term(after[0], anchor=after[0].start)
        return topic if topic.kind in ("share", "index") else BLOCKED

    def _pronoun_topic(self, position: int) -> Topic:
        """'They rose 90% in 2023' after a sentence that ends on a company's shares: the
        pronoun stands for those shares when they are the last subject word of the sentence
        before and agree in number ("It" for the stock, "They" for the shares)."""
        lead = _PRONOUN_SUBJECT.match(self.text, self.sentence.start, position)
        if lead is None or self.sentence.index == 0:
            return NO_TOPIC
        previous = self.ctx.sentences[self.sentence.index - 1]
        resolver = SubjectScanner(self.ctx, previous)
        if not resolver.terms or resolver.terms[-1].kind != "share":
            return NO_TOPIC
        last = resolver.terms[-1]
        plural = self.text[last.start : last.end].lower() in _PLURAL_SHARE_WORDS
        if plural != (lead.group("pron").lower() == "they"):
            return NO_TOPIC
        topic = resolver._topic_from_term(last, anchor=last.end)
        if topic.kind != "share" or not topic.owners:
            return NO_TOPIC
        owners = tuple(Owner(o.entity_id, o.ticker, PRONOUN_PENALTY) for o in topic.owners)
        return Topic(
            "share", owners, subject_start=lead.start("pron"), subject_end=lead.end("pron")
        )

    def _earnings_move_topic(self, change: Change) -> Topic:
        """Whose earlier post-results move: a company the clause names, else the company the
        text around is about (these reports name it in the sentences before)."""
        topic = self._scan_left(change.trigger_start)
        if topic.kind == "share" and topic.owners:
            return topic
        if topic.kind in ("share", "index") or self._companies(
            self.sentence.start, self.sentence.end
        ):
            return BLOCKED  # another subject, or a company we cannot tell is the one
        owner = self._article_subject()
        if owner is None:
            return BLOCKED
        return Topic("share", (owner,))

    def _main_subject(self, position: int) -> Topic:
        """The subject that opens the sentence ("The stock slipped on Monday, perhaps on
        profit-taking after having rallied 12%"): its first subject word, with only an article
        or a linking adverb before it, when that word is a listing's name or its shares."""
        first = next((t for t in self.terms if t.start < position), None)
        if first is None or first.kind not in ("entity", "share"):
            return NO_TOPIC
        if not _SUBJECT_LEAD.match(self.text[self.sentence.start : first.start]):
            return NO_TOPIC
        topic = self._topic_from_term(first, anchor=first.end)
        return topic if topic.kind == "share" else NO_TOPIC
