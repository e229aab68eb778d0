"""How the learned heads of each language feed the guideline policies (the manifest's `policies`).

A policy score is either a binary head's calibrated P(positive) (`head`), or, for the Roman Urdu
fine-grained head, P(abusive) from the gate times the share of the named fine classes among the
abusive ones (`gate`, `head`, `classes`). Roman Urdu harassment is the gate itself: RUHSOLD's
"abusive/offensive" covers every abusive tweet, so hate and profanity are refinements of it. `cue: scam` means the score is only reported when the
text also carries a money/prize/urgency cue (SMS spam is mostly scams, but not all of it).
"""

from __future__ import annotations

from typing import Any

_RU_GATE = {"gate": "abusive", "head": "ruhsold", "normal": "1"}

POLICIES: dict[str, dict[str, dict[str, Any]]] = {
    "en": {
        "safety.harassment": {"head": "harassment"},
        "safety.hate": {"head": "hate"},
        "safety.profanity": {"head": "profanity"},
        "integrity.spam": {"head": "spam"},
        "regulated.scams": {"head": "spam", "cue": "scam"},
    },
    "roman-ur": {
        "safety.harassment": {"head": "abusive"},
        "safety.hate": {**_RU_GATE, "classes": ["2", "3"]},
        "safety.profanity": {**_RU_GATE, "classes": ["4"]},
    },
    "ur": {
        "safety.threats": {"head": "threat"},
    },
    "hi": {
        "safety.harassment": {"head": "hasoc_hi"},
    },
}
"""language -> policy id -> how its score is computed."""
