"""Per-character folding: the context-free part of normalisation.

Each code point maps to a string (often itself, sometimes empty or longer):

- NFKC of the single character (fullwidth, circled, mathematical letters, Arabic presentation forms);
- case folding;
- invisible characters removed: zero-width and bidi controls, soft hyphen, the Arabic letter mark,
  variation selectors, tag characters, Hangul fillers (all of `Cf`, plus a few look-alike blanks);
- Latin accents stripped (`fück` -> `fuck`) and combining marks dropped (Zalgo text);
- Arabic letters unified to the Urdu ones (ي ى -> ی, ك -> ک, ه ة ۃ -> ہ, hamza and madda seats to
  their bare letters), Arabic diacritics (اعراب) and tatweel removed, ٹ ڈ ڑ ھ kept;
- every decimal digit (Urdu ۰-۹, Arabic-Indic ٠-٩, Devanagari...) to ASCII, Urdu punctuation to ASCII;
- Latin look-alikes (Cyrillic `а`, Greek `ο`, Armenian `ս`...) to ASCII letters (`homoglyphs.py`);
- every kind of space to a plain space, control characters removed.

Because the mapping is per character, the offset of each output character is exact. Results are
cached in `FOLD_TABLE`, a mapping that `str.translate` accepts directly, so a text whose characters
all map to exactly one character is folded by one C-level call.
"""

from __future__ import annotations

import re
import unicodedata

from hifazat.core.text.homoglyphs import homoglyph_map, is_arabic_script

ARABIC_TO_URDU: dict[str, str] = {
    "\u064a": "\u06cc",  # ي Arabic yeh -> ی
    "\u0649": "\u06cc",  # ى alef maksura -> ی
    "\u06d0": "\u06cc",  # ې -> ی
    "\u06cd": "\u06cc",  # ۍ -> ی
    "\u06ce": "\u06cc",  # ێ -> ی
    "\u0626": "\u06cc",  # ئ yeh with hamza -> ی (the hamza is a diacritic here)
    "\u0643": "\u06a9",  # ك Arabic kaf -> ک
    "\u06aa": "\u06a9",  # ڪ swash kaf -> ک
    "\u0647": "\u06c1",  # ه Arabic heh -> ہ
    "\u06c0": "\u06c1",  # ۀ -> ہ
    "\u06c2": "\u06c1",  # ۂ -> ہ
    "\u06d5": "\u06c1",  # ە -> ہ
    "\u0629": "\u06c1",  # ة teh marbuta -> ہ
    "\u06c3": "\u06c1",  # ۃ Urdu teh marbuta -> ہ
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0622": "\u0627",  # آ -> ا (madda dropped like every other diacritic)
    "\u0671": "\u0627",  # ٱ -> ا
    "\u0672": "\u0627",  # ٲ -> ا
    "\u0673": "\u0627",  # ٳ -> ا
    "\u0624": "\u0648",  # ؤ -> و
    "\u06d3": "\u06d2",  # ۓ -> ے
    "\u060c": ",",  # ، Arabic comma
    "\u061b": ";",  # ؛ Arabic semicolon
    "\u061f": "?",  # ؟ Arabic question mark
    "\u06d4": ".",  # ۔ Urdu full stop
    "\u066a": "%",  # ٪ Arabic percent
    "\u066b": ".",  # ٫ Arabic decimal separator
    "\u066c": ",",  # ٬ Arabic thousands separator
}
"""Arabic letters and punctuation as Urdu (or ASCII) writes them."""

_ARABIC_MARK_RANGES: tuple[tuple[int, int], ...] = (
    (0x0610, 0x061A),  # honorifics and small high marks
    (0x064B, 0x065F),  # harakat: fatha, damma, kasra, tanwin, shadda, sukun, hamza above/below...
    (0x0670, 0x0670),  # superscript alef
    (0x06D6, 0x06ED),  # Quranic annotation marks
    (0x08D3, 0x08FF),  # extended Arabic marks
    (0x0640, 0x0640),  # tatweel (kashida)
)

_COMBINING_RANGES: tuple[tuple[int, int], ...] = (
    (0x0300, 0x036F),  # combining diacritical marks (accents, Zalgo)
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),
    (0xFE00, 0xFE0F),  # variation selectors
    (0xE0100, 0xE01EF),  # variation selectors supplement
)

_INVISIBLE_EXTRA = frozenset("\u3164\u115f\u1160\uffa0\u034f\u17b4\u17b5")
"""Hangul fillers, the combining grapheme joiner and Khmer inherent vowels: used as invisible padding."""

_SPACE_LIKE = frozenset("\u2800")
"""Braille blank: shown as a space, so it separates words like one."""


def _in(ranges: tuple[tuple[int, int], ...], o: int) -> bool:
    return any(lo <= o <= hi for lo, hi in ranges)


