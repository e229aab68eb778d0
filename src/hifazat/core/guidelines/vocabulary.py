"""The closed vocabularies a guideline file may use: languages, tiers, bands, actions, outcomes.

Each tuple is ordered from least to most severe where an order exists, so that tables and docs list
values the same way everywhere.
"""

from __future__ import annotations

from typing import Literal

Lang = Literal["en", "ur"]
"""A language the guidelines are written in: English or Urdu (Arabic script)."""

Band = Literal["high", "medium", "low"]
"""A confidence band: where a detector's score falls against the policy's thresholds."""

Action = Literal["allow", "label", "restrict", "review", "remove"]
"""What the engine does automatically with an item in a band."""

LANGS: tuple[Lang, ...] = ("en", "ur")
BANDS: tuple[Band, ...] = ("high", "medium", "low")
ACTIONS: tuple[Action, ...] = ("allow", "label", "restrict", "review", "remove")

TIER_LABELS: dict[int, dict[Lang, str]] = {
    1: {
        "en": "zero tolerance: one violation bans the account",
        "ur": "کوئی رعایت نہیں: ایک خلاف ورزی پر اکاؤنٹ بند",
    },
    2: {
        "en": "severe: removed, and strikes add up quickly",
        "ur": "سنگین: مواد ہٹایا جاتا ہے اور اسٹرائیکس تیزی سے بڑھتی ہیں",
    },
    3: {
        "en": "moderate: removed or limited, and counts as a strike",
        "ur": "درمیانہ: مواد ہٹایا یا محدود کیا جاتا ہے اور اسٹرائیک لگتی ہے",
    },
    4: {
        "en": "label only: filtered or labelled, never removed automatically, no strikes",
        "ur": "صرف لیبل: فلٹر یا لیبل کیا جاتا ہے، خودکار طور پر کبھی نہیں ہٹایا جاتا، کوئی اسٹرائیک نہیں",
    },
}
"""Severity tiers, 1 (most severe) to 4, described in both languages."""

TIERS: dict[int, str] = {tier: labels["en"] for tier, labels in TIER_LABELS.items()}
"""Severity tiers with their English description."""

OUTCOMES: tuple[str, ...] = ("remove", "restrict_adults", "not_recommended", "label")
"""What may happen to content under a policy once decided: TikTok's three levels plus a label."""

FEATURE_TRACKS: tuple[str, ...] = ("content", "comments", "live", "messages")
"""Product features whose strikes are counted separately (videos and captions, comments, LIVE, DMs)."""

EXCEPTIONS: tuple[str, ...] = ("news", "education", "documentary", "satire", "counter_speech", "art")
"""Public-interest exceptions a reviewer may apply."""

ACTION_NEEDS_OUTCOME: dict[str, tuple[str, ...]] = {
    "remove": ("remove",),
    "restrict": ("restrict_adults", "not_recommended"),
    "label": ("label",),
}
"""An automatic action is only allowed when the policy lists one of these outcomes."""
