"""Sentence embeddings of training texts, computed once and kept in a scratch folder.

Embedding the shared corpora with multilingual-e5-small takes minutes of CPU. `hifazat train
--embedding-cache DIR` keeps each corpus's vectors in `DIR`, named by the embedder, the language
and the sha256 of the texts, so a rerun on the same data reuses them and a change in the data or
the embedder can never pick up stale vectors. Without a folder the vectors are computed each time.
The embedder is deterministic (a text's vector does not depend on its batch), so cached and fresh
vectors are the same.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path
from typing import cast

import numpy as np
from numpy.typing import NDArray

from hifazat.core.claims.embedder import Embedder
from hifazat.core.claims.model import ClaimLanguage

CHUNK = 256


def texts_digest(texts: Sequence[str]) -> str:
    h = hashlib.sha256()
    for text in texts:
        h.update(text.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()


class EmbeddingCache:
    """Vectors of whole corpora, cached on disk when a folder is given."""

    def __init__(self, embedder: Embedder, folder: Path | None = None) -> None:
        self.embedder = embedder
        self.folder = folder

    def path(self, language: str, texts: Sequence[str]) -> Path | None:
        if self.folder is None:
            return None
        name = re.sub(r"[^A-Za-z0-9.+-]+", "_", self.embedder.name)
        return self.folder / f"{name}-{language}-{texts_digest(texts)[:20]}.npy"

    def vectors(self, language: str, texts: Sequence[str]) -> NDArray[np.float32]:
        """One row per text (as a query), from the cache when it holds exactly these texts."""
        path = self.path(language, texts)
        if path is not None and path.is_file():
            cached = np.load(path, allow_pickle=False)
            if cached.shape == (len(texts), self.embedder.dim):
                return np.asarray(cached, dtype=np.float32)
        lang = cast(ClaimLanguage, language)
        parts = [
            self.embedder.embed(list(texts[i : i + CHUNK]), [lang] * len(texts[i : i + CHUNK]), query=True)
            for i in range(0, len(texts), CHUNK)
        ]
        out = np.vstack(parts) if parts else np.zeros((0, self.embedder.dim), dtype=np.float32)
        out = np.asarray(out, dtype=np.float32)
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp.npy")
            np.save(tmp, out, allow_pickle=False)
            tmp.replace(path)
        return out
