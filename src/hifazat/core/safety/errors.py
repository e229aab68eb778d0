"""Refusals of the safety features: each carries a stable reason and its message in English and Urdu."""

from __future__ import annotations

from hifazat.core.errors import (
    ConflictError,
    HifazatError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)


class SafetyRefusal(HifazatError):
    """A refusal a person will read: `reason` is stable for apps, `message`/`message_ur` are for people."""

    status: int | None = None
    """HTTP status when it differs from the one of the base error class."""

    def __init__(self, message: str, *, message_ur: str, reason: str, hint: str | None = None) -> None:
        super().__init__(message, hint=hint, message_ur=message_ur)
        self.message_ur: str = message_ur
        self.reason = reason


class SafetyInvalidError(SafetyRefusal, InvalidInputError):
    """The request cannot be applied as asked (e.g. pairing a parent with an adult)."""


class SafetyForbiddenError(SafetyRefusal, PermissionDeniedError):
    """The change would loosen a setting beyond what age or a parent allows."""


class SafetyNotFoundError(SafetyRefusal, NotFoundError):
    """An account, comment or pairing that does not exist."""


class SafetyConflictError(SafetyRefusal, ConflictError):
    """The request clashes with the current state (already paired, code already used)."""


class SafetyExpiredError(SafetyRefusal, ConflictError):
    """A one-time code whose time is up."""

    status = 410


def unknown_account(account_id: str) -> SafetyNotFoundError:
    """The refusal for an account id that is not on record."""
    return SafetyNotFoundError(
        f"no account with id {account_id!r}",
        message_ur=f"«{account_id}» نام کا کوئی اکاؤنٹ موجود نہیں۔",
        reason="unknown_account",
        hint="check the id; accounts are created by the platform before safety settings apply",
    )
