"""Refutation and negation cues in English, Urdu and Roman Urdu."""

from __future__ import annotations

import pytest

from hifazat.core.claims.lexical import claim_tokens
from hifazat.core.claims.refutation import (
    contrasts,
    negated_keys,
    negates,
    polarity_conflict,
    refutes,
    text_cues,
)


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


def test_negative_contractions_and_roman_urdu_na_negate() -> None:
    assert negates("Old CNICs won't be accepted this year")
    assert negates("The video isn’t from Pakistan")
    assert negates("vaccine lagwane wale roza na rakhein")
    assert not negates("Don't let them near your children")


def test_contrast_words_in_the_three_languages() -> None:
    assert contrasts("The army is rescuing flood victims free of charge")
    assert contrasts("فوج سیلاب متاثرین کو مفت نکال رہی ہے")
    assert contrasts("5000 ka note barqarar rahega")
    assert not contrasts("The army is charging flood victims for rescue boats")


def test_a_shared_word_negated_on_one_side_only_is_a_polarity_conflict() -> None:
    claim = "Mobile 5G towers spread the coronavirus."
    debunk = "5G towers do not spread coronavirus"
    repeat = "5G towers are spreading the coronavirus everywhere"
    claim_keys = frozenset(claim_tokens(claim))
    claim_negated = text_cues(claim).negated
    assert not claim_negated
    assert polarity_conflict(
        frozenset(claim_tokens(debunk)), text_cues(debunk).negated, claim_keys, claim_negated
    )
    assert not polarity_conflict(
        frozenset(claim_tokens(repeat)), text_cues(repeat).negated, claim_keys, claim_negated
    )


def test_negation_covers_only_nearby_content_words() -> None:
    negated = negated_keys("Kalonji and honey do not cure diabetes, says the doctor in Lahore")
    assert negated_keys("Kalonji and honey cure diabetes") == frozenset()
    assert claim_tokens("cure")[0] in negated
    assert claim_tokens("Lahore")[0] not in negated
