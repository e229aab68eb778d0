"""Age bands from a birth date: the defaults and protections that apply depend on them."""

from __future__ import annotations

from datetime import date
from typing import Literal

AgeBand = Literal["unknown", "under_13", "13_15", "16_17", "adult"]
AGE_BANDS: tuple[AgeBand, ...] = ("unknown", "under_13", "13_15", "16_17", "adult")


def age_on(birth: date, today: date) -> int:
    """Whole years between `birth` and `today`."""
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def age_band(birth: date | None, today: date) -> AgeBand:
    """The band of someone born on `birth` (unknown without a date)."""
    if birth is None:
        return "unknown"
    years = age_on(birth, today)
    if years < 13:
        return "under_13"
    if years < 16:
        return "13_15"
    if years < 18:
        return "16_17"
    return "adult"
