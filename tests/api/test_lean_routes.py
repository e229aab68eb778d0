"""Lean routes: the everyday JSON request goes straight to the endpoint; everything else gets FastAPI's own
handling, so answers (errors above all) are the ones FastAPI always gave."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi import APIRouter, FastAPI, Request, Response
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from pydantic import BaseModel, ConfigDict
from sqlalchemy import Engine

from apikit import Api, build_api
from hifazat.api.errors import install_error_handlers
from hifazat.api.lean_routes import lean_route


class Note(BaseModel):
    model_config = ConfigDict(extra="forbid")
    text: str
    count: int = 1


async def generic_endpoint(body: Note) -> dict[str, Any]:
    return {"path": "generic", "text": body.text, "count": body.count}


async def lean(_request: Request, body: Note) -> Response:
    return JSONResponse({"path": "lean", "text": body.text, "count": body.count}, status_code=201)


@pytest.fixture
def client() -> TestClient:
    app = FastAPI()
    install_error_handlers(app)
    router = APIRouter(prefix="/notes")
    router.add_api_route(
        "", generic_endpoint, methods=["POST"], status_code=201, route_class_override=lean_route(Note, lean)
    )
    app.include_router(router)
    return TestClient(app)


def test_a_valid_json_body_takes_the_lean_path(client: TestClient) -> None:
    answer = client.post("/notes", json={"text": "hello", "count": 2})
    assert answer.status_code == 201
    assert answer.json() == {"path": "lean", "text": "hello", "count": 2}


@pytest.mark.parametrize(
    "content_type",
    [
        "application/json; charset=utf-8",  # parameters: FastAPI's content-type parsing decides
        "application/vnd.api+json",  # a JSON subtype FastAPI accepts
    ],
)
def test_other_json_content_types_get_fastapis_handler(client: TestClient, content_type: str) -> None:
    answer = client.post("/notes", content=b'{"text": "hello"}', headers={"content-type": content_type})
    assert answer.status_code == 201
    assert answer.json() == {"path": "generic", "text": "hello", "count": 1}


@pytest.mark.parametrize(
    ("content", "where"),
    [
        (b'{"text": "hello"', "body.16"),  # malformed JSON: FastAPI's json_invalid, at the offset
        (b'{"text": "hello", "extra": 1}', "body.extra"),  # refused by the model (extra=forbid)
        (b'{"count": 2}', "body.text"),  # a required field missing
        (b'["text"]', "body"),  # not an object
        (b"", "body"),  # no body at all
    ],
)
def test_a_body_the_model_refuses_gets_fastapis_422(client: TestClient, content: bytes, where: str) -> None:
    answer = client.post("/notes", content=content, headers={"content-type": "application/json"})
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert error["code"] == "invalid_request"
    assert where in [p["where"] for p in error["problems"]]


def test_the_schema_is_the_endpoints(client: TestClient) -> None:
    operation = client.get("/openapi.json").json()["paths"]["/notes"]["post"]
    assert operation["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith("/Note")
    assert "201" in operation["responses"]


@pytest.fixture
def api(engine: Engine) -> Api:
    return build_api(engine)


def test_posting_content_answers_the_same_on_either_path(api: Api) -> None:
    body = {"kind": "comment", "text": "nice video", "author_id": "user"}
    lean_answer = api.post("/v1/content", "service", {**body, "id": "lean-1"})
    generic_answer = api.client.post(  # a content type with parameters: FastAPI's handler
        "/v1/content",
        content=json.dumps({**body, "id": "generic-1"}).encode(),
        headers={**api.headers("service"), "content-type": "application/json; charset=utf-8"},
    )
    assert lean_answer.status_code == generic_answer.status_code == 201
    lean_json, generic_json = lean_answer.json(), generic_answer.json()
    assert lean_json.keys() == generic_json.keys()
    assert lean_json["item"]["id"] == "lean-1" and generic_json["item"]["id"] == "generic-1"
    assert lean_json["verdict"]["action"] == generic_json["verdict"]["action"]


@pytest.mark.parametrize(
    ("body", "who", "status"),
    [
        ({"kind": "comment", "text": "hi"}, None, 401),  # valid body, no key: the lean path asks for one
        ({"kind": "comment"}, None, 401),  # invalid body, no key: FastAPI's handler, auth first as ever
        ({"kind": "comment", "text": "hi", "author_id": "user"}, "user2", 403),  # for someone else
        ({"kind": "comment"}, "service", 422),  # no text
        ({"kind": "poem", "text": "hi"}, "service", 422),  # unknown kind (the service says so)
    ],
)
def test_refusals_are_unchanged(api: Api, body: dict[str, Any], who: str | None, status: int) -> None:
    answer = api.post("/v1/content", who, body)
    assert answer.status_code == status
    assert "error" in answer.json()


def test_an_idempotency_key_replays_on_the_lean_path(api: Api) -> None:
    body = {"kind": "comment", "text": "keyed comment", "author_id": "user"}
    first = api.post("/v1/content", "service", body, key="lean-key-1")
    again = api.post("/v1/content", "service", body, key="lean-key-1")
    assert first.status_code == again.status_code == 201
    assert "Idempotency-Replayed" not in first.headers
    assert again.headers["Idempotency-Replayed"] == "true"
    assert again.json()["item"]["id"] == first.json()["item"]["id"]
