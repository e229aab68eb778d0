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


def test_keyed_posts_retried_at_once_and_later_are_stored_once(api: Api) -> None:
    posts = [
        ({"id": "kq", "kind": "comment", "text": "lovely recipe", "author_id": "user"}, "key-q"),
        ({"id": "ks", "kind": "caption", "text": "free-bisp-money now", "author_id": "user2"}, "key-s"),
        ({"kind": "comment", "text": "no id, made up once", "author_id": "user"}, "key-n"),
    ]
    first = run_async(_post_all(api, posts * 3))  # each sent three times at once
    again = run_async(_post_all(api, posts))  # and retried later
    for index in range(3):
        answers = [first[index], first[index + 3], first[index + 6], again[index]]
        assert [r.status_code for r in answers] == [201] * 4
        assert all(r.json() == answers[0].json() for r in answers)  # the same answer every time
        assert sum(r.headers.get("Idempotency-Replayed") != "true" for r in answers) == 1
    scam = first[1].json()
    assert scam["decision"]["outcome"] == "remove" and scam["decision"]["strike"] is True
    reused = run_async(_post_all(api, [({**posts[0][0], "text": "other words"}, "key-q")]))[0]
    assert reused.status_code == 409 and "different request" in reused.json()["error"]["message"]
    with api.db.read() as stores:
        assert [s.decision_id for s in stores.strikes.for_account("user2")] == [scam["decision"]["id"]]
        assert stores.content.get("ks").status == "removed"
        assert len(stores.content.by_author("user")) == 2  # kq and the one with a made-up id
        assert verify_chain(audit=stores.audit).ok
