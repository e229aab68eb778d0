"""TRAC-1 (aggression: OAG / CAG / NAG) is evaluation-only: its licence (CC BY-NC-SA 4.0) rules out
training a shipped model on it.

Two ways to predict it, both stated in the output:

- `fixed`: the shipped English heads alone, cut into three bands on the offensive/harassment scale
  (what the product itself would say; no TRAC data involved);
- `eval-time`: a throw-away multinomial logistic regression fitted, inside this process, on the
  shared TRAC-1 English train + dev files, over the shipped English features plus the shipped
  heads' probabilities. Nothing is written to disk or shipped; it exists to measure how well the
  features transfer, the way the TRAC-1 shared task was run.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from hifazat.core.classifiers.bundle import ModelBundle
from hifazat.core.text.normalise import normalise
from hifazat.evaluation.datasets import get_dataset

TRAC_FILES = (
    "trac1_aggression_en_hi/agr_en_train.dedup_vs_test.csv",
    "trac1_aggression_en_hi/agr_en_dev.dedup_vs_test.csv",
)
STACKED_HEADS = ("offensive", "harassment", "hate", "profanity", "insult", "olid", "hasoc")
LABELS = ("NAG", "CAG", "OAG")
C = 4.0
HEAD_WEIGHT = 3.0
"""Scale of the head-probability columns next to the unit-norm TF-IDF row."""


def training_files(data_dir: Path) -> list[Path] | None:
    """The shared TRAC-1 English train and dev files, or None when they are not there."""
    paths = [data_dir / rel for rel in TRAC_FILES]
    return paths if all(p.is_file() for p in paths) else None


def _design(bundle: ModelBundle, texts: list[str]) -> sparse.csr_matrix:
    model = bundle.model("en")
    norm = [normalise(t).text for t in texts]
    x = model.matrix(norm)
    z = model.logits(x)
    heads = [h for h in STACKED_HEADS if h in model.heads]
    probs = np.column_stack([model.head_probabilities(z, h) for h in heads]) * HEAD_WEIGHT
    return sparse.hstack([x, sparse.csr_matrix(probs)]).tocsr()


def eval_time_predict(bundle: ModelBundle, data_dir: Path, texts: list[str]) -> list[str] | None:
    """Labels from a model fitted now on the shared TRAC-1 files; None when they are missing."""
    from sklearn.linear_model import LogisticRegression

    paths = training_files(data_dir)
    if paths is None:
        return None
    spec = get_dataset("trac-en-fb")
    train_texts: list[str] = []
    train_labels: list[str] = []
    for path in paths:
        for row in spec.read(path).rows:
            if row.label is not None:
                train_texts.append(row.text)
                train_labels.append(row.label)
    y: NDArray[np.int64] = np.asarray([LABELS.index(lab) for lab in train_labels], dtype=np.int64)
    clf = LogisticRegression(C=C, max_iter=2000, random_state=0)
    clf.fit(_design(bundle, train_texts), y)
    picked = clf.predict(_design(bundle, texts))
    return [LABELS[int(i)] for i in picked]
