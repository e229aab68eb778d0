"""The one-query read behind every interaction check: both accounts, their relationship, settings and
parental controls (and whether the actor has strikes)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, text


@dataclass(frozen=True, slots=True)
class AccountFacts:
    """What the safety features need about an account."""

    id: str
    handle: str
    birth_date: date | None
    language: str


@dataclass(frozen=True, slots=True)
class InteractionFacts:
    """Everything one interaction check reads, fetched in one round trip."""

    actor: AccountFacts
    target: AccountFacts
    follows: bool
    followed_by: bool
    blocked: bool
    restricted: bool
    target_settings: dict[str, Any] | None
    target_controls: dict[str, Any] | None
    actor_settings: dict[str, Any] | None
    actor_controls: dict[str, Any] | None
    actor_has_strikes: bool | None = None
    """Whether the actor has any strike on record (None: not asked)."""


_FACTS_SQL = """
SELECT a.id, a.handle, a.birth_date, a.language, t.id, t.handle, t.birth_date, t.language,
  EXISTS (SELECT 1 FROM follows WHERE follower_id = :actor AND followee_id = :target AND approved),
  EXISTS (SELECT 1 FROM follows WHERE follower_id = :target AND followee_id = :actor AND approved),
  EXISTS (SELECT 1 FROM blocks WHERE (owner_id = :actor AND other_id = :target)
                                  OR (owner_id = :target AND other_id = :actor)),
  EXISTS (SELECT 1 FROM restricts WHERE owner_id = :target AND other_id = :actor),
  (SELECT "values" FROM safety_settings WHERE account_id = :target),
  (SELECT controls FROM pairings WHERE teen_id = :target),
  (SELECT "values" FROM safety_settings WHERE account_id = :actor),
  (SELECT controls FROM pairings WHERE teen_id = :actor),
  {strikes}
FROM accounts a JOIN accounts t ON t.id = :target
WHERE a.id = :actor
"""
_FACTS = {
    False: text(_FACTS_SQL.format(strikes="NULL")),
    True: text(_FACTS_SQL.format(strikes="EXISTS (SELECT 1 FROM strikes WHERE account_id = :actor)")),
}
"""One round trip for a whole interaction check, parsed once (the hot path of the check endpoint)."""


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _date(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def read_interaction_facts(
    connection: Connection, actor_id: str, target_id: str, *, strikes: bool = False
) -> InteractionFacts | None:
    """Both accounts, their relationship, settings and parental controls (and, with `strikes`, whether the
    actor has any strike on record) in one query; None when either account is missing."""
    row = connection.execute(_FACTS[strikes], {"actor": actor_id, "target": target_id}).first()
    if row is None:
        return None
    return InteractionFacts(
        actor=AccountFacts(row[0], row[1], _date(row[2]), row[3]),
        target=AccountFacts(row[4], row[5], _date(row[6]), row[7]),
        follows=bool(row[8]),
        followed_by=bool(row[9]),
        blocked=bool(row[10]),
        restricted=bool(row[11]),
        target_settings=_json(row[12]),
        target_controls=_json(row[13]),
        actor_settings=_json(row[14]),
        actor_controls=_json(row[15]),
        actor_has_strikes=None if row[16] is None else bool(row[16]),
    )
