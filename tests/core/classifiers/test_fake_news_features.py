"""Hashed n-gram features of the fake-news classifier: IDF, NB ratios, block weights."""

from __future__ import annotations

import numpy as np
import pytest

from hifazat.core.classifiers.fake_news_features import (
    BLOCKS,
    counts,
    fit_idf,
    fit_nb_ratios,
    nb_features,
    tfidf,
    width,
)

FAKE = ["سورج مغرب سے نکلے گا", "سورج غائب ہو گیا"]
REAL = ["بجٹ پیش کیا گیا", "اسمبلی میں بجٹ منظور"]


def test_counts_have_one_column_per_hashed_feature_of_every_block() -> None:
    raw = counts(FAKE + REAL)
    assert raw.shape == (4, width()) == (4, sum(int(b["n_features"]) for b in BLOCKS))


def test_idf_is_zero_for_ngrams_never_seen() -> None:
    raw = counts(REAL)
    idf = fit_idf(raw)
    unseen = np.setdiff1d(counts(["سورج"]).indices, raw.indices)
    assert unseen.size > 0 and np.all(idf[unseen] == 0)
    assert np.all(idf[counts(["بجٹ"]).indices] > 0)


def test_nb_ratios_point_to_the_class_an_ngram_comes_from() -> None:
    raw = counts(FAKE + REAL)
    ratios = fit_nb_ratios(raw, np.array([True, True, False, False]))
    fake_only = np.setdiff1d(counts(["سورج"]).indices, counts(REAL).indices)
    real_only = np.setdiff1d(counts(["بجٹ"]).indices, counts(FAKE).indices)
    assert np.all(ratios[fake_only] > 0) and np.all(ratios[real_only] < 0)


@pytest.mark.parametrize(
    ("weights", "norm"),
    [
        ((1.0, 1.0, 0.5), np.sqrt(1 + 1 + 0.25)),  # every block L2-normalised, then weighted
        ((1.0, 1.0, 0.0), np.sqrt(2.0)),  # a zero weight drops the block
    ],
)
def test_each_block_is_normalised_then_weighted(weights: tuple[float, ...], norm: float) -> None:
    raw = counts(FAKE + REAL)
    fake = np.array([True, True, False, False])
    for matrix in (tfidf(raw, fit_idf(raw), weights), nb_features(raw, fit_nb_ratios(raw, fake), weights)):
        row_norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
        assert np.allclose(row_norms, norm, atol=1e-6)
