"""Localised error pages (404, 405, 422, 500) for HTML routes; the API keeps its JSON envelope."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from safety_centre_app import crashing_app


@pytest.mark.parametrize(
    ("method", "path", "status", "urdu"),
    [
        ("GET", "/no/such/page", 404, "یہ صفحہ نہیں مل سکا"),  # unknown page
        ("DELETE", "/guides", 405, "یہاں یہ کام نہیں ہو سکتا"),  # wrong method
        ("GET", "/report/received/not-a-reference", 422, "پتے میں کچھ گڑبڑ ہے"),  # malformed reference
        ("GET", "/report/received/HZ-2222-2222", 404, "یہ صفحہ نہیں مل سکا"),  # unknown reference
    ],
)
def test_error_pages_are_localised(
    client: TestClient, method: str, path: str, status: int, urdu: str
) -> None:
    response = client.request(method, path, params={"lang": "ur"})
    assert response.status_code == status
    assert '<html lang="ur" dir="rtl">' in response.text
    assert urdu in response.text
    assert "content-security-policy" in response.headers


def test_crash_shows_a_localised_500(tmp_path: Path) -> None:
    with TestClient(crashing_app(tmp_path), raise_server_exceptions=False) as client:
        page = client.get("/boom", params={"lang": "ur"})
        assert page.status_code == 500
        assert "ہماری طرف سے کوئی خرابی ہو گئی" in page.text
        assert "Traceback" not in page.text and "secret detail" not in page.text
        api = client.get("/v1/boom")
        assert api.status_code == 500 and api.headers["content-type"].startswith("application/json")
