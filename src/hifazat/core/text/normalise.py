"""Normalisation that keeps a map from every normalised character back to the original text.

CONTRACT (other modules rely on it):
- `normalise(text) -> NormalisedText`
- `NormalisedText.text` is the normalised string; `offsets[i]` is the index in the original of the
  character that produced `text[i]`; `ends[i]` is one past the last original character it covers.
- `NormalisedText.to_original(start, end) -> Span` maps a range of `text` back to the original.

The pipeline:

1. per character (`charmap.py`): NFKC, case folding, invisible characters removed, Latin accents and
   look-alikes folded to ASCII, Arabic letters unified to Urdu ones, Arabic diacritics and tatweel
   removed, every digit to ASCII;
2. letters split by a separator joined (`k.i.l.l` -> `kill`);
3. leetspeak folded inside tokens that contain letters (`k1ll` -> `kill`);
4. runs of 3+ of the same letter squeezed to two (`fuuuuck` -> `fuuck`);
5. whitespace collapsed.

Removed characters (a zero-width space, a combining accent) are attached to the character before
them, so a span never cuts a grapheme in two. Pure-ASCII text takes a fast path of C-level string
calls and prebuilt offset tuples; other text is folded with one `str.translate` call unless a
character changes length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hifazat.core.signals import Span
from hifazat.core.text.charmap import FOLD_TABLE
from hifazat.core.text.stages import Offsets, identity, identity_ends, run_steps, run_steps_ascii

__all__ = ["NormalisedText", "normalise"]


@dataclass(frozen=True, slots=True)
class NormalisedText:
    """A normalised text with, for each of its characters, the original range it came from."""

    original: str
    """The text exactly as given."""
    text: str
    """The normalised text."""
    offsets: tuple[int, ...]
    """`offsets[i]`: index in `original` of the first character that produced `text[i]`."""
    ends: tuple[int, ...]
    """`ends[i]`: one past the last character of `original` that `text[i]` covers."""
    _words: list[str] | None = field(default=None, compare=False, repr=False)
    _keywords: tuple[object, int] | None = field(default=None, compare=False, repr=False)
    """`(index, hits)` of the last shared keyword pass (`phrase_patterns.KeywordIndex`) over `text`."""

    def words(self) -> list[str]:
        """The letter words of `text` (runs of letters of any script), computed once and shared
        by the language identifier and the detectors. Do not modify the returned list."""
        words = self._words
        if words is None:
            text = self.text
            words = (_ASCII_WORD if text.isascii() else _LETTER_WORD).findall(text)
            object.__setattr__(self, "_words", words)
        return words

    def to_original(self, start: int, end: int) -> Span:
        """The original range covered by normalised characters `[start, end)`."""
        if start >= end or not self.offsets:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return Span(pos, pos)
        return Span(self.offsets[start], self.ends[end - 1])

    def original_text(self, start: int, end: int) -> str:
        """The original characters behind normalised characters `[start, end)`."""
        span = self.to_original(start, end)
        return self.original[span.start : span.end]


_LETTER_WORD = re.compile(r"[^\W\d_]+")
_ASCII_WORD = re.compile(r"[a-zA-Z]+")
"""`_LETTER_WORD` on ASCII text, where a literal class is about twice as fast."""
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


def _fold_general(text: str) -> tuple[str, Offsets, Offsets]:
    """Per-character folding with exact offsets (removed characters join the one before).

    Only the characters the table does not know to be unchanged are looked up one by one; the runs
    between them are lowercased with one C-level call each.
    """
    table = FOLD_TABLE
    pieces: list[str] = []
    reps: list[tuple[int, str]] = []
    prev = 0
    same_length = True
    for m in table.unsafe_pattern().finditer(text):
        i = m.start()
        rep = table[ord(text[i])]
        if len(rep) != 1:
            same_length = False
        pieces.append(text[prev:i].lower())
        pieces.append(rep)
        reps.append((i, rep))
        prev = i + 1
    if not reps:
        return text.lower(), None, None
    pieces.append(text[prev:].lower())
    if same_length:
        return "".join(pieces), None, None
    offs: list[int] = []
    ends: list[int] = []
    prev = 0
    for i, rep in reps:
        offs.extend(range(prev, i))
        ends.extend(range(prev + 1, i + 1))
        if rep:
            offs.extend([i] * len(rep))
            ends.extend([i + 1] * len(rep))
        elif ends and ends[-1] == i:
            ends[-1] = i + 1
        prev = i + 1
    offs.extend(range(prev, len(text)))
    ends.extend(range(prev + 1, len(text) + 1))
    return "".join(pieces), offs, ends


def normalise(text: str) -> NormalisedText:
    """Normalise `text` for matching; see the module docstring for the steps."""
    if text.isascii() and (text.isprintable() or not _ASCII_CONTROL.search(text)):
        current, offs, ends = run_steps_ascii(text.lower())
    else:
        current, offs, ends = run_steps(*_fold_general(text))
    if offs is None or ends is None:
        n = len(current)
        return NormalisedText(text, current, identity(n), identity_ends(n))
    return NormalisedText(text, current, tuple(offs), tuple(ends))
