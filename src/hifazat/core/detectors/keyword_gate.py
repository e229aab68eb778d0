"""Keyword gates: which rules may match a text, answered by an Aho–Corasick pass before any regex runs.

A `KeywordGate` belongs to one rule set (a phrase file, an address-word list). Alone it scans the
text itself. A `KeywordIndex` joins the gates of every detector of a moderator into one automaton
whose values are bit masks laid side by side (each gate owns a range of bits), so one pass per item
answers every gate; the result is kept on the item's `NormalisedText`, and each gate reads its own
bits from it. A gate answers the same with or without an index.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import reduce
from operator import itemgetter, or_
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import ahocorasick

if TYPE_CHECKING:
    from hifazat.core.text.normalise import NormalisedText

_VALUE = itemgetter(1)


def _scan(automaton: ahocorasick.Automaton, text: str) -> int:
    """The OR of the values of every keyword occurrence in `text` (the loop runs in C)."""
    return reduce(or_, map(_VALUE, automaton.iter(text)), 0)


def _automaton(table: dict[str, int]) -> ahocorasick.Automaton:
    automaton = ahocorasick.Automaton()
    for form, mask in table.items():
        automaton.add_word(form, mask)
    if table:
        automaton.make_automaton()
    return automaton


class KeywordGate:
    """One Aho–Corasick pass over a text answers which rules (by index) may match it.

    Each keyword form maps to a bit mask of rule indexes, so a pass costs one C-level scan
    plus an integer OR per hit. `key_variants` (from `phrase_patterns`) gives the forms of a stem.
    """

    def __init__(self, keyed: Iterable[tuple[str, int]]) -> None:
        from hifazat.core.detectors.phrase_patterns import key_variants

        table: dict[str, int] = {}
        for stem, index in keyed:
            for form in key_variants(stem):
                table[form] = table.get(form, 0) | (1 << index)
        self.table: dict[str, int] = table
        """Keyword form -> bit mask of the rules it lets through."""
        self.width = max(table.values(), default=0).bit_length()
        """Bits this gate needs in a shared index."""
        self._full = (1 << self.width) - 1
        self._empty = not table
        self._own: ahocorasick.Automaton | None = None
        """This gate's own automaton, built on first use: a gate that a shared index answers never needs it."""
        self._binding: tuple[KeywordIndex, int] | None = None

    @property
    def _automaton(self) -> ahocorasick.Automaton:
        own = self._own
        if own is None:
            own = _automaton(self.table)
            self._own = own
        return own

    def mask(self, text: str) -> int:
        """Bit `i` is set when a keyword of rule `i` occurs somewhere in `text`."""
        if self._empty:
            return 0
        return _scan(self._automaton, text)

    def mask_in(self, norm: NormalisedText) -> int:
        """`mask(norm.text)`, read from the shared pass of the index this gate belongs to, if any."""
        binding = self._binding
        if binding is None:
            return self.mask(norm.text)
        index, offset = binding
        return (index.hits(norm) >> offset) & self._full

    def candidates(self, text: str) -> list[int]:
        """Indexes (ascending) of the rules whose keyword occurs in `text`."""
        return _bits(self.mask(text))

    def candidates_in(self, norm: NormalisedText) -> list[int]:
        """`candidates(norm.text)` through the shared pass."""
        return _bits(self.mask_in(norm))

    def any(self, text: str) -> bool:
        """Whether any keyword occurs in `text` (stops at the first)."""
        if self._empty:
            return False
        return next(self._automaton.iter(text), None) is not None

    def any_in(self, norm: NormalisedText) -> bool:
        """`any(norm.text)` through the shared pass."""
        if self._binding is None:
            return self.any(norm.text)
        return self.mask_in(norm) != 0


def _bits(mask: int) -> list[int]:
    out: list[int] = []
    while mask:
        low = mask & -mask
        out.append(low.bit_length() - 1)
        mask ^= low
    return out


@runtime_checkable
class HasKeywordGates(Protocol):
    """A detector whose work starts with keyword gates that a shared index may answer."""

    def keyword_gates(self) -> Iterable[KeywordGate]:
        """Every gate the detector consults."""
        ...


class KeywordIndex:
    """The keywords of many gates in one automaton: one pass per text answers every gate.

    Building an index binds its gates to it (a gate belongs to the index built last, which holds
    it), so build one per moderator, before use. The pass over a text is cached on its
    `NormalisedText`.
    """

    def __init__(self, gates: Iterable[KeywordGate]) -> None:
        table: dict[str, int] = {}
        offset = 0
        bindings: list[tuple[KeywordGate, int]] = []
        seen: set[int] = set()
        for gate in gates:
            if id(gate) in seen or gate.width == 0:
                continue
            seen.add(id(gate))
            for form, mask in gate.table.items():
                table[form] = table.get(form, 0) | (mask << offset)
            bindings.append((gate, offset))
            offset += gate.width
        self.size = len(table)
        self._automaton = _automaton(table)
        for gate, start in bindings:
            gate._binding = (self, start)

    def hits(self, norm: NormalisedText) -> int:
        """Every gate's bits for `norm.text`, computed once per text and index."""
        cached = norm._keywords
        if cached is not None and cached[0] is self:
            return cached[1]
        found = _scan(self._automaton, norm.text) if self.size else 0
        object.__setattr__(norm, "_keywords", (self, found))
        return found


def keyword_index(detectors: Iterable[object]) -> KeywordIndex | None:
    """One index over the gates of every detector that has some, or None when none has."""
    gates = [g for d in detectors if isinstance(d, HasKeywordGates) for g in d.keyword_gates()]
    return KeywordIndex(gates) if gates else None
