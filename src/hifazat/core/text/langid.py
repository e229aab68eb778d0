"""Language of a text and of each token: `en`, `ur` (Arabic script), `roman-ur`, `mixed`, `unknown`.

1. Script first: a token with Arabic-script letters is `ur`; a text without letters is `unknown`
   (emoji only, digits only).
2. Latin words are scored by a small linear model over character 1-4-grams within the word
   (`langid_model.npz`, trained by `hifazat.training.langid` on Roman Urdu / Roman Hindustani vs
   English data; its manifest `langid_manifest.json` records data hashes, parameters and held-out
   accuracy). Because the features are counts of n-grams *inside* words, the text score is exactly
   the model bias plus the sum of word scores, so each distinct word is scored once and cached.
   Every word score is clipped to [-4, 4], so when the cached words already decide the answer
   (the sign of the total, and whether the text could be `mixed`), new words are not scored at all;
   an Urdu-script majority never runs the model.
3. A lexical list of very common, unambiguous function words (`hai`, `nahi`, `kya`, `the`, `and`)
   pins those words, and is the whole model when the artefact is missing.

A text is `mixed` when two languages each hold a substantial share of its words.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib import resources
from io import BytesIO
from operator import itemgetter
from typing import cast

import numpy as np

from hifazat.core.signals import Language, Span
from hifazat.core.text.normalise import NormalisedText, normalise
from hifazat.core.text.script import LATIN_WORD, WORD, token_script

__all__ = ["ROMAN_URDU_FUNCTION_WORDS", "LangIdModel", "identify", "identify_tokens", "word_ngrams"]

ROMAN_URDU_FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    hai hain nahi nahin nai nhi kya kia kyun kyon kyu mein mai mujhe mujhay mera meri mere aur ka ki ke
    ko se yeh ye woh wo tum tumhe tumhara tumhari tera teri tere ap aap apna apni apne bhai yaar yar hum
    hamara hamari kar karo karna kartay karte raha rahi rahe tha thi thay hota hoti hotay gaya gayi gaye
    jata jati wala wali walay wale bohat bohot bahut bht sab kuch koi kab kaise kaisay kahan abhi phir
    bhi sirf lekin magar agar toh tou jab tak bas acha acha achi achay achhe hoga hogi hongay dekho dekh
    bilkul sahi kuchh kyunke kyunki humein inhe unhe unka unki uska uski iska iski inka inki jo jis
    jaisa wahan yahan
    """.split()  # noqa: SIM905
)
"""Very common Roman Urdu words that are not English words (`to`, `me`, `is`, `us` are left out)."""

ENGLISH_FUNCTION_WORDS: frozenset[str] = frozenset(
    """
    the and of you your are was were have has had this that with what which would could should there
    their they them then than from been being will about just because very really into only also
    """.split()  # noqa: SIM905
)
"""Very common English words that are not Roman Urdu words."""

_LEXICAL_SCORE = 3.0
_CLIP = 4.0


def word_ngrams(word: str, min_n: int = 1, max_n: int = 4) -> list[str]:
    """Character n-grams of one word padded with spaces, as scikit-learn's `char_wb` analyser makes them."""
    w = " " + word + " "
    w_len = len(w)
    grams: list[str] = []
    for n in range(min_n, max_n + 1):
        offset = 0
        grams.append(w[offset : offset + n])
        while offset + n < w_len:
            offset += 1
            grams.append(w[offset : offset + n])
        if offset == 0:
            break
    return grams


@cache
def _gram_slices(padded_len: int, min_n: int, max_n: int) -> tuple[slice, ...]:
    """The slices `word_ngrams` takes of a padded word of this length, in the same order."""
    out: list[slice] = []
    for n in range(min_n, max_n + 1):
        if padded_len <= n:
            out.append(slice(0, n))
            break
        out.extend(slice(i, i + n) for i in range(padded_len - n + 1))
    return tuple(out)


class _WordScores(dict[str, float]):
    """Word -> clipped Roman-Urdu-vs-English score, computed on first sight."""

    def __init__(self, model: LangIdModel) -> None:
        super().__init__()
        self.model = model

    def __missing__(self, word: str) -> float:
        if len(self) > 500_000:
            self.clear()
        m = self.model
        padded = " " + word + " "
        grams = map(padded.__getitem__, _gram_slices(len(padded), m.min_n, m.max_n))
        # the n-grams of `word_ngrams`, summed in the same order (unknown grams add nothing)
        score = sum(filter(None, map(m.weights.get, grams)), 0.0)
        if word in ROMAN_URDU_FUNCTION_WORDS:
            score = max(score, _LEXICAL_SCORE)
        elif word in ENGLISH_FUNCTION_WORDS:
            score = min(score, -_LEXICAL_SCORE)
        score = max(-_CLIP, min(_CLIP, score))
        self[word] = score
        return score


@dataclass
class LangIdModel:
    """A linear model over in-word character n-grams: positive scores mean Roman Urdu."""

    weights: dict[str, float]
    bias: float
    min_n: int = 1
    max_n: int = 4
    word_threshold: float = 1.0
    """A word is confidently Roman Urdu above this score and English below its negative."""

    def __post_init__(self) -> None:
        self.scores = _WordScores(self)

    def text_score(self, words: list[str]) -> float:
        """Bias plus the clipped scores of the words (positive: Roman Urdu)."""
        scores = self.scores
        return self.bias + sum([scores[w] for w in words])


