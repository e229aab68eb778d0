"""The cheap tests that let text skip a normalisation step must never skip one that applies."""

from __future__ import annotations

import pytest

from hifazat.core.text.normalise import normalise
from hifazat.core.text.stages import (
    _SHAPE,
    _SPLIT_PUNCT_HINT,
    _SPLIT_SHAPES,
    _SPLIT_SPACE_HINT,
    apply_edits,
    collapse_spaces,
)


def _shape_says_split(text: str) -> bool:
    shape = " " + text.translate(_SHAPE) + " "
    return any(p in shape for p in _SPLIT_SHAPES)


def _hint_says_split(text: str) -> bool:
    return bool(_SPLIT_PUNCT_HINT.search(text) or _SPLIT_SPACE_HINT.search(" " + text + " "))


SPLIT_TEXTS = [
    "k.i.l.l you",  # dots
    "k. i. l. l",  # dot and space
    "k .i .l .l",  # space and dot
    "f . u . c . k",  # spaced dots
    "k i l l",  # single spaces
    "k  i  l  l",  # double spaces
    "t u m  k o",  # short words spelt out, a wider gap between them
    "so sick of it.\n2. it is over",  # a newline counts as a space in the shape
    "x-y-z",  # dashes
    "a|b|c",  # bars
]


@pytest.mark.parametrize("text", SPLIT_TEXTS)
def test_split_hints_never_miss_a_split_shape(text: str) -> None:
    assert _shape_says_split(text)  # the cases above all have the shape
    assert _hint_says_split(text)


@pytest.mark.parametrize(
    "text",
    [
        "this is a good video",  # one single letter between words: no shape
        "i am ok",  # same
        "@user @user what a take!!",  # mentions and marks
    ],
)
def test_split_hints_let_ordinary_text_through_consistently(text: str) -> None:
    # the hint may pass text the shape rejects, never the reverse
    assert _hint_says_split(text) or not _shape_says_split(text)


@pytest.mark.parametrize(
    "text",
    [
        "  hello there  ",  # spaces at both ends
        "\thello\n",  # other whitespace at the ends
        "hello   there",  # an inner run: the general path
        "   ",  # only spaces
        "a\u00a0b ",  # a no-break space inside
    ],
)
def test_collapse_spaces_fast_path_keeps_the_offsets_of_the_general_path(text: str) -> None:
    out, offs, ends = collapse_spaces(text, None, None)
    reference = collapse_spaces(text, list(range(len(text))), list(range(1, len(text) + 1)))
    assert (out, offs, ends) == reference


def test_apply_edits_identity_map_matches_an_explicit_one() -> None:
    edits = [(0, 2, "", []), (5, 8, "xx", [(5, 8), (5, 8)])]
    text = "  abcdddd e"
    implicit = apply_edits(text, None, None, edits)
    explicit = apply_edits(text, list(range(len(text))), list(range(1, len(text) + 1)), edits)
    assert implicit == explicit


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("K.I.L.L you", "kill you"),  # split letters joined on the fast ASCII path
        ("  spaced   out  ", "spaced out"),  # ends stripped, inner run collapsed
        ("so sick of it.\n2. it is over", "so sick of it. 2. it is over"),  # a list, not split letters
    ],
)
def test_normalise_results_through_the_fast_paths(text: str, normal: str) -> None:
    norm = normalise(text)
    assert norm.text == normal
    assert norm.original_text(0, len(norm.text)) == text.strip()
