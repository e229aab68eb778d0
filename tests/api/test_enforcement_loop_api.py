"""The whole loop through the API, as a newcomer walks it: post → report → queue → decide → strike →
notification → appeal → overturn → transparency numbers change. Run on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from apikit import Api, build_api


@pytest.fixture
def api(engine: Engine) -> Api:
    return build_api(engine)


def test_the_whole_loop(api: Api) -> None:
    posted = api.post(
        "/v1/content", "user", {"id": "clip-1", "kind": "comment", "text": "you-clown, nobody likes you"}
    )
    assert posted.status_code == 201, posted.text
    assert posted.json()["review_task"] is not None  # the engine was unsure: proactive report
    before = api.get("/v1/transparency?quarter=" + _quarter(api), "admin").json()["rows"][-1]

    report = api.post(
        "/v1/reports", "user2", {"content_id": "clip-1", "policy": "safety.harassment", "note": "bullying"}
    )
    assert report.status_code == 201 and report.json()["merged"] is True
    report_id = report.json()["report"]["id"]
    assert api.get(f"/v1/reports/{report_id}", "user2").json()["status"] == "under_review"

    claimed = api.post("/v1/queue/claim", "moderator", {"queue": "en"})
    assert claimed.status_code == 200, claimed.text
    task = claimed.json()["task"]
    assert claimed.json()["item"]["id"] == "clip-1" and len(claimed.json()["reports"]) == 2
    assert "reporter_id" not in claimed.json()["reports"][0]

    decided = api.post(
        f"/v1/queue/{task['id']}/decide",
        "moderator",
        {"policy": "safety.harassment", "outcome": "remove", "rationale": "targets a person"},
        key="d-1",
    )
    assert decided.status_code == 200, decided.text
    decision = decided.json()["decision"]
    assert decided.json()["strike"]["policy"] == "safety.harassment"

    standing = api.get("/v1/accounts/user/standing", "user").json()
    assert standing["level"] == "warning" and standing["strikes"][0]["expires_at"]
    inbox = api.get("/v1/accounts/user/notifications", "user").json()["notifications"]
    assert inbox[0]["language"] == "ur" and "ہٹا دیا گیا" in inbox[0]["title"]
    reporter_inbox = api.get("/v1/accounts/user2/notifications", "user2").json()["notifications"]
    assert "took action" in reporter_inbox[0]["body"]
    assert api.get(f"/v1/reports/{report_id}", "user2").json()["status"] == "action_taken"

    appealed = api.post(
        "/v1/appeals", "user", {"decision_id": decision["id"], "reason": "یہ دوستوں کا مذاق تھا"}
    )
    assert appealed.status_code == 201, appealed.text
    appeal_id = appealed.json()["id"]
    own = api.post(
        f"/v1/appeals/{appeal_id}/resolve", "moderator", {"outcome": "overturned", "rationale": "x"}
    )
    assert own.status_code == 403 and own.json()["error"]["code"] == "forbidden"
    resolved = api.post(
        f"/v1/appeals/{appeal_id}/resolve",
        "moderator2",
        {"outcome": "overturned", "rationale": "friends joking"},
    )
    assert resolved.status_code == 200 and resolved.json()["restored"] and resolved.json()["strike_removed"]

    assert api.get("/v1/accounts/user/standing", "user").json()["level"] == "good"
    assert api.get("/v1/content/clip-1", "user").json()["item"]["status"] == "visible"
    after = api.get("/v1/transparency?quarter=" + _quarter(api), "admin").json()["rows"][-1]
    assert (after["removed"], after["appeals"], after["reinstated"]) == (
        before["removed"] + 1,
        before["appeals"] + 1,
        before["reinstated"] + 1,
    )
    verified = api.get("/v1/audit/verify", "admin").json()
    assert verified["ok"] and verified["checked"] >= 10


def _quarter(api: Api) -> str:
    from hifazat.core.enforcement.transparency import quarter_of
    from hifazat.services.clock import utcnow

    return str(quarter_of(utcnow()))


def test_automatic_removal_and_legal_requests(api: Api) -> None:
    scam = api.post(
        "/v1/content", "user2", {"id": "c-scam", "kind": "caption", "text": "free-bisp-money here"}
    )
    assert scam.json()["item"]["status"] == "removed" and scam.json()["decision"]["strike"]
    api.post("/v1/content", "user2", {"id": "c-2", "kind": "video", "text": "a claim about the floods"})
    legal = api.post(
        "/v1/reports/legal",
        "admin",
        {
            "content_id": "c-2",
            "policy": "integrity.misinformation",
            "authority": "PTA",
            "reference": "PTA/2026/7",
            "expedited": True,
        },
    )
    assert legal.status_code == 201 and legal.json()["task"]["level"] == "senior"
    assert api.post("/v1/queue/claim", "moderator", {}).status_code == 204  # seniors only
    claimed = api.post("/v1/queue/claim", "senior", {})
    assert claimed.json()["reports"][0]["authority"] == "PTA"
