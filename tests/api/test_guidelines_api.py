"""`/v1/guidelines`: the catalogue, one policy, releases and changes, in English, Urdu or both."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hifazat.api.errors import install_error_handlers
from hifazat.api.routers.guidelines import router


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    app = FastAPI()
    install_error_handlers(app)
    app.include_router(router)
    with TestClient(app) as c:
        yield c


def test_catalogue_without_lang_has_both_languages(client: TestClient) -> None:
    response = client.get("/v1/guidelines")
    assert response.status_code == 200
    body = response.json()
    assert body["version"] == "2026.2" and body["published"] == "2026-06-01"
    assert len(body["policies"]) == 26 and len(body["areas"]) == 7
    assert body["areas"][0]["title"] == {"en": "Safety & Civility", "ur": "تحفظ اور شائستگی"}


@pytest.mark.parametrize(
    ("lang", "area_title", "policy_title"),
    [
        ("en", "Safety & Civility", "Violent and criminal behaviour"),  # English strings
        ("ur", "تحفظ اور شائستگی", "پرتشدد اور مجرمانہ رویہ"),  # Urdu strings
    ],
)
def test_catalogue_in_one_language(client: TestClient, lang: str, area_title: str, policy_title: str) -> None:
    body = client.get("/v1/guidelines", params={"lang": lang}).json()
    assert body["areas"][0]["title"] == area_title
    assert body["policies"][0]["title"] == policy_title
    assert isinstance(body["changelog"][0]["changes"][0]["note"], str)


def test_an_older_release_by_version(client: TestClient) -> None:
    body = client.get("/v1/guidelines", params={"version": "2026.1", "lang": "en"}).json()
    assert body["version"] == "2026.1"
    assert "integrity.synthetic_media" not in {p["id"] for p in body["policies"]}


@pytest.mark.parametrize(
    ("lang", "title", "message_start"),
    [
        ("en", "Suicide and self-harm", "You matter"),  # English
        ("ur", "خودکشی اور خود کو نقصان پہنچانا", "آپ اہم ہیں"),  # Urdu
    ],
)
def test_one_policy_in_each_language(client: TestClient, lang: str, title: str, message_start: str) -> None:
    response = client.get("/v1/guidelines/health.self_harm", params={"lang": lang})
    assert response.status_code == 200
    body = response.json()
    assert body["title"] == title
    assert body["support"]["message"].startswith(message_start)
    assert body["actions"] == {"high": "review", "medium": "review", "low": "allow"}
    assert body["version"] == "2026.2"


def test_one_policy_without_lang_keeps_both(client: TestClient) -> None:
    body = client.get("/v1/guidelines/youth.csea").json()
    assert body["tier"] == 1
    assert set(body["summary"]) == {"en", "ur"}
    assert {law["ref"] for law in body["law"]} == {"PECA 2016 s.22", "PPC ss.292B-292C"}


@pytest.mark.parametrize(
    ("url", "status", "code", "hint"),
    [
        ("/v1/guidelines/safety.hat", 404, "not_found", "did you mean 'safety.hate'?"),  # typo in the id
        ("/v1/guidelines/nothing", 404, "not_found", "policy ids look like 'safety.hate'"),  # nothing close
        ("/v1/guidelines?version=1999.1", 404, "not_found", None),  # unknown release
        ("/v1/guidelines?lang=fr", 422, "invalid_input", "use 'en' (English) or 'ur' (Urdu)"),  # bad language
        ("/v1/guidelines/changes?from=2026.9", 404, "not_found", None),  # unknown older release
    ],
)
def test_errors_use_the_envelope(
    client: TestClient, url: str, status: int, code: str, hint: str | None
) -> None:
    response = client.get(url)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code
    assert error["message"]
    if hint is not None:
        assert error["hint"] == hint


def test_paths_are_not_served_as_releases(client: TestClient) -> None:
    response = client.get("/v1/guidelines", params={"version": "/etc"})
    assert response.status_code == 404


def test_versions(client: TestClient) -> None:
    body = client.get("/v1/guidelines/versions").json()
    assert body["latest"] == "2026.2"
    assert [v["version"] for v in body["versions"]] == ["2026.1", "2026.2"]
    assert [v["policies"] for v in body["versions"]] == [25, 26]


def test_changes_default_to_the_latest_release_against_the_one_before(client: TestClient) -> None:
    body = client.get("/v1/guidelines/changes").json()
    assert (body["from"], body["to"]) == ("2026.1", "2026.2")
    assert body["added"] == ["integrity.synthetic_media"]
    civic = next(c for c in body["changed"] if c["id"] == "integrity.civic")
    assert {"field": "tier", "old": 3, "new": 2} in civic["fields"]


def test_changes_between_named_releases_in_urdu(client: TestClient) -> None:
    body = client.get(
        "/v1/guidelines/changes", params={"from": "2026.2", "to": "2026.1", "lang": "ur"}
    ).json()
    assert body["removed"] == ["integrity.synthetic_media"]
    assert body["notes"] == []


def test_changes_of_the_first_release_are_empty(client: TestClient) -> None:
    body = client.get("/v1/guidelines/changes", params={"to": "2026.1"}).json()
    assert (body["from"], body["to"]) == ("2026.1", "2026.1")
    assert body["added"] == [] and body["changed"] == []
