"""Normalising the many ways fact-checkers word a verdict to the five ratings Hifazat acts on."""

from __future__ import annotations

import unicodedata

from hifazat.core.claims.model import RATINGS, Rating

_WORDS: dict[str, Rating] = {
    # false
    "false": "false", "fake": "false", "pants on fire": "false", "pants on fire!": "false",
    "mostly false": "false", "incorrect": "false", "wrong": "false", "fabricated": "false",
    "hoax": "false", "scam": "false", "satire presented as fact": "false", "doctored": "false",
    "manipulated": "false", "altered": "false", "deepfake": "false", "ai-generated": "false",
    "غلط": "false", "جھوٹ": "false", "جھوٹی": "false", "جعلی": "false", "فیک": "false", "من گھڑت": "false",
    "jhoot": "false", "jhooti": "false", "ghalat": "false", "galat": "false", "jaali": "false",
    # misleading
    "misleading": "misleading", "half true": "misleading", "half-true": "misleading",
    "partly false": "misleading", "partially false": "misleading", "mixture": "misleading",
    "exaggerated": "misleading", "distorted": "misleading", "misattributed": "misleading",
    "miscaptioned": "misleading", "out of context": "misleading", "old video": "misleading",
    "گمراہ کن": "misleading", "جزوی طور پر غلط": "misleading", "mubalgha": "misleading",
    # missing context
    "missing context": "missing_context", "needs context": "missing_context",
    "lacks context": "missing_context", "missing_context": "missing_context", "context": "missing_context",
    "سیاق و سباق کے بغیر": "missing_context", "سیاق و سباق درکار": "missing_context",
    # unproven
    "unproven": "unproven", "unverified": "unproven", "unsupported": "unproven", "no evidence": "unproven",
    "unsubstantiated": "unproven", "not proven": "unproven", "research in progress": "unproven",
    "غیر مصدقہ": "unproven", "غیر ثابت شدہ": "unproven", "ghair musadaqa": "unproven",
    # true
    "true": "true", "mostly true": "true", "correct": "true", "accurate": "true", "verified": "true",
    "درست": "true", "سچ": "true", "صحیح": "true", "sach": "true", "durust": "true",
}  # fmt: skip


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold().replace("ي", "ی").replace("ك", "ک")
    text = text.replace("_", " ").replace("’", "'")
    return " ".join(text.strip(" .!:;\"'").split())


def normalise_rating(
    text: str | None,
    value: float | None = None,
    *,
    best: float | None = None,
    worst: float | None = None,
) -> Rating | None:
    """The normalised rating for a published verdict, or None when it cannot be read.

    The wording (`alternateName`) wins; a numeric `ratingValue` on a `worstRating`..`bestRating`
    scale is used only when the wording is missing or unknown (1 of 5 = false, 5 of 5 = true).
    """
    if text:
        folded = _fold(text)
        if folded in _WORDS:
            return _WORDS[folded]
        if folded.replace(" ", "_") in RATINGS:
            return folded.replace(" ", "_")  # type: ignore[return-value]
        negated = any(word in folded.split() for word in ("not", "no", "nahi", "نہیں"))
        for phrase, rating in sorted(_WORDS.items(), key=lambda kv: -len(kv[0])):
            if len(phrase) > 3 and phrase in folded and not negated:
                return rating
    if value is None:
        return None
    low = 1.0 if worst is None else worst
    high = 5.0 if best is None else best
    if high <= low or not low <= value <= high:
        return None
    share = (value - low) / (high - low)
    if share < 0.25:
        return "false"
    if share < 0.5:
        return "misleading"
    if share < 0.75:
        return "unproven"
    return "true"
