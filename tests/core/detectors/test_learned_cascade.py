"""The learned detector's cascade: only items in the uncertain band are embedded, and they get the blend."""

from __future__ import annotations

import numpy as np
import pytest

from hifazat.core.classifiers.bundle import default_bundle
from hifazat.core.detectors.base import Item
from hifazat.core.detectors.learned import LearnedDetector
from hifazat.core.signals import Context
from hifazat.core.text.langid import identify
from hifazat.core.text.normalise import normalise

URDU = [
    "میں تمہیں جان سے مار دوں گا",  # a plain threat
    "آج موسم بہت اچھا ہے",  # small talk
    "اس کو سبق سکھانا پڑے گا",  # an ambiguous "teach him a lesson"
    "حکومت نے نئی پالیسی کا اعلان کیا ہے",  # news
    "تم دیکھنا تمہارے ساتھ کیا ہوتا ہے",  # a veiled threat
    "یہ گانا بہت خوبصورت ہے",  # praise
]


def item(text: str) -> Item:
    return Item(text, normalise(text), identify(text), Context())


@pytest.fixture(scope="module")
def heads_present() -> None:
    bundle = default_bundle()
    if bundle.embedding is None or bundle.embedding.head("ur", "threat") is None:
        pytest.fail("the packaged bundle must carry the Urdu threat embedding head (run `hifazat train`)")


def test_cascade_is_off_by_default_and_then_embeds_nothing(heads_present: None) -> None:
    detector = LearnedDetector()
    assert detector.stage is None
    detector.detect_batch([item(t) for t in URDU])
    assert detector.stats.items == 0 and detector.stats.embedded == 0


def test_only_the_band_is_embedded_and_it_gets_the_blend(heads_present: None) -> None:
    bundle = default_bundle()
    assert bundle.embedding is not None
    head = bundle.embedding.head("ur", "threat")
    assert head is not None and head.cascade is not None
    items = [item(t) for t in URDU]
    plain = LearnedDetector(bundle)
    cascaded = LearnedDetector(bundle, cascade=True)
    ngram = bundle.models["ur"].predict([i.norm.text for i in items])["threat"]
    in_band = head.cascade.covers(ngram)
    cascaded.detect_batch(items)
    assert cascaded.stats.items == len(items)
    assert cascaded.stats.embedded == int(in_band.sum())
    assert cascaded.stage is not None and cascaded.stage.counters.texts == int(in_band.sum())
    for i, it in enumerate(items):
        before = {s.policy: s.score for s in plain.detect(it)}.get("safety.threats", 0.0)
        after = {s.policy: s.score for s in cascaded.detect(it)}.get("safety.threats", 0.0)
        if not in_band[i]:
            assert after == before, URDU[i]
            continue
        p_e = cascaded.stage.probabilities("ur", "threat", [it.text])[0]
        expected = float(head.cascade.blend(np.array([ngram[i]]), np.array([p_e]))[0])
        if expected >= plain.min_score:
            assert after == pytest.approx(expected, abs=1e-4), URDU[i]


def test_english_items_never_reach_the_stage(heads_present: None) -> None:
    detector = LearnedDetector(cascade=True)
    detector.detect_batch([item("you are a stupid idiot"), item("lovely video thanks")])
    assert detector.stats.embedded == 0
