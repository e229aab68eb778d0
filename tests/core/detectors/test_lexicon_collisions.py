"""Lexicon loose forms must not fire on everyday Roman Urdu words."""

from __future__ import annotations

import pytest

from hifazat.core.detectors.lexicon import LexiconDetector
from hifazat.core.text.normalise import normalise

DETECTOR = LexiconDetector()


@pytest.mark.parametrize(
    "text",
    [
        "PSL ke har match ka rate lo, pakki tips",  # pakki (sure) is not the English slur
        "Pakka promise, kal milte hain",  # pakka (certain)
        "Bilkul pakke aam hain",  # pakke (ripe)
        "Aao ludo khelte hain",  # ludo (the board game) is not an insult
        "Gir gaya tha, chot lagi hai",  # chot (injury)
        "Apni marzi se karo",  # marzi (wish)
        "Mirza sahab aa gaye",  # a surname
        "Chodo yaar, jane do",  # chodo (leave it)
        "Clean sheets for the guest room",  # sheets is not a vowel-merged "shit"
        "This slot opens at nine",  # slot is not "slut"
        "Order on example.com today",  # com is not "cum"
        "Nigeria won the match",  # a country
    ],
)
def test_everyday_roman_urdu_is_clean(text: str) -> None:
    assert DETECTOR.signals(normalise(text)) == []


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("go home paki", "safety.hate"),  # the slur itself still matches
        ("tu chutiya hai", "safety.harassment"),  # Roman Urdu abuse still matches
        ("phuuuck this", "safety.profanity"),  # English obfuscation still matches loosely
    ],
)
def test_abuse_still_matches(text: str, policy: str) -> None:
    assert policy in {s.policy for s in DETECTOR.signals(normalise(text))}
