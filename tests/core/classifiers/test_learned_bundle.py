"""The packaged learned models: small, loadable, calibrated, and consistent with their manifest."""

from __future__ import annotations

from importlib import resources

import numpy as np
import pytest

from hifazat.core.classifiers.bundle import (
    LANGUAGES,
    default_bundle,
    load_bundle_from,
    pack_arrays,
    unpack_arrays,
)
from hifazat.core.errors import NotFoundError


def test_packaged_artefacts_are_small() -> None:
    folder = resources.files("hifazat.core.models.learned")
    total = sum(f.stat().st_size for f in folder.iterdir() if f.name.endswith(".npz"))  # type: ignore[attr-defined]
    assert total < 20_000_000


def test_every_language_and_task_is_present() -> None:
    bundle = default_bundle()
    assert set(bundle.models) == set(LANGUAGES)
    for name in ("ruhsold-task1", "ruhsold-task2", "urdu-threat", "davidson", "olid-a", "hasoc-en-a",
                 "hasoc-hi-a", "kaggle-insults", "sms-spam", "trac-en-fb", "trac-en-tw"):  # fmt: skip
        assert name in bundle.tasks


def test_manifest_excludes_evaluation_only_data_sets_from_training() -> None:
    manifest = default_bundle().manifest
    used = {c for lang in manifest["languages"].values() for c in lang["corpora"]}
    assert not any("trac" in c or "liar" in c for c in used)
    assert "trac1_aggression_en_hi" in manifest["excluded_datasets"]


@pytest.mark.parametrize(
    ("language", "head", "bad", "good"),
    [
        ("en", "offensive", "you are a stupid idiot", "thank you for the lovely video"),  # English abuse
        (
            "roman-ur",
            "abusive",
            "tu kutta hai harami",
            "bohat acha laga yeh video dekh ke",
        ),  # Roman Urdu abuse
        ("ur", "threat", "میں تمہیں جان سے مار دوں گا", "آج موسم بہت اچھا ہے"),  # Urdu threat
        ("en", "spam", "WINNER you have won a cash prize call now to claim", "see you at dinner tonight"),
    ],
)
def test_heads_rank_an_obvious_case_above_a_harmless_one(
    language: str, head: str, bad: str, good: str
) -> None:
    probs = default_bundle().model(language).predict([bad, good])
    assert probs[head][0] > 0.5 > probs[head][1]


def test_quantisation_round_trip_keeps_weights_close() -> None:
    rng = np.random.default_rng(0)
    weights = rng.normal(size=(50, 3)).astype(np.float32)
    keep = np.sort(rng.choice(10_000, size=50, replace=False)).astype(np.int64)
    arrays = pack_arrays(keep, np.ones(50, dtype=np.float32), weights, np.zeros(3, dtype=np.float32))
    keep2, _, w2, _ = unpack_arrays(arrays)
    assert np.array_equal(keep, keep2)
    assert np.abs(w2 - weights).max() <= np.abs(weights).max() / 127 + 1e-6


def test_missing_manifest_is_a_clear_error() -> None:
    with pytest.raises(NotFoundError, match=r"manifest\.json is missing"):
        load_bundle_from({})
