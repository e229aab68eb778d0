"""Account standing: the strikes, their expiry and the restrictions an account is under right now."""

from __future__ import annotations

from datetime import datetime

from hifazat.core.enforcement.standing import Standing, standing
from hifazat.core.errors import PermissionDeniedError
from hifazat.services.clock import utcnow
from hifazat.storage.accounts import Account, AccountStore
from hifazat.storage.strikes import StrikeStore


def account_standing(
    *,
    accounts: AccountStore,
    strikes: StrikeStore,
    viewer: Account,
    account_id: str,
    staff: bool,
    now: datetime | None = None,
) -> tuple[Account, Standing]:
    """An account's standing, for the account itself or for staff."""
    if not staff and viewer.id != account_id:
        raise PermissionDeniedError("you can only see your own account status")
    account = accounts.get(account_id)
    return account, standing(strikes.for_account(account_id), now or utcnow())
