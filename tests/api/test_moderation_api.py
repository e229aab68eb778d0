"""`POST /v1/moderate` and the health check over a real app on a temporary SQLite file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hifazat.api.app import create_app
from hifazat.settings import Settings


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings(data_dir=tmp_path, max_body_bytes=4096))
    with TestClient(app) as c:
        yield c


def test_healthz_answers_with_the_database(client: TestClient) -> None:
    body = client.get("/healthz").json()
    assert body["status"] == "ok"
    assert body["database"] == "sqlite"


def test_moderate_returns_the_verdict_with_reasons_in_both_languages(client: TestClient) -> None:
    response = client.post("/v1/moderate", json={"text": "I will find you and kill you"})
    assert response.status_code == 200
    verdict = response.json()
    assert verdict["action"] == "remove"
    assert "safety.threats" in verdict["policies"]
    assert verdict["reasons"]["en"] and verdict["reasons"]["ur"]
    assert verdict["guidelines_version"]


def test_context_reaches_the_engine_and_bad_context_is_a_422(client: TestClient) -> None:
    ok = client.post(
        "/v1/moderate", json={"text": "hello", "context": {"account_age_days": 3, "surface": "live"}}
    )
    assert ok.status_code == 200
    bad = client.post("/v1/moderate", json={"text": "hello", "context": {"account_age_days": -1}})
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_input"


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": ""}, 422, "invalid_input"),  # empty text
        ({"text": "\u200b\u202e"}, 422, "invalid_input"),  # invisible characters only
        ({}, 422, "invalid_request"),  # no text at all
        ({"text": 5}, 422, "invalid_request"),  # wrong type
    ],
)
def test_bad_bodies_get_the_error_envelope(
    client: TestClient, body: dict[str, object], status: int, code: str
) -> None:
    response = client.post("/v1/moderate", json=body)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


@pytest.mark.parametrize("text", ["", "\u200b\u202e", "   "])
def test_an_empty_text_is_explained_in_urdu_too(client: TestClient, text: str) -> None:
    error = client.post("/v1/moderate", json={"text": text}).json()["error"]
    assert "empty" in error["message"]
    assert "متن خالی ہے" in error["message_ur"]  # its own Urdu sentence, not the generic fallback


def test_oversized_body_is_a_413(client: TestClient) -> None:
    response = client.post("/v1/moderate", json={"text": "a" * 5000})
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "too_large"


def test_malformed_json_is_a_422(client: TestClient) -> None:
    response = client.post("/v1/moderate", content=b"{not json", headers={"content-type": "application/json"})
    assert response.status_code == 422
