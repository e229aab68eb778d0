"""Reporting from every surface over HTTP: comments by comment id, profiles by account id, direct messages
whose words only the reviewer sees, and refusals in English and Urdu."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from apikit import Api, build_api


@pytest.fixture
def api(engine: Engine) -> Api:
    return build_api(engine)


def comment(api: Api, author: str, creator: str, text: str, video: str = "vid-api") -> str:
    body = {"author": author, "creator": creator, "text": text, "confirmed": True}
    response = api.post(f"/v1/content/{video}/comments", None, body)
    assert response.status_code == 200, response.text
    cid: str = response.json()["comment"]["id"]
    return cid


def shown(api: Api, viewer: str, video: str = "vid-api") -> list[str]:
    listed = api.get(f"/v1/content/{video}/comments?viewer={viewer}").json()
    return [c["id"] for c in listed["comments"]]


def surface_report(api: Api, who: str, surface: str, target: str, policy: str = "safety.harassment") -> Any:
    return api.post("/v1/reports/surface", who, {"surface": surface, "target_id": target, "policy": policy})


def test_a_comment_reported_by_its_id_is_removed_then_restored(api: Api) -> None:
    cid = comment(api, "user2", "user", "what a video")
    filed = surface_report(api, "ambassador", "comment", cid)
    assert filed.status_code == 201, filed.text
    assert filed.json()["report"]["content_id"] == cid and filed.json()["report"]["source"] == "ambassador"
    task = api.post("/v1/queue/claim", "moderator", {}).json()["task"]
    assert task["content_id"] == cid
    decided = api.post(
        f"/v1/queue/{task['id']}/decide", "moderator", {"policy": "safety.harassment", "outcome": "remove"}
    ).json()
    assert decided["strike"]["track"] == "comments"
    assert cid not in shown(api, "user") and cid not in shown(api, "user2")
    appeal = api.post("/v1/appeals", "user2", {"decision_id": decided["decision"]["id"], "reason": "a joke"})
    resolved = api.post(
        f"/v1/appeals/{appeal.json()['id']}/resolve",
        "moderator2",
        {"outcome": "overturned", "rationale": "ok"},
    )
    assert resolved.status_code == 200, resolved.text
    assert cid in shown(api, "user")


def test_a_direct_message_report_never_shows_its_words_except_to_the_reviewer(api: Api) -> None:
    words = "meet me alone, here is my home address"
    posted = api.post("/v1/content", "user2", {"id": "dm-7", "kind": "message", "text": words})
    assert posted.status_code == 201
    filed = surface_report(api, "user", "message", "dm-7", "privacy.personal_info")
    assert filed.status_code == 201 and "home address" not in filed.text
    seen_by_reporter = api.get(f"/v1/reports/{filed.json()['report']['id']}", "user")
    assert seen_by_reporter.status_code == 200 and "home address" not in seen_by_reporter.text
    claimed = api.post("/v1/queue/claim", "moderator", {})
    assert claimed.json()["item"]["text"] == words  # the reviewing moderator reads it
    task_id = claimed.json()["task"]["id"]
    for who, readable in [
        ("moderator", True),  # holds the task
        ("moderator2", False),  # another moderator
        ("senior", False),  # even a senior one
        ("admin", False),  # or an admin
    ]:
        task = api.get(f"/v1/queue/{task_id}", who).json()
        item = api.get("/v1/content/dm-7", who).json()
        for seen in (task, item):
            assert (words in str(seen)) is readable, who
    assert api.get("/v1/content/dm-7", "user2").json()["item"]["text"] == words  # its author


def test_a_profile_is_reported_by_account_id(api: Api) -> None:
    filed = surface_report(api, "user", "profile", "user2", "integrity.impersonation")
    assert filed.status_code == 201, filed.text
    assert filed.json()["report"]["content_id"] == "profile:user2"
    again = surface_report(api, "user2", "profile", "user2", "integrity.impersonation")
    assert again.json()["error"]["reason"] == "own_content"


@pytest.mark.parametrize(
    ("path", "body", "status", "reason"),
    [
        (
            "/v1/reports/surface",
            {"surface": "story", "target_id": "x", "policy": "safety.hate"},
            422,
            "unknown_surface",
        ),  # a surface the app does not have
        (
            "/v1/reports/surface",
            {"surface": "video", "target_id": "nope", "policy": "safety.hate"},
            404,
            "unknown_target",
        ),  # nothing with that id
        (
            "/v1/reports/surface",
            {"surface": "profile", "target_id": "ghost", "policy": "safety.hate"},
            404,
            "unknown_target",
        ),  # no such account
        (
            "/v1/reports/surface",
            {"surface": "video", "target_id": "vid-x", "policy": "safety.hat"},
            422,
            "unknown_policy",
        ),  # a misspelt guideline
        (
            "/v1/reports",
            {"content_id": "nope", "policy": "safety.hate"},
            404,
            "unknown_target",
        ),  # by content id
        (
            "/v1/reports",
            {"content_id": "vid-x", "policy": "safety.hate", "source": "legal"},
            422,
            "bad_source",
        ),  # legal requests have their own endpoint
        (
            "/v1/reports",
            {"content_id": "vid-x", "policy": "safety.hate", "note": "x" * 2001},
            422,
            "note_too_long",
        ),  # an oversized note
    ],
)
def test_errors_carry_english_and_urdu(
    api: Api, path: str, body: dict[str, Any], status: int, reason: str
) -> None:
    api.post("/v1/content", "user2", {"id": "vid-x", "kind": "video", "text": "a video"})
    response = api.post(path, "user", body)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert error["reason"] == reason and error["message"]
    assert any("\u0600" <= ch <= "\u06ff" for ch in error["message_ur"])
