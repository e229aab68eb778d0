"""`/v1/ambassadors`: who may call what (a matrix over every role), the application flow through the API,
the programme's content, and docs/ambassadors.md listing every endpoint."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine

from apikit import Api, build_api
from hifazat.api.routers.ambassadors import router

ANON = "anonymous"
CALLERS = [ANON, "user", "ambassador", "moderator", "senior", "admin", "service"]
EVERYONE = {"user", "ambassador", "moderator", "senior", "admin", "service"}
PUBLIC = EVERYONE | {ANON}
DECIDERS = {"senior", "admin"}
BAD_APPLICATION = {
    "motivation": "m" * 60,
    "languages": ["ur"],
    "platforms": [{"name": "tiktok", "followers": 10}],
    "region": "mars",  # refused by the service (422) once the caller may apply at all
    "agrees_to_code": True,
}
CAMPAIGN = {
    "slug": "Not A Slug",  # refused (422) once the caller may write
    "title_en": "t",
    "title_ur": "ع",
    "summary_en": "s",
    "summary_ur": "خ",
    "starts_on": "2027-01-01",
    "ends_on": "2027-01-31",
}
EVENT = {
    "title_en": "t",
    "title_ur": "ع",
    "summary_en": "s",
    "summary_ur": "خ",
    "starts_at": "2027-02-21T16:00:00",
    "minutes": 1,  # refused (422)
    "capacity": 10,
    "city": "Lahore",
    "venue": "Alhamra",
}
MATERIAL = {
    "slug": "x",  # refused (422)
    "title_en": "t",
    "title_ur": "ع",
    "summary_en": "s",
    "summary_ur": "خ",
    "audience": "teens",
    "language": "en",
    "body": "b",
}

ENDPOINTS: list[tuple[str, str, dict[str, Any] | None, set[str]]] = [
    ("GET", "/v1/ambassadors", None, PUBLIC),  # profiles are public
    ("GET", "/v1/ambassadors/recognition", None, PUBLIC),
    ("GET", "/v1/ambassadors/nobody", None, PUBLIC),  # a profile (404 here)
    ("GET", "/v1/ambassadors/campaigns", None, PUBLIC),
    ("GET", "/v1/ambassadors/events", None, PUBLIC),
    ("GET", "/v1/ambassadors/library", None, PUBLIC),
    ("GET", "/v1/ambassadors/library/nope", None, PUBLIC),
    ("GET", "/v1/ambassadors/library/reach", None, {"ambassador", "admin"}),  # reach: ambassadors and admins
    ("POST", "/v1/ambassadors/applications", BAD_APPLICATION, {"user", "ambassador"}),  # ambassador: 409
    ("GET", "/v1/ambassadors/applications/me", None, EVERYONE),
    ("POST", "/v1/ambassadors/applications/me/withdraw", None, EVERYONE),  # nothing to withdraw: 409
    ("GET", "/v1/ambassadors/applications", None, DECIDERS),  # the queue of applications
    ("POST", "/v1/ambassadors/applications/999/decide", {"approve": True}, DECIDERS),  # not moderators
    ("POST", "/v1/ambassadors/nobody/remove", {"reason": "false flags"}, DECIDERS),
    ("GET", "/v1/ambassadors/me/dashboard", None, {"ambassador"}),
    ("PUT", "/v1/ambassadors/me/profile", {"bio_en": "hi"}, {"ambassador"}),
    ("POST", "/v1/ambassadors/campaigns", CAMPAIGN, {"admin"}),  # only admins run the programme
    ("PUT", "/v1/ambassadors/campaigns/999", CAMPAIGN, {"admin"}),
    ("POST", "/v1/ambassadors/events", EVENT, {"admin"}),
    ("PUT", "/v1/ambassadors/events/999", EVENT, {"admin"}),
    ("POST", "/v1/ambassadors/events/999/attendance", {"attendance": 3}, {"admin"}),
    ("POST", "/v1/ambassadors/library", MATERIAL, {"admin"}),
    ("PUT", "/v1/ambassadors/library/999", MATERIAL, {"admin"}),
]
NOT_IN_MATRIX = {("POST", "/v1/ambassadors/step-down")}  # changes the caller's role: tested in the flow below
CASES = [
    pytest.param(method, path, body, caller, caller in allowed, id=f"{method} {path} as {caller}")
    for method, path, body, allowed in ENDPOINTS
    for caller in CALLERS
]


@pytest.fixture(scope="module")
def api(module_engine: Engine) -> Api:
    return build_api(module_engine)


@pytest.mark.parametrize(("method", "path", "body", "caller", "allowed"), CASES)
def test_matrix(
    api: Api, method: str, path: str, body: dict[str, Any] | None, caller: str, allowed: bool
) -> None:
    who = None if caller == ANON else caller
    response = api.call(method, path, who, body)
    if allowed:
        assert response.status_code not in (401, 403), response.text
        assert response.status_code < 500
    else:
        assert response.status_code == (401 if who is None else 403), response.text


def _routes() -> set[tuple[str, str]]:
    return {
        (method, route.path)  # type: ignore[attr-defined]
        for route in router.routes
        for method in route.methods  # type: ignore[attr-defined]
    }


def test_every_route_is_in_the_matrix() -> None:
    covered = {
        (m, p.replace("999", "{id}").replace("nobody", "{handle}").replace("nope", "{slug}"))
        for m, p, _, _ in ENDPOINTS
    }
    wanted = {
        (
            m,
            p.replace("{application_id}", "{id}")
            .replace("{campaign_id}", "{id}")
            .replace("{event_id}", "{id}")
            .replace("{material_id}", "{id}"),
        )
        for m, p in _routes() - NOT_IN_MATRIX
    }
    assert wanted == covered


def test_every_route_is_documented() -> None:
    doc = (Path(__file__).parents[2] / "docs" / "ambassadors.md").read_text(encoding="utf-8")
    missing = sorted(f"{m} {p}" for m, p in _routes() if f"`{m} {p}`" not in doc)
    assert missing == []


@pytest.fixture
def fresh(engine: Engine) -> Api:
    return build_api(engine)


def _forget_keys(api: Api) -> None:
    """Role changes reach the API within `KEY_CACHE_SECONDS`; tests do not wait."""
    api.app.state.enforcement_key_cache.clear()


def test_apply_approve_profile_and_step_down(fresh: Api) -> None:
    body = dict(BAD_APPLICATION, region="punjab")
    filed = fresh.post("/v1/ambassadors/applications", "user", body)
    assert filed.status_code == 201, filed.text
    again = fresh.post("/v1/ambassadors/applications", "user", body)
    assert again.status_code == 409 and again.json()["error"]["code"] == "conflict"
    application_id = filed.json()["id"]
    refused = fresh.post(
        f"/v1/ambassadors/applications/{application_id}/decide", "senior", {"approve": False}
    )
    assert refused.status_code == 422 and "reason" in refused.json()["error"]["message"]
    approved = fresh.post(
        f"/v1/ambassadors/applications/{application_id}/decide", "senior", {"approve": True}
    )
    assert approved.status_code == 200 and approved.json()["state"] == "approved"
    _forget_keys(fresh)
    assert fresh.get("/v1/accounts/me", "user").json()["role"] == "ambassador"
    inbox = fresh.get("/v1/accounts/user/notifications", "user").json()["notifications"]
    assert inbox[0]["language"] == "ur" and "خوش آمدید" in inbox[0]["title"]
    saved = fresh.call("PUT", "/v1/ambassadors/me/profile", "user", {"bio_en": "Lahore", "bio_ur": "لاہور"})
    assert saved.status_code == 200, saved.text
    profile = fresh.get("/v1/ambassadors/user").json()
    assert profile["bio"] == {"en": "Lahore", "ur": "لاہور"}
    assert profile["accuracy"]["enough_decisions"] is False and profile["accuracy"]["ratio"] is None
    assert not {"email", "phone", "birth_date", "language", "id"} & set(profile)  # never private data
    board = fresh.get("/v1/ambassadors/me/dashboard", "user")
    assert board.status_code == 200 and board.json()["flags"] == []
    audit = fresh.get("/v1/audit?subject=account:user", "admin").json()
    assert any(e["event"] == "account.role_changed" for e in audit["entries"])
    left = fresh.post("/v1/ambassadors/step-down", "user")
    assert left.status_code == 200 and left.json() == {"role": "user"}
    assert fresh.get("/v1/ambassadors/user").status_code == 404


def test_admin_builds_a_campaign_event_and_library(fresh: Api) -> None:
    campaign = dict(CAMPAIGN, slug="safer-together")
    assert fresh.post("/v1/ambassadors/campaigns", "admin", campaign).status_code == 201
    material = dict(MATERIAL, slug="kind-comments")
    assert fresh.post("/v1/ambassadors/library", "admin", material).status_code == 201
    event = dict(
        EVENT,
        minutes=90,
        starts_at="2099-02-21T16:00:00",
        campaign="safer-together",
        speakers=["Guest Name"],
        materials=["kind-comments"],
    )
    made = fresh.post("/v1/ambassadors/events", "admin", event)
    assert made.status_code == 201, made.text
    assert made.json()["starts_at_karachi"] == "2099-02-21T16:00:00+05:00"
    listed = fresh.get("/v1/ambassadors/events").json()
    assert [e["title_en"] for e in listed["upcoming"]] == ["t"] and listed["past"] == []
    early = fresh.post(f"/v1/ambassadors/events/{made.json()['id']}/attendance", "admin", {"attendance": 5})
    assert early.status_code == 409  # not started yet
    reach = fresh.get("/v1/ambassadors/library/reach", "ambassador").json()
    assert reach == {"reach": [{"slug": "kind-comments", "views": 0}]}
