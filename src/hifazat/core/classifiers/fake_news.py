"""Urdu fake-news article classifier trained on "Bend the Truth" (Amjad et al. 2020).

Character 1–4-grams, hashed (so the artefact holds no vocabulary and no text), sublinear TF-IDF,
L2-normalised, and a linear SVM. The artefact (`core/models/fake_news/model.npz`) holds the IDF
weights, the coefficients and the intercept; `manifest.json` beside it records the data hashes,
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
    "analyzer": "char",
    "ngram_range": [1, 4],
    "n_features": 2**18,
    "sublinear_tf": True,
    "classifier": "LinearSVC",
    "C": 1.0,
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


def features(texts: Sequence[str], idf: NDArray[np.float32] | None = None) -> Any:
    """Hashed sublinear TF(-IDF) character n-grams, L2-normalised (a scipy CSR matrix)."""
    from sklearn.feature_extraction.text import HashingVectorizer
    from sklearn.preprocessing import normalize

    hashed = HashingVectorizer(
        analyzer=PARAMS["analyzer"],
        ngram_range=tuple(PARAMS["ngram_range"]),
        n_features=PARAMS["n_features"],
        alternate_sign=False,
        norm=None,
        lowercase=False,
    ).transform(list(texts))
    hashed.data = np.log1p(hashed.data)
    if idf is not None:
        hashed = hashed.multiply(idf.reshape(1, -1)).tocsr()
    return normalize(hashed)


def fit_idf(texts: Sequence[str]) -> NDArray[np.float32]:
    """Smoothed IDF of every hashed n-gram over `texts`."""
    counts = features(texts)
    df = np.bincount(counts.indices, minlength=PARAMS["n_features"])
    return (np.log((1 + len(texts)) / (1 + df)) + 1.0).astype(np.float32)


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
