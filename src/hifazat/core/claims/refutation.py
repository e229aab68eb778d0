"""Words that show a post is refuting or negating a claim rather than making it.

A debunk quotes the claim it refutes ("No, polio drops do not make children infertile", "تربیلا ڈیم
ٹوٹنے کی خبر جھوٹی ہے", "ye afwah hai"), so by meaning and by words it sits right next to the claim.
Two cues, in English, Urdu and Roman Urdu, feed the matcher as features (their weights are learned
per language pair, so they lower the probability of a match rather than veto it outright):

- *refutation*: words that call something false, a rumour, fake, edited, denied or clarified;
- *negation*: not, no, never, نہیں, nahi... (not the imperative "don't", "mat", "مت": a post
  spreading a claim often ends with advice such as "don't give them the drops").

Each counts only when the post has it and the claim text does not (a claim may itself be negative:
"the old CNIC is not accepted").
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise

from hifazat.core.text.charmap import FOLD_TABLE

_WORD = re.compile(r"[^\W_]+")

_REFUTE_WORDS = """
    fake fakes faked false falsely hoax hoaxes rumour rumours rumor rumors debunk debunked debunking
    untrue baseless deepfake deepfakes doctored photoshop photoshopped edited misleading denied denies
    deny fabricated staged misinformation disinformation factcheck scam
    jhoot jhooti jhoota jhootay jhootey jhooth jhoothi jhootha jhut jhuti jhuta jhuth afwah afwaah afwahen
    afwahein afwahon afwa ghalat galat tardeed jaali jaaali bebuniyad bebunyad wazahat
    جھوٹ جھوٹی جھوٹا جھوٹے افواہ افواہیں افواہوں غلط تردید جعلی جھٹلایا وضاحت ایڈٹ فیک بےبنیاد
"""
_REFUTE_PHRASES = (
    ("fact", "check"),
    ("not", "true"),
    ("ai", "generated"),
    ("be", "buniyad"),
    ("بے", "بنیاد"),
    ("من", "گھڑت"),
    ("fake", "news"),
)
_NEGATION_WORDS = """
    not no never cannot nothing nobody neither nor
    nahi nahin nahee nai nhi nahe kabhi
    نہیں نہ کبھی
"""


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(FOLD_TABLE)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()


def _words(text: str) -> list[str]:
    return _WORD.findall(_fold(text))


_REFUTE = frozenset(_fold(w) for w in _REFUTE_WORDS.split())
_PHRASES = tuple((_fold(a), _fold(b)) for a, b in _REFUTE_PHRASES)
_NEGATION = frozenset(_fold(w) for w in _NEGATION_WORDS.split())


def refutes(text: str) -> bool:
    """Whether `text` calls something false, a rumour, fake, edited or denied (in any of the three)."""
    words = _words(text)
    if any(w in _REFUTE for w in words):
        return True
    pairs = set(pairwise(words))
    return any(p in pairs for p in _PHRASES)


def negates(text: str) -> bool:
    """Whether `text` has a declarative negation (not, no, never, نہیں, nahi...)."""
    return any(w in _NEGATION for w in _words(text))


def cues(text: str) -> tuple[bool, bool]:
    """(refutes, negates) of one text."""
    return refutes(text), negates(text)
