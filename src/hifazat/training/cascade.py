"""The second stage of `hifazat train`: embedding heads, topic-shift metrics and the cascade bands.

Per language whose recipe names embedding heads: embed the training texts (cached), fit each
embedding head (`embedding_heads.fit_embedding_head`), and hand back the out-of-fold
probabilities of both protocols (stratified and topic-grouped) for task tuning. After the tasks
are tuned, each embedding head used by a task gets its cascade: the blend weight of the task and
the band of n-gram probabilities in which the embedding can still change the task's decision.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.metrics import f1_score, roc_auc_score

from hifazat.core.classifiers.embedding_heads import EMBEDDING_PREFIX
from hifazat.training.embedding_cache import EmbeddingCache
from hifazat.training.embedding_heads import FittedEmbeddingHead, fit_embedding_head
from hifazat.training.heads import FittedHead
from hifazat.training.plans import LanguageRecipe

Oof = dict[str, dict[str, tuple[NDArray[np.int64], NDArray[np.float32]]]]
"""language -> head -> (rows of the language matrix, calibrated out-of-fold probabilities)."""

EMBEDDING_FILE = "embedding.npz"


@dataclass(slots=True)
class StageResult:
    """Everything the embedding stage adds to a training run."""

    fitted: list[tuple[str, FittedEmbeddingHead]] = field(default_factory=list)
    """(language, head) in column order."""
    entries: dict[str, dict[str, Any]] = field(default_factory=dict)
    """language -> head -> manifest entry (filled in by `train_stage` and `add_cascades`)."""
    topic_oof: Oof = field(default_factory=dict)


def _metrics(y: NDArray[np.int64], p: NDArray[np.float32]) -> dict[str, float]:
    best = max(float(f1_score(y, p >= t)) for t in np.arange(0.05, 0.951, 0.01))
    return {"roc_auc": round(float(roc_auc_score(y, p)), 4), "best_f1": round(best, 4)}


def train_stage(
    recipe: LanguageRecipe,
    texts: list[str],
    normalised: list[str],
    matrix: sparse.csr_matrix,
    heads: list[FittedHead],
    cache: EmbeddingCache,
    oof: Oof,
    result: StageResult,
    *,
    folds: int,
    seed: int,
    log: Callable[[str], None],
) -> None:
    """Fit the recipe's embedding heads; add their out-of-fold probabilities to `oof` and `result`."""
    if not recipe.embedding_heads:
        return
    by_name = {h.plan.name: h for h in heads}
    lang = recipe.language
    vectors = _vectors_of_rows(
        cache, lang, texts, [by_name[eh.head].plan.rows for eh in recipe.embedding_heads]
    )
    for eh in recipe.embedding_heads:
        head = by_name[eh.head]
        fitted = fit_embedding_head(vectors, normalised, matrix, head, eh, folds=folds, seed=seed)
        rows, y = head.plan.rows, head.plan.y
        oof[lang][EMBEDDING_PREFIX + eh.head] = (rows, fitted.oof)
        result.topic_oof.setdefault(lang, {})[eh.head] = (rows, fitted.ngram_topic_oof)
        result.topic_oof[lang][EMBEDDING_PREFIX + eh.head] = (rows, fitted.topic_oof)
        result.fitted.append((lang, fitted))
        cv = {
            "stratified": {
                "ngram": _metrics(y, head.oof_probabilities()),
                "embedding": _metrics(y, fitted.oof),
            },
            "topic_grouped": {
                "ngram": _metrics(y, fitted.ngram_topic_oof),
                "embedding": _metrics(y, fitted.topic_oof),
            },
        }
        result.entries.setdefault(lang, {})[eh.head] = {
            "column": len(result.fitted) - 1,
            "calibration": list(fitted.calibration),
            "C": eh.C,
            "rows": len(rows),
            "cv": cv,
        }
        log(f"  embedding head {lang}:{eh.head}: {cv}")


