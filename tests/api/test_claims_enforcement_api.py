"""Fact-checks to enforcement over HTTP, with the real claim matcher: import → post → enforce → the author
sees the label, the link and the share prompt; reviewers decide a rumour cluster in one call."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from apikit import Api, build_api

CSV = (
    "claim,rating,organisation,url,language\n"
    "The polio vaccine contains pork gelatin and is haram,False,Test Fact Check,https://fc.example/polio,en\n"
    "The 5000 rupee note will be withdrawn next month,False,Test Fact Check,https://fc.example/note,en\n"
)
# Close repeats, which the matcher is sure of (>= AUTO_SCORE): looser ones go to a person instead.
POSTS = {
    "polio": "The polio vaccine contains pork gelatin and is haram. Share this!",
    "polio-ru": "polio vaccine mein suar ki charbi hai, ye haram hai",
    "note": "The 5000 rupee note will be withdrawn next month!",
    "note-ru": "5000 ka note agle mahine band ho raha hai, jaldi kharch karo",
    "recipe": "What a lovely recipe, I will try it this weekend",
}


@pytest.fixture
def api(engine: Engine) -> Api:
    made = build_api(engine)
    imported = made.client.post(
        "/v1/factchecks", content=CSV, headers=made.headers("service") | {"content-type": "text/csv"}
    )
    assert imported.status_code == 200, imported.text
    for cid, text in POSTS.items():
        body = {"id": cid, "kind": "caption", "text": text, "author_id": "user"}
        assert made.post("/v1/content", "service", body).status_code == 201
    return made


def test_enforce_labels_removes_and_tells_the_author(api: Api) -> None:
    ids = ["polio", "polio-ru", "note", "note-ru", "recipe"]
    response = api.post("/v1/claims/enforce", "service", {"content_ids": ids})
    assert response.status_code == 200, response.text
    results = {r["content_id"]: r for r in response.json()["results"]}
    assert results["polio"]["result"] == "remove"  # a harmful (health) claim found false
    assert results["polio-ru"]["result"] in ("remove", "review")  # translated: decided or sent to a person
    assert results["polio-ru"]["match"]["url"] == "https://fc.example/polio"
    assert results["note"]["result"] == "label"
    assert results["note-ru"]["result"] in ("label", "review")  # Roman Urdu: decided or sent to a person
    assert results["recipe"]["result"] == "none" and results["recipe"]["match"] is None
    assert results["note"]["match"]["url"] == "https://fc.example/note"

    seen = api.get("/v1/content/note", "user").json()
    assert seen["item"]["status"] == "labelled"
    assert seen["factcheck"]["url"] == "https://fc.example/note"
    assert seen["factcheck"]["label"]["ur"] and seen["factcheck"]["share_prompt"]["en"]
    assert api.get("/v1/content/polio", "user").json()["item"]["status"] == "removed"
    standing = api.get("/v1/accounts/user/standing", "user").json()
    assert any(s["policy"] == "integrity.misinformation" for s in standing["strikes"])

    again = api.post("/v1/claims/enforce", "service", {"content_ids": ["note"]}).json()["results"]
    assert again[0]["result"] == "skipped"


@pytest.mark.parametrize(
    ("who", "status"),
    [
        ("user", 403),  # people do not run proactive detection
        ("moderator", 403),  # reviewers decide; the platform detects
        ("admin", 200),
        ("service", 200),
    ],
)
def test_who_may_enforce(api: Api, who: str, status: int) -> None:
    assert api.post("/v1/claims/enforce", who, {"content_ids": ["recipe"]}).status_code == status


def test_unknown_items_and_oversized_requests_are_refused(api: Api) -> None:
    missing = api.post("/v1/claims/enforce", "service", {"content_ids": ["recipe", "ghost"]})
    assert missing.status_code == 404 and "'ghost'" in missing.json()["error"]["message"]
    assert missing.json()["error"]["message_ur"]
    many = api.post("/v1/claims/enforce", "service", {"content_ids": [f"c{i}" for i in range(1001)]})
    assert many.status_code == 422
    assert api.get("/v1/content/recipe", "user").json()["item"]["status"] == "visible"


def test_a_reviewer_decides_a_cluster_once(api: Api) -> None:
    body = {
        "content_ids": ["note", "polio"],
        "policy": "integrity.misinformation",
        "outcome": "label",
        "rationale": "Both repeat rumours that fact-checkers found false.",
    }
    assert api.post("/v1/claims/clusters/decide", "user", body).status_code == 403
    first = api.post("/v1/claims/clusters/decide", "moderator", body, key="cluster-1")
    assert first.status_code == 200, first.text
    assert [r["result"] for r in first.json()["results"]] == ["label", "label"]
    replay = api.post("/v1/claims/clusters/decide", "moderator", body, key="cluster-1")
    assert replay.headers.get("Idempotency-Replayed") == "true"
    again = api.post("/v1/claims/clusters/decide", "moderator", body)
    assert [r["result"] for r in again.json()["results"]] == ["skipped", "skipped"]
