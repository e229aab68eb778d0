"""Words that show a post is refuting or negating a claim rather than making it.

A debunk quotes the claim it refutes ("No, polio drops do not make children infertile", "تربیلا ڈیم
ٹوٹنے کی خبر جھوٹی ہے", "ye afwah hai"), so by meaning and by words it sits right next to the claim.
Two cues, in English, Urdu and Roman Urdu, feed the matcher as features (their weights are learned
per language pair, so they lower the probability of a match rather than veto it outright):

- *refutation*: words that call something false, a rumour, fake, edited, denied or clarified;
- *negation*: not, no, never, won't, نہیں, nahi, na... (not the imperative "don't", "mat", "مت": a post
  spreading a claim often ends with advice such as "don't give them the drops").

Each counts only when the post has it and the claim text does not (a claim may itself be negative:
"the old CNIC is not accepted").

A third cue, *contrast*, is a word that reverses or reassures rather than alarms: free, safe,
remains, allowed, included, halal, old (an old video), مفت, محفوظ, برقرار, muft, ijazat... A post
answering "the army charges flood victims for boats" with "the army rescues them free of charge"
shares most of its words with the claim; only such a word tells them apart.

A fourth cue is local: `negated_keys` gives the word keys within a few words of a negation, so the
matcher can tell whether a word the post shares with the claim is negated in one and not the
other ("5G towers do *not* spread coronavirus" against "5G towers spread the coronavirus"; "WHO
says vaccinated people *can* fast" against "... must *not* fast").
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from typing import NamedTuple

from hifazat.core.claims.lexical import word_key
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
    nahi nahin nahee nai nhi nahe na kabhi
    نہیں نہ کبھی
"""
_CONTRAST_WORDS = """
    free remain remains remained valid safe safely allowed permitted include includes included added
    unchanged scheduled usual normal old halal
    muft mehfooz mahfooz barqarar ijazat shamil halal purani purana mamool maamool
    مفت محفوظ برقرار اجازت شامل حلال پرانی پرانا معمول
"""
NEGATION_SCOPE = 2
"""Content words either side of a negation that it is taken to cover (Urdu puts it after the object and
before the verb: "شوگر ختم نہیں ہوتی"; English before the verb: "does not spread")."""


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).translate(FOLD_TABLE)
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()


_CONTRACTION = re.compile(r"(?<!\bdo)n['’]t\b")
"""English negative contractions ("won't", "isn't", "can't") read as "not"; "don't" stays a word of
its own: a post spreading a claim often ends with advice ("don't give them the drops")."""


def _words(text: str) -> list[str]:
    return _WORD.findall(_CONTRACTION.sub(" not", _fold(text)))


_REFUTE = frozenset(_fold(w) for w in _REFUTE_WORDS.split())
_PHRASES = tuple((_fold(a), _fold(b)) for a, b in _REFUTE_PHRASES)
_NEGATION = frozenset(_fold(w) for w in _NEGATION_WORDS.split())
_CONTRAST = frozenset(_fold(w) for w in _CONTRAST_WORDS.split())


class Cues(NamedTuple):
    """What one text says about itself: refutes, negates, has a contrast word, and which word
    keys its negations cover."""

    refutes: bool
    negates: bool
    contrasts: bool
    negated: frozenset[str]


def text_cues(text: str, scope: int = NEGATION_SCOPE) -> Cues:
    """All cues of one text, reading it once."""
    words = _words(text)
    pairs = set(pairwise(words))
    return Cues(
        any(w in _REFUTE for w in words) or any(p in pairs for p in _PHRASES),
        any(w in _NEGATION for w in words),
        any(w in _CONTRAST for w in words),
        _negated(words, scope),
    )


def refutes(text: str) -> bool:
    """Whether `text` calls something false, a rumour, fake, edited or denied (in any of the three)."""
    return text_cues(text).refutes


def negates(text: str) -> bool:
    """Whether `text` has a declarative negation (not, no, never, نہیں, nahi...)."""
    return text_cues(text).negates


def contrasts(text: str) -> bool:
    """Whether `text` has a reversing or reassuring word (free, safe, remains, allowed, مفت, muft...)."""
    return text_cues(text).contrasts


def negated_keys(text: str, scope: int = NEGATION_SCOPE) -> frozenset[str]:
    """Word keys (`lexical.word_key`) of the `scope` content words either side of a declarative
    negation in `text` (function words are skipped when counting)."""
    return _negated(_words(text), scope)


def _negated(words: list[str], scope: int) -> frozenset[str]:
    if not any(w in _NEGATION for w in words):
        return frozenset()
    seq: list[str | None] = []
    """Content word keys in order, None marking a negation."""
    for word in words:
        if word in _NEGATION:
            seq.append(None)
        else:
            key = word_key(word)
            if key is not None:
                seq.append(key)
    out: set[str] = set()
    for i, key in enumerate(seq):
        if key is None:
            out.update(k for k in seq[max(0, i - scope) : i + scope + 1] if k is not None)
    return frozenset(out)


def polarity_conflict(
    post_tokens: frozenset[str],
    post_negated: frozenset[str],
    claim_tokens: frozenset[str],
    claim_negated: frozenset[str],
) -> bool:
    """Whether a word key the post shares with the claim is negated in one of them and not the other."""
    if not post_negated and not claim_negated:
        return False
    shared = post_tokens & claim_tokens
    return any((key in post_negated) != (key in claim_negated) for key in shared)
