"""misinfo_phrases: recurring health myths and voting falsehoods, at the label/review level only."""

from __future__ import annotations

import pytest
from phrase_case_checks import check_case

from hifazat.core.detectors.misinfo_phrases import MisinfoPhraseDetector

DETECTOR = MisinfoPhraseDetector()
MISINFO, CIVIC = "integrity.misinformation", "integrity.civic"

CASES = [
    # (text, policy, lowest score, highest score, evidence inside a span)
    (
        "Polio drops mein suar ki charbi hai, bachon ko mat pilao",
        MISINFO,
        0.6,
        0.75,
        "Polio drops mein suar",
    ),  # ru
    ("پولیو کے قطروں میں ہارمون ہیں", MISINFO, 0.6, 0.75, "پولیو کے قطروں میں ہارمون"),  # ur
    (
        "Cancer ka ilaj kalonji hai, doctor ki zaroorat nahi",
        MISINFO,
        0.6,
        0.75,
        "Cancer ka ilaj kalonji",
    ),  # ru
    ("Vaccine mein chip hai, mat lagwao", MISINFO, 0.6, 0.75, "Vaccine mein chip"),  # ru
    ("Myth: polio drops mein hormones hain. Yeh jhoot hai", MISINFO, 0.0, 0.2, ""),  # ru: myth-busting
    (
        "Bachon ko polio ke qatre zaroor pilayein, yeh mehfooz hain",
        MISINFO,
        0.0,
        0.0,
        "",
    ),  # ru: health advice
    (
        "Hamari party ke supporters Friday ko vote dalenge, election ek din baad hai",
        CIVIC,
        0.6,
        0.75,
        "vote",
    ),  # ru
    ("Vote SMS se bhi de sakte hain, 8300 par bhejo", CIVIC, 0.6, 0.75, "Vote SMS se bhi de sakte"),  # ru
    ("ہماری جماعت کے حامی اتوار کو ووٹ ڈالیں گے", CIVIC, 0.6, 0.75, "اتوار کو ووٹ ڈال"),  # ur
    ("Kal vote dalne zaroor jana, polling 8 baje shuru hogi", CIVIC, 0.0, 0.0, ""),  # ru: correct reminder
    ("Election ek din baad hai, vote zaroor dalein", CIVIC, 0.0, 0.0, ""),  # ru: a correct reminder
]


@pytest.mark.parametrize(("text", "policy", "low", "high", "evidence"), CASES)
def test_cases(text: str, policy: str, low: float, high: float, evidence: str) -> None:
    check_case(DETECTOR, text, policy, low, high, evidence)


@pytest.mark.parametrize("text", [row[0] for row in CASES])
def test_never_strong_enough_to_remove(text: str) -> None:
    from phrase_case_checks import item

    assert all(s.score < 0.8 for s in DETECTOR.detect(item(text)))
