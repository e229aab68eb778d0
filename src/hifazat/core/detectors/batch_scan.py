"""One regex pass over a whole batch of texts, answered per text.

Detectors that look at the original text for a few trigger characters (a digit, an `@`, a dot
before a letter) ask once per batch instead of once per item: the texts are joined with a
newline, the pattern runs over the joined string in C, and each match is mapped back to its text
by the texts' start offsets.

Patterns given here must be plain: characters, classes and alternations, no anchors (`^`, `$`,
`\b`) and no lookarounds, and unable to match a newline. A match then never spans two texts and
never depends on what lies beyond its own text, so each text gets exactly the matches a scan of
that text alone would find (a text's own newlines are ordinary characters to such a pattern).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate

_SEPARATOR = "\n"
_NOT_PLAIN = re.compile(r"\(\?[=!<]|(?<![\\\[])[$^]|\\[bBAZs]")
"""Lookarounds, anchors and `\\s` (write a literal `$` as `[$]`; `[^...]` is a class, not an anchor)."""


class BatchScan:
    """Where a pattern matches in a batch of texts: per text, how many matches, in one C-level pass."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        if pattern.search(_SEPARATOR) is not None or _NOT_PLAIN.search(pattern.pattern):
            raise ValueError(f"not a plain pattern for a batch scan: {pattern.pattern!r}")
        self.pattern = pattern

    def counts(self, texts: Sequence[str]) -> list[int]:
        """For each text, the number of non-overlapping matches (as `len(pattern.findall(text))`)."""
        out = [0] * len(texts)
        if not texts:
            return out
        starts = list(accumulate((len(t) + 1 for t in texts[:-1]), initial=0))
        joined = _SEPARATOR.join(texts)
        for m in self.pattern.finditer(joined):
            out[bisect_right(starts, m.start()) - 1] += 1
        return out
