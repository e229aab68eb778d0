"""Roman Urdu spelling keys: variants of one word share a key, different words do not."""

from __future__ import annotations

import pytest

from hifazat.core.text.variants import light_key, squeeze, variant_key


@pytest.mark.parametrize(
    "spellings",
    [
        ["bohat", "bohot", "bht", "bahut", "buhat"],  # "very"
        ["kutta", "kuta", "kuttay", "kuttey", "kutte", "kutay"],  # "dog", with plural/oblique endings
        ["nh", "nahi", "nahin", "nai", "nhi"],  # "not"
        ["h", "hai", "hy"],  # "is"
        ["kya", "kia"],  # "what"
        ["bhenchod", "behnchod", "bhanchod", "bahenchod"],  # one slur, four spellings
        ["chutiya", "chutia", "chootiya", "chutya"],  # aspirate and vowel spellings
        ["ullu", "ulloo", "ullo", "ulu"],  # final o / oo / u
        ["kamina", "kameena", "kamine", "kaminay"],  # ee for i, final vowel class
        ["khinzeer", "khanzeer", "khinzir"],  # kh kept, vowels dropped
        ["phuddi", "fuddi", "phudi"],  # ph and f
        ["aulad", "olad", "aulaad"],  # au and o
    ],
)
def test_spellings_share_a_variant_key(spellings: list[str]) -> None:
    keys = {variant_key(s) for s in spellings}
    assert len(keys) == 1, {s: variant_key(s) for s in spellings}


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("kutta", "kutti"),  # masculine and feminine differ
        ("bhen", "bhains"),  # sister is not buffalo
        ("gand", "gandu"),  # dirt is not the slur
        ("he", "hai"),  # the English pronoun is not "is"
    ],
)
def test_different_words_keep_different_variant_keys(a: str, b: str) -> None:
    assert variant_key(a) != variant_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("chut", "chhat"),  # a slur and "roof" share consonants but not vowels
        ("kutta", "kite"),  # same consonants, different vowels
        ("cunt", "count"),  # ou is kept apart
        ("kutta", "quote"),  # qu is kw
        ("gaand", "gandu"),  # a word and its derived slur
    ],
)
def test_different_words_keep_different_light_keys(a: str, b: str) -> None:
    assert light_key(a) != light_key(b)


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("kuttay", "kuta"),  # final ay is the a-class
        ("kutty", "kuta"),  # final y is the a-class
        ("doonga", "dunga"),  # oo and u
        ("moooron", "murun"),  # stretched vowels collapse
        ("fuuuck", "fuk"),  # ck is k
        ("quote", "kwuta"),  # qu is kw, so quote stays apart from kutta
        ("count", "cuwnt"),  # ou is ow (then o is u), so count stays apart from a slur
        ("کتیااا", "کتیا"),  # Urdu words only lose letter runs
    ],
)
def test_light_key(word: str, key: str) -> None:
    assert light_key(word) == key


def test_light_key_without_final_class_keeps_prefixes() -> None:
    assert light_key("whores").startswith(light_key("whore", final=False))
    assert light_key("fuuucking").startswith(light_key("fuck", final=False))


def test_variant_key_ignores_case_and_non_letters() -> None:
    assert variant_key("KUTTAY!") == variant_key("kutte")
    assert variant_key("123") == ""
    assert variant_key("a") == "a"


def test_squeeze_collapses_runs() -> None:
    assert squeeze("fuuuck") == "fuck"
    assert squeeze("kuttay") == "kutay"
