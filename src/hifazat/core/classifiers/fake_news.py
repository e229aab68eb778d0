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
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

from hifazat.core.classifiers.fake_news_features import (
    BLOCKS,
    counts,
    fit_idf,
    fit_nb_ratios,
    nb_features,
    tfidf,
    width,
)
from hifazat.core.errors import InvalidInputError, Located, ValidationFailedError

LABELS = ("Fake", "Real")
"""Native labels of the data set, in the order reports list them."""
PARAMS: dict[str, Any] = {
    "blocks": [dict(b) for b in BLOCKS],
    "text": "as written (no letter folding)",
    "members": {
        "svm": {
            "features": "1 + log(count) times smoothed IDF (0 for n-grams unseen in training)",
            "block_weights": [1.0, 1.0, 0.5],
            "classifier": "LinearSVC",
            "C": 1.0,
            "class_weight": "balanced",
        },
        "nb_lr": {
            "features": "n-gram presence times NB log-count ratio (alpha 1)",
            "block_weights": [1.0, 1.0, 0.0],
            "classifier": "LogisticRegression",
            "C": 1.0,
            "class_weight": "balanced",
        },
    },
    "combination": "sum of each member's decision divided by the standard deviation of its out-of-fold "
    "decisions (5-fold CV grouped by article pair, on the training data); > 0 means Fake",
    "scale_folds": 5,
}
"""Training parameters; recorded in the manifest."""
ARTEFACT = "hifazat.core.models.fake_news"
MEMBERS = ("svm", "nb_lr")
"""The members of the ensemble, in the order of `FakeNewsClassifier.members`."""


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


def _fake(articles: Sequence[Article]) -> NDArray[np.bool_]:
    return np.array([a.label == "Fake" for a in articles], dtype=bool)


@dataclass(frozen=True, slots=True)
class _Linear:
    """One member: a linear model over its own features of the hashed counts."""

    weights: NDArray[np.float32]
    """Per-column feature weights: IDF (svm) or NB log-count ratios (nb_lr)."""
    coef: NDArray[np.float32]
    intercept: float


def _member_features(member: str, raw: Any, weights: NDArray[np.float32], params: dict[str, Any]) -> Any:
    block_weights = params["members"][member]["block_weights"]
    if member == "svm":
        return tfidf(raw, weights, block_weights)
    return nb_features(raw, weights, block_weights)


def _fit_member(member: str, raw: Any, fake: NDArray[np.bool_], params: dict[str, Any]) -> _Linear:
    from sklearn.linear_model import LogisticRegression
    from sklearn.svm import LinearSVC

    spec = params["members"][member]
    weights = fit_idf(raw) if member == "svm" else fit_nb_ratios(raw, fake)
    model: LinearSVC | LogisticRegression
    if spec["classifier"] == "LinearSVC":
        model = LinearSVC(C=spec["C"], class_weight=spec["class_weight"], max_iter=50_000, random_state=0)
    else:
        model = LogisticRegression(C=spec["C"], class_weight=spec["class_weight"], max_iter=5_000)
    model.fit(_member_features(member, raw, weights, params), fake)
    return _Linear(weights, model.coef_[0].astype(np.float32), float(model.intercept_[0]))


def _decide(member: str, linear: _Linear, raw: Any, params: dict[str, Any]) -> NDArray[np.float64]:
    features = _member_features(member, raw, linear.weights, params)
    return np.asarray(features @ linear.coef.astype(np.float64) + linear.intercept)


