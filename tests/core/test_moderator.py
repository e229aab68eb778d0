"""The moderator's batch path: repeated texts are prepared, detected and decided once, with the
same verdicts as one by one, while cross-item detectors (copy-paste campaigns) still see every copy."""

from __future__ import annotations

from typing import ClassVar

import pytest

from hifazat.core.detectors.base import Detector, Item
from hifazat.core.detectors.lexicon import LexiconDetector
from hifazat.core.detectors.spam import SpamDetector
from hifazat.core.errors import InvalidInputError
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator
from hifazat.core.signals import Context, Signal

CATALOGUE = default_catalogue()


class _Recorder(Detector):
    """A real detector that only notes which texts it was shown."""

    name: ClassVar[str] = "recorder"
    version: ClassVar[str] = "1"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def detect(self, item: Item) -> list[Signal]:
        self.seen.append(item.text)
        return []


class _CrossRecorder(_Recorder):
    name: ClassVar[str] = "cross_recorder"
    cross_item: ClassVar[bool] = True


CAMPAIGN = "Earn 5000 rupees daily from home, message me now"

BATCHES = [
    [
        "nice video bhai",
        "nice video bhai",
        "you stupid idiot",
        "nice video bhai",
    ],  # clean copies and one insult
    [CAMPAIGN, CAMPAIGN, CAMPAIGN, "ok"],  # a copy-paste campaign: spam sees three copies
    ["تم بہت برے ہو", "تم بہت برے ہو", "kya baat hai"],  # Urdu copies
    ["one", "two", "three"],  # nothing repeated: the plain path
]


@pytest.mark.parametrize("texts", BATCHES)
def test_batches_with_copies_give_the_verdicts_of_a_plain_run(texts: list[str]) -> None:
    moderator = Moderator([LexiconDetector(), SpamDetector()], CATALOGUE)
    batched = [v.to_dict() for v in moderator.check_batch(texts)]
    # reference: the same detectors over every item, without any sharing of work
    items = [moderator.item(t) for t in texts]
    per_item: list[list[Signal]] = [[] for _ in items]
    for detector in moderator.detectors:
        for bucket, found in zip(per_item, detector.detect_batch(items), strict=True):
            bucket.extend(found)
    plain = [
        moderator.engine.decide(i, s, moderator.detector_versions).to_dict()
        for i, s in zip(items, per_item, strict=True)
    ]
    assert batched == plain


def test_campaign_copies_are_still_counted() -> None:
    moderator = Moderator([SpamDetector()], CATALOGUE)
    verdicts = moderator.check_batch([CAMPAIGN] * 3 + ["ok"])
    notes = [s.note for s in verdicts[0].signals]
    assert any("batch-duplicate:3" in n for n in notes)
    assert not verdicts[3].signals


def test_detectors_see_each_text_and_context_once_unless_cross_item() -> None:
    plain, cross = _Recorder(), _CrossRecorder()
    moderator = Moderator([plain, cross], CATALOGUE)
    other = Context(surface="live")
    moderator.check_batch(["a b", "a b", "a b", "c d"], [Context(), other, other, other])
    assert plain.seen == ["a b", "a b", "c d"]  # two contexts for "a b", so two items
    assert cross.seen == ["a b", "a b", "a b", "c d"]


def test_copies_without_context_share_one_item() -> None:
    plain = _Recorder()
    Moderator([plain], CATALOGUE).check_batch(["same", "same", "same"])
    assert plain.seen == ["same"]


@pytest.mark.parametrize(
    "text",
    [
        "\u200b\u200b",  # zero-width spaces only
        " \u00a0\u2060 ",  # no-break space and a word joiner
    ],
)
def test_invisible_only_text_is_refused(text: str) -> None:
    with pytest.raises(InvalidInputError, match="empty"):
        Moderator([], CATALOGUE).check_batch(["fine", text])


def test_input_errors_read_in_urdu_too() -> None:
    moderator = Moderator([], CATALOGUE, max_chars=20)
    with pytest.raises(InvalidInputError) as too_long:
        moderator.check("x" * 21)
    assert "21" in too_long.value.message_ur and "20" in too_long.value.message_ur
    with pytest.raises(InvalidInputError) as empty:
        moderator.check("\u200b")
    assert "خالی" in empty.value.message_ur
