"""The Urdu fake-news classifier: its reader, the packaged artefact and its manifest, training."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from hifazat.core.classifiers.fake_news import (
    LABELS,
    MEMBERS,
    Article,
    FakeNewsClassifier,
    predict_labels,
    read_bend_the_truth,
)
from hifazat.core.errors import InvalidInputError, ValidationFailedError

REAL = (
    "اسلام آباد: وفاقی وزیر خزانہ نے پیر کے روز قومی اسمبلی میں بجٹ پیش کیا، "
    "جس میں ترقیاتی اخراجات کے لیے رقم مختص کی گئی۔"
)
FAKE = (
    "حیرت انگیز! سائنسدانوں نے اعلان کر دیا کہ کل سے سورج مغرب سے نکلے گا اور تمام موبائل فون بند ہو جائیں گے"
)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "test.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_reader_reads_the_native_format(tmp_path: Path) -> None:
    path = write(tmp_path, f'file,domain,label,text\nTest/Real/bus1.txt,Business,Real,"{REAL}"\n'
                           f'Test/Fake/bus1.txt,Business,Fake,"{FAKE}"\n')  # fmt: skip
    articles = read_bend_the_truth(path)
    assert [(a.label, a.domain, a.pair) for a in articles] == [
        ("Real", "Business", "bus1.txt"),
        ("Fake", "Business", "bus1.txt"),
    ]


@pytest.mark.parametrize(
    ("content", "error", "message"),
    [
        (
            "file,domain,label,text\nx,Business,Maybe,متن\n",
            ValidationFailedError,
            "label 'Maybe'",
        ),  # bad label
        ("file,domain,label,text\nx,Business,Fake,\n", ValidationFailedError, "text is empty"),  # no text
        ("a,b\n1,2\n", InvalidInputError, "lacks text/label"),  # wrong header
    ],
)
def test_reader_reports_bad_rows(tmp_path: Path, content: str, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        read_bend_the_truth(write(tmp_path, content))


def test_reader_refuses_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InvalidInputError, match="file not found"):
        read_bend_the_truth(tmp_path / "nope.csv")


def test_packaged_model_predicts_native_labels() -> None:
    labels = predict_labels([REAL, FAKE, "کھیل"])
    assert len(labels) == 3 and set(labels) <= set(LABELS)
    assert predict_labels([]) == []


def test_manifest_records_data_params_and_cv_metrics() -> None:
    text = (
        resources.files("hifazat.core.models.fake_news").joinpath("manifest.json").read_text(encoding="utf-8")
    )
    manifest = json.loads(text)
    assert len(manifest["data"]["sha256"]) == 64 and manifest["data"]["rows"] == 637
    assert [b["analyzer"] for b in manifest["params"]["blocks"]] == ["char", "word", "char"]
    assert set(manifest["params"]["members"]) == set(MEMBERS)
    metrics = manifest["metrics"]
    # repeated grouped CV: a spread per class, and the ensemble no worse than either member alone
    for label, floor in (("Fake", 0.85), ("Real", 0.88)):
        cell = metrics[f"f1_{label}"]
        assert floor < cell["min"] <= cell["mean"] <= cell["max"] <= 1.0 and cell["std"] >= 0.0
        for member in MEMBERS:
            assert metrics["members_alone"][member][f"f1_{label}"]["mean"] <= cell["mean"]
    assert len(manifest["scales"]) == len(MEMBERS) and min(manifest["scales"]) > 0
    assert FakeNewsClassifier.packaged().version == manifest["version"]


def test_artefact_is_small() -> None:
    model = resources.files("hifazat.core.models.fake_news").joinpath("model.npz")
    with resources.as_file(model) as path:
        assert path.stat().st_size < 5_000_000


def test_training_separates_two_styles(tmp_path: Path) -> None:
    articles = [Article(f"{REAL} {i}", "Real", f"Train/Real/t{i}.txt") for i in range(6)] + [
        Article(f"{FAKE} {i}", "Fake", f"Train/Fake/t{i}.txt") for i in range(6)
    ]
    model = FakeNewsClassifier.train(articles)
    assert model.predict_labels([REAL, FAKE]) == ["Real", "Fake"]
    assert model.member_decisions([REAL, FAKE]).shape == (2, len(MEMBERS))
    assert np.all(model.scales > 0)
    model.save(tmp_path)
    assert (tmp_path / "model.npz").stat().st_size > 0


def test_training_is_deterministic() -> None:
    articles = [Article(f"{REAL} {i}", "Real", f"Train/Real/t{i}.txt") for i in range(6)] + [
        Article(f"{FAKE} {i}", "Fake", f"Train/Fake/t{i}.txt") for i in range(6)
    ]
    first, second = FakeNewsClassifier.train(articles), FakeNewsClassifier.train(articles)
    assert np.array_equal(first.decision([REAL, FAKE, "کھیل"]), second.decision([REAL, FAKE, "کھیل"]))
    assert np.array_equal(first.scales, second.scales)


def test_letter_variants_are_kept_not_folded() -> None:
    # Arabic yeh (ي) and Urdu yeh (ی) are different features: how an article was typed is signal here
    from hifazat.core.classifiers.fake_news_features import counts

    urdu, arabic = counts(["کی"]), counts(["كي"])
    assert (urdu != arabic).nnz > 0
