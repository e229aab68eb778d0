"""Public figures' names are blanked before a learned model scores a comment: which politician or party is
named must not change the verdict on what is said about them."""

from __future__ import annotations

import pytest

from hifazat.core.classifiers import public_figures
from hifazat.core.classifiers.public_figures import blank_public_figures
from hifazat.core.detectors.base import Item
from hifazat.core.detectors.learned import LearnedDetector
from hifazat.core.signals import Context
from hifazat.core.text.langid import identify
from hifazat.core.text.normalise import normalise


def _item(text: str) -> Item:
    return Item(text, normalise(text), identify(text), Context())


def test_names_are_blanked_in_place() -> None:
    text = "nawaz sharif aur imran khan dono ne kaha"
    blanked = blank_public_figures(text)
    assert len(blanked) == len(text)
    assert blanked == "_____ ______ aur _____ ____ dono ne kaha"


@pytest.mark.parametrize(
    "text",
    [
        "woh bohat sharif insaan hai",  # "sharif" = decent
        "imran bhai ka video acha tha",  # a common first name alone
        "rizvi sahab hamare teacher hain",  # a common surname alone
        "nawazish ka shukriya",  # a name inside a longer word
    ],
)
def test_common_names_and_words_stay(text: str) -> None:
    assert blank_public_figures(text) == text


def test_urdu_names_are_blanked_after_normalisation() -> None:
    text = normalise("پی ٹی آئی اور ن لیگ دونوں").text
    assert blank_public_figures(text) == "__ __ ___ اور _ ___ دونوں"


def test_the_cheap_prefilter_lets_every_listed_name_through() -> None:
    names = public_figures._ROMAN + public_figures._normalised(public_figures._URDU)
    missed = [n for n in names if next(public_figures._CHEAP.iter(n), None) is None]
    assert missed == []
    assert all(blank_public_figures(n).strip("_ ") == "" for n in names)


@pytest.fixture(scope="module")
def detector() -> LearnedDetector:
    return LearnedDetector()


@pytest.mark.parametrize(
    "template",
    ["{} chor hai", "{} jhoota hai aur gaddar bhi", "{} ke saare log ghatiya hain"],
)
def test_every_side_gets_the_same_score(detector: LearnedDetector, template: str) -> None:
    names = ["Nawaz Sharif", "Imran Khan", "Asif Zardari", "Bilawal Bhutto", "Maryam Nawaz"]
    scores = {
        name: {s.policy: s.score for s in detector.detect(_item(template.format(name)))} for name in names
    }
    first = scores[names[0]]
    assert all(scores[name].keys() == first.keys() for name in names)
    for policy, score in first.items():
        assert all(scores[name][policy] == pytest.approx(score, abs=0.02) for name in names), (policy, scores)


def test_evidence_never_points_at_a_name(detector: LearnedDetector) -> None:
    text = "Nawaz Sharif tu harami kutta hai saala"
    signals = detector.detect(_item(text))
    spans = [text[s.start : s.end] for signal in signals for s in signal.spans]
    assert spans  # the insult is found
    assert not {"Nawaz", "Sharif"} & set(spans)
