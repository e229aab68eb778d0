"""Normalisation of a whole batch: `normalise_batch(texts) == [normalise(t) for t in texts]`.

Most ASCII texts go through the normaliser's context steps unchanged: no letters split by
separators, no leetspeak, no letter written three times. `run_steps_ascii` finds that out with a
few regex searches per text; here the same questions are answered once for the whole batch with
numpy over the code points of the joined, lowercased texts, each as a test at every position:

- a split-letter hint (`_SPLIT_PUNCT_HINT` on the text, `_SPLIT_SPACE_HINT` on the text between
  two spaces), evaluated exactly, position by position;
- a leet character `fold_leet` may fold: a digit, `$` or `|` anywhere, or a run of `!`/`@` with a
  letter right before and right after it (other runs of marks it always leaves, `wow!!`, `@ali`);
- three of the same letter in a row (`_REPEAT_ASCII`).

A text with a split hint or a leet character takes `run_steps_ascii` as before; any other is only
squeezed (when it has a repeat) and its spaces collapsed, which is what `run_steps_ascii` does to
it. Texts outside the ASCII path are normalised one by one. Tests compare both on many texts.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

import numpy as np
import numpy.typing as npt

from hifazat.core.text.normalise import NormalisedText, normalise, normalised, takes_ascii_path
from hifazat.core.text.stages import (
    Offsets,
    _needs_spaces,
    collapse_spaces,
    run_steps_ascii,
    squeeze_repeats,
)

_PAD = 4
"""NUL characters around the joined batch, so every position has four neighbours on each side."""

Mask = npt.NDArray[np.bool_]


def _table(chars: str) -> Mask:
    table = np.zeros(256, dtype=np.bool_)
    table[[ord(c) for c in chars]] = True
    return table


_LETTER = _table("abcdefghijklmnopqrstuvwxyz")
_ALNUM = _table("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
_SPACE = _table(" \t\n\x0b\x0c\r")
"""`\\s` on ASCII text without control characters (those texts never take the ASCII path)."""
_PUNCT = _table("-._*/+~,|")
_MARK = _table("!@")
_ALWAYS_LEET = _table("0123456789$|")


def normalise_batch(texts: Sequence[str]) -> list[NormalisedText]:
    """`normalise` of each text; the ASCII path's step tests run once for the whole batch."""
    out: list[NormalisedText | None] = [None] * len(texts)
    positions: list[int] = []
    lowered: list[str] = []
    for i, text in enumerate(texts):
        if takes_ascii_path(text):
            positions.append(i)
            lowered.append(text.lower())
        else:
            out[i] = normalise(text)
    if lowered:
        full, repeat = _step_tests(lowered)
        for i, text, low, needs_all, needs_squeeze in zip(
            positions, (texts[p] for p in positions), lowered, full, repeat, strict=True
        ):
            out[i] = normalised(
                text, *(run_steps_ascii(low) if needs_all else _plain_steps(low, needs_squeeze))
            )
    return cast("list[NormalisedText]", out)


def _plain_steps(text: str, squeeze: bool) -> tuple[str, Offsets, Offsets]:
    """`run_steps_ascii` on a text without split letters or leetspeak: the last two steps."""
    offs: Offsets = None
    ends: Offsets = None
    if squeeze:
        text, offs, ends = squeeze_repeats(text, offs, ends)
    if _needs_spaces(text) or not text.isprintable():
        text, offs, ends = collapse_spaces(text, offs, ends)
    return text, offs, ends


def _step_tests(lowered: list[str]) -> tuple[list[bool], list[bool]]:
    """For each lowercased ASCII text: whether it may have split letters or leetspeak (then every
    step runs), and whether it has a letter three times in a row."""
    pad = "\0" * _PAD
    joined = pad + "\0".join(lowered) + pad
    a = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
    lengths = np.fromiter(map(len, lowered), dtype=np.int64, count=len(lowered))
    starts = np.concatenate(([_PAD], _PAD + np.cumsum(lengths[:-1] + 1)))

    def at(table: Mask, shift: int) -> Mask:
        """`table` at each position shifted by `shift` (the pads keep every index in range)."""
        return table[a[_PAD + shift : len(a) - _PAD + shift]]

    letter, alnum, mark = at(_LETTER, 0), at(_ALNUM, 0), at(_MARK, 0)
    # space_or_pad[k + 1]: whitespace (or the NUL between texts, standing for the pad) at shift k
    space_or_pad = [at(_SPACE, k) | (a[_PAD + k : len(a) - _PAD + k] == 0) for k in range(-1, 5)]
    # _SPLIT_PUNCT_HINT: [-._*/+~,|]\s?[a-zA-Z0-9]\s?[-._*/+~,|], centred on the alphanumeric
    space = {k: at(_SPACE, k) for k in (-1, 1)}
    left = at(_PUNCT, -1) | (space[-1] & at(_PUNCT, -2))
    right = at(_PUNCT, 1) | (space[1] & at(_PUNCT, 2))
    split = alnum & left & right
    # _SPLIT_SPACE_HINT on " " + text + " ": \s[a-zA-Z0-9]\s{1,2}[a-zA-Z0-9]\s (a NUL acts as the pad)
    single = [at(_ALNUM, k) & space_or_pad[k] & space_or_pad[k + 2] for k in (0, 2, 3)]
    split |= single[0] & (single[1] | (space_or_pad[3] & single[2]))
    # fold_leet: a digit, `$` or `|`; or a run of marks between two letters
    leet = at(_ALWAYS_LEET, 0)
    run_start = mark & ~at(_MARK, -1)
    run_end = mark & ~at(_MARK, 1)
    run_id = np.cumsum(run_start)
    before = run_id[run_start & at(_LETTER, -1)]
    after = run_id[run_end & at(_LETTER, 1)]
    between = np.isin(run_id, np.intersect1d(before, after)) & run_start
    # _REPEAT_ASCII: ([a-z])\1\1
    body = a[_PAD : len(a) - _PAD]
    repeat = letter & (body == a[_PAD + 1 : len(a) - _PAD + 1]) & (body == a[_PAD + 2 : len(a) - _PAD + 2])
    return _per_text(split | leet | between, starts), _per_text(repeat, starts)


def _per_text(found: Mask, starts: npt.NDArray[np.int64]) -> list[bool]:
    """Whether each text (starting at `starts`, positions relative to the first pad's end) has a hit."""
    hits = np.zeros(len(starts), dtype=np.bool_)
    where = np.flatnonzero(found) + _PAD
    hits[np.searchsorted(starts, where, side="right") - 1] = True
    return [bool(h) for h in hits.tolist()]
