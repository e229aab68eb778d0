"""Skeletons, lexical overlap, transliteration and language guesses for claim matching."""

from __future__ import annotations

import pytest

from hifazat.core.claims.language import detect_language, parse_language
from hifazat.core.claims.lexical import claim_tokens, idf_table, overlap, skeleton, skeleton_tokens, word_key
from hifazat.core.claims.transliterate import roman_to_urdu
from hifazat.core.errors import InvalidInputError


@pytest.mark.parametrize(
    ("urdu", "roman"),
    [
        ("حکومت", "hukumat"),  # short vowels missing in Urdu, written in Roman
        ("حکومت", "hakoomat"),  # another Roman spelling of the same word
        ("پولیو", "polio"),  # و and ی are vowels here
        ("بچوں", "bachon"),  # ch digraph = چ, nasal ں = n
        ("قطرے", "qatre"),  # ق and q both become k
        ("سیلاب", "sailab"),  # ai/e spelling freedom
        ("پھیلاتا", "phailata"),  # aspiration ھ / h dropped
        ("خیبر", "khyber"),  # kh = خ
    ],
)
def test_urdu_and_roman_spellings_share_a_skeleton(urdu: str, roman: str) -> None:
    assert skeleton(urdu) == skeleton(roman)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Polio ke qatre bachon ko", ["pl", "ktr", "bcn"]),  # function words ke/ko removed
        ("پولیو کے قطرے بچوں کو", ["pl", "ktr", "bcn"]),  # the same in Urdu script
        ("The ballot in 2024", ["blt", "2024"]),  # English stop words removed, digits kept
        ("!!! ...", []),  # nothing but punctuation
    ],
)
def test_skeleton_tokens(text: str, expected: list[str]) -> None:
    assert skeleton_tokens(text) == expected


@pytest.mark.parametrize(
    ("words", "concept"),
    [
        (["children", "kids", "bachon", "bachay", "بچوں"], "@child"),  # English, Roman Urdu, Urdu script
        (["drops", "qatre", "qatray", "قطرے"], "@drops"),  # Roman spelling variant by variant key
        (["vaccinated", "jab", "ٹیکہ", "ویکسین"], "@vaccine"),  # English -ed ending stripped
        (["floods", "selab", "sailab", "سیلاب"], "@flood"),  # English plural, Roman spellings
        (["election", "votes", "انتخابات"], "@election"),  # plural and Urdu synonym
        (["كتاب", "kitabon"], "@textbook"),  # Arabic kaf folded to Urdu ک; Roman plural by variant key
    ],
)
def test_the_lexicon_gives_one_concept_across_languages(words: list[str], concept: str) -> None:
    assert {key for w in words for key in claim_tokens(w)} == {concept}


@pytest.mark.parametrize(
    ("word", "not_concept"),
    [
        ("imran", "@die"),  # shares the skeleton mrn with marne: skeletons are too lossy for the lexicon
        ("news", "@new"),  # the English plural rule must not turn news into new
        ("denge", "@dengue"),  # "will give" in Roman Urdu, not dengue
        ("cast", "@boat"),  # kst is also the skeleton of kashti
    ],
)
def test_the_lexicon_avoids_known_collisions(word: str, not_concept: str) -> None:
    assert word_key(word) != not_concept


def test_concepts_make_translations_overlap() -> None:
    english = claim_tokens("Three children died in Khyber after drinking polio drops")
    urdu = claim_tokens("خیبر میں پولیو کے قطرے پینے سے تین بچے جاں بحق ہو گئے")
    assert overlap(english, urdu) >= 0.8
    assert overlap(["@new"], ["@news"]) == 0.0  # concepts match exactly, never by prefix


def test_overlap_counts_the_claim_content_found_in_the_post() -> None:
    claim = skeleton_tokens("پولیو کے قطرے بچوں کو بانجھ کر دیتے ہیں")
    assert overlap(skeleton_tokens("polio ke qatre bachon ko banjh kar dete hain"), claim) == 1.0
    assert overlap(skeleton_tokens("polio campaign starts on Monday"), claim) < 0.3
    assert overlap([], claim) == 0.0


def test_overlap_accepts_word_endings_and_weighs_by_idf() -> None:
    assert overlap(["ktrn"], ["ktr"]) == 1.0  # قطروں vs قطرے: same stem
    assert overlap(["bc"], ["bcn"]) == 0.0  # two letters are too short to be a stem
    idf, unseen = idf_table([["pl", "ktr"], ["pl", "vt"], ["pl"]])
    assert idf["pl"] < idf["ktr"] < unseen
    assert overlap(["ktr"], ["pl", "ktr"], idf) > 0.5  # the rare word carries more weight


@pytest.mark.parametrize(
    ("roman", "urdu"),
    [
        ("polio ke qatre", "پولیو کے قطرے"),  # table words
        ("banjh kar dete", "بنجھ کر دیتے"),  # letter rules: medial a dropped, ee → ی, final e → ے
        ("selab mein pani", "سیلاب میں پانی"),  # words from the table
        ("garmi 2024", "گرمی 2024"),  # final i → ی, digits kept
    ],
)
def test_roman_to_urdu(roman: str, urdu: str) -> None:
    assert roman_to_urdu(roman) == urdu


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Polio drops make children infertile", "en"),  # plain English
        ("polio ke qatre bachon ko banjh kar dete hain", "roman-ur"),  # Roman Urdu function words
        ("پولیو کے قطرے بچوں کو بانجھ کر دیتے ہیں", "ur"),  # Urdu script
        ("BISP ka paisa", "roman-ur"),  # short, but 1 of 3 words is Urdu
        ("ووٹ ڈالیں vote now", "ur"),  # more Arabic letters than Latin
        ("1234 !!!", "en"),  # no letters: English by default
    ],
)
def test_detect_language(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_parse_language_accepts_aliases_and_refuses_the_rest() -> None:
    assert parse_language(" Urdu ") == "ur"
    assert parse_language("ur-Latn") == "roman-ur"
    with pytest.raises(InvalidInputError, match="unknown language 'fr'"):
        parse_language("fr")


def test_lexicon_phrases_count_only_as_a_whole() -> None:
    assert "@aids" in claim_tokens("پولیو کے قطروں میں ایچ آئی وی ملا ہوا ہے")
    assert "@aids" not in claim_tokens("نئی ویڈیو آئی ہے")  # آئی alone is "came"
    assert "@die" in claim_tokens("teen bache jaan bahaq ho gaye")
    assert "@die" not in claim_tokens("India ne jaan boojh kar dam khol diye")  # jaan boojh: on purpose
