"""`LinearModel.predict`: the gather path for small batches against scipy's sparse product."""

from __future__ import annotations

import numpy as np
import pytest

from hifazat.core.classifiers.bundle import default_bundle
from hifazat.core.classifiers.linear_model import SMALL_CELLS, FloatArray, LinearModel
from hifazat.core.text.normalise import normalise

WORDS = [  # our own words, in every script the models read
    "you", "idiot", "lovely", "video", "send", "your", "otp", "now", "free", "prize", "bohat", "acha",
    "kameena", "tum", "ho", "yaar", "کیا", "بات", "ہے", "تم", "مار", "دوں", "گا", "😀", "!!", "k1ll",
    "नमस्ते", "बहुत", "accha", "x", "@user", "www.example.com",
]  # fmt: skip


def _scipy_route(model: LinearModel, texts: list[str]) -> dict[str, FloatArray]:
    """What `predict` computed before the gather path: scipy's product, then one head at a time."""
    z = model.logits(model.matrix(texts))
    return {name: model.head_probabilities(z, name) for name in model.heads}


def _texts(seed: int, rows: int) -> list[str]:
    rng = np.random.default_rng(seed)
    return [normalise(" ".join(rng.choice(WORDS, size=int(rng.integers(0, 25))))).text for _ in range(rows)]


@pytest.mark.parametrize("language", ["en", "roman-ur", "ur", "hi"])
@pytest.mark.parametrize("rows", [1, 2, 7, 16, 40])
def test_predict_is_bitwise_the_scipy_route(language: str, rows: int) -> None:
    model = default_bundle().model(language)
    for seed in range(6):
        texts = _texts(seed * 100 + rows, rows)
        assert model.small_logits(texts) is not None  # these batches take the gather path
        got, want = model.predict(texts), _scipy_route(model, texts)
        assert list(got) == list(want)
        for head in want:
            assert got[head].dtype == want[head].dtype == np.float32
            assert np.array_equal(got[head].view(np.uint32), want[head].view(np.uint32)), head


def test_logits_match_scipy_bit_for_bit_on_long_rows() -> None:
    model = default_bundle().model("en")
    texts = [normalise(" ".join(WORDS * 3)).text, "", normalise("you idiot").text]
    got = model.small_logits(texts)
    assert got is not None
    assert np.array_equal(got.view(np.uint32), model.logits(model.matrix(texts)).view(np.uint32))


def test_a_batch_without_features_scores_the_bias() -> None:
    model = default_bundle().model("ur")
    got = model.small_logits(["", "   "])
    assert got is not None
    assert np.array_equal(got, np.tile(model.bias, (2, 1)))
    assert np.array_equal(got, model.logits(model.matrix(["", "   "])))


def test_a_big_batch_takes_the_sparse_product_with_the_same_result() -> None:
    model = default_bundle().model("roman-ur")
    long_text = normalise(" ".join(f"{w}{i}" for i in range(300) for w in ("bohat", "acha"))).text
    texts = [long_text] * (SMALL_CELLS // model.matrix([long_text]).nnz + 1)
    assert model.small_logits(texts) is None  # too many cells for the gather path
    got, want = model.predict(texts), _scipy_route(model, texts)
    for head in want:
        assert np.array_equal(got[head], want[head])
