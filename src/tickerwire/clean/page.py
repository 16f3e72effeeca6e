"""The page being cleaned: its lines, what has been removed from it, and why.

Rules mark whole lines (`remove`, `remove_group`), cut sentences off the end of a line
(`cut_tail`) or take pieces out of one (`cut_spans`); nothing is ever rewritten otherwise.
`text()` and `removed()` read the result.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from tickerwire.records import Removed, RemovedKind

# Spaces made plain, and invisible characters removed (str.replace per character costs a tenth
# of a regex substitution through the text).
_ODD_SPACES = ("\u00a0", "\u2009", "\u202f", "\t")
_INVISIBLES = ("\u200b", "\u200c", "\u200d", "\ufeff", "\u00ad")


def split_lines(text: str) -> list[str]:
    """Non-empty lines of `text`, stripped, with odd spaces made plain and invisibles removed.

    Blank lines only separate paragraphs, and the output joins paragraphs with one newline, so
    they carry nothing further.
    """
    cleaned = text.replace("\r\n", "\n").replace("\r", "\n")
    # Both character sets are outside ASCII but for the tab: an ASCII text (str.isascii() is
    # free) skips the two scans.
    if not cleaned.isascii():
        for invisible in _INVISIBLES:
            cleaned = cleaned.replace(invisible, "")
    if not cleaned.isascii() or "\t" in cleaned:
        for odd_space in _ODD_SPACES:
            cleaned = cleaned.replace(odd_space, " ")
    return [stripped for line in cleaned.split("\n") if (stripped := line.strip())]


@dataclass
class _Removal:
    line: int
    order: int
    kind: RemovedKind
    text: str


@dataclass
class Page:
    """Lines of one page with their removal marks. Built by `Page.from_text`."""

    lines: list[str]
    kinds: list[RemovedKind | None] = field(default_factory=list)
    _removals: list[_Removal] = field(default_factory=list)

    @classmethod
    def from_text(cls, text: str) -> Page:
        lines = split_lines(text)
        return cls(lines=lines, kinds=[None] * len(lines))

    def __len__(self) -> int:
        return len(self.lines)

    def is_live(self, index: int) -> bool:
        return self.kinds[index] is None

    def live_indices(self) -> list[int]:
        return [i for i, kind in enumerate(self.kinds) if kind is None]

    def remove(self, index: int, kind: RemovedKind) -> None:
        """Remove line `index` (once; a second removal of the same line is ignored)."""
        if self.kinds[index] is not None:
            return
        self.kinds[index] = kind
        self._removals.append(_Removal(index, len(self._removals), kind, self.lines[index]))

    def remove_group(self, indices: list[int], kind: RemovedKind) -> None:
        """Remove several lines as one piece (one `Removed` entry, lines joined by newlines)."""
        live = [i for i in sorted(indices) if self.kinds[i] is None]
        if not live:
            return
        for i in live:
            self.kinds[i] = kind
        text = "\n".join(self.lines[i] for i in live)
        self._removals.append(_Removal(live[0], len(self._removals), kind, text))

    def cut_tail(self, index: int, kept: str, cut: list[str], kind: RemovedKind) -> None:
        """Keep `kept` as line `index` and record each sentence of `cut` as removed."""
        self.lines[index] = kept
        for sentence in cut:
            self._removals.append(_Removal(index, len(self._removals), kind, sentence))

    def cut_spans(self, index: int, spans: list[tuple[int, int]], kind: RemovedKind) -> None:
        """Take the pieces `spans` (sorted, disjoint) out of line `index`, each recorded as
        removed; the rest of the line stays as written. A line left empty is removed whole."""
        line = self.lines[index]
        kept: list[str] = []
        start = 0
        for begin, end in spans:
            kept.append(line[start:begin])
            start = end
        kept.append(line[start:])
        rest = "".join(kept).strip()
        if not rest:
            self.remove(index, kind)
            return
        self.lines[index] = rest
        for begin, end in spans:
            self._removals.append(
                _Removal(index, len(self._removals), kind, line[begin:end].strip())
            )

    def text(self) -> str:
        return "\n".join(
            line for line, kind in zip(self.lines, self.kinds, strict=True) if kind is None
        )

    def removed(self) -> tuple[Removed, ...]:
        ordered = sorted(self._removals, key=lambda r: (r.line, r.order))
        return tuple(Removed(kind=r.kind, text=r.text) for r in ordered)
