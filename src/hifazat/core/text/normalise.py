"""Normalisation that keeps a map from every normalised character back to the original text.

CONTRACT (other modules rely on it):
- `normalise(text) -> NormalisedText`
- `NormalisedText.text` is the normalised string; `offsets[i]` is the index in the original of the
  character that produced `text[i]`; `ends[i]` is one past the last original character it covers.
- `NormalisedText.to_original(start, end) -> Span` maps a range of `text` back to the original.
"""

from __future__ import annotations

from dataclasses import dataclass

from hifazat.core.signals import Span


@dataclass(frozen=True, slots=True)
class NormalisedText:
    original: str
    text: str
    offsets: tuple[int, ...]
    ends: tuple[int, ...]

    def to_original(self, start: int, end: int) -> Span:
        """The original range covered by normalised characters `[start, end)`."""
        if start >= end or not self.offsets:
            pos = self.offsets[start] if start < len(self.offsets) else len(self.original)
            return Span(pos, pos)
        return Span(self.offsets[start], self.ends[end - 1])


def normalise(text: str) -> NormalisedText:
    """Placeholder until the full pipeline lands: case-folds, keeps a 1:1 map."""
    folded = []
    offsets: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        for out in ch.casefold():
            folded.append(out)
            offsets.append(i)
            ends.append(i + 1)
    return NormalisedText(text, "".join(folded), tuple(offsets), tuple(ends))