def _vectors_of_rows(
    cache: EmbeddingCache, language: str, texts: list[str], rows: list[NDArray[np.int64]]
) -> NDArray[np.float32]:
    """Embeddings of the texts some embedding head trains on (one row per text; zeros elsewhere).

    Embedding costs tens of milliseconds a text, so texts no embedding head uses (English SMS, or
    the sets behind the heads without one) are not embedded."""
    needed = np.unique(np.concatenate(rows)) if rows else np.zeros(0, dtype=np.int64)
    if len(needed) == len(texts):
        return cache.vectors(language, texts)
    part = cache.vectors(language, [texts[int(i)] for i in needed])
    out = np.zeros((len(texts), part.shape[1]), dtype=np.float32)
    out[needed] = part
    return out


def arrays(result: StageResult) -> dict[str, NDArray[Any]]:
    """`embedding.npz`: weights (dim x heads) and intercepts, float32."""
    weights = np.stack([f.coef for _, f in result.fitted], axis=1).astype(np.float32)
    bias = np.asarray([f.intercept for _, f in result.fitted], dtype=np.float32)
    return {"weights": weights, "bias": bias}


def flip_band(threshold: float, weight: float, low: float, high: float) -> tuple[float, float]:
    """N-gram probabilities p for which `weight * p + (1 - weight) * e` can fall on either side of
    `threshold` for some embedding probability e in `[low, high]`; outside, the embedding cannot
    change the decision, so the cascade skips it."""
    if weight <= 0.0:
        return 0.0, 1.0
    lo = (threshold - (1.0 - weight) * high) / weight
    hi = (threshold - (1.0 - weight) * low) / weight
    return round(max(0.0, lo), 4), round(min(1.0, hi), 4)


BAND_TOLERANCE = 0.0025
"""Share of rows, on each side of the band, allowed a decision other than the full blend's."""


def tolerance_band(
    p_ngram: NDArray[np.float32], blended: NDArray[np.float64], threshold: float, tol: float = BAND_TOLERANCE
) -> tuple[float, float]:
    """The narrowest band of n-gram probabilities outside which, on the out-of-fold rows, at most
    `tol` of the rows on each side decide differently from the full blend."""
    n = len(p_ngram)
    order = np.argsort(p_ngram, kind="stable")
    p = p_ngram[order]
    positive = blended[order] >= threshold
    # below the band the cascade says "negative": errors are rows below with a positive blend
    below = np.concatenate([[0], np.cumsum(positive)])  # below[i] = positives among the i lowest
    lo_i = int(np.flatnonzero(below <= tol * n).max())
    above = np.concatenate([np.cumsum((~positive)[::-1])[::-1], [0]])  # above[i] = negatives from i on
    hi_i = int(np.flatnonzero(above <= tol * n).min())
    low = float(p[lo_i]) if lo_i < n else 1.0
    high = float(p[hi_i - 1]) if hi_i > 0 else 0.0
    # rounded outwards, so that the stored band covers every row it covered here
    return math.floor(min(low, threshold) * 1e4) / 1e4, math.ceil(max(high, threshold) * 1e4) / 1e4


def add_cascades(result: StageResult, tasks: dict[str, Any], oof: Oof) -> None:
    """Give each embedding head used by a binary task its blend weight and uncertain band."""
    for task in tasks.values():
        if task.get("kind") != "binary":
            continue
        lang = task["language"]
        for name, weight_e in task["blend"].items():
            if not name.startswith(EMBEDDING_PREFIX) or weight_e <= 0.0:
                continue
            head = name[len(EMBEDDING_PREFIX) :]
            if set(task["blend"]) != {head, name}:
                # blended with other n-gram heads too: a data-set task, evaluated on the full blend;
                # production refines a policy head only with that head's own embedding head
                continue
            entry = result.entries[lang][head]
            total = sum(task["blend"].values())
            weight = float(task["blend"].get(head, 0.0)) / total
            _, p_embedding = oof[lang][name]
            _, p_ngram = oof[lang][head]
            threshold = float(task["threshold"])
            blended = weight * p_ngram.astype(np.float64) + (1.0 - weight) * p_embedding
            band = tolerance_band(p_ngram, blended, threshold)
            covered = (p_ngram >= band[0]) & (p_ngram <= band[1])
            cascaded = np.where(covered, blended, p_ngram) >= threshold
            entry["cascade"] = {"band": list(band), "weight": round(weight, 4)}
            entry["band_share_of_training_rows"] = round(float(covered.mean()), 4)
            entry["cascade_agrees_with_full_blend"] = round(
                float((cascaded == (blended >= threshold)).mean()), 4
            )
