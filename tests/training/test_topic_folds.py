"""Topic-grouped folds and the cascade band that `hifazat train` derives from a tuned task."""

from __future__ import annotations

import numpy as np

from hifazat.training.cascade import flip_band, tolerance_band
from hifazat.training.topic_folds import topic_clusters, topic_folds


def blobs(seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(6, 16)) * 5
    return np.vstack([c + rng.normal(size=(30, 16)) for c in centres]).astype(np.float32)


def test_each_cluster_is_held_out_whole_and_every_row_is_tested_once() -> None:
    groups = topic_clusters(blobs(), clusters=6, seed=1)
    folds = topic_folds(groups, folds=3)
    tested = np.concatenate([test for _, test in folds])
    assert sorted(tested.tolist()) == list(range(len(groups)))
    for train, test in folds:
        assert not set(groups[train].tolist()) & set(groups[test].tolist())


def test_clusters_follow_the_topics_and_are_deterministic() -> None:
    x = blobs()
    a = topic_clusters(x, clusters=6, seed=1)
    assert np.array_equal(a, topic_clusters(x, clusters=6, seed=1))
    # the six generated topics come out as six clusters of 30 rows
    assert sorted(np.bincount(a).tolist()) == [30] * 6


def test_outside_the_band_the_embedding_cannot_change_the_decision() -> None:
    threshold, weight, low, high = 0.45, 0.6, 0.1, 0.9
    band = flip_band(threshold, weight, low, high)
    assert 0.0 < band[0] < threshold < band[1] < 1.0
    rng = np.random.default_rng(2)
    p = rng.uniform(size=2000)
    e_low, e_high = np.full_like(p, low), np.full_like(p, high)
    outside = (p < band[0]) | (p > band[1])
    blend_low = weight * p + (1 - weight) * e_low >= threshold
    blend_high = weight * p + (1 - weight) * e_high >= threshold
    assert np.array_equal(blend_low[outside], blend_high[outside])
    assert np.array_equal(blend_low[outside], (p >= band[1])[outside])
    # inside the band, some items do flip
    assert (blend_low != blend_high)[~outside].any()


def test_a_zero_weight_sends_everything_to_the_embedding() -> None:
    assert flip_band(0.5, 0.0, 0.0, 1.0) == (0.0, 1.0)


def test_tolerance_band_keeps_disagreements_outside_it_within_the_tolerance() -> None:
    rng = np.random.default_rng(4)
    p_ngram = rng.uniform(size=4000).astype(np.float32)
    p_embed = np.clip(p_ngram + rng.normal(scale=0.3, size=4000), 0, 1)
    blended = 0.75 * p_ngram + 0.25 * p_embed
    threshold, tol = 0.45, 0.005
    low, high = tolerance_band(p_ngram, blended, threshold, tol)
    assert low <= threshold <= high
    below, above = p_ngram < low, p_ngram > high
    assert ((blended >= threshold) & below).sum() <= tol * 4000
    assert ((blended < threshold) & above).sum() <= tol * 4000
    # narrower than the band that guarantees no disagreement at all
    exact = flip_band(threshold, 0.75, 0.0, 1.0)
    assert high - low < exact[1] - exact[0]
