"""Idempotency keys on writes: the first response to a keyed request is stored with the write itself and
replayed for every retry, so a client that lost a response can safely send the request again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.exc import IntegrityError

from hifazat.core.errors import ConflictError, InvalidInputError
from hifazat.services.clock import utcnow
from hifazat.storage.idempotency import StoredResponse
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
        replayed = _replay(prior, Keyed(actor_id, key, request))
        if isinstance(replayed, Exception):
            raise replayed
        return replayed
    status, body = work(stores)
    stores.idempotency.put(
        actor_id=actor_id, key=key, fingerprint=request, status=status, body=body, now=now or utcnow()
    )
    return Outcome(status, body, False)


@dataclass(frozen=True, slots=True)
class Keyed:
    """A request that carries an idempotency key: who sent it, the key, and what the request was."""

    actor_id: str
    key: str
    request: str
    """The request's `fingerprint`."""


ManyWork = Callable[[list[int]], list[tuple[int, Any] | Exception]]
"""Runs the requests at these positions together: per position (HTTP status, JSON body) or the error
that refused it (a refused request leaves nothing behind)."""


def once_many(
    stores: Stores, *, requests: Sequence[Keyed | None], work: ManyWork, now: datetime | None = None
) -> list[Outcome | Exception]:
    """`once_in` for many requests in one transaction: the stored answers of all keys are looked up with
    one query, the requests that must run are run by one call of `work`, and the answers of the keyed
    ones are stored with one statement. A request without a key (None) always runs. A key sent twice in
    the batch runs once: the later request gets the earlier one's outcome (replayed), or its error."""
    pairs = [(r.actor_id, r.key) for r in requests if r is not None]
    prior = stores.idempotency.find_many(pairs)
    results: list[Outcome | Exception | None] = [None] * len(requests)
    first: dict[tuple[str, str], int] = {}
    later: list[tuple[int, int]] = []
    runs: list[int] = []
    for index, request in enumerate(requests):
        if request is None:
            runs.append(index)
            continue
        pair = (request.actor_id, request.key)
        stored = prior.get(pair)
        if stored is not None:
            results[index] = _replay(stored, request)
        elif pair in first:
            later.append((index, first[pair]))
        else:
            first[pair] = index
            runs.append(index)
    answers = work(runs) if runs else []
    fresh: list[tuple[str, str, StoredResponse]] = []
    for index, answer in zip(runs, answers, strict=True):
        if isinstance(answer, Exception):
            results[index] = answer
            continue
        status, body = answer
        results[index] = Outcome(status, body, False)
        request = requests[index]
        if request is not None:
            fresh.append((request.actor_id, request.key, StoredResponse(request.request, status, body)))
    stores.idempotency.put_many(fresh, now or utcnow())
    for index, earlier in later:
        request, done = requests[index], results[earlier]
        assert request is not None and done is not None
        if isinstance(done, Exception):
            results[index] = done
        else:
            earlier_request = requests[earlier]
            assert earlier_request is not None
            results[index] = _replay(StoredResponse(earlier_request.request, done.status, done.body), request)
    return [result for result in results if result is not None]


def _replay(stored: StoredResponse, request: Keyed) -> Outcome | Exception:
    if stored.fingerprint != request.request:
        return ConflictError(
            "this Idempotency-Key was already used for a different request",
            hint="use a new key for each distinct write",
        )
    return Outcome(stored.status, stored.body, True)


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
