"""Vectorised n-gram hashing: bit for bit what `zlib.crc32` gives each `char_grams` n-gram."""

from __future__ import annotations

import random
import string
import zlib

import numpy as np
import pytest

from hifazat.core.classifiers.gram_hashes import ascii_gram_hashes
from hifazat.core.classifiers.hashed_features import FeatureSpec, HashedFeatures, _WordFeatures, char_grams

_WORDS = [
    "a",  # the shortest word: padded to 3 characters
    "ok",
    "bohat",
    "supercalifragilistic",
    "k1ll",
    "2026",
    *(
        "".join(random.Random(seed).choices(string.ascii_letters + string.digits, k=seed % 17 + 1))
        for seed in range(300)
    ),
]


@pytest.mark.parametrize(("lo", "hi"), [(1, 5), (1, 4), (2, 5), (3, 3), (1, 1), (3, 8)])
def test_hashes_equal_zlib_crc32_in_char_grams_order(lo: int, hi: int) -> None:
    crc, per_word = ascii_gram_hashes(_WORDS, lo, hi)
    expected = [zlib.crc32(g.encode("ascii")) for w in _WORDS for g in char_grams(w, lo, hi)]
    assert crc.tolist() == expected
    assert per_word.tolist() == [len(char_grams(w, lo, hi)) for w in _WORDS]


def test_a_range_without_grams_for_every_word_is_refused() -> None:
    with pytest.raises(ValueError, match="not supported"):
        ascii_gram_hashes(["abc"], 4, 5)


@pytest.mark.parametrize(
    "spec",
    [
        FeatureSpec(),  # the English and Urdu models
        FeatureSpec(skeletons=True),  # Roman Urdu: one more column per Latin word
        FeatureSpec(char_min=2, char_max=3, n_bits=12, word_bigrams=False),
    ],
)
def test_batch_entries_equal_word_by_word_entries(spec: FeatureSpec) -> None:
    many = ["".join(random.Random(-i).choices(string.ascii_lowercase, k=i % 11 + 2)) for i in range(2500)]
    words = [*_WORDS, "کیا", "😀", "!", "bohot", *many]  # more new words than one vectorised chunk
    one_by_one, batched = _WordFeatures(spec), _WordFeatures(spec)
    batched.add_many(words + words[:5])  # repeats are computed once
    assert all(w in batched for w in [*_WORDS, *many])  # the ASCII words were filled in together
    for w in words:
        a, b = one_by_one[w], batched[w]
        assert a[1:] == b[1:] and a[0].dtype == b[0].dtype and a[0].tolist() == b[0].tolist()


def test_counts_are_the_same_with_and_without_the_batch_path() -> None:
    texts = [" ".join(random.Random(i).sample(_WORDS, 12)) for i in range(40)]
    spec = FeatureSpec(n_bits=16, skeletons=True)
    batched = HashedFeatures(spec).counts(texts)  # 300+ new words: hashed together
    single = HashedFeatures(spec)
    rows = [single.counts([t]) for t in texts]  # 12 new words at most per call: one by one
    for i, row in enumerate(rows):
        assert np.array_equal(batched[i].indices, row.indices)
        assert np.array_equal(batched[i].data, row.data)
