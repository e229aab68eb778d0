"""mature.sexual solicitation and services, and mature.nudity lures, from `data/sexual.yaml`.

"Paid video call service, rates ke liye inbox karo" is a sexual service; a video call with
family is not, so a video call counts only as a paid service. "Full video" is how creators
point to their YouTube channel, so it counts only on Telegram, and "leaked/private video"
needs a link or a channel to be a lure (review without one). Family, health and news context
damps every score.
"""

from __future__ import annotations

from typing import ClassVar

from hifazat.core.detectors.phrase_detector import PhraseRuleDetector

POLICIES = ("mature.sexual", "mature.nudity")


class SexualContentDetector(PhraseRuleDetector):
    """Sexual solicitation, paid sexual services and nudity lures."""

    name: ClassVar[str] = "sexual_content"
    version: ClassVar[str] = "2"
    data_file: ClassVar[str] = "sexual.yaml"
    policies: ClassVar[tuple[str, ...]] = POLICIES
