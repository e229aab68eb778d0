"""The built-in detectors, registered through the same registry a plugin would use."""

from __future__ import annotations

from hifazat.core.detectors.base import DetectorRegistry

DEFAULT_DETECTORS: tuple[str, ...] = (
    "lexicon",
    "threats",
    "scams",
    "pii",
    "self_harm",
    "spam",
    "regulated_goods",
    "youth_safety",
    "sexual_content",
    "harm_promotion",
    "misinfo_phrases",
    "learned",
)


def default_registry() -> DetectorRegistry:
    """A registry holding every built-in detector (imports are local so `core` loads fast)."""
    from hifazat.core.detectors.harm_promotion import HarmPromotionDetector
    from hifazat.core.detectors.learned import LearnedDetector
    from hifazat.core.detectors.lexicon import LexiconDetector
    from hifazat.core.detectors.misinfo_phrases import MisinfoPhraseDetector
    from hifazat.core.detectors.pii import PiiDetector
    from hifazat.core.detectors.regulated_goods import RegulatedGoodsDetector
    from hifazat.core.detectors.scams import ScamDetector
    from hifazat.core.detectors.self_harm import SelfHarmDetector
    from hifazat.core.detectors.sexual import SexualContentDetector
    from hifazat.core.detectors.spam import SpamDetector
    from hifazat.core.detectors.threats import ThreatDetector
    from hifazat.core.detectors.youth import YouthSafetyDetector

    registry = DetectorRegistry()
    for cls in (
        LexiconDetector,
        ThreatDetector,
        ScamDetector,
        PiiDetector,
        SelfHarmDetector,
        SpamDetector,
        RegulatedGoodsDetector,
        YouthSafetyDetector,
        SexualContentDetector,
        HarmPromotionDetector,
        MisinfoPhraseDetector,
        LearnedDetector,
    ):
        registry.register(cls.name, cls)
    return registry
