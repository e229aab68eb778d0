"""Lexical similarity that works across Urdu script, Roman Urdu and English names.

Every word is reduced to a consonant *skeleton* in Latin letters: `حکومت`, `hukumat` and `hukoomat`
all become `hkmt`; `پولیو` and `polio` become `pl`. Vowels, `w/v/y` (written as vowels in Urdu) and
aspiration marks are dropped, so the spelling freedom of Roman Urdu and the missing short vowels of
Urdu script stop mattering. Function words are removed before skeletons are taken.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable, Mapping

from hifazat.core.claims.lexicon import Lexicon
from hifazat.core.text.charmap import FOLD_TABLE

_URDU: dict[str, str] = {
    "ب": "b", "پ": "p", "ت": "t", "ٹ": "t", "ث": "s", "ج": "j", "چ": "c", "ح": "h", "خ": "k",
    "د": "d", "ڈ": "d", "ذ": "z", "ر": "r", "ڑ": "r", "ز": "z", "ژ": "z", "س": "s", "ش": "s",
    "ص": "s", "ض": "z", "ط": "t", "ظ": "z", "غ": "g", "ف": "f", "ق": "k", "ک": "k", "ك": "k",
    "گ": "g", "ل": "l", "م": "m", "ن": "n", "ں": "n", "ہ": "h", "ه": "h", "ۃ": "t", "ة": "t",
    "ۂ": "h",
}  # fmt: skip
"""Urdu consonants to Latin skeleton letters; letters not listed (vowels, و ی ا ع ء ھ) are dropped."""

_DIGRAPHS = (("sh", "s"), ("ch", "C"), ("kh", "k"), ("gh", "g"), ("ph", "p"), ("bh", "b"), ("th", "t"),
             ("dh", "d"), ("jh", "j"), ("rh", "r"), ("tt", "t"))  # fmt: skip
_LATIN = str.maketrans({"q": "k", "c": "k", "x": "k", "w": None, "v": None, "y": None,
                        "a": None, "e": None, "i": None, "o": None, "u": None})  # fmt: skip

_STOP_WORDS = frozenset(
    """
    a an the and or of to in on at for from by with is are was were be been being it its this that these
    those as not no but if then so than who what which when where how all any some our your their his her
    my we you they he she i me him them us do does did has have had will would can could should just very
    about into over after before up down out off again also still now here there
    ka ki ke ko ne se me mein main men hai hain he hy ho hota hoti hote tha thi the thay aur or ya bhi
    to toh ye yeh wo woh is us in un jo jis jin kya kia nahi nahin nai na par pe per kar ke liye liay
    ek aik sab hi ab
    کا کی کے کو نے سے میں ہے ہیں ہو ہوتا ہوتی ہوتے تھا تھی تھے اور یا بھی تو یہ وہ اس ان جو جس جن
    کیا نہیں نہ پر کر لیے لئے ایک سب ہی اب
    """.split()  # noqa: SIM905
)

_WORD = re.compile(r"[^\W_]+")


def _fold(text: str) -> str:
    """NFKC, case, diacritics and Arabic/Urdu letter variants folded (the shared text fold table)."""
    text = unicodedata.normalize("NFKC", text).translate(FOLD_TABLE)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn")


def skeleton(word: str) -> str:
    """The consonant skeleton of one (already case-folded) word, in Latin letters; may be empty."""
    if word.isdigit():
        return word
    if any("\u0600" <= ch <= "\u06ff" for ch in word):
        out = "".join(_URDU.get(ch, "") for ch in word)
    else:
        out = word
        for pair, single in _DIGRAPHS:
            out = out.replace(pair, single)
        out = out.translate(_LATIN).lower()
    collapsed: list[str] = []
    for ch in out:
        if not collapsed or collapsed[-1] != ch:
            collapsed.append(ch)
    return "".join(collapsed)


def skeleton_tokens(text: str) -> list[str]:
    """Skeletons of the content words of `text` (function words and 1-letter skeletons removed)."""
    out: list[str] = []
    for match in _WORD.finditer(_fold(text)):
        word = match.group(0)
        if word in _STOP_WORDS:
            continue
        skel = skeleton(word)
        if len(skel) >= 2:
            out.append(skel)
    return out


LEXICON = Lexicon(_fold)
"""The bilingual concept table, compiled once."""


_KEYS: dict[str, str | None] = {}
"""Memo of `word_key` (plain dict, emptied when it grows past `_KEYS_MAX`)."""
_KEYS_MAX = 200_000


def word_key(word: str) -> str | None:
    """What one folded word counts as when claims and posts are compared: its concept in the
    bilingual lexicon (`@child` for `children`, `bachon`, `بچوں`), else its skeleton; None for
    function words and 1-letter skeletons."""
    try:
        return _KEYS[word]
    except KeyError:
        pass
    key: str | None = None
    if word not in _STOP_WORDS:
        key = LEXICON.concept(word)
        if key is None:
            skel = skeleton(word)
            key = skel if len(skel) >= 2 else None
    if len(_KEYS) >= _KEYS_MAX:
        _KEYS.clear()
    _KEYS[word] = key
    return key


def claim_tokens(text: str) -> list[str]:
    """`word_key` of every word of `text`: concepts where the lexicon knows the word (or a phrase it
    starts), else skeletons."""
    words = _WORD.findall(_fold(text))
    out: list[str] = []
    i = 0
    while i < len(words):
        phrase = LEXICON.phrase(words, i) if LEXICON.phrases else None
        if phrase is not None:
            out.append(phrase[0])
            i += phrase[1]
            continue
        key = word_key(words[i])
        if key is not None:
            out.append(key)
        i += 1
    return out


def _close(a: str, b: str) -> bool:
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    return len(short) >= 3 and long_.startswith(short) and len(short) * 3 >= len(long_) * 2


def overlap(
    post: Iterable[str],
    claim: Iterable[str],
    idf: Mapping[str, float] | None = None,
    default_idf: float = 1.0,
) -> float:
    """How much of the claim's content (IDF-weighted) the post contains, in [0, 1].

    A claim skeleton counts as present when the post has the same skeleton or one that differs only
    by an ending (`bcn`/`bc` is not enough: the shorter must have at least 3 letters).
    """
    claim_set = set(claim)
    post_set = set(post)
    if not claim_set or not post_set:
        return 0.0
    by_stem: dict[str, list[str]] = {}
    for token in post_set:
        if len(token) >= 3 and not token.startswith("@"):
            by_stem.setdefault(token[:3], []).append(token)
    weights = {t: (idf.get(t, default_idf) if idf is not None else 1.0) for t in claim_set}
    total = sum(weights.values())
    found = 0.0
    for token, weight in weights.items():
        if token in post_set or (
            len(token) >= 3
            and not token.startswith("@")
            and any(_close(token, p) for p in by_stem.get(token[:3], ()))
        ):
            found += weight
    return found / total if total else 0.0


def idf_table(documents: Iterable[Iterable[str]]) -> tuple[dict[str, float], float]:
    """Smoothed inverse document frequencies of skeletons over `documents`, and the value for unseen ones."""
    counts: dict[str, int] = {}
    n = 0
    for doc in documents:
        n += 1
        for token in set(doc):
            counts[token] = counts.get(token, 0) + 1
    table = {t: math.log((1 + n) / (1 + c)) + 1.0 for t, c in counts.items()}
    return table, math.log(1 + n) + 1.0
