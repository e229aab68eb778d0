"""A language's linear classifier heads over one shared hashed TF-IDF feature space.

The artefact (`<language>.npz`) holds, for the hashed features kept at training time (those seen
in enough training texts): their hash ids, IDF weights, and an int8 weight matrix with one column
per output and a scale per column. Heads are groups of columns: a binary head is one column read
through a Platt sigmoid; a multiclass head is several columns read through a tempered softmax.
Inference is one sparse-times-dense product per batch for every head at once; a small batch skips
scipy and gathers the weight rows of its features from the dense matrix instead (`small_logits`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
from numpy.typing import NDArray
from scipy import sparse

from hifazat.core.classifiers.hashed_features import (
    TOKEN,
    CsrArrays,
    FeatureSpec,
    HashedFeatures,
    tfidf,
    tfidf_arrays,
)

HeadKind = Literal["binary", "multiclass"]
FloatArray = NDArray[np.float32]

SMALL_CELLS = 16_384
"""A batch takes the gather path (`LinearModel.small_logits`) while its rows times its longest row's
features stay under this (a server's batch of a few comments); bigger batches take scipy's product."""


@dataclass(frozen=True, slots=True)
class HeadSpec:
    """One head: which weight columns it reads and how its scores become probabilities."""

    name: str
    kind: HeadKind
    columns: tuple[int, ...]
    classes: tuple[str, ...]
    """Binary: `(negative, positive)`; multiclass: one class per column."""
    calibration: tuple[float, float]
    """Binary: Platt `(a, b)` so that p = sigmoid(a * z + b); multiclass: `(temperature, 0)`."""

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "columns": list(self.columns),
            "classes": list(self.classes),
            "calibration": list(self.calibration),
        }

    @classmethod
    def from_json(cls, name: str, data: dict[str, Any]) -> HeadSpec:
        kind = data["kind"]
        if kind not in ("binary", "multiclass"):
            raise ValueError(f"head {name!r}: unknown kind {kind!r}")
        cal = data["calibration"]
        return cls(
            name,
            kind,
            tuple(int(c) for c in data["columns"]),
            tuple(str(c) for c in data["classes"]),
            (float(cal[0]), float(cal[1])),
        )


def sigmoid(z: NDArray[np.floating[Any]]) -> FloatArray:
    """The logistic function, clipped so that extreme log-odds never overflow."""
    out: FloatArray = (1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))).astype(np.float32)
    return out


def softmax(z: NDArray[np.floating[Any]]) -> FloatArray:
    """Row-wise softmax."""
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    out: FloatArray = (e / e.sum(axis=1, keepdims=True)).astype(np.float32)
    return out


class LinearModel:
    """Hashed features -> TF-IDF -> one weight matrix -> calibrated head probabilities."""

    def __init__(
        self,
        spec: FeatureSpec,
        keep: NDArray[np.int64],
        idf: FloatArray,
        weights: FloatArray,
        bias: FloatArray,
        heads: dict[str, HeadSpec],
    ) -> None:
        if not (len(keep) == len(idf) == weights.shape[0]) or weights.shape[1] != len(bias):
            raise ValueError("artefact arrays disagree in shape")
        self.spec = spec
        self.features = HashedFeatures(spec)
        self.keep = keep
        self.idf = idf
        self.weights = np.ascontiguousarray(weights, dtype=np.float32)
        self.bias = bias.astype(np.float32)
        self.heads = heads
        self._remap = np.full(spec.n_features, -1, dtype=np.int64)
        self._remap[keep] = np.arange(len(keep), dtype=np.int64)
        self._idf_full = np.zeros(spec.n_features, dtype=np.float32)
        self._idf_full[keep] = idf
        binary = [h for h in heads.values() if h.kind == "binary"]
        self._binary_names = [h.name for h in binary]
        self._binary_columns = np.array([h.columns[0] for h in binary], dtype=np.int64)
        self._binary_a = np.array([h.calibration[0] for h in binary], dtype=np.float32)
        self._binary_b = np.array([h.calibration[1] for h in binary], dtype=np.float32)

    # -- features ---------------------------------------------------------------------------
    def matrix(self, texts: list[str]) -> sparse.csr_matrix:
        """TF-IDF rows over the kept features (columns = positions in `keep`)."""
        x = tfidf(self.features.counts(texts), self._idf_full)
        x.indices = self._remap[x.indices]
        x._shape = (x.shape[0], len(self.keep))
        return x

    def logits(self, x: sparse.csr_matrix) -> FloatArray:
        """Raw scores, one column per output."""
        return np.asarray(x @ self.weights, dtype=np.float32) + self.bias

    def small_logits(self, texts: list[str]) -> FloatArray | None:
        """`logits(matrix(texts))` without scipy, bit for bit, or None when the batch is too big for it."""
        found = self._kept_tfidf(texts)
        return None if found is None else self._gathered_logits(found)

    def _logits_for(self, texts: list[str]) -> FloatArray:
        """`logits(matrix(texts))`: gathered for a small batch, scipy's product for a big one (the
        features are computed once either way)."""
        found = self._kept_tfidf(texts)
        if found is None:
            return self.logits(self.matrix(texts))
        z = self._gathered_logits(found)
        if z is None:
            x = sparse.csr_matrix(found, shape=(len(found[2]) - 1, len(self.keep)))
            z = self.logits(x)
        return z

    def _gathered_logits(self, found: CsrArrays) -> FloatArray | None:
        """The logits of `matrix` arrays without scipy, or None when the batch is too big for it.

        scipy's product adds each row's `value * weight row` terms one at a time, in column order, in
        float32. Here each row's terms are gathered into a (rows x longest row x outputs) block, padded
        with zero terms at the end (adding +0.0 changes no sum), and summed by `np.cumsum` along the row,
        which also adds one term at a time in order (`np.sum` may pair them up and round differently).
        """
        data, indices, indptr = found
        lengths = np.diff(indptr)
        n_rows, longest = len(lengths), int(lengths.max(initial=0))
        if longest == 0:
            return np.broadcast_to(self.bias, (n_rows, len(self.bias))).copy()
        if n_rows * longest > SMALL_CELLS:
            return None
        row = np.repeat(np.arange(n_rows), lengths)
        at = np.arange(len(indices)) - np.repeat(indptr[:-1], lengths)
        value = np.zeros((n_rows, longest), dtype=np.float32)
        value[row, at] = data
        feature = np.zeros((n_rows, longest), dtype=np.int64)
        feature[row, at] = indices
        terms = self.weights[feature] * value[:, :, None]
        total: FloatArray = np.cumsum(terms, axis=1)[:, -1, :] + self.bias
        return total

    def _kept_tfidf(self, texts: list[str]) -> CsrArrays | None:
        """The arrays of `matrix(texts)`, or None where only scipy's route gives them exactly."""
        found = tfidf_arrays(self.features.count_arrays(texts), self._idf_full)
        if found is None:
            return None
        data, indices, indptr = found
        return data, self._remap[indices], indptr

    # -- heads ------------------------------------------------------------------------------
    def head_probabilities(self, z: FloatArray, head: str) -> FloatArray:
        """Binary: P(positive) per row; multiclass: P(class) per row and class."""
        spec = self.heads[head]
        cols = list(spec.columns)
        if spec.kind == "binary":
            a, b = spec.calibration
            return sigmoid(a * z[:, cols[0]] + b)
        temperature = spec.calibration[0] or 1.0
        return softmax(z[:, cols] / temperature)

    def predict(self, texts: list[str]) -> dict[str, FloatArray]:
        """Every head's probabilities for a batch of normalised texts."""
        z = self._logits_for(texts)
        # every binary head in one pass: the same float32 operations as `head_probabilities`, per column
        # (transposed first, so that each head's probabilities are one contiguous row)
        binary = sigmoid(
            np.ascontiguousarray((z[:, self._binary_columns] * self._binary_a + self._binary_b).T)
        )
        found = dict(zip(self._binary_names, binary, strict=True))
        return {
            name: found[name] if name in found else self.head_probabilities(z, name) for name in self.heads
        }

    # -- evidence ---------------------------------------------------------------------------
    def direction(self, head: str, cls: str | None = None) -> FloatArray:
        """The weight vector whose positive side means `cls` (the positive class for a binary head)."""
        spec = self.heads[head]
        if spec.kind == "binary":
            return self.weights[:, spec.columns[0]]
        target = spec.columns[spec.classes.index(cls)] if cls is not None else spec.columns[-1]
        others = [c for c in spec.columns if c != target]
        out: FloatArray = self.weights[:, target] - self.weights[:, others].mean(axis=1)
        return out

    def word_score(self, word: str, direction: FloatArray) -> float:
        """How hard one word's own features pull along `direction` (IDF-weighted)."""
        cols = self._remap[self.features.word_columns(word)]
        cols = cols[cols >= 0]
        return float(np.dot(self.idf[cols], direction[cols])) if len(cols) else 0.0

    def word_scores(
        self, text: str, direction: FloatArray, cache: dict[str, float] | None = None
    ) -> list[tuple[int, int, float]]:
        """`(start, end, score)` for every token of normalised `text` along `direction`.

        Pass the same `cache` for the same direction to score each distinct word once.
        """
        memo: dict[str, float] = {} if cache is None else cache
        out: list[tuple[int, int, float]] = []
        for m in TOKEN.finditer(text):
            word = m.group(0)
            score = memo.get(word)
            if score is None:
                if len(memo) > 200_000:
                    memo.clear()
                score = memo[word] = self.word_score(word, direction)
            out.append((m.start(), m.end(), score))
        return out


_SAFE_NAME = re.compile(r"^[a-z0-9_]+$")


def check_name(name: str) -> str:
    """Head and language names are short lowercase identifiers (they appear in file names)."""
    if not _SAFE_NAME.match(name):
        raise ValueError(f"bad name {name!r}: use lowercase letters, digits and _")
    return name
