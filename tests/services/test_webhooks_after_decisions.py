"""Every place that takes a decision sends its webhooks right after answering, as the review queue does:
automatic decisions at posting, fact-check enforcement and rumour-cluster decisions (retries are left to
`hifazat webhooks deliver`)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine
from test_webhook_delivery import Receiver

from apikit import Api, build_api

CSV = "claim,rating,organisation,url,language\nThe 5000 rupee note will be withdrawn next month,False,Test Fact Check,https://fc.example/note,en\n"


@pytest.fixture
def api(engine: Engine) -> Iterator[tuple[Api, Receiver]]:
    made, receiver = build_api(engine), Receiver()
    registered = made.post("/v1/webhooks", "admin", {"url": receiver.url, "description": "test"})
    assert registered.status_code == 201, registered.text
    yield made, receiver
    receiver.server.shutdown()


def _outcomes(receiver: Receiver) -> list[str]:
    return [json.loads(body)["decision"]["outcome"] for _, body in receiver.received]


def test_an_automatic_removal_at_posting_is_sent_at_once(api: tuple[Api, Receiver]) -> None:
    made, receiver = api
    posted = made.post(
        "/v1/content", "service", {"kind": "caption", "text": "free-bisp-money", "author_id": "user"}
    )
    assert posted.status_code == 201 and posted.json()["decision"]["outcome"] == "remove"
    assert _outcomes(receiver) == ["remove"]


def test_fact_check_and_cluster_decisions_are_sent_at_once(api: tuple[Api, Receiver]) -> None:
    made, receiver = api
    headers = made.headers("service") | {"content-type": "text/csv"}
    assert made.client.post("/v1/factchecks", content=CSV, headers=headers).status_code == 200
    text = "The 5000 rupee note will be withdrawn next month!"  # a close repeat: decided automatically
    for cid in ("n1", "n2"):
        assert (
            made.post("/v1/content", "service", {"id": cid, "kind": "caption", "text": text}).status_code
            == 201
        )
    assert (
        made.post("/v1/claims/enforce", "service", {"content_ids": ["n1"]}).json()["results"][0]["result"]
        == "label"
    )
    decided = made.post(
        "/v1/claims/clusters/decide",
        "moderator",
        {
            "content_ids": ["n2"],
            "policy": "integrity.misinformation",
            "outcome": "label",
            "rationale": "a rumour",
        },
    )
    assert decided.status_code == 200, decided.text
    assert _outcomes(receiver) == ["label", "label"]
