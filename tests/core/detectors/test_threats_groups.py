"""threats: sports idiom, group dehumanisation and expulsion (hate), sextortion (harassment)."""

from __future__ import annotations

import pytest
from phrase_case_checks import check_case

from hifazat.core.detectors.threats import ThreatDetector

DETECTOR = ThreatDetector()
THREATS, HATE, HARASSMENT = "safety.threats", "safety.hate", "safety.harassment"

CASES = [
    # (text, policy, lowest score, highest score, evidence inside a span)
    ("Kal final mein hum inko maar denge, inshallah!", THREATS, 0.0, 0.0, ""),  # ru: "we'll thrash them"
    ("Cricket team ko toss ke baad maar denge, dekhna", THREATS, 0.0, 0.0, ""),  # ru: sports idiom
    ("کل فائنل میں ہم انہیں مار دیں گے", THREATS, 0.0, 0.6, ""),  # ur: sports idiom, review at most
    ("Kal tujhe maar dunga", THREATS, 0.9, 1.0, "tujhe maar dunga"),  # ru: a real threat stays
    ("تیری ٹانگیں توڑ دوں گا", THREATS, 0.75, 1.0, "ٹانگیں توڑ دوں گا"),  # ur: break your legs
    ("Jo isko maarega usko 10 lakh inaam", THREATS, 0.9, 1.0, "inaam"),  # ru: a bounty
    ("Yeh log keeray hain, inko mulk se nikal do", HATE, 0.85, 1.0, "keeray"),  # ru: dehumanise + expel
    ("These people are vermin, kick them out of our country", HATE, 0.85, 1.0, "vermin"),  # en
    ("یہ لوگ کیڑے ہیں، انہیں ملک سے نکالو", HATE, 0.85, 1.0, "کیڑے"),  # ur
    ("In sab ko mulk se nikalo", HATE, 0.55, 0.7, "mulk se nikalo"),  # ru: expulsion alone: review
    ("Mere kutte ko ghar se nikal diya", HATE, 0.0, 0.0, ""),  # ru: a pet dog
    ("سارے پٹھان دہشت گرد ہوتے ہیں", HATE, 0.7, 0.8, "دہشت گرد"),  # ur: a whole people branded
    ("saare pathan dehshatgard hote hain", HATE, 0.7, 0.8, "dehshatgard"),  # ru
    ("all afghans are terrorists", HATE, 0.7, 0.8, "terrorists"),  # en
    ("saare pathan bohat mehmaan nawaz hote hain", HATE, 0.0, 0.0, ""),  # ru: praise of a people
    ("police ne kaha ye chor hain", HATE, 0.0, 0.0, ""),  # ru: thieves, no group named
    (
        "Paise bhejo warna teri pics viral kar dunga",
        HARASSMENT,
        0.85,
        1.0,
        "Paise bhejo warna",
    ),  # ru: sextortion
    ("Send me 500 dollars or I'll post your nudes", HARASSMENT, 0.85, 1.0, "post your nudes"),  # en
    ("پیسے بھیجو ورنہ تمہاری تصویریں وائرل کر دوں گا", HARASSMENT, 0.85, 1.0, "ورنہ"),  # ur
    ("Paise bhejo warna bijli ka bill late ho jayega", HARASSMENT, 0.0, 0.0, ""),  # ru: an ordinary reminder
    ("Shakal dekh apni, mar kyun nahi jaati", HARASSMENT, 0.65, 1.0, "mar kyun nahi jaati"),  # ru
]


@pytest.mark.parametrize(("text", "policy", "low", "high", "evidence"), CASES)
def test_cases(text: str, policy: str, low: float, high: float, evidence: str) -> None:
    check_case(DETECTOR, text, policy, low, high, evidence)
