"""In-app safety features, pure: age bands and age-aware defaults, privacy settings with age limits and
Family Pairing controls, interaction decisions, comment controls and keyword filters, screen time.

`decide_interaction(actor, target, kind, relationship, settings, penalties, parental)` is the heart;
services read the facts from storage and call it.
"""

from hifazat.core.safety.age import AgeBand, age_on, band_for
from hifazat.core.safety.decision import (
    ContentRating,
    Decision,
    Kind,
    Party,
    Relationship,
    decide_interaction,
)
from hifazat.core.safety.penalties import ActivePenalties, PenaltySource, Restriction
from hifazat.core.safety.settings import (
    DEFAULTS,
    Audience,
    ParentalControls,
    SafetySettings,
    effective,
)

__all__ = [
    "DEFAULTS",
    "ActivePenalties",
    "AgeBand",
    "Audience",
    "ContentRating",
    "Decision",
    "Kind",
    "ParentalControls",
    "Party",
    "PenaltySource",
    "Relationship",
    "Restriction",
    "SafetySettings",
    "age_on",
    "band_for",
    "decide_interaction",
    "effective",
]
