"""Index futures named after a market: "Nasdaq futures" are the Nasdaq-100 contracts.

News calls the E-mini Nasdaq-100 contracts (NQ) "Nasdaq futures" or "Nasdaq e-minis"; no
futures trade on the Nasdaq Composite. The bare word "Nasdaq", an alias of the Composite, is
therefore the Nasdaq-100 where a futures word follows it ("Nasdaq futures NQc1 rose 1%", "Nasdaq
e-minis") or where its sentence opens on futures ("Futures: Dow up 0.1%, Nasdaq up 1.2%"). The
extract stage reads the same cues (extract/subject_scan.py) to mark an index move as futures; the
two must agree so that the article's entities hold the index its moves name.
"""

from __future__ import annotations

import regex

from tickerwire.link.reference import ReferenceData

# (ticker the bare name links to, ticker of the index its futures follow), by index ticker.
_FUTURES_OF_INDEX = (("COMP", "NDX"),)
# A futures word within two words after the name, in the same sentence: "Nasdaq futures",
# "Nasdaq e-minis", "Nasdaq 100 e-mini futures", "Nasdaq and S&P futures" (both are futures).
# extract/subject_scan.py reads futures moves with these two patterns, so the stages agree.
FUTURES_AFTER = regex.compile(r"\W{0,3}(?:[\w.]+\s+){0,2}?(?:futures|e-?minis?)\b", regex.I)
# A sentence that opens on futures: "Futures: Dow up 0.13%, Nasdaq up 1.16%", "U.S. stock index
# futures rose, with the Nasdaq up 1%".
FUTURES_LEAD = regex.compile(
    r"\W*(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+)?(?:U\.?S\.?\s+)?(?:stock\s+)?(?:index\s+)?futures\b",
    regex.I,
)
# Where a sentence starts: after a line break or a full stop, question or exclamation mark and
# a space.
_SENTENCE_END = regex.compile(r"(?r)\n|[.!?][ ]")
_SENTENCE_BREAK = regex.compile(r"\n|[.!?](?:[ ]|$)")


class IndexFutures:
    """Which index a futures mention of a market follows. Build once per ReferenceData."""

    def __init__(self, reference: ReferenceData) -> None:
        self._futures_entity: dict[str, str] = {}
        for index_ticker, futures_ticker in _FUTURES_OF_INDEX:
            index = reference.by_ticker(index_ticker)
            futures = reference.by_ticker(futures_ticker)
            if index is not None and futures is not None:
                self._futures_entity[index[0].id] = futures[0].id

    def entity_of(self, text: str, entity_id: str, start: int, end: int) -> str:
        """The entity the index mention text[start:end] names: the index its futures follow
        when it is the bare market name ("Nasdaq", not "Nasdaq Composite") in a futures
        context, else `entity_id`."""
        futures_entity = self._futures_entity.get(entity_id)
        if futures_entity is None or " " in text[start:end].strip():
            return entity_id
        break_after = _SENTENCE_BREAK.search(text, end)
        sentence_end = break_after.start() if break_after else len(text)
        if FUTURES_AFTER.match(text, end, sentence_end):
            return futures_entity
        break_before = _SENTENCE_END.search(text, 0, start)
        sentence_start = break_before.end() if break_before else 0
        if FUTURES_LEAD.match(text, sentence_start, start):
            return futures_entity
        return entity_id
