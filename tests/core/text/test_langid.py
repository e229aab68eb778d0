"""Script and language identification: en, ur, roman-ur, mixed, unknown."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from hifazat.core.signals import Language
from hifazat.core.text.langid import (
    LangIdModel,
    default_model,
    identify,
    identify_tokens,
    word_ngrams,
)
from hifazat.core.text.normalise import normalise
from hifazat.core.text.script import token_script


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("you are an idiot", "en"),  # plain English
        ("I love this song so much, it reminds me of my childhood", "en"),  # longer English
        ("tum bohat bure ho", "roman-ur"),  # Roman Urdu
        ("yeh video bohat achi hai bro", "roman-ur"),  # Roman Urdu with English loanwords
        ("Bhai ye kya bakwas hai 😂", "roman-ur"),  # with emoji
        ("ullu ka patha", "roman-ur"),  # short phrase
        ("mashallah bohat acha", "roman-ur"),  # religious greeting
        ("یہ ویڈیو بہت اچھی ہے", "ur"),  # Urdu script
        ("يه ويڈيو بہت اچھي ہے", "ur"),  # Urdu written with Arabic letters
        ("یہ video بہت amazing ہے yaar", "mixed"),  # Urdu script and Latin words in equal share
        ("😂😂😂", "unknown"),  # emoji only
        ("12345 678", "unknown"),  # digits only
        ("", "unknown"),  # nothing at all
        ("یہ ویڈیو بہت اچھی ہے lol", "ur"),  # one Latin word does not make it mixed
    ],
)
def test_identify(text: str, expected: Language) -> None:
    assert identify(text) == expected
    assert identify(normalise(text)) == expected


def test_identify_mixed_latin_languages() -> None:
    text = "this song is really good and the video is beautiful, bilkul sahi kaha aap ne yaar bohat khoob"
    assert identify(text) == "mixed"


def test_identify_tokens_gives_spans_in_the_original() -> None:
    text = "Yeh VIDEO bohat  amazing ہے 123 😂"
    tokens = identify_tokens(text)
    words = [text[span.start : span.end] for span, _ in tokens]
    assert words == ["Yeh", "VIDEO", "bohat", "amazing", "ہے", "123"]
    langs = dict(zip(words, (lang for _, lang in tokens), strict=True))
    assert langs["Yeh"] == "roman-ur"
    assert langs["bohat"] == "roman-ur"
    assert langs["amazing"] == "en"
    assert langs["ہے"] == "ur"
    assert langs["123"] == "unknown"


@pytest.mark.parametrize(
    ("token", "script"),
    [
        ("hello", "latin"),  # ASCII
        ("café", "latin"),  # accented Latin
        ("کتاب", "arabic"),  # Urdu
        ("123", "digits"),  # digits
        ("привет", "other"),  # Cyrillic that did not fold
        ("😂", "other"),  # emoji
    ],
)
def test_token_script(token: str, script: str) -> None:
    assert token_script(token) == script


def test_word_ngrams_match_scikit_learn_char_wb() -> None:
    from sklearn.feature_extraction.text import CountVectorizer

    vec = CountVectorizer(analyzer="char_wb", ngram_range=(1, 4), lowercase=False)
    analyse = vec.build_analyzer()
    for word in ["hai", "a", "bohat", "ok"]:
        assert word_ngrams(word) == analyse(word)


def test_lexical_fallback_without_artefact() -> None:
    empty = LangIdModel({}, 0.0)
    assert identify("kya haal hai bhai", empty) == "roman-ur"
    assert identify("what are you doing with the car", empty) == "en"


def test_manifest_records_data_hashes_and_held_out_accuracy() -> None:
    pkg = resources.files("hifazat.core.text")
    manifest = json.loads(pkg.joinpath("langid_manifest.json").read_text(encoding="utf-8"))
    assert all(len(item["sha256"]) == 64 for item in manifest["data"].values())
    val = manifest["validation"]
    assert val["ru_val"]["model_accuracy"] >= 0.95
    assert val["en_val"]["model_accuracy"] >= 0.98
    assert val["ru_val"]["identify_accuracy"] >= 0.95
    assert manifest["features_kept"] == len(default_model().weights)
    assert pkg.joinpath("langid_model.npz").read_bytes()[:2] == b"PK"
