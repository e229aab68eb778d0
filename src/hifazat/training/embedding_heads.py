"""Training the embedding heads and scoring every head of a task under two validation protocols.

For each n-gram head that a language recipe names in `embedding_heads`, a logistic regression is
fitted on the sentence embeddings of the same rows, with the same stratified folds (its out-of-fold
probabilities tune the blend and the threshold with the n-gram head's). Both heads are then
cross-validated once more with topic-grouped folds (`topic_folds`): whole clusters of texts held
out, which mimics the topic and class-balance shift of a kept-back test split. The shipped
calibration (from the stratified folds) is applied to the topic-fold scores as well, so the
topic-shift numbers are those of the shipped pipeline under shift.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from hifazat.core.classifiers.linear_model import sigmoid
from hifazat.training.heads import FittedHead, _fit
from hifazat.training.topic_folds import Folds, topic_folds, word_topics


@dataclass(frozen=True, slots=True)
class EmbeddingHeadRecipe:
    """An embedding head refining the n-gram head `head` of the same language."""

    head: str
    C: float = 1.0


@dataclass(slots=True)
class FittedEmbeddingHead:
    name: str
    coef: NDArray[np.float32]
    """(dim,) weights."""
    intercept: float
    calibration: tuple[float, float]
    oof: NDArray[np.float32]
    """Calibrated out-of-fold probabilities, stratified folds (rows of the n-gram head's plan)."""
    topic_oof: NDArray[np.float32]
    """Calibrated out-of-fold probabilities, topic-grouped folds."""
    ngram_topic_oof: NDArray[np.float32]
    """The n-gram head's calibrated out-of-fold probabilities on the same topic-grouped folds."""
    folds: Folds
    """The topic-grouped folds (for per-fold metrics)."""


def _sigmoid(z: NDArray[np.float32], calibration: tuple[float, float]) -> NDArray[np.float32]:
    a, b = calibration
    return sigmoid(a * z + b)


def _platt(z: NDArray[np.float32], y: NDArray[np.int64]) -> tuple[float, float]:
    clf = LogisticRegression(C=1e4, max_iter=1000)
    clf.fit(z.reshape(-1, 1), y)
    return float(clf.coef_[0, 0]), float(clf.intercept_[0])


def _lr(
    x: NDArray[np.float32], y: NDArray[np.int64], C: float, seed: int
) -> tuple[NDArray[np.float32], float]:
    clf = LogisticRegression(C=C, max_iter=3000, random_state=seed)
    clf.fit(x, y)
    return clf.coef_[0].astype(np.float32), float(clf.intercept_[0])


def _oof_embedding(
    x: NDArray[np.float32], y: NDArray[np.int64], folds: Folds, C: float, seed: int
) -> NDArray[np.float32]:
    z = np.zeros(len(y), dtype=np.float32)
    for train, test in folds:
        coef, b = _lr(x[train], y[train], C, seed)
        z[test] = x[test] @ coef + b
    return z


def _oof_ngram(matrix: sparse.csr_matrix, head: FittedHead, folds: Folds, seed: int) -> NDArray[np.float32]:
    x = matrix[head.plan.rows]
    z = np.zeros(len(head.plan.rows), dtype=np.float32)
    for train, test in folds:
        coef, b = _fit(x[train], head.plan.y[train], head.plan, seed)
        z[test] = np.asarray(x[test] @ coef, dtype=np.float32)[:, 0] + b[0]
    return z


def stratified_folds(head: FittedHead, folds: int, seed: int) -> Folds:
    """The folds `fit_head` used for this head (same strata, same seed)."""
    plan = head.plan
    strata = np.char.add(plan.sources.astype(str), plan.y.astype(str))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    return [
        (tr.astype(np.int64), te.astype(np.int64))
        for tr, te in splitter.split(np.zeros(len(plan.rows)), strata)
    ]


def fit_embedding_head(
    vectors: NDArray[np.float32],
    texts: list[str],
    matrix: sparse.csr_matrix,
    head: FittedHead,
    recipe: EmbeddingHeadRecipe,
    *,
    folds: int = 5,
    seed: int = 0,
) -> FittedEmbeddingHead:
    """Fit the embedding head of `head` on `vectors` (one row per row of the language matrix).

    `texts` are the normalised texts of those rows (their words define the topic-grouped folds)."""
    if head.plan.kind != "binary":
        raise ValueError(f"embedding heads refine binary heads only, not {head.plan.name!r}")
    y = head.plan.y
    x = vectors[head.plan.rows]
    z = _oof_embedding(x, y, stratified_folds(head, folds, seed), recipe.C, seed)
    calibration = _platt(z, y)
    coef, intercept = _lr(x, y, recipe.C, seed)
    shift = topic_folds(word_topics([texts[i] for i in head.plan.rows], seed=seed), folds)
    z_topic = _oof_embedding(x, y, shift, recipe.C, seed)
    z_ngram_topic = _oof_ngram(matrix, head, shift, seed)
    return FittedEmbeddingHead(
        recipe.head,
        coef,
        intercept,
        calibration,
        _sigmoid(z, calibration),
        _sigmoid(z_topic, calibration),
        _sigmoid(z_ngram_topic, head.calibration),
        shift,
    )
