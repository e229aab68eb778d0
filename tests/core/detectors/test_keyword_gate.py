"""The shared keyword pass: one automaton for every gate must answer exactly as each gate alone."""

from __future__ import annotations

import pytest

from hifazat.core.detectors.defaults import DEFAULT_DETECTORS, default_registry
from hifazat.core.detectors.keyword_gate import KeywordGate, KeywordIndex, keyword_index
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator
from hifazat.core.text.normalise import normalise

TEXTS = [
    "i will kiill you, you're dead",  # keywords of both gates
    "maar dunga tujhe",  # a doubled spelling of a single-letter stem
    "nothing to see here",  # no keyword at all
    "کتا کہیں کا",  # Urdu script
    "",  # empty after normalisation
]


def _gates() -> tuple[KeywordGate, KeywordGate, KeywordGate]:
    threats = KeywordGate([("kill", 2), ("mar", 0), ("dead", 1)])
    urdu = KeywordGate([("کتا", 0), ("you", 1)])
    empty = KeywordGate([])
    return threats, urdu, empty


@pytest.mark.parametrize("text", TEXTS)
def test_index_answers_as_each_gate_alone(text: str) -> None:
    alone = _gates()
    shared = _gates()
    KeywordIndex(shared)
    norm = normalise(text)
    for a, s in zip(alone, shared, strict=True):
        assert s.mask_in(norm) == a.mask(text)
        assert s.candidates_in(norm) == a.candidates(text)
        assert s.any_in(norm) is a.any(text)


def test_the_pass_runs_once_per_text_and_index() -> None:
    threats, urdu, _ = _gates()
    index = KeywordIndex([threats, urdu])
    norm = normalise("you are dead")
    first = index.hits(norm)
    assert norm._keywords == (index, first)  # cached on the text
    assert threats.candidates_in(norm) == [1] and urdu.candidates_in(norm) == [1]


def test_a_newer_index_takes_over_its_gates_and_stays_correct() -> None:
    threats, urdu, _ = _gates()
    old = KeywordIndex([threats, urdu])
    norm = normalise("maar ke dead kar dunga")
    assert threats.candidates_in(norm) == [0, 1]
    KeywordIndex([urdu, threats])  # other bit offsets: a cached pass of `old` must not be reused
    assert norm._keywords is not None and norm._keywords[0] is old
    assert threats.candidates_in(norm) == [0, 1]
    assert urdu.candidates_in(norm) == []


def test_moderator_builds_one_index_over_its_detectors() -> None:
    registry = default_registry()
    detectors = [registry.create(n) for n in DEFAULT_DETECTORS if n != "learned"]
    moderator = Moderator(detectors, default_catalogue())
    assert moderator.keywords is not None and moderator.keywords.size > 1000
    assert keyword_index([]) is None
    verdict = moderator.check("tujhe jaan se maar dunga")
    assert "safety.threats" in verdict.policies
