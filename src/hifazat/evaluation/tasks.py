"""How head probabilities become a data set's own labels (the `tasks` section of the manifest).

Four kinds, all plain data so that `hifazat train` can tune them on out-of-fold predictions:

- `binary`: a weighted blend of binary heads' P(positive) against a threshold;
- `multiclass`: a multiclass head's argmax after per-class log offsets (optionally some classes'
  probabilities mixed with binary heads' — `boost`, one entry or a list; an entry with
  `"complement": true` mixes in 1 - P(head), e.g. "neither" from an offensive head);
- `gated`: a multiclass head mixed with a binary gate (P(normal) from the gate, the rest shared
  by the fine classes), then argmax after offsets;
- `ordinal`: a blend of binary heads cut by two thresholds into three ordered labels.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.typing import NDArray

Probabilities = Mapping[str, NDArray[np.float32]]


def blend(weights: Mapping[str, float], probs: Probabilities) -> NDArray[np.float64]:
    """The weighted mean of binary heads' P(positive)."""
    total = sum(weights.values()) or 1.0
    out = np.zeros(len(next(iter(probs.values()))), dtype=np.float64)
    for head, w in weights.items():
        if w:  # a head with no share need not have been computed (an embedding head left out)
            out += (w / total) * probs[head]
    return out


def gated_probabilities(task: Mapping[str, Any], probs: Probabilities) -> NDArray[np.float64]:
    """The fine head's class probabilities mixed with the gate's hierarchy (columns = head classes)."""
    fine = np.asarray(probs[task["head"]], dtype=np.float64)
    classes: list[str] = list(task["classes"])
    normal = classes.index(task["normal"])
    gate_abusive = np.asarray(probs[task["gate"]], dtype=np.float64)
    rest = fine.copy()
    rest[:, normal] = 0.0
    rest /= np.maximum(rest.sum(axis=1, keepdims=True), 1e-9)
    hier = rest * gate_abusive[:, None]
    hier[:, normal] = 1.0 - gate_abusive
    mix = float(task.get("mix", 0.5))
    return mix * hier + (1.0 - mix) * fine


def boost_list(task: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """A multiclass task's boosts as a list (`boost` may be one entry or a list of them)."""
    boost = task.get("boost")
    if not boost:
        return []
    return [boost] if isinstance(boost, Mapping) else list(boost)


def apply_task(task: Mapping[str, Any], probs: Probabilities) -> list[str]:
    """Native labels for every row, given every head's probabilities for those rows."""
    kind = task["kind"]
    labels: list[str] = list(task["labels"])
    if kind == "binary":
        score = blend(task["blend"], probs)
        return [labels[1] if s >= task["threshold"] else labels[0] for s in score]
    if kind == "ordinal":
        score = blend(task["blend"], probs)
        low, high = task["thresholds"]
        return [labels[2] if s >= high else labels[1] if s >= low else labels[0] for s in score]
    if kind == "multiclass":
        p = np.asarray(probs[task["head"]], dtype=np.float64)
        boosts = boost_list(task)
        if boosts:
            # Mix a class's probability with a binary head trained for that class on more data.
            p = p.copy()
            for boost in boosts:
                k, beta = labels.index(boost["class"]), float(boost["beta"])
                other = np.asarray(probs[boost["head"]], dtype=np.float64)
                if boost.get("complement"):
                    other = 1.0 - other
                p[:, k] = (1.0 - beta) * p[:, k] + beta * other
    elif kind == "gated":
        p = gated_probabilities(task, probs)
    else:
        raise ValueError(f"unknown task kind {kind!r}")
    offsets = np.asarray(task.get("offsets", [0.0] * p.shape[1]), dtype=np.float64)
    pick = (np.log(p + 1e-9) + offsets).argmax(axis=1)
    return [labels[i] for i in pick]


def task_scores(task: Mapping[str, Any], probs: Probabilities) -> NDArray[np.float64]:
    """A continuous score per row for ranking metrics (binary and ordinal tasks only)."""
    return blend(task["blend"], probs)
