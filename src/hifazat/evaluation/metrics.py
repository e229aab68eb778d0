"""Classification metrics as the papers report them: per-class P/R/F1, macro and weighted F1, accuracy.

Implemented directly (no scikit-learn) so the numbers are easy to audit; the tests check them
against hand-computed cases.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True)
class ClassScores:
    label: str
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class Report:
    """Every metric of one evaluation."""

    per_class: tuple[ClassScores, ...]
    accuracy: float
    macro_f1: float
    weighted_f1: float
    n: int
    mcc: float | None = None
    """Matthews correlation (two-class tasks only)."""
    roc_auc: float | None = None
    """Area under the ROC curve of the positive class (when scores are given)."""

    def metric(self, name: str) -> float | None:
        """A metric by name: `macro_f1`, `weighted_f1`, `accuracy`, `mcc`, `f1:<label>`, `roc_auc:<label>`."""
        if name.startswith("f1:"):
            label = name[3:]
            return next((c.f1 for c in self.per_class if c.label == label), None)
        if name.startswith("roc_auc"):
            return self.roc_auc
        value = getattr(self, name, None)
        return float(value) if isinstance(value, (int, float)) else None


def _safe(num: float, den: float) -> float:
    return num / den if den else 0.0


def classification_report(
    truth: Sequence[str],
    predicted: Sequence[str],
    labels: Sequence[str],
    scores: Sequence[float] | None = None,
    positive: str | None = None,
) -> Report:
    """Scores of `predicted` against `truth` over `labels` (the data set's label order).

    `scores` (higher = more `positive`, by default the last label) add ROC-AUC for two-class tasks.
    """
    if len(truth) != len(predicted):
        raise ValueError(f"{len(truth)} gold labels but {len(predicted)} predictions")
    per_class = []
    correct = sum(1 for t, p in zip(truth, predicted, strict=True) if t == p)
    for label in labels:
        tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t == label and p == label)
        fp = sum(1 for t, p in zip(truth, predicted, strict=True) if t != label and p == label)
        fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t == label and p != label)
        prec, rec = _safe(tp, tp + fp), _safe(tp, tp + fn)
        per_class.append(ClassScores(label, prec, rec, _safe(2 * prec * rec, prec + rec), tp + fn))
    n = len(truth)
    macro = sum(c.f1 for c in per_class) / len(per_class) if per_class else 0.0
    weighted = _safe(sum(c.f1 * c.support for c in per_class), sum(c.support for c in per_class))
    pos = positive if positive is not None else labels[-1]
    mcc = _mcc(truth, predicted, pos) if len(labels) == 2 else None
    auc = roc_auc([t == pos for t in truth], scores) if scores is not None and len(labels) == 2 else None
    return Report(tuple(per_class), _safe(correct, n), macro, weighted, n, mcc, auc)


def _mcc(truth: Sequence[str], predicted: Sequence[str], pos: str) -> float:
    tp = sum(1 for t, p in zip(truth, predicted, strict=True) if t == pos and p == pos)
    tn = sum(1 for t, p in zip(truth, predicted, strict=True) if t != pos and p != pos)
    fp = sum(1 for t, p in zip(truth, predicted, strict=True) if t != pos and p == pos)
    fn = sum(1 for t, p in zip(truth, predicted, strict=True) if t == pos and p != pos)
    den = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    return _safe(tp * tn - fp * fn, den)


def roc_auc(positive: Sequence[bool], scores: Sequence[float]) -> float | None:
    """ROC-AUC by the rank-sum formula (ties count half); None when one class is absent."""
    y = np.asarray(positive, dtype=bool)
    s = np.asarray(scores, dtype=np.float64)
    n_pos, n_neg = int(y.sum()), int((~y).sum())
    if n_pos == 0 or n_neg == 0:
        return None
    order = np.argsort(s, kind="mergesort")
    ranks = np.empty(len(s), dtype=np.float64)
    sorted_s = s[order]
    i = 0
    while i < len(s):
        j = i
        while j + 1 < len(s) and sorted_s[j + 1] == sorted_s[i]:
            j += 1
        ranks[order[i : j + 1]] = (i + j) / 2.0 + 1.0
        i = j + 1
    return float((ranks[y].sum() - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg))


def format_report(report: Report, title: str = "") -> str:
    """A per-class table followed by the averages, as plain text."""
    lines = [title] if title else []
    lines.append(f"{'label':<12}{'precision':>10}{'recall':>10}{'f1':>10}{'support':>10}")
    for c in report.per_class:
        lines.append(f"{c.label:<12}{c.precision:>10.4f}{c.recall:>10.4f}{c.f1:>10.4f}{c.support:>10}")
    lines.append(f"{'accuracy':<12}{report.accuracy:>40.4f}{report.n:>10}")
    lines.append(f"{'macro F1':<12}{report.macro_f1:>40.4f}")
    lines.append(f"{'weighted F1':<12}{report.weighted_f1:>40.4f}")
    if report.mcc is not None:
        lines.append(f"{'MCC':<12}{report.mcc:>40.4f}")
    if report.roc_auc is not None:
        lines.append(f"{'ROC-AUC':<12}{report.roc_auc:>40.4f}")
    return "\n".join(lines)
