"""Embedding heads of the cascade: calibrated probabilities, the uncertain band, the blend, the manifest form."""

from __future__ import annotations

import numpy as np
import pytest

from hifazat.core.classifiers.embedding_heads import Cascade, EmbeddingHead, EmbeddingHeads


def heads(cascade: Cascade | None = None) -> EmbeddingHeads:
    rng = np.random.default_rng(3)
    weights = rng.normal(size=(8, 2)).astype(np.float32)
    bias = np.array([0.2, -0.4], dtype=np.float32)
    return EmbeddingHeads(
        "test-embedder/1",
        weights,
        bias,
        {
            ("ur", "threat"): EmbeddingHead("ur", "threat", 0, (1.5, -0.1), cascade),
            ("roman-ur", "abusive"): EmbeddingHead("roman-ur", "abusive", 1, (1.0, 0.0), None),
        },
    )


def test_probabilities_are_the_calibrated_sigmoid_of_the_head_column() -> None:
    h = heads()
    vectors = np.random.default_rng(5).normal(size=(4, 8)).astype(np.float32)
    got = h.probabilities("ur", "threat", vectors)
    z = vectors @ h.weights[:, 0] + h.bias[0]
    expected = 1.0 / (1.0 + np.exp(-(1.5 * z - 0.1)))
    assert np.allclose(got, expected, atol=1e-6)
    # the other head reads the other column
    other = h.probabilities("roman-ur", "abusive", vectors)
    assert not np.allclose(other, got)


def test_vectors_of_the_wrong_width_are_refused() -> None:
    with pytest.raises(ValueError, match="width 8"):
        heads().probabilities("ur", "threat", np.zeros((2, 5), dtype=np.float32))


def test_weights_and_intercepts_must_agree() -> None:
    with pytest.raises(ValueError, match="one intercept per head"):
        EmbeddingHeads("x", np.zeros((4, 2), dtype=np.float32), np.zeros(3, dtype=np.float32), {})


def test_band_and_blend() -> None:
    cascade = Cascade(0.3, 0.6, 0.75)
    scores = np.array([0.1, 0.3, 0.45, 0.6, 0.9])
    assert cascade.covers(scores).tolist() == [False, True, True, True, False]
    assert np.allclose(cascade.blend(np.array([0.4]), np.array([0.8])), [0.75 * 0.4 + 0.25 * 0.8])


def test_manifest_round_trip_keeps_heads_and_cascades() -> None:
    h = heads(Cascade(0.2, 0.7, 0.5))
    entry = {"embedder": h.embedder, "heads": h.manifest_entry()}
    back = EmbeddingHeads.from_manifest(entry, {"weights": h.weights, "bias": h.bias})
    assert back.heads == h.heads
    assert back.languages() == {"ur", "roman-ur"}
    # only the threat head has a band: production embeds Urdu-script items, never Roman Urdu ones
    assert back.cascade_languages() == {"ur"}
    threat = back.head("ur", "threat")
    assert threat is not None and threat.cascade == Cascade(0.2, 0.7, 0.5)
    assert back.head("en", "offensive") is None
