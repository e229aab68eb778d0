"""The safety endpoints over a real app on a temporary SQLite file, with the demo accounts seeded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from hifazat.api.app import create_app
from hifazat.core.safety.comments import Assessment
from hifazat.services.safety import SafetyService, seed_safety_demo
from hifazat.settings import Settings


def assessor(text: str) -> Assessment:
    """Stands in for the engine: `idiot` reads as harassment."""
    return Assessment("review", frozenset({"safety.harassment"})) if "idiot" in text else Assessment()


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(data_dir=tmp_path))
    engine = app.state.runtime.engine
    seed_safety_demo(engine)
    app.state.safety_service = SafetyService(engine, assessor=assessor)
    with TestClient(app) as c:
        yield c


def check(client: TestClient, actor: str, target: str, kind: str) -> dict[str, Any]:
    response = client.post("/v1/interactions/check", json={"actor": actor, "target": target, "kind": kind})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize(
    ("actor", "target", "kind", "allowed", "reason"),
    [
        ("demo-creator", "demo-teen-14", "message", False, "age"),  # nobody messages a 14-year-old
        ("demo-creator", "demo-teen-17", "message", False, "age"),  # 16-17: friends at most, by age
        ("demo-teen-17", "demo-creator", "comment", True, "ok"),  # the demo teen follows the creator
        ("demo-teen-17", "demo-teen-17", "live", False, "age"),  # no LIVE hosting at 17
        ("demo-parent", "demo-creator", "gift", True, "ok"),  # adults may gift
    ],
)
def test_check(client: TestClient, actor: str, target: str, kind: str, allowed: bool, reason: str) -> None:
    body = check(client, actor, target, kind)
    assert (body["allowed"], body["reason_code"]) == (allowed, reason)
    assert body["message_en"] and body["message_ur"]


def test_check_batch_answers_in_order(client: TestClient) -> None:
    checks = [{"actor": "demo-creator", "target": "demo-teen-14", "kind": k} for k in ("view", "follow")]
    body = client.post("/v1/interactions/check-batch", json={"checks": checks}).json()
    assert [d["reason_code"] for d in body["decisions"]] == ["age", "approval_required"]


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"actor": "ghost", "target": "demo-creator", "kind": "view"}, 404),  # unknown account
        ({"actor": "demo-creator", "target": "demo-teen-14", "kind": "poke"}, 422),  # unknown kind
        ({"actor": "demo-creator", "target": "demo-teen-14"}, 422),  # kind missing
    ],
)
def test_check_bad_input(client: TestClient, payload: dict[str, str], status: int) -> None:
    response = client.post("/v1/interactions/check", json=payload)
    assert response.status_code == status
    assert response.json()["error"]["message"]


def test_unknown_account_refusal_is_bilingual(client: TestClient) -> None:
    error = client.get("/v1/accounts/ghost/settings").json()["error"]
    assert (
        error["reason"] == "unknown_account"
        and "ghost" in error["message"]
        and "ghost" in error["message_ur"]
    )


def test_settings_show_parent_controls_and_refuse_loosening(client: TestClient) -> None:
    page = client.get("/v1/accounts/demo-teen-14/settings").json()
    assert page["age_band"] == "13_15" and page["paired_parent"] == "demo-parent"
    assert set(page["parent_controlled"]) == {"restricted_mode", "daily_limit_minutes"}
    refused = client.patch("/v1/accounts/demo-teen-14/settings", json={"changes": {"restricted_mode": False}})
    assert refused.status_code == 403
    error = refused.json()["error"]
    assert error["reason"] == "parent_control" and error["message_ur"]
    assert client.get("/v1/accounts/demo-teen-14/settings").json() == page  # nothing changed
    ok = client.patch("/v1/accounts/demo-teen-14/settings", json={"changes": {"comment": "no_one"}})
    assert ok.status_code == 200 and ok.json()["settings"]["comment"] == "no_one"
    by_parent = client.patch(
        "/v1/accounts/demo-teen-14/settings", json={"by": "demo-parent", "changes": {"search_enabled": False}}
    )
    assert by_parent.status_code == 200 and "search_enabled" in by_parent.json()["parent_controlled"]


def test_family_pairing_flow_and_refusals(client: TestClient) -> None:
    code = client.post("/v1/family-pairing/codes", json={"parent": "demo-parent"})
    assert code.status_code == 201
    adult = client.post(
        "/v1/family-pairing/confirm", json={"teen": "demo-creator", "code": code.json()["code"]}
    )
    assert adult.status_code == 422 and adult.json()["error"]["reason"] == "not_a_teen"
    assert client.get("/v1/family-pairing/demo-creator").json()["parent"] is None
    linked = client.post(
        "/v1/family-pairing/confirm", json={"teen": "demo-teen-17", "code": code.json()["code"]}
    )
    assert linked.status_code == 200
    again = client.post(
        "/v1/family-pairing/confirm", json={"teen": "demo-teen-17", "code": code.json()["code"]}
    )
    assert again.status_code == 409
    assert (
        client.post(
            "/v1/family-pairing/unlink", json={"by": "demo-teen-17", "teen": "demo-teen-17"}
        ).status_code
        == 204
    )
    events = client.get("/v1/accounts/demo-parent/safety-events").json()["events"]
    assert events[0]["event"] == "pairing_unlinked" and events[0]["notice_ur"]


def test_comments_for_each_viewer(client: TestClient) -> None:
    listed = client.get("/v1/content/demo-video-1/comments", params={"viewer": "demo-parent"}).json()
    assert [c["text"] for c in listed["comments"]] == ["Zabardast video, keep it up!"]
    mine = client.get("/v1/content/demo-video-1/comments", params={"viewer": "demo-teen-17"}).json()
    assert len(mine["comments"]) == 2  # the author also sees the comment the keyword filter held
    nudged = client.post(
        "/v1/content/demo-video-1/comments",
        json={"author": "demo-parent", "creator": "demo-creator", "text": "what an idiot"},
    ).json()
    assert nudged["posted"] is False and nudged["nudge"] and nudged["message_ur"]
    held = client.get("/v1/content/demo-video-1/comments/held", params={"viewer": "demo-creator"}).json()
    ids = [c["id"] for c in held["comments"]]
    bulk = client.post(
        "/v1/comments/bulk", json={"by": "demo-creator", "action": "block", "comment_ids": ids}
    )
    assert bulk.json() == {"deleted": 1, "blocked": 1}
    assert client.get("/v1/accounts/demo-creator/blocks").json() == {"accounts": ["demo-teen-17"]}
    too_many = client.post(
        "/v1/comments/bulk",
        json={"by": "demo-creator", "action": "delete", "comment_ids": [str(i) for i in range(101)]},
    )
    assert too_many.status_code == 422 and too_many.json()["error"]["reason"] == "bulk_size"


def test_keyword_filters_and_relations(client: TestClient) -> None:
    assert client.get("/v1/accounts/demo-creator/keyword-filters").json() == {"keywords": ["bakwas", "ganda"]}
    matched = client.post("/v1/accounts/demo-creator/keyword-filters/test", json={"text": "گندا"}).json()
    assert matched == {"matched": "ganda"}
    assert client.post("/v1/accounts/demo-parent/mutes", json={"account": "demo-creator"}).json() == {
        "created": True
    }
    assert client.delete("/v1/accounts/demo-parent/mutes/demo-creator").status_code == 204
    assert client.delete("/v1/accounts/demo-parent/mutes/demo-creator").status_code == 404


def test_screen_time(client: TestClient) -> None:
    status = client.post("/v1/accounts/demo-teen-14/screen-time/usage", json={"minutes": 50}).json()
    assert status["limit_minutes"] == 45 and status["needs_passcode"] and status["summary_ur"]
    refused = client.post("/v1/accounts/demo-teen-14/screen-time/passcode", json={"passcode": "1234"})
    assert refused.status_code == 403 and refused.json()["error"]["reason"] == "parent_control"
