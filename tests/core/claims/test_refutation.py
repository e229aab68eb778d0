"""Refutation and negation cues in English, Urdu and Roman Urdu."""

from __future__ import annotations

import pytest

from hifazat.core.claims.refutation import negates, refutes, text_cues


@pytest.mark.parametrize(
    "text",
    [
        "That video is fake",
        "Fact-check: the clip was edited",
        "یہ خبر بالکل جھوٹی ہے",
        "یہ بات بے بنیاد ہے",
        "ye sirf afwah hai",
        "ye baat bilkul ghalat hai",
        "The claim is not true",
    ],
)
def test_refuting_words_are_found(text: str) -> None:
    assert refutes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Polio drops make children infertile",
        "پولیو کے قطرے بچوں کو بانجھ کر دیتے ہیں",
        "Tarbela dam mein crack aa gaya hai",
    ],
)
def test_claims_themselves_do_not_refute(text: str) -> None:
    assert not refutes(text)


def test_negation_in_the_three_languages() -> None:
    assert negates("Polling has NOT been postponed")
    assert not negates("Don't give them the drops")  # advice, not a denial
    assert negates("ڈیم محفوظ ہے، کوئی دراڑ نہیں")
    assert negates("dam mein koi daraar nahi hai")
    assert not negates("The dollar will reach 500 rupees")
    found = text_cues("ye afwah nahi, sach hai")
    assert (found.refutes, found.negates, found.contrasts) == (True, True, False)
