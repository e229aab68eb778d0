"""`hifazat eval`: predict a labelled file of a data set in its own label scheme and score it.

The learned models predict every row (even rows that could not be read cleanly, from whatever
text was recovered), so the prediction file has exactly one line per data row, in file order:
`{"row": <0-based index>, "label": "<native label>"}`. Rows with a problem are listed and kept out
of the metric; a file without labels is predicted and not scored.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from hifazat.core.classifiers.bundle import ModelBundle, default_bundle
from hifazat.core.classifiers.embedding_heads import EMBEDDING_PREFIX
from hifazat.core.classifiers.embedding_stage import EmbeddingStage
from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.core.text.normalise import normalise
from hifazat.evaluation.datasets import DatasetSpec, default_data_dir, get_dataset
from hifazat.evaluation.metrics import Report, classification_report
from hifazat.evaluation.readers import DatasetFileError, RowProblem
from hifazat.evaluation.tasks import apply_task, task_scores
from hifazat.evaluation.trac import eval_time_predict

BATCH = 4096


@dataclass(slots=True)
class EvalResult:
    """Everything `hifazat eval` reports about one file."""

    dataset: DatasetSpec
    predictions: list[str]
    problems: list[RowProblem]
    report: Report | None
    note: str = ""
    """Why there is no metric, when there is none."""
    seconds: float = 0.0
    model_version: str = ""
    scored_rows: int = 0
    extra: dict[str, float] = field(default_factory=dict)
    method: str = ""
    """How the labels were produced, when there is a choice (TRAC-1)."""

    @property
    def primary(self) -> float | None:
        return self.report.metric(self.dataset.metric) if self.report else None


def _fake_news(texts: Sequence[str]) -> list[str]:
    from hifazat.core.classifiers.fake_news import predict_labels

    return predict_labels(texts)


SEPARATE_MODELS: dict[str, Callable[[Sequence[str]], list[str]]] = {"bend-the-truth": _fake_news}
"""Data sets predicted by a model of their own rather than a head of the learned bundle."""


def embedding_heads_of(task: dict[str, Any]) -> list[str]:
    """The embedding heads a task blends in (`e5:<head>` entries of its blend with a positive share)."""
    return [
        h[len(EMBEDDING_PREFIX) :]
        for h, w in task.get("blend", {}).items()
        if h.startswith(EMBEDDING_PREFIX) and float(w) > 0.0
    ]


def predict_texts(
    bundle: ModelBundle, dataset: str, texts: Sequence[str], stage: EmbeddingStage | None = None
) -> tuple[list[str], NDArray[np.float64] | None]:
    """Native labels (and a ranking score for two-class tasks) for raw texts of a data set.

    A task whose blend names embedding heads embeds every text (evaluation scores the full blend;
    production runs the same blend as a cascade, only on the uncertain band)."""
    try:
        task = bundle.tasks[dataset]
    except KeyError:
        raise NotFoundError(
            f"the learned models have no task for data set {dataset!r}", hint="run `hifazat train`"
        ) from None
    model = bundle.model(task["language"])
    embedded = embedding_heads_of(task)
    if embedded and stage is None:
        if bundle.embedding is None:
            raise NotFoundError(
                f"task {dataset!r} blends embedding heads but the bundle has none", hint="run `hifazat train`"
            )
        stage = EmbeddingStage(bundle.embedding)
    labels: list[str] = []
    scores: list[NDArray[np.float64]] = []
    for start in range(0, len(texts), BATCH):
        raw = list(texts[start : start + BATCH])
        probs = model.predict([normalise(t).text for t in raw])
        if embedded and stage is not None:
            vectors = stage.vectors(task["language"], raw)
            for head in embedded:
                probs[EMBEDDING_PREFIX + head] = stage.heads.probabilities(task["language"], head, vectors)
        labels.extend(apply_task(task, probs))
        if task["kind"] in ("binary", "ordinal"):
            scores.append(task_scores(task, probs))
    score = np.concatenate(scores) if scores else None
    return labels, score


def write_predictions(path: Path, labels: Sequence[str]) -> None:
    """One JSON line per data row, in file order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as fh:
        for i, label in enumerate(labels):
            fh.write(json.dumps({"row": i, "label": label}, ensure_ascii=False) + "\n")


def evaluate_file(
    dataset: str,
    input_path: Path,
    output_path: Path | None,
    bundle: ModelBundle | None = None,
    *,
    data_dir: Path | None = None,
    fixed_only: bool = False,
) -> EvalResult:
    """Read, predict, write and (when the file has labels) score one file of a data set.

    For TRAC-1, see `hifazat.evaluation.trac`: unless `fixed_only`, a throw-away model is fitted on
    the shared TRAC-1 files under `data_dir` when they are there.
    """
    spec = get_dataset(dataset)
    if not input_path.is_file():
        raise NotFoundError(f"input file {input_path} does not exist")
    started = time.perf_counter()
    try:
        read = spec.read(input_path)
    except DatasetFileError as exc:
        raise InvalidInputError(
            str(exc), hint=f"expected the native format of {spec.name}: {spec.title}"
        ) from None
    if not read.rows:
        raise InvalidInputError(f"{input_path} has no data rows")
    bundle = bundle or default_bundle()
    texts = [row.text for row in read.rows]
    method = ""
    if spec.name in SEPARATE_MODELS:
        predictions, scores = SEPARATE_MODELS[spec.name](texts), None
        task: dict[str, Any] = {"kind": "multiclass", "labels": list(spec.labels)}
        method = "the packaged Urdu fake-news classifier (core/models/fake_news)"
    else:
        predictions, scores = predict_texts(bundle, spec.name, texts)
        task = bundle.tasks[spec.name]
    if spec.name.startswith("trac-en"):
        fitted = None if fixed_only else eval_time_predict(bundle, data_dir or default_data_dir(), texts)
        if fitted is not None:
            predictions, scores = fitted, None
            method = "eval-time model fitted on the shared TRAC-1 train+dev files (not shipped)"
        else:
            method = "fixed cut-offs on the shipped English heads (no TRAC-1 data used)"
    positive = str(task["labels"][-1]) if task["kind"] == "binary" else None
    if output_path is not None:
        write_predictions(output_path, predictions)
    result = EvalResult(spec, predictions, read.problems, None, seconds=0.0, model_version=bundle.version)
    result.method = method
    if not read.has_labels:
        result.note = f"the file has no labels ({read.note}); predictions written, no metric"
    else:
        scored = [i for i, row in enumerate(read.rows) if row.label is not None]
        truth = [str(read.rows[i].label) for i in scored]
        predicted = [predictions[i] for i in scored]
        ranking = [float(scores[i]) for i in scored] if scores is not None else None
        result.report = classification_report(truth, predicted, spec.labels, ranking, positive)
        result.scored_rows = len(scored)
    result.seconds = time.perf_counter() - started
    return result
