"""Tuning the evaluation tasks (blend weights, thresholds, class offsets) on out-of-fold predictions.

Nothing here sees a test file: the inputs are the out-of-fold probabilities of the heads on the
shared training rows of one data set, so a threshold chosen here is an honest cross-validated one.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np
from numpy.typing import NDArray
from sklearn.metrics import accuracy_score, f1_score

from hifazat.core.classifiers.embedding_heads import EMBEDDING_PREFIX
from hifazat.evaluation.tasks import apply_task, boost_list

Objective = Callable[[Sequence[str], Sequence[str]], float]


def objective(metric: str, labels: Sequence[str]) -> Objective:
    """The function a task is tuned to maximise, from a metric name."""
    if metric == "macro_f1":
        return lambda t, p: float(f1_score(t, p, labels=list(labels), average="macro", zero_division=0))
    if metric == "weighted_f1":
        return lambda t, p: float(f1_score(t, p, labels=list(labels), average="weighted", zero_division=0))
    if metric == "accuracy":
        return lambda t, p: float(accuracy_score(t, p))
    if metric.startswith("f1:"):
        pos = metric[3:]
        return lambda t, p: float(f1_score(t, p, labels=[pos], average="macro", zero_division=0))
    if metric.startswith("davidson"):
        # weighted F1 plus a share of the hate-class F1 (`davidson:<share>`, default one half):
        # the paper reports both.
        share = float(metric.partition(":")[2] or 0.5)

        def both(t: Sequence[str], p: Sequence[str]) -> float:
            w = f1_score(t, p, labels=list(labels), average="weighted", zero_division=0)
            h = f1_score(t, p, labels=[labels[0]], average="macro", zero_division=0)
            return float(w + share * h)

        return both
    raise ValueError(f"unknown metric {metric!r}")


_THRESHOLDS = np.round(np.arange(0.05, 0.951, 0.01), 2)


Shifted = tuple[Mapping[str, NDArray[np.float32]], Sequence[str]]
"""Out-of-fold probabilities and truth from topic-grouped folds (a second validation protocol)."""


def tune_binary(
    task: dict[str, Any],
    probs: Mapping[str, NDArray[np.float32]],
    truth: Sequence[str],
    score: Objective,
    weight_grid: Sequence[float] = (0.0, 0.25, 0.5, 0.75, 1.0),
    shifted: Shifted | None = None,
    margin: float = 0.0,
    embedding_grid: Sequence[float] | None = None,
) -> tuple[dict[str, Any], float]:
    """Best blend weights and threshold; returns the task and its score.

    A blend has one or two heads (`weight_grid` is the first one's share), or, with
    `embedding_grid`, two n-gram heads and an embedding head last: the embedding head gets each
    share of `embedding_grid` and the n-gram pair the rest, split by `weight_grid`.

    With `shifted`, the choice maximises the mean of the stratified and the topic-grouped score,
    so that a weight or threshold that only holds on familiar topics loses; the returned score is
    still the stratified one, and the task records both under `protocols`. A weight later in
    `weight_grid` must beat the best earlier one by more than `margin` (order the grid from the
    cheapest blend to the dearest); with `embedding_grid`, a larger embedding share must beat the
    best smaller one by more than `margin`."""
    heads = list(task["blend"])
    grids = _weight_grids(heads, weight_grid, embedding_grid)
    labels = task["labels"]
    t = list(truth)
    best: tuple[float, float, dict[str, Any]] = (-1.0, -1.0, task)
    by_weight: list[dict[str, Any]] = []
    for weights in grids:
        mix = dict(zip(heads, weights, strict=True))
        s = sum(w * probs[h] for h, w in mix.items())
        s_shift = sum(w * shifted[0][h] for h, w in mix.items()) if shifted is not None else None
        here: tuple[float, float, dict[str, Any]] = (-1.0, -1.0, task)
        for th in _THRESHOLDS:
            value = score(t, list(np.where(s >= th, labels[1], labels[0])))
            target = value
            if shifted is not None and s_shift is not None:
                shift_value = score(list(shifted[1]), list(np.where(s_shift >= th, labels[1], labels[0])))
                target = (value + shift_value) / 2.0
            if target > here[0]:
                chosen = {**task, "blend": mix, "threshold": float(th)}
                if shifted is not None:
                    chosen["protocols"] = {
                        "stratified": round(value, 4),
                        "topic_grouped": round(2.0 * target - value, 4),
                        "chosen_by": "best mean of both (threshold per weight)",
                    }
                here = (target, value, chosen)
        if shifted is not None:
            by_weight.append(
                {"weights": list(weights), **here[2]["protocols"], "threshold": here[2]["threshold"]}
            )
        dearer = embedding_grid is None or _embedding_share(here[2]) > _embedding_share(best[2])
        if here[0] > best[0] + (margin if best[0] >= 0 and dearer else 0.0):
            best = here
    if shifted is not None:
        best[2]["protocols"] = {**best[2]["protocols"], "by_weight": by_weight}
    return best[2], best[1]


def _weight_grids(
    heads: Sequence[str], weight_grid: Sequence[float], embedding_grid: Sequence[float] | None
) -> list[tuple[float, ...]]:
    if embedding_grid is None:
        if len(heads) > 2:
            raise ValueError(f"a blend of {len(heads)} heads needs an embedding grid")
        return [(1.0,)] if len(heads) == 1 else [(w, 1.0 - w) for w in weight_grid]
    if len(heads) != 3 or not heads[2].startswith(EMBEDDING_PREFIX) or heads[0].startswith(EMBEDDING_PREFIX):
        raise ValueError("an embedding grid blends two n-gram heads with one embedding head, named last")
    return [
        (round((1.0 - v) * w, 4), round((1.0 - v) * (1.0 - w), 4), float(v))
        for v in embedding_grid
        for w in weight_grid
    ]


def _embedding_share(task: Mapping[str, Any]) -> float:
    return float(sum(w for h, w in task["blend"].items() if h.startswith(EMBEDDING_PREFIX)))


def tune_offsets(
    task: dict[str, Any],
    probs: Mapping[str, NDArray[np.float32]],
    truth: Sequence[str],
    score: Objective,
    mixes: Sequence[float | tuple[float, ...]] = (0.0,),
    rounds: int = 2,
) -> tuple[dict[str, Any], float]:
    """Coordinate ascent on per-class log offsets (and the gate mix or the boost weights).

    With a list of boosts, each entry of `mixes` is a tuple: one weight per boost.
    """
    grid = np.round(np.linspace(-1.5, 1.5, 31), 2)
    n_classes = len(task["labels"])
    best_value, best_task = -1.0, task
    tunable = task["kind"] == "gated" or "boost" in task
    for mix in mixes if tunable else (None,):
        current = {**task, "offsets": [0.0] * n_classes}
        if isinstance(mix, tuple):
            current["boost"] = [{**b, "beta": float(m)} for b, m in zip(boost_list(task), mix, strict=True)]
        elif mix is not None and task["kind"] == "gated":
            current["mix"] = float(mix)
        elif mix is not None:
            current["boost"] = {**task["boost"], "beta": float(mix)}
        value = score(list(truth), apply_task(current, probs))
        for _, k in itertools.product(range(rounds), range(n_classes)):
            for g in grid:
                offsets = list(current["offsets"])
                offsets[k] = float(g)
                trial = {**current, "offsets": offsets}
                v = score(list(truth), apply_task(trial, probs))
                if v > value + 1e-9:
                    value, current = v, trial
        if value > best_value:
            best_value, best_task = value, current
    return best_task, best_value
