"""`POST /v1/factchecks` and `POST /v1/claims/match` through the real app on a SQLite file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from hifazat.api.app import create_app
from hifazat.services.accounts import create_account
from hifazat.settings import Settings
from hifazat.storage.unit import Database

FEED = [
    {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": "https://f.example.pk/note",
        "claimReviewed": "سٹیٹ بینک اگلے مہینے سے پانچ ہزار روپے کا نوٹ بند کر دے گا",
        "author": {"@type": "Organization", "name": "iVerify Pakistan"},
        "inLanguage": "ur",
        "reviewRating": {"@type": "Rating", "alternateName": "غلط"},
    },
    {"@type": "ClaimReview", "url": "https://f.example.pk/broken"},
]
CSV = (
    "claim,rating,organisation,url,language\n"
    "Tarbela Dam has cracked and will burst within hours,False,Geo Fact Check,https://f.example.pk/dam,en\n"
)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    folder: Path = tmp_path_factory.mktemp("claims-api")
    app = create_app(Settings(data_dir=folder, environment="development"))
    with Database(app.state.runtime.engine).write() as stores:
        key = create_account(
            accounts=stores.accounts,
            api_keys=stores.api_keys,
            audit=stores.audit,
            actor_id="system",
            handle="factchecker",
            role="service",
        ).key
    with TestClient(app, headers={"Authorization": f"Bearer {key}"}) as c:
        yield c


def test_only_admins_and_services_import_factchecks(client: TestClient) -> None:
    anonymous = client.post(
        "/v1/factchecks", content=CSV, headers={"content-type": "text/csv", "Authorization": ""}
    )
    assert anonymous.status_code == 401


def test_import_claimreview_reports_created_and_problems(client: TestClient) -> None:
    response = client.post(
        "/v1/factchecks", content=json.dumps(FEED), headers={"content-type": "application/ld+json"}
    )
    assert response.status_code == 200
    body = response.json()
    assert (body["created"], body["updated"], body["unchanged"]) == (1, 0, 0)
    assert (
        body["problems"][0]["position"] == 2 and "claimReviewed is missing" in body["problems"][0]["message"]
    )
    assert "claimReviewed (دعویٰ) موجود نہیں" in body["problems"][0]["message_ur"]
    again = client.post(
        "/v1/factchecks", content=json.dumps(FEED[:1]), headers={"content-type": "application/json"}
    )
    assert again.json()["unchanged"] == 1 and again.json()["created"] == 0


def test_import_csv(client: TestClient) -> None:
    response = client.post("/v1/factchecks", content=CSV, headers={"content-type": "text/csv"})
    assert response.status_code == 200 and response.json()["created"] == 1


@pytest.mark.parametrize(
    ("content", "kind", "status", "code"),
    [
        ('[{"@type": "Thing"}]', "application/json", 422, "validation_failed"),  # nothing readable
        ("{not json", "application/json", 422, "validation_failed"),  # broken JSON, located
        ("[]", "application/json", 422, "invalid_input"),  # empty
    ],
)
def test_bad_imports_get_the_error_envelope(
    client: TestClient, content: str, kind: str, status: int, code: str
) -> None:
    response = client.post("/v1/factchecks", content=content, headers={"content-type": kind})
    assert response.status_code == status
    assert response.json()["error"]["code"] == code


def test_bytes_that_are_not_utf8_are_refused(client: TestClient) -> None:
    response = client.post("/v1/factchecks", content=b"\xff\xfe\x00", headers={"content-type": "text/csv"})
    assert response.status_code == 422 and "not UTF-8" in response.json()["error"]["message"]


def test_match_returns_the_contract_best_first(client: TestClient) -> None:
    client.post("/v1/factchecks", content=json.dumps(FEED[:1]), headers={"content-type": "application/json"})
    client.post("/v1/factchecks", content=CSV, headers={"content-type": "text/csv"})
    response = client.post("/v1/claims/match", json={"text": "5000 ka note agle mahine band ho raha hai"})
    assert response.status_code == 200
    matches = response.json()["matches"]
    assert [m["url"] for m in matches] == ["https://f.example.pk/note"]
    assert set(matches[0]) >= {"url", "claim", "rating", "organisation", "score"}
    assert matches[0]["rating"] == "false" and matches[0]["organisation"] == "iVerify Pakistan"
    assert 0.0 < matches[0]["score"] <= 1.0
    assert set(matches[0]["outcome"]["reasons"]) == {"en", "ur"}


@pytest.mark.parametrize(
    ("body", "matches"),
    [
        ({"text": "Cricket match tonight in Lahore"}, []),  # unrelated: abstain
        (
            {"text": "تربیلا ڈیم میں دراڑ، چند گھنٹوں میں ٹوٹ سکتا ہے", "lang": "ur"},
            1,
        ),  # Urdu post, English claim
    ],
)
def test_match_abstains_or_matches(
    client: TestClient, body: dict[str, str], matches: list[object] | int
) -> None:
    client.post("/v1/factchecks", content=CSV, headers={"content-type": "text/csv"})
    found = client.post("/v1/claims/match", json=body).json()["matches"]
    assert found == matches if isinstance(matches, list) else len(found) == matches


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"text": "   "}, 422, "invalid_input"),  # blank text
        ({"text": "x", "lang": "fr"}, 422, "invalid_input"),  # unknown language
        ({"lang": "en"}, 422, "invalid_request"),  # no text
        ({"text": "x" * 5001}, 422, "invalid_request"),  # too long
    ],
)
def test_bad_match_requests(client: TestClient, body: dict[str, str], status: int, code: str) -> None:
    response = client.post("/v1/claims/match", json=body)
    assert response.status_code == status and response.json()["error"]["code"] == code


def test_rumour_clusters_endpoint(client: TestClient) -> None:
    client.post("/v1/factchecks", content=json.dumps(FEED[:1]), headers={"content-type": "application/json"})
    posts = [
        {"id": "a1", "text": "5000 ka note agle mahine band ho raha hai", "at": "2026-02-07T09:00:00Z"},
        {"id": "a2", "text": "پانچ ہزار کا نوٹ اگلے مہینے بند ہو رہا ہے", "at": "2026-02-07T09:05:00Z"},
        {"id": "c1", "text": "Cricket tonight in Lahore", "at": "2026-02-07T09:06:00Z"},
    ]
    response = client.post("/v1/claims/clusters", json={"posts": posts})
    assert response.status_code == 200
    clusters = response.json()["clusters"]
    assert [c["post_ids"] for c in clusters] == [["a1", "a2"]]
    assert clusters[0]["factcheck"]["url"] == "https://f.example.pk/note" and clusters[0]["velocity"] == 2
    bad = client.post("/v1/claims/clusters", json={"posts": [{"id": "x", "text": "t", "at": "yesterday"}]})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_request"
