"""What a percentage change is about: a listing's shares, an index, or a company's figure.

For each `Change` the reader's question is "what rose?". The answer is the nearest subject word
before the verb in the same clause ("Meta's stock surged 14%", "revenue rose 8%", "the Hang Seng
Index rose 1.94%"), the phrase after a noun ("a 13% gain in its U.S.-listed stock"), or the
word between the number and the noun ("a 19% share rally", "a 12% revenue increase"). Possessive
pronouns and bare "the stock" resolve to a company named earlier, with a confidence penalty, and
only when nothing else in the sentence could own the shares.

`TopicResolver` puts the rules together: the subject words and the nearest one before a
position come from `subject_scan`, the subjects read from outside the verb's own subject slot
(a pronoun, a perfect participle, a bracketed pair of returns) from `carried_subjects`.
"""

from __future__ import annotations

from dataclasses import replace

import regex

from tickerwire.extract.carried_subjects import CarriedSubjects
from tickerwire.extract.changes import Change
from tickerwire.extract.lexicon import noun_direction
from tickerwire.extract.owners import Owner
from tickerwire.extract.subject_scan import BLOCKED, NO_TOPIC, RANKING_NOUN, Topic
from tickerwire.extract.timing import prior_day_phrase

_AND_BETWEEN = regex.compile(r"\s*(?:,|and|&)\s*", regex.IGNORECASE)
_RESPECTIVELY = regex.compile(r"[^.;]{0,40}?\brespectively\b", regex.IGNORECASE)
_OF_VALUE_AFTER = regex.compile(r"\s+of\s+(?:its|their)\s+(?:market\s+)?value\b", regex.I)
# "weighed down by the 11.1% drop in ...", "an 8% gain for ...": a number opening a noun phrase
# has a subject of its own (named after it, or none we know); it does not continue the
# previous number's subject as a second verb does ("fell 2% and was down 3% on the week").
_ARTICLE_BEFORE = regex.compile(r"\b(?:the|an?)\s+$", regex.IGNORECASE)
_PHRASE_STOP = regex.compile(r"[,;:]|\.(?=\s|$)")
_POSSESSIVE_GAP = regex.compile(r"^(?:'s?)?\s*(?:[\w-]+\s+){0,3}?(?:an?\s+|the\s+)?[\w\s.-]*$")
# "Nvidia led the declines with a 4% fall", "Altria was the top gainer on the S&P 500 with a 5%
# jump": the number after "with" is the ranked subject's move. The ranking words must agree with
# the move's direction (a rise does not lead the declines).
_RANKED_WITH = regex.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:led|topped|headed)\s+[^,;:()%]{0,60}?\b(?P<rank>"
    + RANKING_NOUN
    + r"|higher|lower)\b"
    r"|\s+(?:was|were|is|are)\s+(?:among\s+)?the\s+(?:[\w-]+\s+){0,2}?"
    r"(?P<rank>gainers?|losers?|decliners?|advancers?|laggards?)\b",
    regex.IGNORECASE,
)
_WITH_END = regex.compile(r"[^,;:()%]{0,50}?,?\s+with\s+(?:an?\s+|its\s+)?", regex.I)
_UP_RANKS = frozenset(
    {"gains", "gainers", "gainer", "advancers", "advancer", "advances", "rally", "higher"}
)
# "the U.S. dollar, which fell 0.5% against its peers", "the greenback rose 0.3% against a
# basket of currencies": the dollar measured against a basket is the dollar index; against one
# currency ("against the yen") it is an exchange rate, no index.
_DOLLAR_BEFORE = regex.compile(
    r"\b(?:dollar|greenback)\s*(?:,\s*which\s+)?(?:(?:also|was|were|is|has|had)\s+){0,2}$",
    regex.IGNORECASE,
)
_BASKET_AFTER = regex.compile(
    r"\s+(?:[\w-]+\s+){0,2}?against\s+(?:(?:its|their)\s+(?:major\s+)?(?:peers|rivals)"
    r"|(?:a\s+)?basket\s+of\s+(?:[\w-]+\s+){0,2}?(?:currencies|peers)"
    r"|(?:other\s+|six\s+)?major\s+(?:currencies|peers)|six\s+(?:other\s+)?(?:currencies|peers))\b",
    regex.IGNORECASE,
)
_DOLLAR_INDEX_TICKER = "DXY"
# What may stand between a subject and its bare signed number: brackets, commas, a dash or a
# colon, a ticker in capitals and a copula ("Honeywell (HON) -2.3%", "Apple, -1.4%").
_SIGN_GAP = regex.compile(
    r"[\s(),:;–—-]*(?:of\b[\s(),:;–—-]*)?(?:[A-Z][A-Z0-9.]{0,9}[\s(),:;–—-]*)?"
    r"(?:(?:was|were|is|are)\s+)?"  # "the S&P 500 was +1.25%"
)
_RIGHT_PHRASE = regex.compile(r"\s+(?:in|of|for)\s+", regex.IGNORECASE)
# "..., having rallied 12% this year": a perfect participle takes the main clause's subject.
_HAVING = regex.compile(r"\bhaving\s+(?:(?:already|now|since)\s+)?$", regex.IGNORECASE)


