"""Recall of the lexicon detector through obfuscation, and its quiet on harmless look-alikes.

`tests/data/evasion/clean.jsonl` holds abusive and threatening texts written for Hifazat in English,
Roman Urdu and Urdu, each with the `target` word people would disguise; `harmless.jsonl` holds texts
that trip naive filters (assassin's creed, killing it on stage, mar gaye hassi se, کتاب). Obfuscated
variants are generated here, deterministically, by `evasion_obfuscation`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from evasion_obfuscation import KINDS, obfuscate

from hifazat.core.detectors.lexicon import LexiconDetector
from hifazat.core.text.normalise import normalise

DATA = Path(__file__).resolve().parents[2] / "data" / "evasion"
RECALL_RATIO = 0.95
"""Obfuscated recall must be at least this share of the clean recall, per kind."""
ACTION_SCORE = 0.5
"""A signal at or above this score is one that would be acted on."""


def _load(name: str) -> list[dict[str, Any]]:
    with (DATA / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


CLEAN = _load("clean.jsonl")
HARMLESS = _load("harmless.jsonl")


@pytest.fixture(scope="module")
def detector() -> LexiconDetector:
    return LexiconDetector()


def _caught(detector: LexiconDetector, text: str, policy: str) -> bool:
    return any(s.policy == policy for s in detector.signals(normalise(text)))


def test_the_sets_are_large_and_cover_three_languages() -> None:
    langs = {r["language"] for r in CLEAN}
    assert len(CLEAN) >= 150 and len(HARMLESS) >= 100
    assert langs == {"en", "roman-ur", "ur"}
    assert all(r["target"] in r["text"] for r in CLEAN)


def test_clean_recall_is_high(detector: LexiconDetector) -> None:
    caught = sum(_caught(detector, r["text"], r["policy"]) for r in CLEAN)
    assert caught / len(CLEAN) >= 0.97


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_obfuscated_recall_keeps_95_percent_of_clean_recall(detector: LexiconDetector, kind: str) -> None:
    clean_hits = obf_hits = n = 0
    missed: list[str] = []
    for seed, r in enumerate(CLEAN):
        variant = obfuscate(r["text"], r["target"], kind, seed)
        if variant is None:
            continue
        n += 1
        clean_hits += _caught(detector, r["text"], r["policy"])
        if _caught(detector, variant, r["policy"]):
            obf_hits += 1
        else:
            missed.append(variant)
    assert n >= 40, f"{kind} applies to too few examples"
    assert obf_hits >= RECALL_RATIO * clean_hits, f"{kind}: {obf_hits}/{clean_hits}; missed {missed[:10]}"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_evidence_spans_point_at_the_disguised_word(detector: LexiconDetector, kind: str) -> None:
    checked = 0
    for seed, r in enumerate(CLEAN):
        disguised = KINDS[kind](r["target"], seed)
        if disguised is None:
            continue
        variant = obfuscate(r["text"], r["target"], kind, seed)
        assert variant is not None
        lo = r["text"].index(r["target"])
        hi = lo + len(disguised)
        for signal in detector.signals(normalise(variant)):
            if signal.policy != r["policy"]:
                continue
            checked += 1
            assert any(sp.start < hi and lo < sp.end for sp in signal.spans), (kind, variant, signal)
            assert all(0 <= sp.start < sp.end <= len(variant) for sp in signal.spans)
    assert checked >= 40


def test_harmless_texts_are_not_actioned(detector: LexiconDetector) -> None:
    actioned = [
        (r["text"], s.note)
        for r in HARMLESS
        for s in detector.signals(normalise(r["text"]))
        if s.score >= ACTION_SCORE
    ]
    assert actioned == []


def test_harmless_texts_rarely_get_any_signal(detector: LexiconDetector) -> None:
    flagged = [r["text"] for r in HARMLESS if detector.signals(normalise(r["text"]))]
    assert len(flagged) / len(HARMLESS) <= 0.05, flagged
