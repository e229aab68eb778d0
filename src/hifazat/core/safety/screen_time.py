"""Screen time: today's status against the daily limit, the passcode extension, and a daily summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

EXTENSION_MINUTES = 30
"""How long a passcode lets someone keep watching past the limit, each time."""


@dataclass(frozen=True, slots=True)
class ScreenTimeStatus:
    """One account's screen time on one day."""

    day: date
    used_minutes: int
    limit_minutes: int | None
    extended_minutes: int
    """Minutes added today with the passcode."""

    @property
    def allowance(self) -> int | None:
        """Minutes allowed today (limit plus extensions), None without a limit."""
        return None if self.limit_minutes is None else self.limit_minutes + self.extended_minutes

    @property
    def remaining_minutes(self) -> int | None:
        allowance = self.allowance
        return None if allowance is None else max(allowance - self.used_minutes, 0)

    @property
    def needs_passcode(self) -> bool:
        """True once today's allowance is used up: continuing is an active decision."""
        return self.remaining_minutes == 0

    def summary(self) -> tuple[str, str]:
        """The daily summary in English and Urdu."""
        if self.limit_minutes is None:
            return (
                f"You spent {self.used_minutes} minutes in the app today.",
                f"آج آپ نے ایپ پر {self.used_minutes} منٹ گزارے۔",
            )
        en = f"You spent {self.used_minutes} of your {self.allowance} minutes in the app today."
        ur = f"آج آپ نے ایپ پر اپنے {self.allowance} منٹ میں سے {self.used_minutes} منٹ گزارے۔"
        if self.needs_passcode:
            en += " Your daily limit is reached: enter the passcode to keep watching."
            ur += " آپ کی روزانہ حد پوری ہو گئی ہے: دیکھتے رہنے کے لیے پاس کوڈ درج کریں۔"
        return en, ur

    def to_dict(self) -> dict[str, object]:
        en, ur = self.summary()
        return {
            "day": self.day.isoformat(),
            "used_minutes": self.used_minutes,
            "limit_minutes": self.limit_minutes,
            "extended_minutes": self.extended_minutes,
            "remaining_minutes": self.remaining_minutes,
            "needs_passcode": self.needs_passcode,
            "summary_en": en,
            "summary_ur": ur,
        }
