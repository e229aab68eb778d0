"""Scripts of normalised text: which tokens are Urdu (Arabic script), Latin, digits or other.

Works on `NormalisedText.text`, where Latin words are already ASCII (accents, look-alikes and
leetspeak folded) and Arabic letters are the Urdu ones.
"""

from __future__ import annotations

import re
from typing import Literal

Script = Literal["arabic", "latin", "digits", "other"]
"""The script of one token."""

WORD = re.compile(r"[^\W_]+")
"""A token: a run of letters and digits of any script (marks included)."""

LETTER_WORD = re.compile(r"[^\W\d_]+")
"""A run of letters of any script (digits and underscores split words)."""

ASCII_LETTER_WORD = re.compile(r"[a-zA-Z]+")
"""`LETTER_WORD` for ASCII text (a literal class scans about twice as fast)."""

LATIN_WORD = re.compile(r"[a-z]+")
"""A Latin word of normalised text (lowercase ASCII letters only)."""

ARABIC_WORD = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]+")
"""A run of Arabic-script characters (Urdu words after normalisation)."""

_ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF))


def is_arabic_letter(ch: str) -> bool:
    """True for an Arabic-script letter (Urdu after normalisation)."""
    o = ord(ch)
    return any(lo <= o <= hi for lo, hi in _ARABIC_RANGES) and ch.isalpha()


def token_script(token: str) -> Script:
    """The script of one token: its first letter decides; a token without letters is digits or other."""
    for ch in token:
        if ch.isalpha():
            if "a" <= ch <= "z" or "A" <= ch <= "Z":
                return "latin"
            if is_arabic_letter(ch):
                return "arabic"
            name_is_latin = ch.isascii() or "LATIN" in _unicode_name(ch)
            return "latin" if name_is_latin else "other"
    return "digits" if any(ch.isdigit() for ch in token) else "other"


def _unicode_name(ch: str) -> str:
    import unicodedata

    return unicodedata.name(ch, "")


def has_arabic(text: str) -> bool:
    """True when `text` contains at least one Arabic-script character."""
    return ARABIC_WORD.search(text) is not None
