"""One Aho-Corasick pass over a text for both the gazetteer's aliases and the name cues.

Both automata run over the same folded copy of the text (`" " + fold_for_matching(text)`), with
keys that start with a space so that they only match at word starts. Each pass costs about as
much as the other, whatever its number of keys; one automaton holding both key sets serves both
steps of the linker in one pass.
"""

from __future__ import annotations

import ahocorasick

from tickerwire.link.gazetteer import AliasEntry, Gazetteer
from tickerwire.link.names import Cue, NameFinder


class WordStarts:
    """The alias keys of a Gazetteer and the cue keys of a NameFinder in one automaton."""

    def __init__(self, gazetteer: Gazetteer, names: NameFinder) -> None:
        values: dict[str, tuple[tuple[AliasEntry, ...] | None, Cue | None]] = {
            key: (entries, None) for key, entries in gazetteer.ascii_keys.items()
        }
        for key, cue in names.cue_keys.items():
            values[key] = (gazetteer.ascii_keys.get(key), cue)
        self._automaton = ahocorasick.Automaton()
        for key, value in values.items():
            self._automaton.add_word(key, value)
        self._automaton.make_automaton()

    def matches(
        self, folded: str
    ) -> tuple[list[tuple[int, tuple[AliasEntry, ...]]], list[tuple[int, Cue]]]:
        """The alias matches and the cue matches in `folded`, as each automaton alone finds them
        (end index and value, in the automaton's order)."""
        aliases: list[tuple[int, tuple[AliasEntry, ...]]] = []
        cues: list[tuple[int, Cue]] = []
        for end, (entries, cue) in self._automaton.iter(folded):
            if entries is not None:
                aliases.append((end, entries))
            if cue is not None:
                cues.append((end, cue))
        return aliases, cues
