"""Tuning a binary task's blend: two n-gram heads and an embedding head, with a margin for the dearer blend."""

from __future__ import annotations

import numpy as np
import pytest

from hifazat.training.tuning import objective, tune_binary

LABELS = ["NOT", "OFF"]


def _data(seed: int = 11, n: int = 600) -> tuple[dict[str, np.ndarray], list[str]]:
    """Two weak n-gram heads and an embedding head that knows what they miss."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, 2, n)
    hidden = rng.integers(0, 2, n).astype(bool)  # rows the n-gram heads cannot see
    noisy = lambda: np.clip(np.where(hidden, 0.5, y) + rng.normal(0, 0.25, n), 0, 1)  # noqa: E731
    embedding = np.clip(y + rng.normal(0, 0.3, n), 0, 1)
    probs = {"olid": noisy(), "offensive": noisy(), "e5:olid": embedding}
    return {k: v.astype(np.float32) for k, v in probs.items()}, [LABELS[int(v)] for v in y]


def _task() -> dict[str, object]:
    return {"kind": "binary", "labels": LABELS, "blend": {"olid": 0.5, "offensive": 0.5, "e5:olid": 0.0}}


def test_the_embedding_head_gets_a_share_when_it_adds_what_the_n_grams_miss() -> None:
    probs, truth = _data()
    score = objective("macro_f1", LABELS)
    tuned, value = tune_binary(_task(), probs, truth, score, embedding_grid=(0.0, 0.25, 0.5))
    blend = tuned["blend"]
    assert blend["e5:olid"] > 0.0
    assert sum(blend.values()) == pytest.approx(1.0)
    n_gram_only, n_gram_value = tune_binary(_task(), probs, truth, score, embedding_grid=(0.0,))
    assert n_gram_only["blend"]["e5:olid"] == 0.0
    assert value > n_gram_value


def test_a_large_margin_keeps_the_cheaper_blend() -> None:
    probs, truth = _data()
    score = objective("macro_f1", LABELS)
    tuned, _ = tune_binary(_task(), probs, truth, score, embedding_grid=(0.0, 0.25, 0.5), margin=1.0)
    assert tuned["blend"]["e5:olid"] == 0.0
    # the margin is only charged for a larger embedding share: the n-gram split is still tuned
    assert 0.0 <= tuned["blend"]["olid"] <= 1.0


def test_three_heads_need_an_embedding_grid_and_the_embedding_head_last() -> None:
    probs, truth = _data()
    score = objective("macro_f1", LABELS)
    with pytest.raises(ValueError, match="needs an embedding grid"):
        tune_binary(_task(), probs, truth, score)
    wrong = {**_task(), "blend": {"e5:olid": 0.0, "olid": 0.5, "offensive": 0.5}}
    with pytest.raises(ValueError, match="named last"):
        tune_binary(wrong, probs, truth, score, embedding_grid=(0.0, 0.5))
