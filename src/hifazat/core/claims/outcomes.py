"""What a claim match means for a post: effects as data, for the enforcement workflow to carry out.

- a match to a **false** claim that is **harmful** (health, civic process, emergencies, incitement)
  → `remove` (a strike per the guideline catalogue, decided and appealable in the workflow);
- any other false, misleading, missing-context or unproven match → a label (`false`, `misleading`
  or `unverified`), not eligible for recommendation, and a share prompt before resharing;
- a match to a claim rated **true** → nothing.

Every outcome carries the fact-check link and the reasons in English and Urdu.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from hifazat.core.claims.model import RATING_TITLES, ClaimMatch, FactCheck

Harm = Literal["health", "civic", "emergency", "incitement"]
Action = Literal["none", "label", "remove"]
Label = Literal["false", "misleading", "unverified"]

_HARM_WORDS: dict[Harm, tuple[str, ...]] = {
    "health": ("vaccin", "polio", "dengue", "covid", "corona", "cure", "cancer", "diabet", "medicine",
               "hiv", "aids", "ویکسین", "پولیو", "ڈینگی", "کورونا", "علاج", "کینسر", "شوگر", "دوا",
               "قطرے", "ilaj", "dawai", "qatre"),
    "civic": ("vote", "voting", "polling", "election", "ballot", "form 45", "ووٹ", "پولنگ", "الیکشن",
              "انتخاب", "بیلٹ", "فارم 45", "intikhab"),
    "emergency": ("flood", "dam ", "tsunami", "earthquake", "rescue", "سیلاب", "ڈیم", "سونامی", "زلزلہ",
                  "ریسکیو", "selab", "sailab", "zalzala"),
    "incitement": ("blasphem", "quran", "desecrat", "church", "mosque", "temple", "ahmadi", "گستاخ",
                   "توہین", "قرآن", "مسجد", "گرجا", "مندر", "احمدی", "gustakh", "tauheen", "masjid"),
}  # fmt: skip
"""Words (stems) that put a claim in a harm category; matched case-insensitively anywhere in the claim."""

_LABEL_TEXT: dict[Label, dict[str, str]] = {
    "false": {"en": "False information — see the fact-check", "ur": "غلط معلومات — حقائق کی جانچ دیکھیں"},
    "misleading": {
        "en": "Misleading or missing context — see the fact-check",
        "ur": "گمراہ کن یا ادھوری بات — حقائق کی جانچ دیکھیں",
    },
    "unverified": {
        "en": "Caution: this content has not been verified",
        "ur": "احتیاط: اس مواد کی تصدیق نہیں ہو سکی",
    },
}
SHARE_PROMPT: dict[str, str] = {
    "en": "This video has a fact-check. Are you sure you want to share it?",
    "ur": "اس ویڈیو کی حقائق کی جانچ ہو چکی ہے۔ کیا آپ واقعی اسے شیئر کرنا چاہتے ہیں؟",
}
"""Shown by the app before a labelled post is reshared."""


@dataclass(frozen=True, slots=True)
class ClaimOutcome:
    """The effects a match calls for; the enforcement workflow records, reviews and applies them."""

    action: Action
    policy: str
    """`integrity.civic` for civic-process claims, otherwise `integrity.misinformation`."""
    label: Label | None
    share_prompt: bool
    recommendable: bool
    harm: Harm | None
    factcheck_url: str
    score: float
    reasons: dict[str, str]
    """Why, in English (`en`) and Urdu (`ur`), with the fact-checker's name."""

    @property
    def decision_outcome(self) -> str:
        """The enforcement workflow's outcome for this effect: `no_violation`, `label` or `remove`."""
        return "no_violation" if self.action == "none" else self.action


def harm_of(factcheck: FactCheck) -> Harm | None:
    """The harm category of a claim, from its wording; None when it is in none of them."""
    text = f" {factcheck.claim.casefold()} "
    order: tuple[Harm, ...] = ("incitement", "civic", "health", "emergency")
    for harm in order:
        if any(word in text for word in _HARM_WORDS[harm]):
            return harm
    return None


def outcome_for(match: ClaimMatch) -> ClaimOutcome:
    """The outcome of one (confident) match."""
    fc = match.factcheck
    harm = harm_of(fc)
    policy = "integrity.civic" if harm == "civic" else "integrity.misinformation"
    rating_en, rating_ur = RATING_TITLES[fc.rating]["en"], RATING_TITLES[fc.rating]["ur"]
    if fc.rating == "true":
        return ClaimOutcome("none", policy, None, False, True, harm, fc.url, match.score, {
            "en": f"Repeats a claim {fc.organisation} rated {rating_en}.",
            "ur": f"یہ وہ دعویٰ دہراتی ہے جسے {fc.organisation} نے {rating_ur} قرار دیا۔",
        })  # fmt: skip
    if fc.rating == "false" and harm is not None:
        return ClaimOutcome("remove", policy, "false", False, False, harm, fc.url, match.score, {
            "en": f"Repeats a harmful claim that {fc.organisation} found false: {fc.url}",
            "ur": f"یہ ایک نقصان دہ دعویٰ دہراتی ہے جسے {fc.organisation} نے غلط ثابت کیا ہے: {fc.url}",
        })  # fmt: skip
    label: Label = {"false": "false", "misleading": "misleading", "missing_context": "misleading"}.get(
        fc.rating, "unverified"
    )  # type: ignore[assignment]
    return ClaimOutcome("label", policy, label, True, False, harm, fc.url, match.score, {
        "en": f"{_LABEL_TEXT[label]['en']} ({fc.organisation}, rated {rating_en}): {fc.url}",
        "ur": f"{_LABEL_TEXT[label]['ur']} ({fc.organisation}، درجہ: {rating_ur}): {fc.url}",
    })  # fmt: skip


def label_text(label: Label, language: str) -> str:
    """The label shown on the post, in `en` or `ur`."""
    return _LABEL_TEXT[label][language]
