"""youth.grooming, youth.csea asks and youth.minor_harms (under-13 self-disclosure).

Grooming is scored as a combination of elements (`data/youth.yaml`): an age question or a
young age written back ("tum sirf 14 ki ho?"), secrecy ("ammi ko mat batana"), moving to
another app ("Snapchat pe aa jao"), asking for pictures, and gifts ("free diamonds dunga").
No element scores alone; secrecy with pictures scores 0.9, weaker pairs 0.6 (review). A
parent's or teacher's safety context damps every score. When the item's context says the
author is under 13, an age disclosure scores higher.
"""

from __future__ import annotations

from typing import ClassVar

from hifazat.core.detectors.base import Item
from hifazat.core.detectors.phrase_detector import PhraseRuleDetector
from hifazat.core.detectors.phrase_patterns import PhraseRule

POLICIES = ("youth.grooming", "youth.csea", "youth.minor_harms")
_CHILD_AGE = 13


class YouthSafetyDetector(PhraseRuleDetector):
    """Grooming combinations, sexualised asks about minors and under-13 users disclosing their age."""

    name: ClassVar[str] = "youth_safety"
    version: ClassVar[str] = "3"
    data_file: ClassVar[str] = "youth.yaml"
    policies: ClassVar[tuple[str, ...]] = POLICIES

    def adjust(self, item: Item, rule: PhraseRule, score: float) -> float:
        """An age disclosure by an author known to be under 13 is more certain."""
        age = item.context.author_age
        if rule.policy == "youth.minor_harms" and age is not None and age < _CHILD_AGE:
            return max(score, 0.8)
        return score
