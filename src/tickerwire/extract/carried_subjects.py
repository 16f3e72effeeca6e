"""Subjects a move takes from outside its own subject slot, for price moves told as returns.

A bracketed pair of returns after a comparison verb ("Apple's shares have outperformed the S&P
500 (12% vs. 8%)") gives its first number to the verb's subject and its second to the listing
named right after the verb. "It" or "They" opening a sentence stands for the shares the sentence
before ends on. A perfect participle ("..., having rallied 12%") takes the subject that opens
the sentence. A move after an earlier quarter's results belongs to the company the clause names,
else to the company the article is about. A move that opens the clause after a colon, told as
the market's reaction ("...: -2.3% on the news"), is the move of the subject before the colon,
a name or a description of the company named just before ("the industrial conglomerate").
"""

from __future__ import annotations

from dataclasses import replace

import regex

from tickerwire.extract.changes import Change
from tickerwire.extract.lexicon import COMPANY_NOUN_ALT
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
# "Honeywell (HON): -2.3% on the news", "the conglomerate has been hitting the skids: down 2.3%
# in pre-market trading": a number that opens the clause after a colon, followed by the words
# of a market reaction, is a move of the subject before the colon.
_AFTER_COLON = regex.compile(r":\s*$")
_REACTION_AFTER = regex.compile(
    r"\s+(?:on\s+(?:the\s+)?(?:news|report|results|release|announcement|guidance)\b"
    r"|in\s+(?:today['’]s\s+)?(?:pre-?market|after-?hours|extended|early|late)\s+trad(?:e|ing)\b)",
    regex.IGNORECASE,
)
# What may stand before a named subject in its clause: only an adverb (the name nearest the
# colon may be an object: "Snap kept pace with Pinterest: ...").
_COLON_SUBJECT_LEAD = regex.compile(
    r"\s*(?:(?:meanwhile|also|lately|recently|now|today),?\s+)?", regex.IGNORECASE
)
# A description of a company as the clause's subject ("lately the industrial conglomerate has
# been hitting the skids"), after at most a comparison with another company ("Like IP's stock
# performance, ...") and an adverb.
_DESCRIBED_SUBJECT = regex.compile(
    r"\s*(?i:(?:(?:like|unlike|as\s+with|similar\s+to)\s+[^,;:]{1,60},\s*)?"
    r"(?:(?:lately|recently|meanwhile|now|also|today),?\s+)?(?P<the>the))\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?(?P<noun>" + COMPANY_NOUN_ALT + r")(?:\s+[a-z][\w'’-]*){1,6}\s*"
)
# "... compounds the -3.6% for the company, year to date": a later number told for the company
# (or its stock) of the sentence's move before it, or for that company by name.
_FOR_OWNER = regex.compile(
    r"\s+for\s+(?:(?P<ref>(?:the|its)\s+(?:company|stock|shares|firm))\b|(?:the\s+)?(?=\S))",
    regex.IGNORECASE,
)


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

    def _colon_topic(self, change: Change) -> Topic | None:
        """The subject before a colon for a move that opens the clause after it, told as a
        reaction (see _AFTER_COLON): a listing or an index named there, or a company described
        ("the industrial conglomerate") for the company named just before the sentence."""
        q = change.quantity
        opening = min(change.trigger_start, q.start)
        lead = _AFTER_COLON.search(self.text, max(self.sentence.start, opening - 3), opening)
        if lead is None or not _REACTION_AFTER.match(self.text, q.end, self.sentence.end):
            return None
        colon = lead.start()
        clause = self.clause_start(colon)
        # ("Unlike" opens a clause of its own: the description may follow its phrase)
        described = _DESCRIBED_SUBJECT.fullmatch(
            self.text, clause, colon
        ) or _DESCRIBED_SUBJECT.fullmatch(self.text, self.sentence.start, colon)
        if described is not None:
            topic = self._described_topic(described.start("the"), described.end("noun"), colon)
        else:
            topic = self._scan_left(colon)
            if (
                topic.kind not in ("share", "index")
                or not topic.owners
                or not _COLON_SUBJECT_LEAD.fullmatch(self.text, clause, topic.subject_start)
                # a name the subject scan passes over ("the likes of Pinterest") may own it
                or any(topic.subject_end <= t.start < colon for t in self.terms)
            ):
                return None
        if topic is None:
            return None
        # told as the answer to the news: a current fact (timing dates it like "are down")
        return replace(topic, extra={**topic.extra, "reaction": True})

    def _described_topic(self, start: int, end: int, colon: int) -> Topic | None:
        """The company a description stands for: the one company the sentence before names, and
        not one this sentence names before the colon (the company compared)."""
        if any(start <= t.start < colon for t in self.terms):
            return None  # a name, a share word or a figure of its own in the description
        if self.sentence.index == 0:
            return None
        previous = self.ctx.sentences[self.sentence.index - 1]
        if len({g.entity_id for g in self._companies(previous.start, previous.end)}) != 1:
            return None  # none named just before, or two: which one the words leave open
        owner = self._previous_company(PRONOUN_PENALTY)
        if owner is None or owner.penalty != PRONOUN_PENALTY:
            return None
        named = {g.entity_id for g in self._companies(self.sentence.start, colon)}
        if owner.entity_id in named:
            return None
        return Topic("share", (owner,), subject_start=start, subject_end=end)

    def _owner_named_after(self, change: Change, previous: Change, topic: Topic) -> Topic | None:
        """'... -2.3% on the news compounds the -3.6% for the company': a bare signed number
        told for the company (or by name) whose move the sentence gave just before, with no
        other subject word between the two numbers."""
        if topic.kind != "share" or len(topic.owners) != 1:
            return None
        between = (previous.quantity.end, change.quantity.start)
        if any(between[0] <= t.start < between[1] for t in self.terms):
            return None
        match = _FOR_OWNER.match(self.text, change.quantity.end, self.sentence.end)
        if match is None:
            return None
        owner = topic.owners[0]
        if match.group("ref") is None:
            named = self.ctx.groups_in(match.end(), min(self.sentence.end, match.end() + 1))
            if not named or named[0].entity_id != owner.entity_id:
                return None
        return Topic("share", topic.owners, subject_start=match.start(), subject_end=match.end())
