"""Writes with an optional `Idempotency-Key` header: the first response is stored with the write and
replayed (with `Idempotency-Replayed: true`) when the same key comes again."""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from starlette.concurrency import run_in_threadpool

from hifazat.api.json_bodies import PlainJSONResponse, plain
from hifazat.services.idempotency import Outcome, check_key, fingerprint, once_in, run_once
from hifazat.services.write_batches import WriteBatcher
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database, Stores

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="A unique string (e.g. a UUID) per write; a retry with the same key never repeats it.",
    ),
]


def request_fingerprint(request: Request, body: BaseModel | None) -> str:
    payload = b"" if body is None else body.model_dump_json().encode()
    return fingerprint(request.method, request.url.path + "?" + request.url.query, payload)


def keyed_write(
    *,
    request: Request,
    db: Database,
    actor: Account,
    key: str | None,
    body: BaseModel | None,
    work: Callable[[Stores], Any],
    status: int = 200,
) -> Response:
    """Run `work` once per (actor, key) and answer with its JSON body (204 when it returns None)."""
    request_id = request_fingerprint(request, body)

    def run(stores: Stores) -> tuple[int, Any]:
        result = work(stores)
        return (204, None) if result is None else (status, jsonable_encoder(result))

    outcome = run_once(db=db, actor_id=actor.id, key=key, request=request_id, work=run)
    return _respond(outcome)


def _respond(outcome: Outcome, *, response: type[JSONResponse] = JSONResponse) -> Response:
    headers = {"Idempotency-Replayed": "true"} if outcome.replayed else {}
    if outcome.body is None:
        return Response(status_code=outcome.status, headers=headers)
    return response(outcome.body, status_code=outcome.status, headers=headers)


def write_batcher(request: Request, db: Database) -> WriteBatcher:
    """The app's group-commit writer (one per worker process, made on first use there: a writer thread
    made before `serve --workers` forks would not exist in the children)."""
    state = request.app.state
    found: WriteBatcher | None = getattr(state, "write_batcher", None)
    if found is None or found.db is not db or found.pid != os.getpid():
        found = WriteBatcher(db)
        state.write_batcher = found
    return found


async def batched_write(
    *,
    request: Request,
    db: Database,
    actor: Account,
    key: str | None,
    body: BaseModel | None,
    work: Callable[[Stores], Any],
    status: int = 200,
) -> Response:
    """`keyed_write` for hot paths: the write shares a transaction with other requests' writes.

    Called from an `async` route, so the request never waits in the thread pool; a keyed request that
    races another one with the same key is retried alone, where it replays the winner's answer.
    `work` returns JSON values, datetimes, dates, dataclasses or sets (see `json_bodies`)."""
    batcher = write_batcher(request, db)
    if key is None:
        result = await batcher.run(work)
        outcome = Outcome(204, None, False) if result is None else Outcome(status, result, False)
        return _respond(outcome, response=PlainJSONResponse)

    def run(stores: Stores) -> tuple[int, Any]:
        result = work(stores)
        return (204, None) if result is None else (status, plain(result))

    checked = check_key(key)
    request_id = request_fingerprint(request, body)
    try:
        outcome = await batcher.run(
            lambda stores: once_in(stores, actor_id=actor.id, key=checked, request=request_id, work=run)
        )
    except IntegrityError:
        outcome = await run_in_threadpool(
            run_once, db=db, actor_id=actor.id, key=checked, request=request_id, work=run
        )
    return _respond(outcome)
