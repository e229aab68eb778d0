"""Inboxes: what an account was told, newest first."""

from __future__ import annotations

from hifazat.core.errors import InvalidInputError, PermissionDeniedError
from hifazat.storage.accounts import Account
from hifazat.storage.notifications import Notification, NotificationStore


def inbox(
    *, notifications: NotificationStore, viewer: Account, account_id: str, limit: int = 50
) -> list[Notification]:
    """An account's notifications; only the account itself may read them."""
    if viewer.id != account_id:
        raise PermissionDeniedError("you can only read your own notifications")
    if not 1 <= limit <= 200:
        raise InvalidInputError("limit must be between 1 and 200")
    return notifications.for_account(account_id, limit)
