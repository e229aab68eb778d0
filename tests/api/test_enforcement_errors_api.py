"""Bad input through the API: a precise 4xx in the one error envelope, and nothing stored."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import Engine

from apikit import Api, build_api


@pytest.fixture(scope="module")
def shared(module_engine: Engine) -> Api:
    """One API for the module (each test uses its own content ids)."""
    return build_api(module_engine)


URDU = re.compile("[\u0600-\u06ff]")


def claim_for(api: Api, who: str, content_id: str) -> dict[str, object]:
    """Claim until the task for `content_id` comes up, releasing the others."""
    others = []
    while True:
        claimed = api.post("/v1/queue/claim", who, {})
        assert claimed.status_code == 200, claimed.text
        task: dict[str, object] = claimed.json()["task"]
        if task["content_id"] == content_id:
            break
        others.append(task["id"])
    for other in others:
        api.post(f"/v1/queue/{other}/release", who)
    return task


def _count(api: Api, table: str) -> int:
    with api.db.engine.connect() as connection:
        return int(connection.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar_one())


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"content_id": "e-1", "policy": "safety.harrasment"}, 422, "unknown policy"),  # misspelt policy id
        ({"content_id": "e-1", "policy": "hate"}, 422, "unknown policy"),  # not an id at all
        ({"content_id": "nope", "policy": "safety.hate"}, 404, "no content"),  # no such item
        ({"content_id": "e-1", "policy": "safety.hate", "extra": 1}, 422, "not valid"),  # unknown field
        (
            {"content_id": "e-1", "policy": "safety.hate", "note": "x" * 2001},
            422,
            "limit is 2000",
        ),  # long note
        (
            {"content_id": "e-1", "policy": "safety.hate", "source": "proactive"},
            403,
            "service clients",
        ),  # users
    ],
)
def test_bad_reports(shared: Api, body: dict[str, object], status: int, message: str) -> None:
    if shared.get("/v1/content/e-1", "user").status_code == 404:
        shared.post("/v1/content", "user", {"id": "e-1", "kind": "comment", "text": "hello"})
    before = _count(shared, "reports")
    response = shared.post("/v1/reports", "user2", body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert message in error["message"] + str(error.get("problems", "")) + error.get("hint", "")
    assert URDU.search(error["message_ur"]), error  # every refusal also reads in Urdu
    assert _count(shared, "reports") == before


def test_unknown_policy_gets_a_did_you_mean(shared: Api) -> None:
    shared.post("/v1/content", "user", {"id": "e-2", "kind": "comment", "text": "hello"})
    error = shared.post("/v1/reports", "user2", {"content_id": "e-2", "policy": "safety.harrasment"}).json()[
        "error"
    ]
    assert "safety.harassment" in error["hint"]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"kind": "tweet", "text": "hello"}, "unknown content kind"),  # not a kind we host
        ({"kind": "comment", "text": "   "}, "empty"),  # nothing to moderate
        ({"kind": "comment", "text": "hi", "id": "no spaces please"}, "content id"),  # ids are URL-safe
        (
            {"kind": "comment", "text": "hi", "author_id": "user2"},
            "on behalf",
        ),  # only services post for others
    ],
)
def test_bad_content(shared: Api, body: dict[str, object], message: str) -> None:
    before = _count(shared, "content_items")
    response = shared.post("/v1/content", "user", body)
    assert 400 <= response.status_code < 500 and message in response.json()["error"]["message"]
    assert _count(shared, "content_items") == before


def test_oversized_bodies_are_refused_before_anything_happens(shared: Api) -> None:
    before = _count(shared, "content_items")
    response = shared.post("/v1/content", "user", {"kind": "comment", "text": "x" * 70_000})
    assert response.status_code == 413 and response.json()["error"]["code"] == "too_large"
    assert "بائٹ" in response.json()["error"]["message_ur"]
    assert _count(shared, "content_items") == before


def test_deciding_a_task_one_does_not_hold(shared: Api) -> None:
    shared.post("/v1/content", "user", {"id": "e-3", "kind": "comment", "text": "hello"})
    shared.post("/v1/reports", "user2", {"content_id": "e-3", "policy": "safety.hate"})
    task = claim_for(shared, "moderator", "e-3")
    stolen = shared.post(
        f"/v1/queue/{task['id']}/decide", "moderator2", {"policy": "safety.hate", "outcome": "remove"}
    )
    assert stolen.status_code == 403 and "do not hold" in stolen.json()["error"]["message"]
    missing = shared.post(
        "/v1/queue/424242/decide", "moderator", {"policy": "safety.hate", "outcome": "remove"}
    )
    assert missing.status_code == 404
    bad = shared.post(
        f"/v1/queue/{task['id']}/decide", "moderator", {"policy": "safety.threats", "outcome": "label"}
    )
    assert bad.status_code == 422 and "does not allow" in bad.json()["error"]["message"]
    assert shared.get(f"/v1/queue/{task['id']}", "moderator").json()["task"]["state"] == "claimed"
    shared.post(f"/v1/queue/{task['id']}/release", "moderator")


def test_appeals_that_cannot_be(shared: Api) -> None:
    shared.post("/v1/content", "user", {"id": "e-4", "kind": "comment", "text": "hello"})
    shared.post("/v1/reports", "user2", {"content_id": "e-4", "policy": "safety.hate"})
    task = claim_for(shared, "moderator", "e-4")
    decision = shared.post(
        f"/v1/queue/{task['id']}/decide", "moderator", {"policy": "safety.hate", "outcome": "no_violation"}
    ).json()["decision"]
    nothing = shared.post("/v1/appeals", "user", {"decision_id": decision["id"], "reason": "but why"})
    assert nothing.status_code == 422 and "nothing to appeal" in nothing.json()["error"]["message"]
    stranger = shared.post("/v1/appeals", "ambassador", {"decision_id": decision["id"], "reason": "hm"})
    assert stranger.status_code == 403


def test_idempotency_keys_replay_and_refuse_reuse(shared: Api) -> None:
    shared.post("/v1/content", "user", {"id": "e-5", "kind": "comment", "text": "hello"})
    body = {"content_id": "e-5", "policy": "safety.hate"}
    first = shared.post("/v1/reports", "user2", body, key="report-e5")
    again = shared.post("/v1/reports", "user2", body, key="report-e5")
    assert first.status_code == again.status_code == 201
    assert again.json() == first.json() and again.headers["idempotency-replayed"] == "true"
    other = shared.post(
        "/v1/reports", "user2", {"content_id": "e-5", "policy": "safety.harassment"}, key="report-e5"
    )
    assert other.status_code == 409 and "different request" in other.json()["error"]["message"]


def test_a_retried_decision_through_the_api_strikes_once(shared: Api) -> None:
    shared.post("/v1/content", "ambassador", {"id": "e-6", "kind": "video", "text": "hello"})
    shared.post("/v1/reports", "user2", {"content_id": "e-6", "policy": "regulated.scams"})
    task = claim_for(shared, "moderator", "e-6")
    body = {"policy": "regulated.scams", "outcome": "remove"}
    first = shared.post(f"/v1/queue/{task['id']}/decide", "moderator", body, key="dec-e6")
    keyless_retry = shared.post(f"/v1/queue/{task['id']}/decide", "moderator", body)
    keyed_retry = shared.post(f"/v1/queue/{task['id']}/decide", "moderator", body, key="dec-e6")
    assert first.status_code == keyless_retry.status_code == keyed_retry.status_code == 200
    assert keyless_retry.json()["replayed"] is True and keyed_retry.json() == first.json()
    strikes = shared.get("/v1/accounts/ambassador/standing", "ambassador").json()["strikes"]
    assert len([s for s in strikes if s["policy"] == "regulated.scams"]) == 1


def test_transparency_input(shared: Api) -> None:
    assert shared.get("/v1/transparency?quarter=2026Q5").status_code == 422
    assert shared.get("/v1/transparency?format=xml").status_code == 422
    csv = shared.get("/v1/transparency?quarter=2026Q4&format=csv")
    assert csv.status_code == 200 and csv.text.startswith("quarter,policy,language")


def test_a_retried_claim_returns_the_same_task(shared: Api) -> None:
    shared.post("/v1/content", "user", {"id": "e-7", "kind": "comment", "text": "hello"})
    shared.post("/v1/reports", "user2", {"content_id": "e-7", "policy": "safety.hate"})
    first = shared.post("/v1/queue/claim", "moderator2", {}, key="claim-1")
    again = shared.post("/v1/queue/claim", "moderator2", {}, key="claim-1")
    assert first.status_code == 200 and again.json()["task"]["id"] == first.json()["task"]["id"]
    assert again.headers["idempotency-replayed"] == "true"
    shared.post(f"/v1/queue/{first.json()['task']['id']}/release", "moderator2")
