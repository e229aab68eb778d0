"""sexual_content: paid sexual services, solicitation and nudity lures."""

from __future__ import annotations

import pytest
from phrase_case_checks import check_case

from hifazat.core.detectors.sexual import SexualContentDetector

DETECTOR = SexualContentDetector()
SEXUAL, NUDITY = "mature.sexual", "mature.nudity"

CASES = [
    # (text, policy, lowest score, highest score, evidence inside a span)
    ("Paid VC available, rates inbox mein", SEXUAL, 0.8, 1.0, "Paid VC"),  # ru: paid video call
    ("Hot video call service, WhatsApp for rates", SEXUAL, 0.8, 1.0, "Hot video call"),  # en
    ("ویڈیو کال سروس دستیاب ہے، ریٹ کے لیے میسج کریں", SEXUAL, 0.8, 1.0, "ویڈیو کال سروس"),  # ur
    ("Call girls available in Islamabad, booking DM", SEXUAL, 0.85, 1.0, "Call girls"),  # en: escort ad
    ("Ammi se video call pe baat hui, bohat khush thi", SEXUAL, 0.0, 0.0, ""),  # ru: family video call
    (
        "send me a pic of urself in the shower",
        SEXUAL,
        0.75,
        1.0,
        "send me a pic of urself in the shower",
    ),  # en
    ("send me a video of you cooking biryani", SEXUAL, 0.0, 0.0, ""),  # en: a recipe video
    (
        "Nani ke sath video call karo, rates ki baat baad mein",
        SEXUAL,
        0.0,
        0.0,
        "",
    ),  # ru: family, a stray word
    ("Uski puri video Telegram pe hai, link bio mein", NUDITY, 0.75, 1.0, "puri video"),  # ru: lure
    ("Leaked video of that TikToker, link in bio", NUDITY, 0.8, 1.0, "Leaked video"),  # en: leaked lure
    ("پوری ویڈیو میرے ٹیلی گرام پر ہے", NUDITY, 0.75, 1.0, "پوری ویڈیو"),  # ur
    ("Undress AI app se kisi ki bhi photo", NUDITY, 0.8, 1.0, "Undress AI"),  # en/ru: nudify app
    (
        "Full video mere YouTube channel pe hai, link bio mein",
        NUDITY,
        0.0,
        0.0,
        "",
    ),  # ru: a creator's channel
    ("Full recipe video link in bio", NUDITY, 0.0, 0.0, ""),  # en: a cooking video
    ("Video call service band hai aaj, network ka masla", SEXUAL, 0.0, 0.0, ""),  # ru: a telecom outage
]


@pytest.mark.parametrize(("text", "policy", "low", "high", "evidence"), CASES)
def test_cases(text: str, policy: str, low: float, high: float, evidence: str) -> None:
    check_case(DETECTOR, text, policy, low, high, evidence)
