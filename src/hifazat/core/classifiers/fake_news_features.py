"""Features of the Urdu fake-news classifier: hashed n-gram blocks, TF-IDF and NB log-count ratios.

Every block is hashed (`HashingVectorizer`), so no vocabulary and no text is stored. The raw text is
used as written — no Urdu letter folding: in Bend the Truth the way an article was typed (Arabic
`ي` for Urdu `ی`, decomposed `آ`, missing `۔` and `،`, Latin words, paragraph breaks) is much of the
signal, and folding it away costs ~0.1 F1 (see `docs/misinformation.md`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray

BLOCKS: tuple[dict[str, Any], ...] = (
    {"analyzer": "char", "ngram_range": [1, 4], "n_features": 2**20},
    {"analyzer": "word", "ngram_range": [1, 2], "n_features": 2**20, "token_pattern": r"(?u)\b\w+\b"},
    {"analyzer": "char", "ngram_range": [1, 1], "n_features": 2**12},
)
"""The hashed blocks, side by side in this order: character 1–4-grams, word 1–2-grams, characters."""


def width(blocks: Sequence[int] | None = None) -> int:
    """Number of columns of the given blocks (all by default)."""
    chosen = range(len(BLOCKS)) if blocks is None else blocks
    return sum(int(BLOCKS[b]["n_features"]) for b in chosen)


def _bounds(block: int) -> tuple[int, int]:
    start = width(range(block))
    return start, start + int(BLOCKS[block]["n_features"])


def counts(texts: Sequence[str]) -> Any:
    """Raw hashed n-gram counts of every block, side by side (a scipy CSR matrix)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import HashingVectorizer

    parts = []
    for block in BLOCKS:
        extra = {"token_pattern": block["token_pattern"]} if "token_pattern" in block else {}
        parts.append(
            HashingVectorizer(
                analyzer=block["analyzer"],
                ngram_range=tuple(block["ngram_range"]),
                n_features=block["n_features"],
                alternate_sign=False,
                norm=None,
                lowercase=False,
                **extra,
            ).transform(list(texts))
        )
    return hstack(parts).tocsr()


def _weighted_blocks(matrix: Any, weights: Sequence[float]) -> Any:
    """Each block with non-zero weight L2-normalised on its own and multiplied by its weight."""
    from scipy.sparse import hstack
    from sklearn.preprocessing import normalize

    parts = []
    for block, weight in enumerate(weights):
        start, end = _bounds(block)
        parts.append(normalize(matrix[:, start:end]) * float(weight))
    return hstack(parts).tocsr()


def fit_idf(raw: Any) -> NDArray[np.float32]:
    """Smoothed IDF of every hashed n-gram over the rows of `raw` (from `counts`); 0 for n-grams never
    seen, so that, as with a vocabulary, n-grams new at prediction time carry no weight."""
    df = np.bincount(raw.indices, minlength=width())
    idf = np.log((1 + raw.shape[0]) / (1 + df)) + 1.0
    idf[df == 0] = 0.0
    return np.asarray(idf, dtype=np.float32)


def tfidf(raw: Any, idf: NDArray[np.float32], weights: Sequence[float]) -> Any:
    """1 + log(count) times IDF, each block L2-normalised and weighted (weight 0 drops a block)."""
    sub = raw.copy().astype(np.float64)
    sub.data = 1.0 + np.log(sub.data)
    return _weighted_blocks(sub.multiply(idf.reshape(1, -1)).tocsr(), weights)


def fit_nb_ratios(raw: Any, fake: NDArray[np.bool_], alpha: float = 1.0) -> NDArray[np.float32]:
    """Naive-Bayes log-count ratios of n-gram presence, Fake over Real (Wang & Manning 2012's NB-SVM);
    0 for n-grams never seen in training."""
    present = raw.copy()
    present.data[:] = 1
    seen = np.bincount(present.indices, minlength=width()) > 0
    p = alpha + np.asarray(present[fake].sum(axis=0)).ravel()
    q = alpha + np.asarray(present[~fake].sum(axis=0)).ravel()
    ratios = np.log((p / p[seen].sum()) / (q / q[seen].sum()))
    ratios[~seen] = 0.0
    return np.asarray(ratios, dtype=np.float32)


def nb_features(raw: Any, ratios: NDArray[np.float32], weights: Sequence[float]) -> Any:
    """N-gram presence scaled by the NB ratios, each block L2-normalised and weighted."""
    present = raw.copy().astype(np.float64)
    present.data[:] = 1.0
    return _weighted_blocks(present.multiply(ratios.reshape(1, -1)).tocsr(), weights)
