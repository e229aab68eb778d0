"""`POST /v1/content` under concurrency: requests share transactions (group commit), each still answered
on its own — created, refused or replayed — and nothing is lost or stored twice."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from sqlalchemy import Engine

from apikit import Api, build_api
from async_kit import run_async
from hifazat.services.audit import verify_chain


@pytest.fixture
def api(backend: str, engine: Engine) -> Api:
    if backend == "sqlite-memory":
        pytest.skip("in-memory SQLite is one connection shared by every thread; concurrency needs a file")
    return build_api(engine)


async def _post_all(api: Api, bodies: list[tuple[dict[str, Any], str | None]]) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=api.app)
    async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
        return await asyncio.gather(
            *(
                client.post("/v1/content", json=body, headers=api.headers("service", key))
                for body, key in bodies
            )
        )


def test_concurrent_posts_are_each_answered_and_stored_once(api: Api) -> None:
    bodies: list[tuple[dict[str, Any], str | None]] = [
        ({"id": f"b-{i}", "kind": "comment", "text": f"nice video number {i}", "author_id": "user"}, None)
        for i in range(30)
    ]
    bodies.append(({"id": "b-0", "kind": "comment", "text": "same id again", "author_id": "user"}, None))
    bodies.append(
        ({"id": "scam", "kind": "caption", "text": "free-bisp-money now", "author_id": "user2"}, None)
    )
    bodies += [({"id": "k-1", "kind": "comment", "text": "keyed", "author_id": "user"}, "key-1")] * 3
    responses = run_async(_post_all(api, bodies))
    statuses = [r.status_code for r in responses]
    assert statuses[:30] == [201] * 30
    assert statuses[30] == 409 and "already exists" in responses[30].json()["error"]["message"]
    assert statuses[31] == 201 and responses[31].json()["decision"]["outcome"] == "remove"
    assert statuses[32:] == [201, 201, 201]  # one write, two replays of it
    assert sum(r.headers.get("Idempotency-Replayed") == "true" for r in responses[32:]) == 2
    assert api.app.state.write_batcher.batches < len(bodies)
    with api.db.read() as stores:
        assert stores.content.get("b-0").text == "nice video number 0"
        assert stores.content.get("scam").status == "removed"
        assert stores.content.get("k-1").text == "keyed"
        assert verify_chain(audit=stores.audit).ok
