"""PhraseRuleDetector: cues, needs/alone and counter-context damping, on a tiny rule file."""

from __future__ import annotations

from typing import ClassVar

import pytest
from phrase_case_checks import item

from hifazat.core.detectors.phrase_detector import PhraseRuleDetector
from hifazat.core.detectors.phrase_patterns import load_phrase_rules

RULES = """
rules:
  - id: cue.offer
    policy: regulated.drugs
    score: 0.0
    keys: [available]
    tags: [cue=offer]
    pattern: '\\bavailable\\b'
  - id: ctx.news
    policy: regulated.drugs
    score: 0.0
    keys: [police]
    tags: [damp=0.5, all]
    pattern: '\\bpolice\\b'
  - id: drug
    policy: regulated.drugs
    score: 0.9
    keys: [charas]
    tags: [needs=offer, alone=0.4]
    pattern: '\\bcharas\\b'
  - id: gun
    policy: regulated.weapons
    score: 0.8
    keys: [pistol]
    tags: [needs=offer]
    pattern: '\\bpistol\\b'
"""


class TinyDetector(PhraseRuleDetector):
    name: ClassVar[str] = "tiny"
    version: ClassVar[str] = "1"
    data_file: ClassVar[str] = "unused.yaml"
    policies: ClassVar[tuple[str, ...]] = ("regulated.drugs", "regulated.weapons")


DETECTOR = TinyDetector(load_phrase_rules("tiny.yaml", policies=TinyDetector.policies, text=RULES))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("charas available", {"regulated.drugs": 0.9}),  # item + cue
        ("sirf charas", {"regulated.drugs": 0.4}),  # item alone scores `alone`
        ("pistol", {}),  # no `alone`: nothing without the cue
        ("pistol available", {"regulated.weapons": 0.8}),  # item + cue
        ("police: charas available", {"regulated.drugs": 0.45}),  # damped by counter-context
        ("police: sirf charas", {}),  # damped below the reporting floor
        ("available now", {}),  # a cue alone never signals
    ],
)
def test_scores(text: str, expected: dict[str, float]) -> None:
    assert {s.policy: s.score for s in DETECTOR.detect(item(text))} == expected


def test_spans_cover_item_and_cue() -> None:
    text = "Charas bhi hai, available"
    (signal,) = DETECTOR.detect(item(text))
    assert [text[s.start : s.end] for s in signal.spans] == ["Charas", "available"]
    assert signal.note == "rule:drug"
