"""Fact-checks, normalised ratings and claim matches: the plain data the claim matcher works with."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date
from typing import Literal

Rating = Literal["false", "misleading", "missing_context", "unproven", "true"]
"""A fact-checker's verdict on a claim, reduced to the five ratings the guidelines act on."""

RATINGS: tuple[Rating, ...] = ("false", "misleading", "missing_context", "unproven", "true")

ClaimLanguage = Literal["en", "ur", "roman-ur"]
"""Languages a claim (or a post being matched) is written in."""

CLAIM_LANGUAGES: tuple[ClaimLanguage, ...] = ("en", "ur", "roman-ur")

RATING_TITLES: dict[Rating, dict[str, str]] = {
    "false": {"en": "False", "ur": "غلط"},
    "misleading": {"en": "Misleading", "ur": "گمراہ کن"},
    "missing_context": {"en": "Missing context", "ur": "سیاق و سباق کے بغیر"},
    "unproven": {"en": "Unproven", "ur": "غیر مصدقہ"},
    "true": {"en": "True", "ur": "درست"},
}
"""How each rating is shown to people, in English and Urdu."""


@dataclass(frozen=True, slots=True)
class FactCheck:
    """One published fact-check of one claim."""

    claim: str
    """The claim as the fact-checker worded it (`claimReviewed`)."""
    language: ClaimLanguage
    rating: Rating
    organisation: str
    """Who published the fact-check (ClaimReview `author.name`)."""
    url: str
    """Where the fact-check is published; with the claim text it identifies the fact-check."""
    published: date | None = None
    rating_text: str = ""
    """The rating exactly as published (`alternateName`), before normalisation."""

    @property
    def key(self) -> str:
        """A stable identity: imports of the same fact-check (same URL and claim) share it."""
        digest = hashlib.sha256(f"{self.url.strip()}\n{' '.join(self.claim.split())}".encode())
        return digest.hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class ClaimMatch:
    """A known claim that a post repeats, with the matcher's calibrated confidence."""

    factcheck: FactCheck
    score: float
    """Calibrated probability, in [0, 1], that the post makes the fact-checked claim."""
    similarity: float
    """Raw cosine similarity of the sentence embeddings (for people debugging the matcher)."""
    lexical: float
    """Share of the claim's content words (as transliteration-proof skeletons) found in the post."""
