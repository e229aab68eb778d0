"""Writes with an optional `Idempotency-Key` header: the first response is stored with the write and
replayed (with `Idempotency-Replayed: true`) when the same key comes again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Header, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel

from hifazat.services.idempotency import fingerprint, run_once
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database, Stores

IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        description="A unique string (e.g. a UUID) per write; a retry with the same key never repeats it.",
    ),
]


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
    payload = b"" if body is None else body.model_dump_json().encode()
    request_id = fingerprint(request.method, request.url.path + "?" + request.url.query, payload)

    def run(stores: Stores) -> tuple[int, Any]:
        result = work(stores)
        return (204, None) if result is None else (status, jsonable_encoder(result))

    outcome = run_once(db=db, actor_id=actor.id, key=key, request=request_id, work=run)
    headers = {"Idempotency-Replayed": "true"} if outcome.replayed else {}
    if outcome.body is None:
        return Response(status_code=outcome.status, headers=headers)
    return JSONResponse(outcome.body, status_code=outcome.status, headers=headers)
