"""Hashed n-gram features: deterministic, scikit-learn-compatible char_wb n-grams, TF-IDF rows."""

from __future__ import annotations

import numpy as np
import pytest

from hifazat.core.classifiers.hashed_features import (
    FeatureSpec,
    HashedFeatures,
    char_grams,
    prepare,
    skeleton,
    tfidf,
)


@pytest.mark.parametrize(
    ("word", "lo", "hi", "expected"),
    [
        ("ab", 1, 2, [" ", "a", "b", " ", " a", "ab", "b "]),  # every 1- and 2-gram of " ab "
        ("a", 4, 5, [" a "]),  # a word shorter than the smallest n is counted once
        ("abc", 5, 5, [" abc "]),  # exactly n long
    ],
)
def test_char_grams_follow_sklearn_char_wb(word: str, lo: int, hi: int, expected: list[str]) -> None:
    assert char_grams(word, lo, hi) == expected


def test_prepare_replaces_urls_mentions_and_entities() -> None:
    assert prepare("@ali see https://x.co/a &amp; bit.ly/zz") == " @user  see  httpurl  &  httpurl "


def test_columns_are_deterministic_and_within_range() -> None:
    spec = FeatureSpec(n_bits=12)
    a, b = HashedFeatures(spec), HashedFeatures(spec)
    cols = a.columns("tum bohat ache ho 😀")
    assert np.array_equal(cols, b.columns("tum bohat ache ho 😀"))
    assert cols.min() >= 0 and cols.max() < 4096


def test_counts_sum_repeats_and_tfidf_rows_have_unit_norm() -> None:
    h = HashedFeatures(FeatureSpec(n_bits=14))
    counts = h.counts(["bad bad word", "", "کیا بات ہے"])
    assert counts.shape == (3, 1 << 14)
    assert counts[0].max() >= 2  # "bad" twice
    x = tfidf(counts, np.ones(1 << 14, dtype=np.float32))
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    assert norms[0] == pytest.approx(1.0) and norms[1] == 0.0 and norms[2] == pytest.approx(1.0)


def test_zero_idf_drops_a_feature() -> None:
    h = HashedFeatures(FeatureSpec(n_bits=14))
    counts = h.counts(["x"])
    idf = np.ones(1 << 14, dtype=np.float32)
    idf[counts.indices] = 0.0
    assert tfidf(counts, idf).nnz == 0


def test_batch_counts_equal_the_per_text_columns() -> None:
    h = HashedFeatures(FeatureSpec(n_bits=16))
    texts = ["tum bohat ache ho", "", "you you you idiot!!", "ایک دو ایک"]
    counts = h.counts(texts)
    for i, text in enumerate(texts):
        expected = np.bincount(h.columns(text), minlength=1 << 16) if text else np.zeros(1 << 16)
        assert np.array_equal(counts[i].toarray().ravel(), expected)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("bohat", "bht"),  # vowels after the first letter go
        ("bohot", "bht"),  # another spelling of the same word, same skeleton
        ("bahut", "bht"),  # and a third
        ("acha", "ach"),  # a leading vowel stays: it is often the only cue
        ("kuttay", "kt"),  # vowels dropped first, then the double t squeezed
        ("sb", "sb"),  # nothing to drop
    ],
)
def test_skeleton_ties_roman_urdu_spellings(word: str, expected: str) -> None:
    assert skeleton(word) == expected


def test_skeleton_features_only_when_asked_and_only_for_latin_words() -> None:
    plain, skel = (
        HashedFeatures(FeatureSpec(n_bits=16)),
        HashedFeatures(FeatureSpec(n_bits=16, skeletons=True)),
    )
    assert len(skel.columns("bohat")) == len(plain.columns("bohat")) + 1
    # Two spellings share the skeleton column and nothing else of the word itself.
    shared = set(skel.columns("bohot")) & set(skel.columns("bahut"))
    assert shared - (set(plain.columns("bohot")) | set(plain.columns("bahut")))
    assert len(skel.columns("بہت")) == len(plain.columns("بہت"))  # Urdu script: no skeleton
    assert len(skel.columns("ho")) == len(plain.columns("ho"))  # two letters: too short to tie


def test_feature_spec_round_trips_and_reads_old_manifests() -> None:
    spec = FeatureSpec(skeletons=True)
    assert FeatureSpec.from_json(spec.to_json()) == spec
    old = {"char_min": 1, "char_max": 5, "word_bigrams": True, "n_bits": 20}  # written before skeletons
    assert FeatureSpec.from_json(old) == FeatureSpec()


def test_tfidf_on_arrays_is_bitwise_the_scipy_computation() -> None:
    from hifazat.core.classifiers.hashed_features import _tfidf_scipy

    spec = FeatureSpec(n_bits=12)
    rng = np.random.default_rng(3)
    words = ["bad", "word", "bohat", "acha", "کیا", "بات", "😀", "k1ll", "x", "video"]
    texts = ["", *(" ".join(rng.choice(words, size=i % 9 + 1)) for i in range(60)), "!!"]
    counts = HashedFeatures(spec).counts(texts)
    idf = rng.uniform(1.0, 6.0, spec.n_features).astype(np.float32)
    idf[::3] = 0.0  # features that were not kept: dropped
    fast, slow = tfidf(counts, idf), _tfidf_scipy(counts, idf)
    assert fast.nnz < counts.nnz  # some features were dropped
    assert np.array_equal(fast.indptr, slow.indptr) and np.array_equal(fast.indices, slow.indices)
    assert fast.data.dtype == slow.data.dtype == np.float32
    assert np.array_equal(fast.data.view(np.uint32), slow.data.view(np.uint32))