@dataclass(frozen=True, slots=True)
class FakeNewsClassifier:
    """Two linear models over hashed n-grams, their decisions put on one scale and summed;
    `decision > 0` means Fake."""

    members: tuple[_Linear, ...]
    """One per name in `MEMBERS`, in that order."""
    scales: NDArray[np.float64]
    """Spread of each member's out-of-fold decisions; each decision is divided by it."""
    version: str = "dev"
    params: dict[str, Any] = field(default_factory=lambda: PARAMS)

    @classmethod
    def train(
        cls, articles: Sequence[Article], version: str = "dev", params: dict[str, Any] | None = None
    ) -> FakeNewsClassifier:
        """Fit on articles (labels `Fake`/`Real`). The members' scales come from a cross-validation
        grouped by article pair on these articles (plain folds when there are too few pairs)."""
        from sklearn.model_selection import StratifiedGroupKFold

        params = params or PARAMS
        raw = counts([a.text for a in articles])
        fake = _fake(articles)
        members = tuple(_fit_member(m, raw, fake, params) for m in MEMBERS)
        folds = min(int(params["scale_folds"]), int(fake.sum()), int((~fake).sum()))
        groups = [a.pair for a in articles]
        if folds < 2 or len(set(groups)) < folds:
            return cls(members, np.ones(len(MEMBERS)), version, params)
        oof = np.zeros((len(articles), len(MEMBERS)))
        splitter = StratifiedGroupKFold(folds, shuffle=True, random_state=0)
        for train, test in splitter.split(raw, fake, groups):
            for j, member in enumerate(MEMBERS):
                linear = _fit_member(member, raw[train], fake[train], params)
                oof[test, j] = _decide(member, linear, raw[test], params)
        scales = np.maximum(oof.std(axis=0), 1e-6)
        return cls(members, scales, version, params)

    def member_decisions(self, texts: Sequence[str]) -> NDArray[np.float64]:
        """Each member's own decision (rows: texts, columns: `MEMBERS`), not yet scaled."""
        if not texts:
            return np.zeros((0, len(MEMBERS)))
        raw = counts(texts)
        return np.column_stack(
            [_decide(m, linear, raw, self.params) for m, linear in zip(MEMBERS, self.members, strict=True)]
        )

    def decision(self, texts: Sequence[str]) -> NDArray[np.float64]:
        """Sum of the scaled member decisions; positive for Fake."""
        return np.asarray((self.member_decisions(texts) / self.scales).sum(axis=1))

    def predict_labels(self, texts: Sequence[str]) -> list[str]:
        """Native labels (`Fake` / `Real`), one per text."""
        return ["Fake" if d > 0 else "Real" for d in self.decision(texts)]

    def save(self, folder: Path) -> None:
        """Write `model.npz` (float16 weights and coefficients: a third of the size, same labels)."""
        folder.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, NDArray[Any]] = {"scales": self.scales}
        for name, linear in zip(MEMBERS, self.members, strict=True):
            arrays[f"{name}_weights"] = linear.weights.astype(np.float16)
            arrays[f"{name}_coef"] = linear.coef.astype(np.float16)
            arrays[f"{name}_intercept"] = np.array([linear.intercept])
        np.savez_compressed(folder / "model.npz", **arrays)  # type: ignore[arg-type]

    @classmethod
    def packaged(cls) -> FakeNewsClassifier:
        """The classifier shipped in `core/models/fake_news/`."""
        files = resources.files(ARTEFACT)
        manifest = json.loads(files.joinpath("manifest.json").read_text(encoding="utf-8"))
        with files.joinpath("model.npz").open("rb") as handle:
            data = np.load(handle)
            missing = [f"{m}_coef" for m in MEMBERS if f"{m}_coef" not in data.files]
            if missing or data["svm_weights"].shape != (width(),):
                raise InvalidInputError(
                    "the packaged fake-news model does not match the code "
                    f"(missing {missing or 'nothing'}, {width()} features expected)",
                    hint="retrain it with `python bench/train_fake_news.py`",
                )
            members = tuple(
                _Linear(
                    data[f"{m}_weights"].astype(np.float32),
                    data[f"{m}_coef"].astype(np.float32),
                    float(data[f"{m}_intercept"][0]),
                )
                for m in MEMBERS
            )
            return cls(members, data["scales"].astype(np.float64), str(manifest.get("version", "unknown")))


@cache
def _default() -> FakeNewsClassifier:
    return FakeNewsClassifier.packaged()


def predict_labels(texts: Sequence[str]) -> list[str]:
    """`Fake` or `Real` for each Urdu news article, with the packaged model (loaded once)."""
    return _default().predict_labels(texts)
