"""Idempotency keys on writes: the first response to a keyed request is stored with the write itself and
replayed for every retry, so a client that lost a response can safely send the request again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from hifazat.core.errors import ConflictError, InvalidInputError
from hifazat.services.clock import utcnow
from hifazat.storage.unit import Database, Stores

MAX_KEY = 200

Work = Callable[[Stores], tuple[int, Any]]
"""A write: given the transaction's stores, returns (HTTP status, JSON body)."""


@dataclass(frozen=True, slots=True)
class Outcome:
    status: int
    body: Any
    replayed: bool


def fingerprint(method: str, path: str, body: bytes) -> str:
    """What identifies a request: a key reused for a different one is refused."""
    return hashlib.sha256(f"{method.upper()} {path}\n".encode() + body).hexdigest()


def check_key(key: str) -> str:
    if not 1 <= len(key) <= MAX_KEY or not key.isprintable():
        raise InvalidInputError(f"Idempotency-Key must be 1 to {MAX_KEY} printable characters")
    return key


def once_in(
    stores: Stores, *, actor_id: str, key: str, request: str, work: Work, now: datetime | None = None
) -> Outcome:
    """Inside an open transaction: replay the stored answer to (actor, key), or run `work` and store it.

    Two requests with one key racing each other meet at the key's unique constraint: the loser's
    transaction fails with `IntegrityError` and is retried by `run_once`, where it finds the winner's answer.
    """
    prior = stores.idempotency.find(actor_id, key)
    if prior is not None:
        if prior.fingerprint != request:
            raise ConflictError(
                "this Idempotency-Key was already used for a different request",
                hint="use a new key for each distinct write",
            )
        return Outcome(prior.status, prior.body, True)
    status, body = work(stores)
    stores.idempotency.put(
        actor_id=actor_id, key=key, fingerprint=request, status=status, body=body, now=now or utcnow()
    )
    return Outcome(status, body, False)


def run_once(
    *, db: Database, actor_id: str, key: str | None, request: str, work: Work, now: datetime | None = None
) -> Outcome:
    """Run `work` in a write transaction, at most once per (actor, key)."""
    if key is None:
        with db.write() as stores:
            status, body = work(stores)
        return Outcome(status, body, False)
    key = check_key(key)
    for attempt in range(3):
        try:
            with db.write() as stores:
                return once_in(stores, actor_id=actor_id, key=key, request=request, work=work, now=now)
        except IntegrityError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")  # pragma: no cover
