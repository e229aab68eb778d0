"""Spam: templates, link floods, repetition, emoji floods, shouting with links, copy-paste campaigns."""

from __future__ import annotations

import pytest

from hifazat.core.detectors.base import Item
from hifazat.core.detectors.spam import SpamDetector
from hifazat.core.signals import Context, Signal
from hifazat.core.text.normalise import normalise


def _item(text: str) -> Item:
    return Item(text, normalise(text), "unknown", Context())


@pytest.fixture(scope="module")
def detector() -> SpamDetector:
    return SpamDetector()


def _spam(detector: SpamDetector, text: str) -> Signal | None:
    signals = detector.detect(_item(text))
    return signals[0] if signals else None


# (text, minimum score, evidence in the ORIGINAL text, note fragment)
POSITIVES = [
    ("follow for follow 🙏", 0.7, "follow for follow", "template"),  # en
    ("f4f anyone?", 0.7, "f4f", "template"),  # digit template that leet folding would hide
    ("sub4sub plz", 0.7, "sub4sub", "template"),  # same
    ("check my bio for the link", 0.5, "check my bio", "template"),  # en
    ("DM for promotion", 0.55, "DM for promotion", "template"),  # en
    ("free followers here", 0.7, "free followers", "template"),  # fake engagement
    ("mera channel subscribe karo", 0.4, "mera channel subscribe", "template"),  # ru
    ("میرا چینل سبسکرائب کریں", 0.4, "میرا چینل سبسکرائب", "template"),  # ur
    ("bit.ly/a bit.ly/b tinyurl.com/c", 0.7, "tinyurl.com/c", "links:3"),  # link flood
    ("CLICK HERE TO WIN NOW https://win.xyz", 0.7, "CLICK HERE TO WIN NOW https://win.xyz", "caps-with-link"),
    (
        "follow follow follow follow follow follow",
        0.55,
        "follow follow follow",
        "repeated-word",
    ),  # repetition
    ("😂" * 20, 0.45, "😂😂😂", "emoji:20"),  # emoji flood
    ("@ali1 @sara2 @omar3 @hina4 @zara5 dekho", 0.4, "@ali1", "mentions:5"),  # five tags: weak evidence
    (" ".join(f"@friend{i}" for i in range(12)) + " follow me", 0.55, "@friend0", "mentions:12"),  # a flood
    ("Hot singles in your area, click here", 0.6, "Hot singles in your area", "template"),  # adult bait
]

NEGATIVES = [
    "nice video bhai",  # ordinary
    "😂😂😂",  # a short reaction
    "I LOVE THIS SONG SO MUCH",  # shouting without a link
    "noooooooooooo way",  # stretched word
    "follow back nahi kiya yaar",  # talking about following, weakly
    "سبحان اللہ بہت خوب",  # ur: ordinary
    "check out youtube.com for the full video",  # one link
]


@pytest.mark.parametrize(("text", "minimum", "evidence", "note"), POSITIVES)
def test_finds_spam(detector: SpamDetector, text: str, minimum: float, evidence: str, note: str) -> None:
    signal = _spam(detector, text)
    assert signal is not None, f"no spam signal for {text!r}"
    assert signal.policy == "integrity.spam"
    assert signal.score >= minimum
    assert note in signal.note
    assert any(evidence in text[s.start : s.end] for s in signal.spans)


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_comments_are_not_spam(detector: SpamDetector, text: str) -> None:
    signal = _spam(detector, text)
    assert signal is None or signal.score < 0.5


def test_several_kinds_of_evidence_score_higher(detector: SpamDetector) -> None:
    one = _spam(detector, "follow for follow")
    two = _spam(detector, "follow for follow, check my bio bit.ly/a bit.ly/b bit.ly/c")
    assert one is not None and two is not None
    assert two.score > one.score


def test_batch_flags_copy_paste_campaigns(detector: SpamDetector) -> None:
    texts = [
        "Earn 5000 daily from home, dm me now!!",  # the campaign, three spellings
        "earn 5000 daily from home dm me now",
        "EARN 5000 DAILY FROM HOME, DM ME NOW",
        "nice",  # short texts repeat naturally
        "nice",
        "nice",
        "great video",  # unique
    ]
    results = detector.detect_batch([_item(t) for t in texts])
    flagged = [bool(r) and "batch-duplicate:3" in r[0].note for r in results]
    assert flagged == [True, True, True, False, False, False, False]
    assert results[0][0].spans[0].end == len(texts[0])


def test_batch_keeps_single_item_evidence(detector: SpamDetector) -> None:
    [result] = detector.detect_batch([_item("follow for follow")])
    assert result and result[0].note == "template:xx.follow-for-follow"
