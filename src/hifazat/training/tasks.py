"""The evaluation tasks `hifazat eval` uses, and their tuning on out-of-fold predictions.

Each task says how a data set's own labels come from head probabilities (see
`hifazat.evaluation.tasks`). Its free parameters are tuned on the out-of-fold predictions of the
data set's shared training rows, with the data set's own metric. TRAC-1 may not be used for
training or tuning, so its cut-offs are fixed by hand on the offensive scale.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from hifazat.evaluation.tasks import apply_task, boost_list
from hifazat.training.corpora import Example
from hifazat.training.tuning import objective, tune_binary, tune_offsets

if TYPE_CHECKING:
    from hifazat.training.learned import LanguageData

Truth = Callable[[Example], str]


@dataclass(frozen=True, slots=True)
class TaskSpec:
    dataset: str
    language: str
    corpus: str | None
    """Corpus whose out-of-fold predictions tune the task; None = fixed, not tuned."""
    truth: Truth
    task: dict[str, Any]
    metric: str
    options: dict[str, Any] = field(default_factory=dict)


def _col(column: str) -> Truth:
    return lambda ex: ex.labels[column]


_TRAC = {
    "kind": "ordinal",
    "language": "en",
    "labels": ["NAG", "CAG", "OAG"],
    "blend": {"offensive": 0.5, "harassment": 0.5},
    "thresholds": [0.25, 0.6],
    "note": "fixed cut-offs on the offensive/harassment scale; TRAC-1 is evaluation-only (CC BY-NC-SA)",
}

_CASCADE_WEIGHTS = (1.0, 0.75, 0.6, 0.5, 0.4)
"""Share of the n-gram head in a blend with an embedding head, cheapest first: the lower the share,
the wider the uncertain band and the more items the cascade must embed."""
_CASCADE_MARGIN = 0.003
"""A dearer blend must beat the cheaper one by this much (mean of both protocols) to be chosen."""

_EMBEDDING_SHARES = (0.0, 0.25, 0.4, 0.5)
"""Share of an embedding head in a blend with two n-gram heads (data-set tasks only), cheapest first."""

TASK_SPECS: tuple[TaskSpec, ...] = (
    TaskSpec(
        "ruhsold-task1",
        "roman-ur",
        "ruhsold",
        _col("coarse"),
        {"kind": "binary", "labels": ["1", "0"], "blend": {"abusive": 1.0}},
        "macro_f1",
    ),
    TaskSpec(
        "ruhsold-task2",
        "roman-ur",
        "ruhsold",
        _col("fine"),
        {
            "kind": "gated",
            "labels": ["0", "1", "2", "3", "4"],
            "gate": "abusive",
            "head": "ruhsold",
            "normal": "1",
            "classes": ["0", "1", "2", "3", "4"],
        },
        "macro_f1",
        {"mixes": (0.0, 0.25, 0.5, 0.75, 1.0)},
    ),
    TaskSpec(
        "urdu-threat",
        "ur",
        "urdu_threat",
        _col("label"),
        {"kind": "binary", "labels": ["0", "1"], "blend": {"threat": 1.0, "e5:threat": 0.0}},
        "f1:1",
        {"weights": _CASCADE_WEIGHTS, "margin": _CASCADE_MARGIN},
    ),
    TaskSpec(
        "davidson",
        "en",
        "davidson",
        _col("class"),
        {
            "kind": "multiclass",
            "labels": ["0", "1", "2"],
            "head": "davidson",
            "boost": [
                {"class": "0", "head": "hate", "beta": 0.0},
                {"class": "2", "head": "davidson_neither", "beta": 0.0},
            ],
        },
        "davidson:0.25",
        {"mixes": ((0.5, 0.5), (0.5, 0.75), (0.75, 0.75))},
    ),
    TaskSpec(
        "olid-a",
        "en",
        "olid",
        _col("subtask_a"),
        {
            "kind": "binary",
            "labels": ["NOT", "OFF"],
            "blend": {"olid": 0.5, "offensive": 0.5, "e5:olid": 0.0},
        },
        "macro_f1",
        {"embedding_weights": _EMBEDDING_SHARES, "margin": _CASCADE_MARGIN},
    ),
    TaskSpec(
        "hasoc-en-a",
        "en",
        "hasoc_en",
        _col("task_1"),
        {
            "kind": "binary",
            "labels": ["NOT", "HOF"],
            "blend": {"hasoc": 0.5, "offensive": 0.5, "e5:hasoc": 0.0},
        },
        "macro_f1",
        {"weights": (0.0, 0.25), "embedding_weights": _EMBEDDING_SHARES, "margin": _CASCADE_MARGIN},
    ),
    TaskSpec(
        "kaggle-insults",
        "en",
        "kaggle_insults",
        _col("insult"),
        {"kind": "binary", "labels": ["0", "1"], "blend": {"insult": 0.5, "offensive": 0.5}},
        "macro_f1",
    ),
    TaskSpec(
        "sms-spam",
        "en",
        "sms_spam",
        _col("label"),
        {"kind": "binary", "labels": ["ham", "spam"], "blend": {"spam": 1.0}},
        "accuracy",
    ),
    TaskSpec(
        "hasoc-hi-a",
        "hi",
        "hasoc_hi",
        _col("task_1"),
        {"kind": "binary", "labels": ["NOT", "HOF"], "blend": {"hasoc_hi": 1.0}},
        "macro_f1",
    ),
    TaskSpec("trac-en-fb", "en", None, _col("none"), _TRAC, "weighted_f1"),
    TaskSpec("trac-en-tw", "en", None, _col("none"), _TRAC, "weighted_f1"),
)


def _heads_of(task: dict[str, Any]) -> list[str]:
    if "blend" in task:
        return list(task["blend"])
    heads = [task["head"]]
    if "gate" in task:
        heads.append(task["gate"])
    heads.extend(b["head"] for b in boost_list(task))
    return heads


def _aligned(
    oof: dict[str, tuple[NDArray[np.int64], NDArray[np.float32]]], heads: list[str], rows: Sequence[Any]
) -> dict[str, NDArray[np.float32]]:
    """Each head's out-of-fold probabilities for `rows` of the language matrix, in that order."""
    out: dict[str, NDArray[np.float32]] = {}
    for head in heads:
        head_rows, p = oof[head]
        position = {int(r): j for j, r in enumerate(head_rows)}
        out[head] = p[[position[int(r)] for r in rows]]
    return out


