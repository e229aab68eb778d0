"""Age bands from a birth date: the one fact every age-aware default and limit is keyed on."""

from __future__ import annotations

from datetime import date
from enum import StrEnum


class AgeBand(StrEnum):
    """Where an account falls for safety purposes, from youngest to oldest."""

    UNDER_13 = "under_13"
    """Below the platform's minimum age: strictest limits; the service refuses such birth dates."""
    TEEN_13_15 = "13_15"
    """Younger teens: private, no direct messages, no Duet or Stitch, not suggested, no downloads."""
    TEEN_16_17 = "16_17"
    """Older teens: messages default to "no one", no LIVE hosting, no gifts."""
    ADULT = "adult"
    """18 and over: the standard defaults."""
    UNKNOWN = "unknown"
    """No birth date on record: treated like an older teen (age-gated features stay closed)."""

    @property
    def is_minor(self) -> bool:
        """True for every band that is not known to be an adult (unknown counts as a minor)."""
        return self is not AgeBand.ADULT

    @property
    def under_16(self) -> bool:
        """True for the two youngest bands."""
        return self in (AgeBand.UNDER_13, AgeBand.TEEN_13_15)


MINIMUM_AGE = 13
"""The youngest age at which a person may hold an account."""


def age_on(birth_date: date, today: date) -> int:
    """Whole years between `birth_date` and `today` (a 29 February birthday counts on 1 March)."""
    years = today.year - birth_date.year
    if (today.month, today.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def band_for(birth_date: date | None, today: date) -> AgeBand:
    """The age band of someone born on `birth_date`, as of `today`."""
    if birth_date is None:
        return AgeBand.UNKNOWN
    age = age_on(birth_date, today)
    if age < MINIMUM_AGE:
        return AgeBand.UNDER_13
    if age < 16:
        return AgeBand.TEEN_13_15
    if age < 18:
        return AgeBand.TEEN_16_17
    return AgeBand.ADULT
