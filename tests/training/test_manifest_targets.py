"""The packaged learned models' cross-validated metrics (written by `hifazat train`) against issue #4.

The manifest's `tasks.<data set>.cv` numbers are out-of-fold scores on the shared training files
(never the kept-back test splits). Where a published best is beaten in cross-validation the floor
here is that target; where it is not (OLID, HASOC English), the floor is the plain TF-IDF
baseline of the issue, so a retrain that loses ground fails here.
"""

from __future__ import annotations

from typing import Any

import pytest

from hifazat.core.classifiers.bundle import default_bundle

CASES = [
    # RUHSOLD task 1: published best F1 0.90 (BERT + CNN-gram), target > 0.90
    ("ruhsold-task1", "macro_f1", 0.90),
    # RUHSOLD task 2: published best macro-F1 0.69, target > 0.72
    ("ruhsold-task2", "macro_f1", 0.72),
    # Urdu threat: organisers' baseline 0.49, target >= 0.70 (its validation split misleads: CV)
    ("urdu-threat", "f1:1", 0.70),
    # Davidson: published weighted F1 0.90, target > 0.90
    ("davidson", "weighted_f1", 0.90),
    # SMS spam: published accuracy 97.6 %, target > 99 %
    ("sms-spam", "accuracy", 0.99),
    # OLID A: target 0.83 not reached. N-gram heads alone 0.743 in CV; with the e5 head blended in
    # 0.7625: the floor keeps that gain (a retrain that loses the embedding blend fails here)
    ("olid-a", "macro_f1", 0.755),
    # HASOC English A: target 0.79 not reached; floor = TF-IDF baseline 0.632 (CV 0.6657 with e5)
    ("hasoc-en-a", "macro_f1", 0.632),
    # HASOC Hindi A: no target in the issue; guard against a retrain that loses ground
    ("hasoc-hi-a", "macro_f1", 0.78),
    # Kaggle insults: no target in the issue; guard against a retrain that loses ground
    ("kaggle-insults", "macro_f1", 0.80),
]


@pytest.fixture(scope="module")
def tasks() -> dict[str, Any]:
    return default_bundle().tasks


@pytest.mark.parametrize(("dataset", "metric", "floor"), CASES)
def test_cross_validated_metric_clears_its_floor(
    tasks: dict[str, Any], dataset: str, metric: str, floor: float
) -> None:
    cv = tasks[dataset]["cv"]
    assert cv["n"] > 1000, "the metric must come from the real shared data, not a toy set"
    assert cv[metric] > floor, f"{dataset} {metric} {cv[metric]} is not above {floor}"


def test_davidson_hate_class_stays_near_the_tf_idf_floor(tasks: dict[str, Any]) -> None:
    # Hate-class F1: published 0.51, target 0.55, TF-IDF floor 0.442 (test split). Tuning for
    # weighted F1 > 0.90 costs about 0.01 of hate F1 (0.441 -> 0.429 in CV); the gap to 0.55 is
    # reported, not hidden, and a retrain that loses more than that fails here.
    assert tasks["davidson"]["cv"]["f1:0"] > 0.42


def test_trac_is_never_tuned_on_its_own_data(tasks: dict[str, Any]) -> None:
    # TRAC-1 is CC BY-NC-SA: evaluation only, so its task carries fixed cut-offs and no CV score.
    for name in ("trac-en-fb", "trac-en-tw"):
        assert "cv" not in tasks[name]
        assert tasks[name]["kind"] == "ordinal"
