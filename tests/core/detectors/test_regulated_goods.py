"""regulated_goods: drug and weapon sales, gambling promotion, hacking for hire."""

from __future__ import annotations

import pytest
from phrase_case_checks import check_case, item, signal_for

from hifazat.core.detectors.regulated_goods import RegulatedGoodsDetector

DETECTOR = RegulatedGoodsDetector()
DRUGS, WEAPONS, GAMBLING, HACKING = (
    "regulated.drugs",
    "regulated.weapons",
    "regulated.gambling",
    "privacy.hacking",
)

CASES = [
    # (text, policy, lowest score, highest score, evidence inside a span)
    ("Charas aur ice dono available hain, Karachi mein COD", DRUGS, 0.85, 1.0, "Charas"),  # ru: drugs + COD
    ("Best quality weed, DM for price", DRUGS, 0.85, 1.0, "weed"),  # en: drug + DM/price
    ("چرس اور آئس دستیاب ہے، واٹس ایپ کریں", DRUGS, 0.85, 1.0, "چرس"),  # ur: drugs + available
    ("Bulb mein ice peene ka tareeqa seekho", DRUGS, 0.6, 0.8, "ice"),  # ru: how-to, review
    ("ANF ne motorway par 20 kg charas baramad kar li", DRUGS, 0.0, 0.0, ""),  # ru: news, no offer
    ("Ice cream home delivery available, order now", DRUGS, 0.0, 0.0, ""),  # en: ice cream is not ice
    ("آئس کے نشے سے بحالی کے بعد میری زندگی بدل گئی", DRUGS, 0.0, 0.0, ""),  # ur: recovery story
    ("9mm pistol available, bina license, rate inbox mein", WEAPONS, 0.85, 1.0, "pistol"),  # ru: gun sale
    ("Kalashnikov for sale, cash on delivery anywhere", WEAPONS, 0.85, 1.0, "Kalashnikov"),  # en: gun sale
    ("پستول برائے فروخت، لائسنس کی ضرورت نہیں", WEAPONS, 0.85, 1.0, "پستول"),  # ur: unlicensed gun
    ("How to make a pipe bomb at home", WEAPONS, 0.85, 1.0, "pipe bomb"),  # en: bomb how-to
    (
        "Punjab mein naye arms license ki fees barh gayi, police ne bataya",
        WEAPONS,
        0.0,
        0.0,
        "",
    ),  # ru: licence news
    ("Glue gun available, price 500 rupay", WEAPONS, 0.0, 0.0, ""),  # en: a glue gun is a tool
    ("Gun metal phone cover available, price 500", WEAPONS, 0.0, 0.0, ""),  # en: a colour
    ("Crystal glass set available, home delivery", DRUGS, 0.0, 0.0, ""),  # en: glassware
    ("Weed killer spray available, price 900", DRUGS, 0.0, 0.0, ""),  # en: garden product
    ("Ice maker machine available, COD", DRUGS, 0.0, 0.0, ""),  # en: an appliance
    ("Toss ka rate lo, sure shot tips, WhatsApp group join karo", GAMBLING, 0.85, 1.0, "Toss ka rate"),  # ru
    ("Online casino app, referral code in bio, join now", GAMBLING, 0.85, 1.0, "Online casino"),  # en
    ("میچ کا ریٹ لیں، پکی ٹپس", GAMBLING, 0.55, 1.0, "پکی ٹپس"),  # ur: tips without a group: review
    (
        "Cricket betting mein 5 mulzim giraftar, police ne satta network pakra",
        GAMBLING,
        0.0,
        0.0,
        "",
    ),  # ru: news
    ("PSL ka final dekhna hai, pakki baat hai", GAMBLING, 0.0, 0.0, ""),  # ru: pakki = sure
    ("Facebook id hack karwayen sirf 3000 mein, guarantee", HACKING, 0.85, 1.0, "hack"),  # ru: for hire
    ("I can hack any account, DM me", HACKING, 0.85, 1.0, "hack any"),  # en
    ("فیس بک اکاؤنٹ ہیک کروائیں، رابطہ کریں", HACKING, 0.85, 1.0, "ہیک کروائیں"),  # ur
    ("Mera WhatsApp hack ho gaya 2 din pehle, koi madad karo", HACKING, 0.0, 0.0, ""),  # ru: a victim
    ("WhatsApp mein two step verification on karne ka tareeqa", HACKING, 0.0, 0.0, ""),  # ru: security advice
]


@pytest.mark.parametrize(("text", "policy", "low", "high", "evidence"), CASES)
def test_cases(text: str, policy: str, low: float, high: float, evidence: str) -> None:
    check_case(DETECTOR, text, policy, low, high, evidence)


def test_signal_metadata() -> None:
    signal = signal_for(DETECTOR, "Charas available, home delivery", DRUGS)
    assert signal is not None
    assert (signal.detector, signal.version) == ("regulated_goods", "1")
    assert signal.note.startswith("rule:ru.drug-offer")


def test_ordinary_comment_has_no_signal() -> None:
    assert DETECTOR.detect(item("Masha Allah bohat acha video, price kya hai?")) == []
