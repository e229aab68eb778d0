"""youth_safety: grooming combinations, sexualised asks about minors, under-13 self-disclosure."""

from __future__ import annotations

import pytest
from phrase_case_checks import check_case, signal_for

from hifazat.core.detectors.youth import YouthSafetyDetector
from hifazat.core.signals import Context

DETECTOR = YouthSafetyDetector()
GROOMING, CSEA, MINOR = "youth.grooming", "youth.csea", "youth.minor_harms"

CASES = [
    # (text, policy, lowest score, highest score, evidence inside a span)
    ("Tum kitne saal ki ho? Apni pic bhejo na", GROOMING, 0.8, 1.0, "pic bhejo"),  # ru: age + pictures
    (
        "Snap pe aa jao, ghar walon ko mat batana",
        GROOMING,
        0.8,
        1.0,
        "ghar walon ko mat batana",
    ),  # ru: move + secret
    ("You're only 13? Send me a selfie, don't tell your mom", GROOMING, 0.85, 1.0, "Send me a selfie"),  # en
    (
        "میں تمہیں مفت ڈائمنڈز دوں گا، بس کسی کو مت بتانا",
        GROOMING,
        0.8,
        1.0,
        "کسی کو مت بتانا",
    ),  # ur: gift + secret
    ("Free UC dunga, Insta pe aa jao", GROOMING, 0.55, 0.7, "Free UC dunga"),  # ru: gift + move: review
    (
        "he's just 14 and so sexy omg",
        "youth.csea",
        0.8,
        1.0,
        "he's just 14 and so sexy",
    ),  # en: sexualising a minor
    ("she's only 15 and already so talented", "youth.csea", 0.0, 0.0, ""),  # en: praise
    (
        "what grade are you in? keep this a secret between us ok",
        GROOMING,
        0.8,
        1.0,
        "keep this a secret",
    ),  # en
    (
        "آپ کی عمر کیا ہے؟ امی کو مت بتانا ہم بات کرتے ہیں",
        GROOMING,
        0.8,
        1.0,
        "امی کو مت بتانا",
    ),  # ur: age + secret
    (
        "you're 13 right? I'll buy you robux if you send a selfie",
        GROOMING,
        0.8,
        1.0,
        "I'll buy you robux",
    ),  # en
    ("you are so mature for your age, our little secret ok?", GROOMING, 0.8, 1.0, "our little secret"),  # en
    (
        "what's your age btw? keep our conversations between us",
        GROOMING,
        0.8,
        1.0,
        "keep our conversations between us",
    ),
    ("happy birthday! you're 15 now, enjoy the party", GROOMING, 0.0, 0.0, ""),  # en: a birthday wish
    (
        "I'll send you the gift list, send me a photo of the cake",
        GROOMING,
        0.0,
        0.0,
        "",
    ),  # en: no gift promise
    ("Ammi ko mat batana maine saara cake kha liya", GROOMING, 0.0, 0.0, ""),  # ru: sibling secret
    ("Beta aap kis class mein ho? Mashallah bohat acha parhte ho", GROOMING, 0.0, 0.0, ""),  # ru: relative
    (
        "Meri beti 10 saal ki hai, kya yeh app uske liye safe hai?",
        GROOMING,
        0.0,
        0.0,
        "",
    ),  # ru: a parent asks
    (
        "Parents should know the warning signs: don't tell your mom, send me a pic",
        GROOMING,
        0.0,
        0.45,
        "",
    ),  # en: awareness
    ("School girls ki aur videos bhejo", CSEA, 0.55, 1.0, "School girls ki aur videos"),  # ru: ask for minors
    ("کم عمر لڑکیوں کی ویڈیوز چاہییں", CSEA, 0.55, 1.0, "کم عمر لڑکیوں کی ویڈیوز"),  # ur
    ("Class 4, age 9 years, follow me", MINOR, 0.6, 1.0, "age 9 years"),  # en: under-13 bio
    ("Main 11 saal ki hun aur mujhe dance pasand hai", MINOR, 0.6, 1.0, "Main 11 saal ki hun"),  # ru
    ("میں 10 سال کا ہوں، مجھے فالو کریں", MINOR, 0.6, 1.0, "میں 10 سال کا ہوں"),  # ur
    ("Main 10 saal se yahan kaam kar raha hun", MINOR, 0.0, 0.0, ""),  # ru: ten years of work
    ("Age 55 and still dancing", MINOR, 0.0, 0.0, ""),  # en: not a child
    ("Meri umar 11 saal thi jab abbu ka inteqal hua", MINOR, 0.0, 0.0, ""),  # ru: a past age
    ("he's 14 and has such a body, damn", CSEA, 0.8, 1.0, "he's 14 and has such a body"),  # en
    (
        "she's only 13 but already got a nice body 🔥",
        CSEA,
        0.8,
        1.0,
        "she's only 13 but already got a nice body",
    ),
    (  # en: a visit planned for when the parents are away
        "I can come to your house tonight when your mom is at work",
        GROOMING,
        0.75,
        1.0,
        "come to your house tonight when your mom is at work",
    ),
    (  # ru: the same, in Roman Urdu
        "jab tumhare ghar wale so jayen to main aa jaunga",
        GROOMING,
        0.75,
        1.0,
        "jab tumhare ghar wale so jayen to main aa jaunga",
    ),
    ("My sister is 12 and her body is growing fast, asking for a doctor", CSEA, 0.0, 0.0, ""),  # en: a parent
    ("what's your age? facetime with me alone tonight", GROOMING, 0.75, 1.0, "facetime with me alone"),  # en
]


@pytest.mark.parametrize(("text", "policy", "low", "high", "evidence"), CASES)
def test_cases(text: str, policy: str, low: float, high: float, evidence: str) -> None:
    check_case(DETECTOR, text, policy, low, high, evidence)


def test_known_child_author_raises_age_disclosure() -> None:
    plain = signal_for(DETECTOR, "age 10 saal", MINOR)
    child = signal_for(DETECTOR, "age 10 saal", MINOR, Context(author_age=10))
    assert plain is not None and child is not None
    assert child.score > plain.score >= 0.6
