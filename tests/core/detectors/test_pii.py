"""Personal information: CNIC, phones, e-mails and addresses, scored by whose information it is."""

from __future__ import annotations

import pytest

from hifazat.core.detectors.base import Item
from hifazat.core.detectors.pii import PiiDetector, find_addresses, find_cnics, find_emails, find_phones
from hifazat.core.signals import Context
from hifazat.core.text.normalise import normalise


def _item(text: str) -> Item:
    return Item(text, normalise(text), "unknown", Context())


@pytest.fixture(scope="module")
def detector() -> PiiDetector:
    return PiiDetector()


@pytest.mark.parametrize(
    ("text", "found", "digits"),
    [
        ("call 0300-1234567", "0300-1234567", "03001234567"),  # dashed mobile
        ("call +92 321 7654321 now", "+92 321 7654321", "03217654321"),  # international with spaces
        ("no. 923001234567", "923001234567", "03001234567"),  # 92 without plus
        ("+92-0300-1234567", "+92-0300-1234567", "03001234567"),  # 92 plus trunk 0
        ("۰۳۰۰۱۲۳۴۵۶۷ پر", "۰۳۰۰۱۲۳۴۵۶۷", "03001234567"),  # Urdu digits
        ("0300 123 4567", "0300 123 4567", "03001234567"),  # grouped
        ("NCCIA 051-9106691", "051-9106691", "0519106691"),  # Islamabad landline
    ],
)
def test_finds_pakistani_phone_numbers(text: str, found: str, digits: str) -> None:
    [phone] = find_phones(text)
    assert text[phone.start : phone.end] == found
    assert phone.value == digits


@pytest.mark.parametrize(
    "text",
    [
        "score was 3-1 in 2019",  # small numbers
        "BISP helpline 8171",  # short code, not a phone
        "order #12345678",  # eight digits, no mobile prefix
    ],
)
def test_ignores_numbers_that_are_not_phones(text: str) -> None:
    assert find_phones(text) == []


@pytest.mark.parametrize(
    ("text", "found", "strong"),
    [
        ("cnic 35202-1234567-1 hai", "35202-1234567-1", True),  # dashed
        ("شناختی کارڈ ۳۵۲۰۲-۱۲۳۴۵۶۷-۱", "۳۵۲۰۲-۱۲۳۴۵۶۷-۱", True),  # Urdu digits
        ("3520212345671 ye hai", "3520212345671", False),  # 13 bare digits: needs context
    ],
)
def test_finds_cnic_numbers(text: str, found: str, strong: bool) -> None:
    [cnic] = find_cnics(text)
    assert text[cnic.start : cnic.end] == found
    assert cnic.strong is strong


def test_finds_emails() -> None:
    text = "mail ali.khan+tt@gmail.com."
    [email] = find_emails(text)
    assert text[email.start : email.end] == "ali.khan+tt@gmail.com"


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("house no 12, street 4, G-9/2 Islamabad", "house no 12, street 4, G-9/2 Islamabad"),  # en
        ("H# 45 gali 7 mohalla qasim abad", "H# 45 gali 7 mohalla qasim abad"),  # ru
        ("flat 5, block C, DHA phase 6 Lahore", "flat 5, block C, DHA phase 6 Lahore"),  # en
        ("مکان نمبر 12 گلی نمبر 4 محلہ قاسم آباد", "مکان نمبر 12 گلی نمبر 4 محلہ قاسم آباد"),  # ur
    ],
)
def test_finds_addresses(text: str, address: str) -> None:
    [found] = find_addresses(text)
    assert text[found.start : found.end] == address


@pytest.mark.parametrize(
    "text",
    [
        "ghar 2 din baad jaunga",  # "ghar" + a number is not an address
        "street 4 is closed today",  # one part alone
        "Islamabad mein barish",  # a city alone
    ],
)
def test_ignores_text_that_is_not_an_address(text: str) -> None:
    assert find_addresses(text) == []


# (text, kind, minimum score, maximum score, evidence in the ORIGINAL text)
CASES = [
    ("iska number 0300-1234567 hai sab call karo", "phone", 0.8, 1.0, "0300-1234567"),  # ru: doxxing
    ("اس کا نمبر 03001234567 ہے سب کال کرو", "phone", 0.8, 1.0, "03001234567"),  # ur: doxxing
    (
        "here is her address: flat 5, block C, DHA phase 6 Lahore",
        "address",
        0.85,
        1.0,
        "flat 5, block C",
    ),  # en
    (
        "is ki behen ka ghar: house no 12, street 4, G-9/2 Islamabad",
        "address",
        0.85,
        1.0,
        "house no 12",
    ),  # ru
    ("leaked his cnic 35202-1234567-1", "cnic", 0.85, 1.0, "35202-1234567-1"),  # en: leak
    ("cnic 35202-1234567-1", "cnic", 0.7, 0.8, "35202-1234567-1"),  # unclear whose
    ("her email is sara.k@gmail.com, spam her", "email", 0.7, 1.0, "sara.k@gmail.com"),  # en
    ("order ke liye rabta karein 0321-7654321", "phone", 0.0, 0.2, "0321-7654321"),  # business contact
    ("email me at ali.khan@gmail.com for collabs", "email", 0.0, 0.2, "ali.khan@gmail.com"),  # own contact
    ("مکان نمبر 12 گلی نمبر 4 محلہ قاسم آباد", "address", 0.5, 0.7, "مکان نمبر 12"),  # ur: unclear whose
    (
        "us ladki ka whatsapp 0333-1122334 hai, tang karo",
        "phone",
        0.8,
        1.0,
        "0333-1122334",
    ),  # ru: a third person
    (
        "us dukan ka number 0300-1234567 hai, wahan kapra acha hai",
        "phone",
        0.0,
        0.5,
        "0300-1234567",
    ),  # a shop
]


@pytest.mark.parametrize(("text", "kind", "low", "high", "evidence"), CASES)
def test_scores_by_whose_information_it_is(
    detector: PiiDetector, text: str, kind: str, low: float, high: float, evidence: str
) -> None:
    signals = [s for s in detector.detect(_item(text)) if s.note.startswith(f"pii:{kind};")]
    assert len(signals) == 1, [s.note for s in detector.detect(_item(text))]
    [signal] = signals
    assert signal.policy == "privacy.personal_info"
    assert low <= signal.score <= high
    assert any(evidence in text[s.start : s.end] for s in signal.spans)


def test_someone_elses_number_outscores_a_shops(detector: PiiDetector) -> None:
    [other] = detector.detect(_item("iska number 0300-1234567"))
    [own] = detector.detect(_item("mera number 0300-1234567"))
    [unclear] = detector.detect(_item("0300-1234567"))
    assert other.score > unclear.score > own.score


def test_text_without_digits_or_at_signs_is_cheap_and_clean(detector: PiiDetector) -> None:
    assert detector.detect(_item("bohat acha video hai bhai")) == []
