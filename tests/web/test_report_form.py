"""The public report form end to end, CSRF, rate limit, cookies and escaping of hostile input."""

from __future__ import annotations

import re

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from hifazat.services.public_reports import transparency_figures
from hifazat.web.security import CsrfSigner

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
HOSTILE = [
    "<script>alert('x')</script>",  # a script tag
    '"><img src=x onerror=alert(1)>',  # breaking out of an attribute
    "\u202egnp.exe\u202c",  # RIGHT-TO-LEFT OVERRIDE, used to disguise file names
    "یہ اکاؤنٹ <b>دھمکیاں</b> دے رہا ہے",  # Urdu with markup inside
]


def form_token(client: TestClient, lang: str = "en") -> str:
    page = client.get("/report", params={"lang": lang})
    assert page.status_code == 200
    match = TOKEN.search(page.text)
    assert match is not None
    return match.group(1)


def test_report_end_to_end(fresh_client: TestClient) -> None:
    token = form_token(fresh_client, "ur")
    response = fresh_client.post(
        "/report",
        data={
            "csrf_token": token,
            "reason": "regulated.scams",
            "location": "@bisp_fake",
            "details": "کوڈ مانگا",
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    target = response.headers["location"]
    reference = target.rsplit("/", 1)[-1]
    assert re.fullmatch(r"HZ-[2-9A-Z]{4}-[2-9A-Z]{4}", reference)
    received = fresh_client.get(target)
    assert reference in received.text and "رپورٹ کرنے کا شکریہ" in received.text
    status = fresh_client.get("/report/status", params={"ref": reference.lower()})
    assert "موصول ہو گئی" in status.text and "دھوکا دہی" in status.text
    assert "کوڈ مانگا" not in status.text  # only the status is shown, never what was reported
    assert "ہماری حفاظتی ٹیم کا کوئی رکن آپ کی رپورٹ خود دیکھے گا" in status.text  # no such account: triage
    assert transparency_figures(fresh_client.app.state.web.sessions).total == 1  # type: ignore[attr-defined]


def test_form_cookie_is_httponly_and_strict(fresh_client: TestClient) -> None:
    response = fresh_client.get("/report")
    cookies = response.headers.get_list("set-cookie")
    csrf = next(c for c in cookies if c.startswith("hz_csrf="))
    assert "HttpOnly" in csrf and "SameSite=strict" in csrf and "Path=/" in csrf


@pytest.mark.parametrize(
    "case",
    [
        "missing",  # no token in the form
        "forged",  # a token signed with another key
        "other-browser",  # a valid token, but for another browser's cookie
        "expired",  # a token issued five hours ago
    ],
)
def test_csrf_failures_are_refused(fresh_client: TestClient, case: str) -> None:
    token = form_token(fresh_client)
    cookie = fresh_client.cookies.get("hz_csrf")
    assert cookie is not None
    if case == "missing":
        token = ""
    elif case == "forged":
        token = CsrfSigner("some-other-secret-key-of-sufficient-length").token(cookie)
    elif case == "other-browser":
        token = fresh_client.app.state.web.csrf.token("another-cookie")  # type: ignore[attr-defined]
    else:
        import time

        token = fresh_client.app.state.web.csrf.token(cookie, now=time.time() - 5 * 3600)  # type: ignore[attr-defined]
    response = fresh_client.post(
        "/report", data={"csrf_token": token, "reason": "regulated.scams", "location": "@x"}
    )
    assert response.status_code == 403
    assert "This form has expired" in response.text
    assert transparency_figures(fresh_client.app.state.web.sessions).total == 0  # type: ignore[attr-defined]


def test_post_without_the_cookie_is_refused(fresh_app: FastAPI) -> None:
    with TestClient(fresh_app) as first:
        token = form_token(first)
    with TestClient(fresh_app) as stranger:  # a cross-site request carries no SameSite=Strict cookie
        response = stranger.post(
            "/report", data={"csrf_token": token, "reason": "regulated.scams", "location": "x"}
        )
    assert response.status_code == 403


def test_problems_are_shown_in_the_readers_language(fresh_client: TestClient) -> None:
    token = form_token(fresh_client, "ur")
    response = fresh_client.post(
        "/report", data={"csrf_token": token, "reason": "", "location": "", "contact": "call me maybe"}
    )
    assert response.status_code == 422
    html = response.text
    assert "براہِ کرم فارم دوبارہ دیکھ لیں" in html
    assert "بتائیں کہ مسئلہ کیا ہے۔" in html
    assert "ای میل ایڈریس یا فون نمبر لکھیں" in html
    assert 'aria-invalid="true"' in html
    assert 'value="call me maybe"' in html  # what was typed is kept


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_input_is_escaped_when_shown_again(fresh_client: TestClient, hostile: str) -> None:
    token = form_token(fresh_client)
    response = fresh_client.post(
        "/report",
        data={"csrf_token": token, "reason": "", "location": hostile, "details": hostile, "contact": ""},
    )
    assert response.status_code == 422
    html = response.text
    assert hostile not in html or not any(ch in hostile for ch in "<>\"'")  # never echoed raw
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>دھمکیاں" not in html
    escaped = hostile.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    assert escaped.replace('"', "&#34;").replace("'", "&#39;") in html
    # bidi controls may only sit inside form controls (isolated with dir="auto"), never in page text
    outside_controls = re.sub(r'value="[^"]*"|<textarea[^>]*>[^<]*</textarea>', "", html)
    assert "\u202e" not in outside_controls and "\u202c" not in outside_controls


def test_hostile_reference_lookup_is_escaped(fresh_client: TestClient) -> None:
    response = fresh_client.get("/report/status", params={"ref": '"><script>alert(1)</script>'})
    assert response.status_code == 200
    assert "<script>alert(1)" not in response.text
    assert "&#34;&gt;&lt;script&gt;" in response.text
    assert "That does not look like a report reference." in response.text


def test_stored_hostile_report_is_safe_everywhere(fresh_client: TestClient) -> None:
    token = form_token(fresh_client)
    response = fresh_client.post(
        "/report",
        data={
            "csrf_token": token,
            "reason": "safety.harassment",
            "location": HOSTILE[0],
            "details": HOSTILE[2],
        },
        follow_redirects=True,
    )
    assert response.status_code == 200
    assert "<script>" not in response.text and "\u202e" not in response.text


def test_rate_limit_on_posts(fresh_client: TestClient) -> None:
    token = form_token(fresh_client)
    limit = fresh_client.app.state.web.report_limiter.limit  # type: ignore[attr-defined]
    codes = [
        fresh_client.post("/report", data={"csrf_token": token, "reason": "", "location": ""}).status_code
        for _ in range(limit + 1)
    ]
    assert codes[:limit] == [422] * limit
    assert codes[-1] == 429
    blocked = fresh_client.post("/report", data={"csrf_token": token}, params={"lang": "ur"})
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert "براہِ کرم تھوڑا انتظار کریں" in blocked.text
    assert fresh_client.get("/report").status_code == 200  # reading is never limited


def test_reason_is_preselected_from_a_guideline_link(fresh_client: TestClient) -> None:
    html = fresh_client.get("/report", params={"reason": "youth.grooming"}).text
    assert '<option value="youth.grooming" selected>' in html
    html = fresh_client.get("/report", params={"reason": "<script>"}).text
    assert " selected>" not in html