def _is_removed(ch: str) -> bool:
    o = ord(ch)
    cat = unicodedata.category(ch)
    if cat == "Cf" or ch in _INVISIBLE_EXTRA:
        return True
    if cat == "Cc" and not ch.isspace():
        return True
    return _in(_ARABIC_MARK_RANGES, o) or _in(_COMBINING_RANGES, o)


def _strip_latin_accent(ch: str) -> str:
    if ch.isascii() or not unicodedata.decomposition(ch):
        return ch
    if not unicodedata.name(ch, "").startswith("LATIN"):
        return ch
    base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
    return base or ch


def _fold_one(ch: str, homoglyphs: dict[str, str]) -> str:
    """Fold one character that came out of NFKC (no further decomposition needed)."""
    if ch in ARABIC_TO_URDU:
        return ARABIC_TO_URDU[ch]
    if _is_removed(ch):
        return ""
    if ch.isspace() or ch in _SPACE_LIKE:
        return " "
    if unicodedata.category(ch) == "Nd":
        return str(unicodedata.digit(ch))
    if is_arabic_script(ch):
        return ch
    out: list[str] = []
    for low in ch.casefold():
        if _in(_COMBINING_RANGES, ord(low)):
            continue  # `İ` case-folds to `i` + combining dot
        low = _strip_latin_accent(low)
        if low in homoglyphs:
            out.append(homoglyphs[low])
        elif len(low) == 1 and low == ch.lower() and ch in homoglyphs:
            out.append(homoglyphs[ch])
        else:
            out.append(low)
    return "".join(out)


_PRELOAD: tuple[tuple[int, int], ...] = (
    (0x00A0, 0x024F),  # Latin-1 and Latin Extended
    (0x0370, 0x04FF),  # Greek and Cyrillic (look-alikes)
    (0x0600, 0x06FF),  # Arabic block: Urdu letters, marks, digits
    (0x2000, 0x206F),  # general punctuation, invisible characters
    (0x2600, 0x27BF),  # symbols, dingbats
    (0xFE00, 0xFE0F),  # variation selectors
    (0x1F300, 0x1FAFF),  # emoji
)
"""Code points folded up front the first time non-ASCII text is seen, so the fast path knows them."""

_RECOMPILE_EVERY = 1024


class FoldTable(dict[int, str]):
    """Code point -> folded string, filled on first sight; usable as a `str.translate` table.

    It also tracks the characters that fold to themselves (and are their own lowercase), so that
    `unsafe_pattern()` can find, with one C-level regex scan, the few characters of a text that
    need folding; everything between them only needs `str.lower()`.
    """

    def __init__(self) -> None:
        super().__init__()
        self._homoglyphs = dict(homoglyph_map())
        self._identity: set[str] = set()
        self._identity_compiled = -1
        self._unsafe: re.Pattern[str] | None = None
        self._calls = 0
        self._preloaded = False

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if _is_removed(ch):
            out = ""
        else:
            out = "".join(_fold_one(c, self._homoglyphs) for c in unicodedata.normalize("NFKC", ch))
        if out == ch and ch.lower() == ch and not ch.isspace() and 0x7F < code <= 0xFFFF:
            self._identity.add(ch)
        self[code] = out
        return out

    def unsafe_pattern(self) -> re.Pattern[str]:
        """Matches every character that is not printable ASCII and not known to fold to itself.

        Only characters of the Basic Multilingual Plane are ever "known", so that the character class
        compiles to a bitmap (a class with astral characters is a linear list of ranges in `re`);
        emoji are therefore always looked up one by one, which is cheap for the few a text has.
        Characters first seen after the last compilation count as unsafe (and are folded one by
        one) until the next recompilation, at most once every `_RECOMPILE_EVERY` calls.
        """
        if not self._preloaded:
            self._preloaded = True
            for lo, hi in _PRELOAD:
                for code in range(lo, hi + 1):
                    self[code]  # fills the cache
        self._calls += 1
        stale = len(self._identity) != self._identity_compiled
        if self._unsafe is None or (stale and self._calls >= _RECOMPILE_EVERY):
            chars = "".join(sorted(self._identity))
            self._unsafe = re.compile("[^\x20-\x7e" + re.escape(chars) + "]")
            self._identity_compiled = len(self._identity)
            self._calls = 0
        return self._unsafe

    def fold(self, ch: str) -> str:
        """The folded form of one character, through the cache."""
        return self[ord(ch)]


FOLD_TABLE = FoldTable()
"""The shared cache. Growth is bounded by the number of distinct code points ever seen."""


def fold_char(ch: str) -> str:
    """The folded form of one character (possibly empty, possibly several characters)."""
    return FOLD_TABLE[ord(ch)]
