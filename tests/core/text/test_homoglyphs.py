"""The packaged look-alike map equals what the recipe builds from confusable-homoglyphs."""

from __future__ import annotations

import pytest

from hifazat.core.text.homoglyphs import build_homoglyph_map, homoglyph_map, is_arabic_script
from hifazat.training.homoglyphs import load_confusables


def test_packaged_map_is_up_to_date() -> None:
    assert dict(homoglyph_map()) == build_homoglyph_map(load_confusables())


def test_map_targets_are_ascii_and_never_arabic() -> None:
    mapping = homoglyph_map()
    assert len(mapping) > 1000
    assert all(t.isascii() and t.isalnum() and t == t.lower() for t in mapping.values())
    assert not any(is_arabic_script(ch) for ch in mapping)


@pytest.mark.parametrize(
    ("char", "target"),
    [
        ("а", "a"),  # Cyrillic a
        ("о", "o"),  # Cyrillic o
        ("ս", "u"),  # Armenian seh
        ("ο", "o"),  # Greek omicron
        ("ı", "i"),  # dotless i
        ("𝐟", "f"),  # mathematical bold
        ("ᴋ", "k"),  # small capital K ("fancy text"), from its Unicode name
        ("ʀ", "r"),  # small capital R
        ("ғ", "f"),  # Cyrillic ghe with stroke, used as a small capital F
    ],
)
def test_known_lookalikes(char: str, target: str) -> None:
    assert homoglyph_map()[char] == target


@pytest.mark.parametrize("char", ["۵", "ہ", "ه", "۱"])  # Urdu digits and letters that look Latin
def test_urdu_is_never_folded_to_latin(char: str) -> None:
    assert char not in homoglyph_map()
