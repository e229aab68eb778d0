"""Normalisation: what each step produces, and that every character maps back to the original."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hifazat.core.signals import Span
from hifazat.core.text.normalise import NormalisedText, normalise


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hello   World", "hello world"),  # case folding, spaces collapsed
        ("  lead and trail \n", "lead and trail"),  # ends stripped, newline is a space
        ("ﬁnal ｆｕｃｋ", "final fuck"),  # NFKC: ligature and fullwidth letters
        ("Straße", "strasse"),  # case folding expands ß
        ("İstanbul", "istanbul"),  # the dot that case folding adds to İ is dropped
        ("fսck уou", "fuck you"),  # Armenian and Cyrillic look-alikes
        ("ΙDΙΟΤ", "idiot"),  # Greek capitals
        ("i\u200bd\u200ci\u200do\u2060t\ufeff", "idiot"),  # zero-width characters removed
        ("\u202eidiot\u202c", "idiot"),  # bidi controls removed
        ("sh\u00adit", "shit"),  # soft hyphen removed
        ("fück", "fuck"),  # Latin accent stripped
        ("Z̷a̸l̶g̵o̴", "zalgo"),  # combining marks dropped
        ("k.i.l.l you", "kill you"),  # letters split by dots
        ("f u c k off", "fuck off"),  # four letters split by spaces
        ("k-i-l-l k_i_l_l k*i*l*l", "kill kill kill"),  # other separators
        ("u r a star", "u r a star"),  # three letters with spaces stay
        ("v1.2.3 and 1 2 3 4", "v1.2.3 and 1 2 3 4"),  # numbers are not letters
        ("U.S.A", "usa"),  # dotted abbreviations join
        ("sh1t b1tch a$$ k!ll ki||", "shit bitch ass kill kill"),  # leetspeak inside words
        ("5hit 1diot", "shit idiot"),  # one leading leet digit before three letters
        ("0tp tujh3 kutt3 dung@", "otp tujhe kutte dunga"),  # a leading zero; a trailing 3, 0 or @
        ("web3 ps5 win10 me@", "webe ps5 win10 me@"),  # short stems and digit runs stay
        ("m a i n   t u j h e   m a r o", "main tujhe maro"),  # words spelt out, wider gaps
        ("ت ی ر ی   م ا ں", "تیری ماں"),  # the same in Urdu script
        ("t u m  k o  m a r o", "tum ko maro"),  # short words spelt out join when 4+ letters in all
        ("u r  a  star", "u r a star"),  # three letters in all stay
        ("rs500 covid19 4g 3rd mp3 2nd", "rs500 covid19 4g 3rd mp3 2nd"),  # numbers with units stay
        ("@ali wow!", "@ali wow!"),  # a mention and trailing punctuation stay
        ("fuuuuuck yoooou", "fuuck yoou"),  # 3+ repeats squeezed to two
        ("good 100000", "good 100000"),  # double letters and digit runs stay
        ("يه ويڈيو اچھي ہے", "یہ ویڈیو اچھی ہے"),  # Arabic yeh and heh become Urdu letters
        ("كتا", "کتا"),  # Arabic kaf becomes keheh
        ("مُحَمَّد", "محمد"),  # harakat removed
        ("کــــتا", "کتا"),  # tatweel removed
        ("ک-ت-ا", "کتا"),  # Urdu letters split by hyphens
        ("أحمد إسلام آپ", "احمد اسلام اپ"),  # hamza and madda seats to bare alef
        ("صلوٰۃ زکوة", "صلوہ زکوہ"),  # superscript alef dropped, teh marbuta to heh goal
        ("ٹوٹا ڈنڈا لڑکا کھانا ماں لے", "ٹوٹا ڈنڈا لڑکا کھانا ماں لے"),  # Urdu-only letters kept
        ("۱۲۳ ٤٥٦", "123 456"),  # Urdu and Arabic-Indic digits
        ("کیا؟ ہاں، ٹھیک۔", "کیا? ہاں, ٹھیک."),  # Urdu punctuation to ASCII
        ("ﻻ ﷲ", "لا اللہ"),  # presentation forms and ligatures
        ("حرام\u200cزادہ", "حرامزادہ"),  # zero-width non-joiner removed
        ("", ""),  # empty stays empty
        ("😂😂 🔥", "😂😂 🔥"),  # emoji kept
    ],
)
def test_normalise_produces(text: str, expected: str) -> None:
    assert normalise(text).text == expected


@pytest.mark.parametrize(
    ("text", "needle", "original"),
    [
        ("you k.i.l.l me", "kill", "k.i.l.l"),  # a joined word covers its separators
        ("fuuuuuck off", "fuuck", "fuuuuuck"),  # a squeezed run covers the whole run
        ("i\u200bdiot!", "idiot", "i\u200bdiot"),  # removed characters inside stay inside
        ("سلام مُحَمَّد", "محمد", "مُحَمَّد"),  # a trailing diacritic belongs to its letter
        ("ｆｕｃｋ it", "fuck", "ｆｕｃｋ"),  # fullwidth letters map one to one
        ("Straße 5", "strasse", "Straße"),  # an expanded letter maps to its source
        ("a  \t b", "a b", "a  \t b"),  # a collapsed space covers the whole run
    ],
)
def test_spans_map_back_to_the_original(text: str, needle: str, original: str) -> None:
    norm = normalise(text)
    start = norm.text.index(needle)
    span = norm.to_original(start, start + len(needle))
    assert text[span.start : span.end] == original
    assert norm.original_text(start, start + len(needle)) == original


def test_empty_range_maps_to_a_point() -> None:
    norm = normalise("abc")
    assert norm.to_original(1, 1) == Span(1, 1)
    assert norm.to_original(3, 3) == Span(3, 3)
    assert normalise("").to_original(0, 0) == Span(0, 0)


def _check_map(norm: NormalisedText) -> None:
    n, original = len(norm.text), norm.original
    assert len(norm.offsets) == n and len(norm.ends) == n
    for i in range(n):
        assert 0 <= norm.offsets[i] < norm.ends[i] <= len(original)
        if i:
            assert norm.offsets[i] >= norm.offsets[i - 1]


_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyz ABC.-_*013457@$!|")
    + list("کتاہیےھٹڈڑں")
    + list("يكهةأآئ")
    + [
        "\u064e",
        "\u0651",
        "\u0640",
        "\u200b",
        "\u200c",
        "\u202e",
        "\u0301",
        "ß",
        "ﬁ",
        "ｆ",
        "а",
        "ο",
        "😂",
        "\n",
        "\t",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join))
def test_every_character_maps_inside_the_original(text: str) -> None:
    _check_map(normalise(text))


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_unicode_text_normalises_with_a_valid_map(text: str) -> None:
    _check_map(normalise(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=30).map("".join))
def test_normalising_twice_changes_little(text: str) -> None:
    once = normalise(text).text
    twice = normalise(once).text
    assert len(twice) <= len(once)


def test_word_mapping_recovers_every_normalised_word() -> None:
    text = "Yeh  K.U.T.T.A  hai\u200b, ﻻ كتے!!"
    norm = normalise(text)
    for word in norm.text.split():
        start = norm.text.index(word)
        span = norm.to_original(start, start + len(word))
        assert normalise(text[span.start : span.end]).text.strip(" ,!") == word.strip(" ,!")
