"""Fitting one classifier head: out-of-fold scores, calibration and the final weights.

Binary heads are logistic regressions, optionally on NB-scaled features (NB-LR: each feature is
multiplied by its log-count ratio between the classes, which helps on short noisy texts); the
scaling is folded into the weights, so inference stays a plain dot product. Multiclass heads are
multinomial logistic regressions. Every head is cross-validated (stratified k-fold, fixed seed);
the out-of-fold scores give the Platt sigmoid (binary) or the softmax temperature (multiclass), the
decision thresholds of the evaluation tasks, and the metrics written to the manifest.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from joblib import Parallel, delayed
from numpy.typing import NDArray
from scipy import sparse
from scipy.optimize import minimize_scalar
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from hifazat.core.classifiers.linear_model import softmax

Method = Literal["lr", "nblr"]


@dataclass(slots=True)
class HeadPlan:
    """What to train: rows of the language matrix, their targets, and the model settings."""

    name: str
    kind: Literal["binary", "multiclass"]
    rows: NDArray[np.int64]
    y: NDArray[np.int64]
    """Binary: 0/1; multiclass: index into `classes`."""
    classes: tuple[str, ...]
    sources: NDArray[np.str_]
    """The corpus of each row (for per-corpus cross-validation metrics)."""
    method: Method = "lr"
    C: float = 4.0
    class_weight: str | None = None
    trained_on: tuple[str, ...] = ()
    description: str = ""


@dataclass(slots=True)
class FittedHead:
    plan: HeadPlan
    coef: NDArray[np.float32]
    """(features x outputs)."""
    intercept: NDArray[np.float32]
    oof: NDArray[np.float32]
    """Out-of-fold raw scores (rows x outputs)."""
    calibration: tuple[float, float]
    seconds: float = 0.0

    def oof_probabilities(self) -> NDArray[np.float32]:
        """Calibrated out-of-fold probabilities (binary: P(positive); multiclass: rows x classes)."""
        if self.plan.kind == "binary":
            a, b = self.calibration
            out: NDArray[np.float32] = (1.0 / (1.0 + np.exp(-(a * self.oof[:, 0] + b)))).astype(np.float32)
            return out
        return softmax(self.oof / self.calibration[0])


def _nb_ratio(x: sparse.csr_matrix, y: NDArray[np.int64], alpha: float = 1.0) -> NDArray[np.float32]:
    pos = np.asarray(x[y == 1].sum(axis=0)).ravel() + alpha
    neg = np.asarray(x[y == 0].sum(axis=0)).ravel() + alpha
    ratio: NDArray[np.float32] = np.log((pos / pos.sum()) / (neg / neg.sum())).astype(np.float32)
    return ratio


def _fit(
    x: sparse.csr_matrix, y: NDArray[np.int64], plan: HeadPlan, seed: int
) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
    """Weights (features x outputs) and intercepts of one fit."""
    if plan.kind == "binary" and plan.method == "nblr":
        r = _nb_ratio(x, y)
        xs = x @ sparse.diags(r)
        clf = LogisticRegression(C=plan.C, max_iter=2000, class_weight=plan.class_weight, random_state=seed)
        clf.fit(xs, y)
        coef = (clf.coef_[0] * r)[:, None]
        return coef.astype(np.float32), clf.intercept_.astype(np.float32)
    clf = LogisticRegression(C=plan.C, max_iter=2000, class_weight=plan.class_weight, random_state=seed)
    clf.fit(x, y)
    if plan.kind == "binary":
        return clf.coef_.T.astype(np.float32), clf.intercept_.astype(np.float32)
    # A class absent from this fit (tiny folds) gets zero weights and a very low intercept.
    coef = np.zeros((x.shape[1], len(plan.classes)), dtype=np.float32)
    intercept = np.full(len(plan.classes), -20.0, dtype=np.float32)
    present = [int(c) for c in clf.classes_]
    if len(present) == 2:
        coef[:, present[1]] = clf.coef_[0]
        intercept[present[1]] = clf.intercept_[0]
        intercept[present[0]] = 0.0
    else:
        coef[:, present] = clf.coef_.T
        intercept[present] = clf.intercept_
    return coef, intercept


def _fold(
    x: sparse.csr_matrix, plan: HeadPlan, train: NDArray[np.int64], test: NDArray[np.int64], seed: int
) -> tuple[NDArray[np.int64], NDArray[np.float32]]:
    coef, intercept = _fit(x[train], plan.y[train], plan, seed)
    return test, np.asarray(x[test] @ coef, dtype=np.float32) + intercept


def _platt(z: NDArray[np.float32], y: NDArray[np.int64]) -> tuple[float, float]:
    clf = LogisticRegression(C=1e4, max_iter=1000)
    clf.fit(z.reshape(-1, 1), y)
    return float(clf.coef_[0, 0]), float(clf.intercept_[0])


def _temperature(z: NDArray[np.float32], y: NDArray[np.int64]) -> float:
    def nll(t: float) -> float:
        p = softmax(z / t)
        return float(-np.mean(np.log(p[np.arange(len(y)), y] + 1e-9)))

    res: Any = minimize_scalar(nll, bounds=(0.05, 20.0), method="bounded")
    return float(res.x)


def fit_head(
    matrix: sparse.csr_matrix, plan: HeadPlan, *, folds: int = 5, seed: int = 0, n_jobs: int = 1
) -> FittedHead:
    """Cross-validate, calibrate and fit one head on `matrix[plan.rows]`."""
    import time

    start = time.perf_counter()
    x = matrix[plan.rows]
    strata = np.char.add(plan.sources.astype(str), plan.y.astype(str))
    splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=seed)
    outputs = 1 if plan.kind == "binary" else len(plan.classes)
    oof = np.zeros((len(plan.rows), outputs), dtype=np.float32)
    jobs = [
        delayed(_fold)(x, plan, train, test, seed)
        for train, test in splitter.split(np.zeros(len(plan.rows)), strata)
    ]
    jobs.append(delayed(_fit)(x, plan.y, plan, seed))
    results = Parallel(n_jobs=n_jobs)(jobs)
    for test, scores in results[:-1]:
        oof[test] = scores
    coef, intercept = results[-1]
    binary = plan.kind == "binary"
    calibration = _platt(oof[:, 0], plan.y) if binary else (_temperature(oof, plan.y), 0.0)
    return FittedHead(plan, coef, intercept, oof, calibration, time.perf_counter() - start)
