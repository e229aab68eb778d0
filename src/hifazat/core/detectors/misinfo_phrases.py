"""integrity.misinformation health myths and integrity.civic voting falsehoods as phrases.

Rules in `data/misinfo_phrases.yaml` catch myths that circulate in Pakistan in the same words
again and again (polio drops "contain hormones", papaya leaves "cure dengue, no need for hospital",
"our party votes a day later, on Friday"). Scores stay between 0.55 and 0.7, so the decision step
labels or reviews; a phrase never removes a post. Fact-checks and myth-busting damp the score.
Claim matching against fact-checks is a separate component (`hifazat.core.claims`).
"""

from __future__ import annotations

from typing import ClassVar

from hifazat.core.detectors.phrase_detector import PhraseRuleDetector

POLICIES = ("integrity.misinformation", "integrity.civic")


class MisinfoPhraseDetector(PhraseRuleDetector):
    """Recurring health myths and voting-day or voting-method falsehoods."""

    name: ClassVar[str] = "misinfo_phrases"
    version: ClassVar[str] = "1"
    data_file: ClassVar[str] = "misinfo_phrases.yaml"
    policies: ClassVar[tuple[str, ...]] = POLICIES
