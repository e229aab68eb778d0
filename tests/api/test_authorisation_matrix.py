"""Authorisation as a matrix: every enforcement endpoint × every role (and no key) → allowed or not.

Not allowed is 401 without a key and 403 with one; allowed is anything else (the request may still be
refused for its content, e.g. 404 for a made-up id). Paths with {me} use the caller's own account.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import Engine

from apikit import Api, build_api

ANON = "anonymous"
CALLERS = [ANON, "user", "ambassador", "moderator", "senior", "admin", "service"]
PEOPLE = {"user", "ambassador", "moderator", "senior", "admin"}
EVERYONE = PEOPLE | {"service"}
STAFF = {"moderator", "senior", "admin"}
REVIEWERS = {"moderator", "senior"}

ENDPOINTS: list[tuple[str, str, dict[str, Any] | None, set[str]]] = [
    ("POST", "/v1/content", {"kind": "comment", "text": "hello"}, EVERYONE),  # anyone with a key posts
    ("GET", "/v1/content/nope", None, EVERYONE),  # ownership is checked after lookup (404 here)
    ("POST", "/v1/content/nope/views", {"count": 1}, {"admin", "service"}),  # the platform counts views
    ("POST", "/v1/reports", {"content_id": "nope", "policy": "safety.hate"}, EVERYONE),  # anyone reports
    (
        "POST",
        "/v1/reports/surface",
        {"surface": "comment", "target_id": "nope", "policy": "safety.hate"},
        EVERYONE,
    ),  # reporting from any surface of the app
    (
        "POST",
        "/v1/reports/legal",
        {"content_id": "nope", "policy": "safety.hate", "authority": "PTA", "reference": "1"},
        {"admin", "service"},
    ),  # legal team only
    ("GET", "/v1/reports/999", None, EVERYONE),  # own reports (staff: all)
    ("GET", "/v1/queue", None, STAFF),  # staff see the queue
    ("POST", "/v1/queue/claim", {}, REVIEWERS),  # only reviewers take tasks (not admins)
    ("GET", "/v1/queue/999", None, STAFF),
    ("POST", "/v1/queue/999/release", None, REVIEWERS),
    ("POST", "/v1/queue/999/escalate", {"note": "why"}, REVIEWERS),
    ("POST", "/v1/queue/999/decide", {"policy": "safety.hate", "outcome": "remove"}, REVIEWERS),
    ("POST", "/v1/appeals", {"decision_id": 999, "reason": "why"}, PEOPLE),  # people appeal, services do not
    ("GET", "/v1/appeals", None, STAFF),
    ("GET", "/v1/appeals/999", None, EVERYONE),  # own appeals (staff: all)
    ("POST", "/v1/appeals/999/resolve", {"outcome": "upheld", "rationale": "r"}, REVIEWERS),
    ("POST", "/v1/accounts", {"handle": "newcomer"}, {"admin"}),  # admins create accounts
    ("GET", "/v1/accounts/me", None, EVERYONE),
    ("GET", "/v1/accounts/{me}", None, EVERYONE),
    ("GET", "/v1/accounts/{me}/standing", None, EVERYONE),  # your own account status
    ("GET", "/v1/accounts/{me}/notifications", None, EVERYONE),  # your own inbox
    ("GET", "/v1/accounts/user2/standing", None, STAFF | {"service"}),  # someone else's status
    ("GET", "/v1/accounts/user2/notifications", None, set()),  # someone else's inbox: nobody
    ("GET", "/v1/transparency", None, EVERYONE | {ANON}),  # public
    ("GET", "/v1/audit", None, {"admin"}),
    ("GET", "/v1/audit/verify", None, {"admin"}),
    ("POST", "/v1/webhooks", {"url": "http://127.0.0.1:9/hook"}, {"admin"}),
    ("GET", "/v1/webhooks", None, {"admin"}),
]
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
    response = api.call(method, path.replace("{me}", caller), who, body)
    if allowed:
        assert response.status_code not in (401, 403), response.text
    else:
        assert response.status_code == (401 if who is None else 403), response.text
        assert response.json()["error"]["code"] in ("unauthorised", "forbidden")


def test_every_enforcement_route_is_in_the_matrix(api: Api) -> None:
    prefixes = (
        "/v1/content",
        "/v1/reports",
        "/v1/queue",
        "/v1/appeals",
        "/v1/accounts",
        "/v1/transparency",
        "/v1/audit",
        "/v1/webhooks",
    )
    from hifazat.api.enforcement_routes import ROUTERS

    routes = {
        (method, route.path)  # type: ignore[attr-defined]
        for module in ROUTERS
        for route in module.router.routes
        for method in route.methods  # type: ignore[attr-defined]
        if route.path.startswith(prefixes)  # type: ignore[attr-defined]
    }
    covered = {(m, p) for m, p, _, _ in ENDPOINTS}
    normalised = {
        (
            m,
            p.replace("nope", "{content_id}")
            .replace("999", "{id}")
            .replace("{me}", "{account_id}")
            .replace("user2", "{account_id}"),
        )
        for m, p in covered
    }
    wanted = {
        (m, p.replace("{task_id}", "{id}").replace("{appeal_id}", "{id}").replace("{report_id}", "{id}"))
        for m, p in routes
    }
    assert wanted <= normalised, sorted(wanted - normalised)


@pytest.mark.parametrize(
    ("header", "message"),
    [
        ("", "needs an API key"),  # no header
        ("Basic abc", "must be `Bearer <key>`"),  # another scheme
        ("Bearer hz_not-a-real-key", "unknown or revoked"),  # a made-up key
    ],
)
def test_bad_credentials_get_a_clear_401(api: Api, header: str, message: str) -> None:
    response = api.client.get("/v1/accounts/me", headers={"Authorization": header} if header else {})
    assert response.status_code == 401 and message in response.json()["error"]["message"]
    assert response.headers["www-authenticate"] == "Bearer"
