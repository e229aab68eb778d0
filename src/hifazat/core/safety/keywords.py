"""A creator's keyword filter that sees through spelling: it matches the way the moderation engine
normalises text, so one keyword also catches its Urdu-script and Roman Urdu forms, obfuscated forms
(leetspeak, homoglyphs, spacing, repeated letters) and small misspellings.

A token matches a keyword token when any of these holds (cheapest first):

- the normalised tokens are equal, or equal once repeated letters are collapsed (`idiooot`) and
  easily confused Urdu letters folded (ھ/ہ, hamza seats);
- the Roman Urdu variant keys (`hifazat.core.text.variants.variant_key`) are equal and at least four
  letters long (`bakwas`/`bakwaas`);
- across scripts, their consonant skeletons are equal and have at least two consonants (`kutta`/`کتا`);
- within one script, the keyword has five or more letters, the first and last letters agree and one edit
  separates them (two from nine letters): `idoit` is caught, `idiom` is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from hifazat.core.errors import InvalidInputError
from hifazat.core.text import normalise as _normaliser
from hifazat.core.text.distance import osa_distance
from hifazat.core.text.variants import variant_key

MAX_KEYWORDS = 200
"""Most keywords one creator may filter."""
MAX_KEYWORD_CHARS = 60

MIN_VARIANT_KEY = 4
"""Shorter variant keys collide with unrelated words (`kite` and `kutta` both give `kta`)."""
_TOKEN = re.compile(r"[^\W_]+")
_ARABIC = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")


def _strip_marks(text: str) -> str:
    return "".join(ch for ch in text if not unicodedata.category(ch).startswith("M"))


_URDU_SKELETON = {
    "ب": "b", "پ": "p", "ت": "t", "ٹ": "t", "ث": "s", "ج": "j", "چ": "c", "ح": "", "خ": "x", "د": "d",
    "ڈ": "d", "ذ": "z", "ر": "r", "ڑ": "r", "ز": "z", "ژ": "z", "س": "s", "ش": "S", "ص": "s", "ض": "z",
    "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "k", "ک": "k", "ك": "k", "گ": "g", "ل": "l", "م": "m",
    "ن": "n", "ں": "n",
}  # fmt: skip
"""Urdu consonants to a Latin skeleton letter; vowels, و ی ے ا ع ہ ھ ء and marks drop out."""

_ROMAN_DIGRAPHS = (("kh", "x"), ("sh", "S"), ("ch", "c"), ("gh", "g"), ("ph", "p"), ("th", "t"), ("dh", "d"))
_ROMAN_SKELETON = {"q": "k", "c": "k", "v": "", "w": "", "y": "", "h": ""}


_URDU_FOLD = str.maketrans({"ھ": "ہ", "ۂ": "ہ", "ۃ": "ہ", "ة": "ہ", "ئ": "ی", "ؤ": "و", "آ": "ا", "أ": "ا"})
"""Urdu spellings people mix up (do-chashmi and gol heh, hamza seats), folded for comparison."""


def _collapse(token: str) -> str:
    out: list[str] = []
    for ch in token:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """The consonant skeleton of a token in either script (`kutta` and `کتا` both give `kt`)."""
    if _ARABIC.search(token):
        return _collapse("".join(_URDU_SKELETON.get(ch, "") for ch in token))
    word = token.lower()
    for digraph, letter in _ROMAN_DIGRAPHS:
        word = word.replace(digraph, letter)
    kept = [_ROMAN_SKELETON.get(ch, ch) for ch in word if ch not in "aeiou" and ch.isalpha()]
    return _collapse("".join(kept))


def _within(a: str, b: str, limit: int) -> bool:
    """Whether the Damerau-Levenshtein distance of `a` and `b` is at most `limit`."""
    return osa_distance(a, b, limit) <= limit


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    collapsed: str
    variant: str
    skeleton: str
    urdu: bool

    @classmethod
    def of(cls, raw: str) -> _Token:
        text = _strip_marks(raw)
        urdu = bool(_ARABIC.search(text))
        collapsed = _collapse(text.translate(_URDU_FOLD) if urdu else text)
        return cls(text, collapsed, variant_key(text) if not urdu else text, skeleton(text), urdu)

    def matches(self, other: _Token) -> bool:
        if self.text == other.text or self.collapsed == other.collapsed:
            return True
        if len(self.variant) >= MIN_VARIANT_KEY and self.variant == other.variant:
            return True
        if self.urdu != other.urdu:
            return len(self.skeleton) >= 2 and self.skeleton == other.skeleton
        n = len(self.text)
        if n < 5 or self.text[0] != other.text[0] or self.text[-1] != other.text[-1]:
            return False
        return _within(self.text, other.text, 2 if n >= 9 else 1)


def tokens(text: str) -> list[str]:
    """The engine-normalised tokens of `text`, with runs of single letters (`i d i o t`) also joined."""
    norm = _strip_marks(_normaliser.normalise(text).text)
    found = _TOKEN.findall(norm)
    out = list(found)
    run: list[str] = []
    for token in [*found, ""]:
        if len(token) == 1:
            run.append(token)
            continue
        if len(run) >= 3:
            out.append("".join(run))
        run = []
    return out


def clean_keyword(raw: str) -> str:
    """A keyword as stored (trimmed, single spaces) or an error saying why it can't be used."""
    keyword = " ".join(raw.split())
    if not keyword or not tokens(keyword):
        raise InvalidInputError("a keyword needs at least one letter or digit")
    if len(keyword) > MAX_KEYWORD_CHARS:
        raise InvalidInputError(
            f"a keyword is at most {MAX_KEYWORD_CHARS} characters", hint=f"got {len(keyword)}"
        )
    return keyword


class KeywordFilter:
    """A compiled set of keywords; `match(text)` returns the first keyword a text contains, or None."""

    def __init__(self, keywords: Iterable[str]) -> None:
        self.keywords = tuple(dict.fromkeys(keywords))
        self._compiled = [(kw, [_Token.of(t) for t in tokens(kw)]) for kw in self.keywords]
        self._compiled = [(kw, toks) for kw, toks in self._compiled if toks]

    def __bool__(self) -> bool:
        return bool(self._compiled)

    def match(self, text: str) -> str | None:
        """The first keyword found in `text` (as the creator wrote it), or None."""
        if not self._compiled:
            return None
        found = [_Token.of(t) for t in tokens(text)]
        for keyword, parts in self._compiled:
            width = len(parts)
            for start in range(len(found) - width + 1):
                if all(parts[i].matches(found[start + i]) for i in range(width)):
                    return keyword
        return None
