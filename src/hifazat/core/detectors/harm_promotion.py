"""health.dangerous_acts, health.disordered_eating and safety.extremism recruitment, from
`data/harm_promotion.yaml`.

A dangerous act (lying under a train, one-wheeling, the blackout challenge) scores 0.85 when it is
dared ("challenge", "asli mard", "kaun muqabla karega") and 0.5 alone; starving to get slim and
pro-ana wording score 0.65-0.8 (review or restriction); joining a "qafila" or a militant group with
a group link 0.85, glorifying an attack 0.6. Warnings, rescue and news reports, recovery stories,
documentaries and dietitians' advice damp every score.
"""

from __future__ import annotations

from typing import ClassVar

from hifazat.core.detectors.phrase_detector import PhraseRuleDetector

POLICIES = ("health.dangerous_acts", "health.disordered_eating", "safety.extremism")


class HarmPromotionDetector(PhraseRuleDetector):
    """Dares to dangerous acts, pro-eating-disorder advice and extremist recruitment or praise."""

    name: ClassVar[str] = "harm_promotion"
    version: ClassVar[str] = "1"
    data_file: ClassVar[str] = "harm_promotion.yaml"
    policies: ClassVar[tuple[str, ...]] = POLICIES
