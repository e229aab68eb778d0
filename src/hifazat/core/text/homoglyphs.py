"""Latin look-alike characters (Cyrillic, Greek, Armenian, mathematical letters...) folded to ASCII.

The map is built from the Unicode confusables data that the `confusable-homoglyphs` package ships
(`confusables.json`, MIT) and packaged as `homoglyphs.json`, so nothing is parsed at run time.
`build_homoglyph_map` is the pure recipe; `hifazat.training.homoglyphs` writes the file and a test
checks that the packaged file still equals the recipe's output.

Only single non-ASCII code points whose confusable is one ASCII letter or digit are kept, and never
a character of the Arabic script: `۵` looks like `o` but is the Urdu digit five, and Urdu words are
never folded to Latin.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Mapping, Sequence
from functools import cache
from importlib import resources

ARABIC_SCRIPT_RANGES: tuple[tuple[int, int], ...] = (
    (0x0600, 0x06FF),
    (0x0750, 0x077F),
    (0x0870, 0x08FF),
    (0xFB50, 0xFDFF),
    (0xFE70, 0xFEFF),
    (0x10E60, 0x10E7F),
    (0x1EE00, 0x1EEFF),
)
"""Code point blocks of the Arabic script (base, supplement, extended, presentation forms)."""


def is_arabic_script(ch: str) -> bool:
    """True when `ch` lies in one of the Arabic-script blocks."""
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in ARABIC_SCRIPT_RANGES)


def _rank(target: str) -> tuple[int, str]:
    # Prefer a lowercase letter, then an uppercase letter, then a digit (l over I, o over 0).
    if target.islower():
        return (0, target)
    if target.isupper():
        return (1, target)
    return (2, target)


def build_homoglyph_map(confusables: Mapping[str, Sequence[Mapping[str, str]]]) -> dict[str, str]:
    """Character -> lowercase ASCII letter or digit, from the parsed `confusables.json`.

    `confusables` maps a character to the characters that look like it, each as `{"c": char, ...}`.
    """
    best: dict[str, str] = {}
    for key, lookalikes in confusables.items():
        if len(key) != 1 or not key.isascii() or not key.isalnum():
            continue
        for entry in lookalikes:
            ch = entry["c"]
            if len(ch) != 1 or ch.isascii() or is_arabic_script(ch):
                continue
            if ch not in best or _rank(key) < _rank(best[ch]):
                best[ch] = key
    for ch, letter in fancy_text_letters().items():
        best.setdefault(ch, letter)
    return {ch: key.lower() for ch, key in sorted(best.items())}


FANCY_EXTRA: Mapping[str, str] = {"ғ": "f"}
"""Letters that "fancy text" generators use for a Latin one and the confusables data does not list:
Cyrillic ghe with stroke as a small-capital F ("ᴋɪʟʟ ʏᴏᴜʀsᴇʟғ")."""


def fancy_text_letters() -> dict[str, str]:
    """Latin small capitals (`ᴋ`, `ʀ`, `ᴇ`, named "LATIN LETTER SMALL CAPITAL K" ...) -> `k`, `r`, `e`, from
    the Unicode character names in `unicodedata`, plus `FANCY_EXTRA`. NFKC leaves small capitals alone."""
    out = dict(FANCY_EXTRA)
    for code in range(0x0250, 0xAB70):
        ch = chr(code)
        name = unicodedata.name(ch, "")
        if name.startswith("LATIN LETTER SMALL CAPITAL ") and len(name) == len(
            "LATIN LETTER SMALL CAPITAL X"
        ):
            out.setdefault(ch, name[-1].lower())
    return out


@cache
def homoglyph_map() -> Mapping[str, str]:
    """The packaged look-alike map (loaded once)."""
    raw = resources.files("hifazat.core.text").joinpath("homoglyphs.json").read_text(encoding="utf-8")
    data: dict[str, str] = json.loads(raw)["map"]
    return data
