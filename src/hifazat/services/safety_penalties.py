"""Active penalties for the safety features, read from the enforcement workflow's strike ledger."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from hifazat.core.enforcement.standing import Feature, Standing, standing
from hifazat.core.safety.penalties import ALL_FEATURES, VIEW_ONLY, ActivePenalties, Restriction
from hifazat.storage.strikes import StrikeStore

SAFETY_FEATURE: dict[Feature, str] = {
    "posting": "content",
    "commenting": "comments",
    "live": "live",
    "messaging": "messages",
}
"""Enforcement features → the feature names `hifazat.core.safety.penalties` understands."""


def penalties_from(account_standing: Standing) -> ActivePenalties:
    """The safety view of an account's standing: a ban stops everything, a suspension all but viewing."""
    restrictions = {Restriction(SAFETY_FEATURE[r.feature], r.until) for r in account_standing.restrictions}
    if account_standing.ban is not None:
        restrictions.add(Restriction(ALL_FEATURES))
    elif account_standing.suspended_until is not None:
        restrictions.add(Restriction(VIEW_ONLY, account_standing.suspended_until))
    return ActivePenalties(frozenset(restrictions))


class StrikeLedgerPenalties:
    """A `PenaltySource` over the strike ledger (the `strikes` table of the enforcement workflow)."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def active_penalties(self, account_id: str, *, now: datetime) -> ActivePenalties:
        with self._sessions() as session:
            strikes = StrikeStore(session).for_account(account_id)
        if not strikes:
            return ActivePenalties()
        return penalties_from(standing(strikes, now))