@cache
def default_model() -> LangIdModel:
    """The packaged model, or the lexical lists alone when the artefact is missing."""
    pkg = resources.files("hifazat.core.text")
    try:
        blob = pkg.joinpath("langid_model.npz").read_bytes()
        manifest = json.loads(pkg.joinpath("langid_manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        return LangIdModel({}, 0.0)
    with np.load(BytesIO(blob), allow_pickle=False) as data:
        grams = [str(g) for g in data["ngrams"]]
        weights = dict(zip(grams, (float(w) for w in data["weights"]), strict=True))
        bias = float(data["bias"])
    params = manifest["params"]
    return LangIdModel(
        weights,
        bias,
        min_n=int(params["ngram_range"][0]),
        max_n=int(params["ngram_range"][1]),
        word_threshold=float(params["word_threshold"]),
    )


_MIXED_SHARE = 0.3
_ARABIC_BLOCK = frozenset(map(chr, range(0x0600, 0x0900)))
"""U+0600-U+08FF: a word starting with one of these counts as Urdu."""


def _as_norm(text: str | NormalisedText) -> NormalisedText:
    return text if isinstance(text, NormalisedText) else normalise(text)


def identify(text: str | NormalisedText, model: LangIdModel | None = None) -> Language:
    """The language of a whole text (pass a `NormalisedText` to avoid normalising twice)."""
    norm = _as_norm(text)
    m = model or default_model()
    words = norm.words()
    if norm.text.isascii():
        latin, n_ur = words, 0
    else:
        latin = list(filter(str.isascii, words))
        n_ur = (
            sum(map(_ARABIC_BLOCK.__contains__, map(itemgetter(0), words))) if len(latin) < len(words) else 0
        )
    if not latin:
        return "ur" if n_ur else "unknown"
    scores = m.scores
    if n_ur:  # script decides first; the model runs only for a Latin majority
        n_latin = len(latin)
        total = n_ur + n_latin
        if min(n_ur, n_latin) >= 2 and min(n_ur, n_latin) / total >= _MIXED_SHARE:
            return "mixed"
        if n_ur > n_latin:
            return "ur"
    known = list(map(scores.get, latin))
    if None in known:  # words never scored yet: often the known ones decide alone
        decided = _decided_by_known(m, known, bool(n_ur))
        if decided is not None:
            return decided
        word_scores = list(map(scores.__getitem__, latin))
    else:
        word_scores = cast("list[float]", known)
    latin_lang: Language = "roman-ur" if m.bias + sum(word_scores) > 0 else "en"
    if n_ur or len(word_scores) < 6:  # too few words for two languages to hold 3+ each
        return latin_lang
    th = m.word_threshold
    n_ru = sum(map(th.__le__, word_scores))  # scores >= th
    n_en = sum(map((-th).__ge__, word_scores))  # scores <= -th
    minority = min(n_ru, n_en)
    if minority >= 3 and minority / (n_ru + n_en) >= _MIXED_SHARE + 0.1:
        return "mixed"
    return latin_lang


def _decided_by_known(m: LangIdModel, known: list[float | None], has_urdu: bool) -> Language | None:
    """What `identify` returns whatever the unscored words (`None`) score, or None when they could
    change it. Every word score lies in [-_CLIP, _CLIP], so the known scores bound the total, and
    the counts of confident words bound whether the text could be `mixed`."""
    values = [v for v in known if v is not None]
    unknown = len(known) - len(values)
    if unknown > 3:
        return None
    total = m.bias + sum(values)
    reach = _CLIP * unknown + 1e-6
    if -reach <= total <= reach:
        return None
    lang: Language = "roman-ur" if total > 0 else "en"
    if has_urdu or len(known) < 6:
        return lang
    th = m.word_threshold
    ru = sum([v >= th for v in values])
    en = sum([v <= -th for v in values])
    for more_ru in range(unknown + 1):
        for more_en in range(unknown + 1 - more_ru):
            n_ru, n_en = ru + more_ru, en + more_en
            minority = min(n_ru, n_en)
            if minority >= 3 and minority / (n_ru + n_en) >= _MIXED_SHARE + 0.1:
                return None
    return lang


def identify_tokens(
    text: str | NormalisedText, model: LangIdModel | None = None
) -> list[tuple[Span, Language]]:
    """Every word with its language; spans are in the original text.

    Latin words the model is unsure of (names, `video`, `ok`) take the text's Latin language.
    Digits-only tokens and words of other scripts are `unknown`.
    """
    norm = _as_norm(text)
    m = model or default_model()
    t = norm.text
    latin_words = LATIN_WORD.findall(t)
    latin_lang: Language = "roman-ur" if latin_words and m.text_score(latin_words) > 0 else "en"
    th = m.word_threshold
    out: list[tuple[Span, Language]] = []
    for match in WORD.finditer(t):
        tok = match.group(0)
        script = token_script(tok)
        lang: Language
        if script == "arabic":
            lang = "ur"
        elif script == "latin" and tok.isascii() and tok.isalpha():
            s = m.scores[tok]
            lang = "roman-ur" if s >= th else "en" if s <= -th else latin_lang
        elif script == "latin":
            lang = latin_lang
        else:
            lang = "unknown"
        out.append((norm.to_original(match.start(), match.end()), lang))
    return out
