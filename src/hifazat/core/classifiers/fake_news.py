"""Urdu fake-news article classifier trained on "Bend the Truth" (Amjad et al. 2020).

Two blocks of hashed n-grams (so the artefact holds no vocabulary and no text) — character 1–4-grams
and word 1–2-grams — each with sublinear TF-IDF and L2-normalised on its own, side by side, and a
linear SVM. The artefact (`core/models/fake_news/model.npz`) holds the IDF weights of both blocks,
the coefficients and the intercept; `manifest.json` beside it records the data hashes,
parameters and cross-validated metrics. Labels are the data set's own: `Fake` and `Real`.

Bend the Truth pairs every fake article with the real one it was written from (same file name
under `Fake/` and `Real/`), so cross-validation must keep both in one fold; otherwise a model
learns topics and scores below chance.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from hifazat.core.errors import InvalidInputError, Located, ValidationFailedError

LABELS = ("Fake", "Real")
"""Native labels of the data set, in the order reports list them."""
PARAMS: dict[str, Any] = {
    "blocks": [
        {"analyzer": "char", "ngram_range": [1, 4], "n_features": 2**20},
        {"analyzer": "word", "ngram_range": [1, 2], "n_features": 2**20, "token_pattern": r"(?u)\b\w+\b"},
    ],
    "tf": "1 + log(count)",
    "idf": "smooth; 0 for n-grams unseen in training",
    "block_norm": "l2",
    "classifier": "LinearSVC",
    "C": 0.5,
    "class_weight": "balanced",
}
"""Training parameters; recorded in the manifest."""
ARTEFACT = "hifazat.core.models.fake_news"


@dataclass(frozen=True, slots=True)
class Article:
    """One row of the data set: the text, its native label, and where it came from."""

    text: str
    label: str
    file: str = ""
    domain: str = ""

    @property
    def pair(self) -> str:
        """The pairing key: `Train/Fake/bus1.txt` and `Train/Real/bus1.txt` share `bus1.txt`."""
        return self.file.replace("\\", "/").rsplit("/", 1)[-1] or self.text[:40]


def read_bend_the_truth(path: Path) -> list[Article]:
    """Articles from a Bend the Truth CSV (`file,domain,label,text`, as `train.dedup_vs_test.csv`
    and the held-out `test.csv`). Bad rows are all reported at once with their line numbers."""
    try:
        source = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InvalidInputError(f"file not found: {path}") from None
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"{path} is not UTF-8 (byte {exc.start})") from None
    reader = csv.DictReader(io.StringIO(source))
    fields = [f.strip().casefold() for f in reader.fieldnames or []]
    if "text" not in fields or "label" not in fields:
        raise InvalidInputError(
            f"{path}: header {reader.fieldnames!r} lacks text/label",
            hint="expected columns file,domain,label,text",
        )
    reader.fieldnames = fields
    articles: list[Article] = []
    problems: list[Located] = []
    for row in reader:
        line = reader.line_num
        label = (row.get("label") or "").strip()
        text = (row.get("text") or "").strip()
        if label not in LABELS:
            problems.append(Located(str(path), line, f"label {label!r} is not one of {', '.join(LABELS)}"))
        elif not text:
            problems.append(Located(str(path), line, "text is empty"))
        else:
            articles.append(
                Article(text, label, (row.get("file") or "").strip(), (row.get("domain") or "").strip())
            )
    if problems:
        raise ValidationFailedError(f"{path} is not a Bend the Truth file", problems)
    return articles


def _width() -> int:
    return sum(int(b["n_features"]) for b in PARAMS["blocks"])


def _counts(texts: Sequence[str]) -> Any:
    """Hashed 1 + log(count) of every block, side by side (a scipy CSR matrix, not normalised)."""
    from scipy.sparse import hstack
    from sklearn.feature_extraction.text import HashingVectorizer

    blocks = []
    for block in PARAMS["blocks"]:
        extra = {"token_pattern": block["token_pattern"]} if "token_pattern" in block else {}
        hashed = HashingVectorizer(
            analyzer=block["analyzer"],
            ngram_range=tuple(block["ngram_range"]),
            n_features=block["n_features"],
            alternate_sign=False,
            norm=None,
            lowercase=False,
            **extra,
        ).transform(list(texts))
        hashed.data = 1.0 + np.log(hashed.data)
        blocks.append(hashed)
    return hstack(blocks).tocsr()


def features(texts: Sequence[str], idf: NDArray[np.float32] | None = None) -> Any:
    """Hashed sublinear TF(-IDF) n-grams, each block L2-normalised on its own (a scipy CSR matrix)."""
    from scipy.sparse import hstack
    from sklearn.preprocessing import normalize

    counts = _counts(texts)
    if idf is not None:
        counts = counts.multiply(idf.reshape(1, -1)).tocsr()
    parts = []
    start = 0
    for block in PARAMS["blocks"]:
        end = start + int(block["n_features"])
        parts.append(normalize(counts[:, start:end]))
        start = end
    return hstack(parts).tocsr()


def fit_idf(texts: Sequence[str]) -> NDArray[np.float32]:
    """Smoothed IDF of every hashed n-gram (all blocks) over `texts`; 0 for n-grams never seen, so
    that, as with a vocabulary, words new at prediction time carry no weight (nor take any norm)."""
    counts = _counts(texts)
    df = np.bincount(counts.indices, minlength=_width())
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    idf[df == 0] = 0.0
    return idf.astype(np.float32)


@dataclass(frozen=True, slots=True)
class FakeNewsClassifier:
    """A trained linear model over `features`; `decision > 0` means Fake."""

    idf: NDArray[np.float32]
    coef: NDArray[np.float32]
    intercept: float
    version: str = "dev"

    @classmethod
    def train(cls, articles: Sequence[Article], version: str = "dev") -> FakeNewsClassifier:
        """Fit on articles (labels `Fake`/`Real`)."""
        from sklearn.svm import LinearSVC

        texts = [a.text for a in articles]
        y = np.array([a.label == "Fake" for a in articles])
        idf = fit_idf(texts)
        model = LinearSVC(C=PARAMS["C"], class_weight=PARAMS["class_weight"], max_iter=5000)
        model.fit(features(texts, idf), y)
        return cls(idf, model.coef_[0].astype(np.float32), float(model.intercept_[0]), version)

    def decision(self, texts: Sequence[str]) -> NDArray[np.float64]:
        """Signed distance from the boundary; positive for Fake."""
        if not texts:
            return np.zeros(0)
        return np.asarray(features(texts, self.idf) @ self.coef.astype(np.float64) + self.intercept)

    def predict_labels(self, texts: Sequence[str]) -> list[str]:
        """Native labels (`Fake` / `Real`), one per text."""
        return ["Fake" if d > 0 else "Real" for d in self.decision(texts)]

    def save(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(
            folder / "model.npz", idf=self.idf, coef=self.coef, intercept=np.array([self.intercept])
        )

    @classmethod
    def packaged(cls) -> FakeNewsClassifier:
        """The classifier shipped in `core/models/fake_news/`."""
        files = resources.files(ARTEFACT)
        manifest = json.loads(files.joinpath("manifest.json").read_text(encoding="utf-8"))
        with files.joinpath("model.npz").open("rb") as handle:
            data = np.load(handle)
            if data["idf"].shape != (_width(),):
                raise InvalidInputError(
                    f"the packaged fake-news model has {data['idf'].shape[0]} features, the code expects {_width()}",
                    hint="retrain it with `python bench/train_fake_news.py`",
                )
            return cls(
                data["idf"].astype(np.float32),
                data["coef"].astype(np.float32),
                float(data["intercept"][0]),
                str(manifest.get("version", "unknown")),
            )


@cache
def _default() -> FakeNewsClassifier:
    return FakeNewsClassifier.packaged()


def predict_labels(texts: Sequence[str]) -> list[str]:
    """`Fake` or `Real` for each Urdu news article, with the packaged model (loaded once)."""
    return _default().predict_labels(texts)