class TopicResolver(CarriedSubjects):
    """Resolves the topics of the changes of one sentence."""

    # -- the main entry -----------------------------------------------------------------------

    def resolve(self, changes: list[Change]) -> list[Topic]:
        topics: list[Topic] = []
        for i, change in enumerate(changes):
            if change.kind == "list":
                head_topic = topics[change.head]
                topics.append(self._list_member(change, head_topic))
                continue
            floor = (
                changes[i - 1].quantity.end
                if i > 0 and changes[i - 1].quantity.end <= change.trigger_start
                else None
            )
            topic = self._own_topic(change, floor)
            if i > 0 and prior_day_phrase(self.ctx, change) is not None:
                # "recovered 2.9% after Wednesday's 38% slump": the subject's earlier move
                previous = topics[i - 1]
                if previous.kind in ("share", "index") and previous.owners:
                    topic = replace(previous, extra={**previous.extra, "prior_day": True})
            if change.kind == "sign" and topic is BLOCKED and i > 0:
                topic = self._owner_named_after(change, changes[i - 1], topics[i - 1]) or topic
            if (
                topic is NO_TOPIC
                and i > 0
                and not self._boundary_between(changes[i - 1], change)
                and not self._unknown_name_between(changes[i - 1], change)
                and not _ARTICLE_BEFORE.search(
                    self.text,
                    max(self.sentence.start, change.quantity.start - 4),
                    change.quantity.start,
                )
            ):
                previous = topics[i - 1]
                if previous.kind != "none":
                    topic = Topic(
                        previous.kind,
                        previous.owners,
                        previous.metric,
                        previous.futures,
                        previous.subject_start,
                        previous.subject_end,
                        {"inherited": True},
                    )
            topics.append(topic)
        return self._distribute(changes, topics)

    def _own_topic(self, change: Change, floor: int | None = None) -> Topic:
        noun = self.text[change.trigger_start : change.trigger_end].lower()
        if change.kind in ("noun_after", "noun_before"):
            topic = self._noun_topic(change, floor)
            if noun == "growth" and topic.kind in ("share", "index"):
                return BLOCKED  # "growth" is said of a business, not of a share price
            return topic
        return self._verb_topic(change, floor)

    def _noun_topic(self, change: Change, floor: int | None) -> Topic:
        """'a 19% surge in its shares', "Alibaba's 19% surge", 'a 12% revenue increase'."""
        q = change.quantity
        if change.kind == "noun_before":
            topic = self._scan_left(change.trigger_start, floor)
            return topic if self._attached(topic, change.trigger_start, change) else BLOCKED
        if change.kind == "noun_after":
            between = [t for t in self.terms if q.end <= t.start and t.end <= change.trigger_start]
            if between:
                return self._topic_from_term(between[-1], anchor=q.start)
            right = self._right_phrase_topic(change.trigger_end)
            if right is not None:
                return right
            topic = self._scan_left(q.start, floor)
            return topic if self._attached(topic, q.start, change) else BLOCKED
        return NO_TOPIC

    def _attached(self, topic: Topic, position: int, change: Change) -> bool:
        """A noun's subject named by a company must be its possessive ("Alibaba's 19% surge");
        a company that is the subject of another verb ("Apple brought in $23 billion, a 10%
        growth") is not what the noun measures."""
        if topic.kind not in ("share", "index") or not topic.extra.get("named"):
            return True
        ranked = _RANKED_WITH.match(self.text, topic.subject_end, position)
        if ranked is not None and _WITH_END.fullmatch(self.text, ranked.end(), position):
            rises = ranked.group("rank").lower() in _UP_RANKS
            noun = self.text[change.trigger_start : change.trigger_end]
            return rises == (noun_direction(noun) == "up")
        gap = self.text[topic.subject_end : position]
        if not _POSSESSIVE_GAP.match(gap):
            return False
        return "," not in gap and len(gap.split()) <= 4

    def _verb_topic(self, change: Change, floor: int | None) -> Topic:
        q = change.quantity
        if change.kind == "paired":
            return self._paired_topic(change)
        if change.kind == "earnings_move":
            return self._earnings_move_topic(change)
        if change.kind == "sign":
            # "NVDA +198%", "Dow -0.5%": a bare signed number belongs only to a name right before
            # ("Honeywell (HON) -2.3%", "shares of Intel, -1.4%"); a word between names
            # something else of the subject ("Nvidia margins (-2%)")
            subject = self._scan_left(q.start, floor)
            if subject is NO_TOPIC:
                return self._colon_topic(change) or BLOCKED
            offset = subject.subject_end
            if offset < 0:
                return BLOCKED
            gap = self.text[offset : q.start]
            for group in reversed(self.ctx.groups_in(offset, q.start)):
                # the company of "shares of Intel, -1.4%": its name is no other word
                gap = gap[: group.start - offset] + gap[group.end - offset :]
            return subject if len(gap.split()) <= 2 and _SIGN_GAP.fullmatch(gap) else BLOCKED
        if change.kind == "higher_lower":
            # "on +12.9% higher revenues": the noun after the comparative is what changed
            following = [t for t in self.terms if t.start >= change.trigger_end]
            if following and not self.text[change.trigger_end : following[0].start].strip():
                return self._topic_from_term(following[0], anchor=q.start)
            topic = self._scan_left(q.start, floor)
            if topic is NO_TOPIC:  # "revenues of $39.17 billion - 21.8% higher": across the dash
                topic = self._scan_left(q.start, floor, cross_dash=True)
            return topic
        topic = self._scan_left(change.trigger_start, floor)
        if (topic is NO_TOPIC or topic.extra.get("blocked")) and change.kind in ("verb", "updown"):
            topic = self._dollar_index_topic(change) or topic
        if topic is NO_TOPIC:
            topic = self._colon_topic(change) or topic
        if topic is NO_TOPIC and floor is None:
            topic = self._pronoun_topic(change.trigger_start)
        having = _HAVING.search(
            self.text, max(self.sentence.start, change.trigger_start - 20), change.trigger_start
        )
        if having is not None and not (
            topic.subject_end >= 0 and not self.text[topic.subject_end : having.start()].strip()
        ):
            # "..., after having rallied 15%": the sentence's subject, not a noun on the way
            # ("profit-taking"); "with revenue having grown 3%" keeps its own subject
            main = self._main_subject(change.trigger_start)
            if main.kind == "share" or topic is NO_TOPIC:
                topic = main
        if topic.kind == "metric" and _OF_VALUE_AFTER.match(self.text, q.end):
            # "by market cap, losing 24.5% of its value": the value lost is the company's, but
            # whether as a share move or a market value the words leave open
            return BLOCKED
        return topic

    def _dollar_index_topic(self, change: Change) -> Topic | None:
        """The dollar index for the dollar's move against a basket (see _BASKET_AFTER)."""
        start = max(self.sentence.start, change.trigger_start - 30)
        dollar = _DOLLAR_BEFORE.search(self.text, start, change.trigger_start)
        if dollar is None or not _BASKET_AFTER.match(self.text, change.quantity.end):
            return None
        found = self.ctx.reference.by_ticker(_DOLLAR_INDEX_TICKER)
        if found is None:
            return None
        return Topic(
            "index",
            (Owner(found[0].id, _DOLLAR_INDEX_TICKER),),
            subject_start=dollar.start(),
            subject_end=dollar.start() + len(dollar.group(0).split(",")[0].rstrip()),
            extra={"named": True},
        )

    def _right_phrase_topic(self, position: int) -> Topic | None:
        """'a 13% gain in its U.S.-listed stock', 'a 25% jump in revenue'."""
        phrase = _RIGHT_PHRASE.match(self.text, position, self.sentence.end)
        if phrase is None:
            return None
        limit = min(self.sentence.end, phrase.end() + 50)
        stop = _PHRASE_STOP.search(self.text, phrase.end(), limit)
        limit = stop.start() if stop is not None else limit
        for term in self.terms:
            if phrase.end() <= term.start < limit:
                return self._topic_from_term(term, anchor=term.start)
        return None

    def _list_member(self, change: Change, head: Topic) -> Topic:
        return Topic(
            head.kind,
            head.owners,
            head.metric,
            head.futures,
            head.subject_start,
            head.subject_end,
            {"list": True},
        )

    def _distribute(self, changes: list[Change], topics: list[Topic]) -> list[Topic]:
        """Give each change of a list its own owner ('respectively', 'each', 'at X')."""
        result = list(topics)
        heads: dict[int, list[int]] = {}
        for i, change in enumerate(changes):
            heads.setdefault(change.head, []).append(i)
        for members in heads.values():
            next_starts = [
                changes[i + 1].quantity.start if i + 1 < len(changes) else self.sentence.end
                for i in members
            ]
            own = [
                self.owner_after_number(changes[i], next_starts[k]) for k, i in enumerate(members)
            ]
            if any(o is not None for o in own):
                for k, i in enumerate(members):
                    topic = result[i]
                    if own[k] is not None:
                        result[i] = _with_owners(topic, (own[k],))  # type: ignore[arg-type]
                    elif k > 0:
                        result[i] = NO_TOPIC  # a later number with no owner of its own
                continue
            owners = result[members[0]].owners
            last = changes[members[-1]].quantity.end
            paired = bool(_RESPECTIVELY.match(self.text, last, self.sentence.end))
            if len(members) > 1 and paired and self._unpaired(changes, members, result):
                # "they came out with growth of 51.8% and 13.1%, respectively": one number per
                # subject, and we do not know each subject
                for i in members:
                    result[i] = NO_TOPIC
                continue
            if len(members) > 1 and len(owners) == len(members):
                for k, i in enumerate(members):
                    result[i] = _with_owners(result[i], (owners[k],))
            elif len(members) > 1 and not (
                len(owners) == 1 and result[members[0]].kind == "metric"
            ):
                # numbers and owners do not pair up: do not guess (one company's several figures
                # in a list, "down 7.9% and 25.6%", are fine)
                for i in members:
                    result[i] = NO_TOPIC
        return result

    def _unpaired(self, changes: list[Change], members: list[int], topics: list[Topic]) -> bool:
        """Whether the numbers of a "respectively" list cannot be paired with their subjects:
        a move's owners do not match the numbers one to one, or a figure's single owner stands
        for several companies or several figures named before ("Alphabet and Apple ...
        growth of 51.8% and 13.1%", "Earnings and revenues ... 49% and 5.4%")."""
        topic = topics[members[0]]
        if topic.kind in ("share", "index"):
            return len(topic.owners) != len(members)
        if topic.kind != "metric" or len(topic.owners) != 1 or topic.metric is None:
            return False
        first = changes[members[0]].quantity.start
        named = {g.entity_id for g in self._companies(self.sentence.start, first)}
        if len(named) > 1:
            return True
        metrics = [t for t in self.terms if t.kind == "metric" and t.end <= topic.metric.start]
        return bool(
            metrics and _AND_BETWEEN.fullmatch(self.text, metrics[-1].end, topic.metric.start)
        )


def _with_owners(topic: Topic, owners: tuple[Owner, ...]) -> Topic:
    return Topic(
        topic.kind,
        owners,
        topic.metric,
        topic.futures,
        topic.subject_start,
        topic.subject_end,
        topic.extra,
    )