def tune_tasks(
    specs: tuple[TaskSpec, ...],
    data: dict[str, LanguageData],
    oof: dict[str, dict[str, tuple[NDArray[np.int64], NDArray[np.float32]]]],
    log: Callable[[str], None] = print,
    shifted: dict[str, dict[str, tuple[NDArray[np.int64], NDArray[np.float32]]]] | None = None,
) -> dict[str, Any]:
    """Every task with its tuned parameters and its cross-validated score.

    `shifted` holds topic-grouped out-of-fold probabilities for some heads; a binary task whose
    heads all have them is tuned on both protocols (see `tune_binary`)."""
    out: dict[str, Any] = {}
    for spec in specs:
        task = {**spec.task, "language": spec.language, "metric": spec.metric}
        if spec.corpus is None:
            out[spec.dataset] = task
            continue
        lang = data[spec.language]
        rows = np.flatnonzero(lang.sources == spec.corpus)
        truth_all = [spec.truth(lang.examples[i]) for i in rows]
        keep_rows = [r for r, t in zip(rows, truth_all, strict=True) if t in task["labels"]]
        truth = [spec.truth(lang.examples[i]) for i in keep_rows]
        probs = _aligned(oof[spec.language], _heads_of(task), keep_rows)
        shift_heads = (shifted or {}).get(spec.language, {})
        shift = None
        if shifted is not None and all(h in shift_heads for h in _heads_of(task)):
            shift = (_aligned(shift_heads, _heads_of(task), keep_rows), truth)
        score = objective(spec.metric, task["labels"])
        if task["kind"] == "binary":
            grid = spec.options.get("weights", (0.0, 0.25, 0.5, 0.75, 1.0))
            margin = float(spec.options.get("margin", 0.0))
            tuned, value = tune_binary(
                task,
                probs,
                truth,
                score,
                weight_grid=grid,
                shifted=shift,
                margin=margin,
                embedding_grid=spec.options.get("embedding_weights"),
            )
        else:
            tuned, value = tune_offsets(task, probs, truth, score, mixes=spec.options.get("mixes", (0.0,)))
        predicted = apply_task(tuned, probs)
        tuned["cv"] = {"n": len(truth), spec.metric: round(float(value), 4)}
        if spec.dataset == "davidson":
            from sklearn.metrics import f1_score

            tuned["cv"]["weighted_f1"] = round(float(f1_score(truth, predicted, average="weighted")), 4)
            tuned["cv"]["f1:0"] = round(float(f1_score(truth, predicted, labels=["0"], average="macro")), 4)
        out[spec.dataset] = tuned
        log(f"  task {spec.dataset}: {tuned['cv']}")
    return out
