"""harm_promotion: dangerous dares, pro-eating-disorder advice, extremist recruitment and praise."""

from __future__ import annotations

import pytest
from phrase_case_checks import check_case

from hifazat.core.detectors.harm_promotion import HarmPromotionDetector

DETECTOR = HarmPromotionDetector()
DANGER, EATING, EXTREMISM = "health.dangerous_acts", "health.disordered_eating", "safety.extremism"

CASES = [
    # (text, policy, lowest score, highest score, evidence inside a span)
    ("Railway track pe let ke video banao, himmat hai to", DANGER, 0.8, 1.0, "track pe let"),  # ru: dare
    ("One wheeling challenge on 14 August, who can beat this?", DANGER, 0.8, 1.0, "One wheeling"),  # en
    ("چلتی ٹرین سے چھلانگ لگانے کا چیلنج", DANGER, 0.8, 1.0, "چلتی ٹرین سے چھلانگ"),  # ur
    ("One wheeling ki wajah se hadsa, Rescue 1122 ki warning", DANGER, 0.0, 0.0, ""),  # ru: rescue warning
    ("Shaadi se pehle khana chhor do, tabhi patli lagogi", EATING, 0.65, 0.8, "khana chhor"),  # ru
    ("Pro ana tips: thinspo daily", EATING, 0.75, 1.0, "Pro ana"),  # en
    ("ایک ہفتہ کچھ نہ کھاؤ، دبلی ہو جاؤ گی", EATING, 0.65, 0.8, "کچھ نہ کھا"),  # ur
    (
        "Diet tips: sabziyan zyada khao, cheeni kam karo, weight control mein rahega",
        EATING,
        0.0,
        0.0,
        "",
    ),  # ru
    (
        "Dietitian ki salah: roza khol kar kuch na khana galat hai, weight ke liye balanced diet",
        EATING,
        0.0,
        0.2,
        "",
    ),  # ru: expert advice
    (
        "Mujahideen ke sath shamil ho, Telegram channel join karo",
        EXTREMISM,
        0.8,
        1.0,
        "Mujahideen ke sath shamil",
    ),  # ru
    ("قافلے میں شامل ہونے کے لیے یہ ٹیلی گرام لنک", EXTREMISM, 0.8, 1.0, "قافلے میں شامل"),  # ur
    (
        "Hamare sheron ne phir kar dikhaya, checkpost uda di",
        EXTREMISM,
        0.55,
        0.7,
        "sheron ne phir kar dikhaya",
    ),  # ru
    ("Hamare sheron ne aaj match jeet liya!", EXTREMISM, 0.0, 0.0, ""),  # ru: cricket fans
    (
        "Documentary: extremist recruiters qafile mein shamil hone ka jhansa kaise dete hain, pehchanein",
        EXTREMISM,
        0.0,
        0.3,
        "",
    ),  # ru
    (
        "Kuch mat khao bahar ka, ghar ka khana best hai, weight control",
        EATING,
        0.0,
        0.0,
        "",
    ),  # ru: no junk food
]


@pytest.mark.parametrize(("text", "policy", "low", "high", "evidence"), CASES)
def test_cases(text: str, policy: str, low: float, high: float, evidence: str) -> None:
    check_case(DETECTOR, text, policy, low, high, evidence)
