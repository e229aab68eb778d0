"""Signing in to the web pages: passwords, sessions, cookies, CSRF, rate limits, roles and `next`."""

from __future__ import annotations

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from console_kit import PASSWORD, database, sign_in, token_from, with_password
from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.services.audit import verify_chain
from hifazat.services.sign_in import (
    check_password_rules,
    hash_password,
    hash_token,
    set_password,
    verify_password,
)
from hifazat.storage.web_sessions import PasswordStore, WebSessionRow, WebSessionStore
from hifazat.web.sessions import safe_next
from safety_centre_app import build_app


def test_password_hash_is_salted_and_verifies() -> None:
    first, second = hash_password(PASSWORD), hash_password(PASSWORD)
    assert first != second and first.startswith("scrypt$16384$8$1$")
    assert verify_password(PASSWORD, first) and verify_password(PASSWORD, second)
    assert not verify_password(PASSWORD + "x", first)


@pytest.mark.parametrize(
    "stored",
    [
        "",  # nothing stored
        "md5$abc",  # another scheme
        "scrypt$16384$8$1$!!$!!",  # salt and key that are not base64
        "scrypt$99999999$8$1$AAAA$AAAA",  # absurd cost, refused before hashing
    ],
)
def test_malformed_hashes_never_match(stored: str) -> None:
    assert verify_password(PASSWORD, stored) is False


@pytest.mark.parametrize(
    "password",
    [
        "short",  # under ten characters
        " " * 12,  # only spaces
        "line\nbreak-password",  # a control character
        "x" * 257,  # too long
    ],
)
def test_weak_or_odd_passwords_are_refused(password: str) -> None:
    with pytest.raises(InvalidInputError):
        check_password_rules(password)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/console/tasks/3", "/console/tasks/3"),  # a local path
        ("/ambassadors?tab=1", "/ambassadors?tab=1"),  # with a query
        ("https://evil.example/", "/console"),  # another site
        ("//evil.example/", "/console"),  # scheme-relative
        ("/\\evil.example", "/console"),  # backslash trick
        ("/console\r\nSet-Cookie: x", "/console"),  # header injection
        ("", "/console"),  # nothing
    ],
)
def test_next_must_be_a_local_path(value: str, expected: str) -> None:
    assert safe_next(value) == expected


def test_sign_in_sets_a_hardened_cookie_and_stores_only_a_hash(fresh_app: FastAPI) -> None:
    with_password(database(fresh_app), "mod_en", "moderator")
    with TestClient(fresh_app) as client:
        response = sign_in(client, "MOD_EN ", next_path="/console/appeals")
        assert response.status_code == 303
        assert response.headers["location"] == "/console/appeals"
        cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("hz_session="))
        assert "HttpOnly" in cookie and "SameSite=strict" in cookie and "Path=/" in cookie
        assert "Secure" not in cookie  # plain http in the test; https adds Secure
        token = cookie.split(";")[0].split("=", 1)[1]
    with database(fresh_app).read() as stores:
        rows = list(stores.session.scalars(select(WebSessionRow)))
    assert [r.token_hash for r in rows] == [hash_token(token)]
    assert token not in rows[0].token_hash


def test_cookie_is_secure_over_https(fresh_app: FastAPI) -> None:
    with_password(database(fresh_app), "mod_en", "moderator")
    with TestClient(fresh_app, base_url="https://testserver") as client:
        response = sign_in(client, "mod_en")
        cookie = next(c for c in response.headers.get_list("set-cookie") if c.startswith("hz_session="))
    assert "Secure" in cookie


@pytest.mark.parametrize(
    ("handle", "password"),
    [
        ("mod_en", "not the password!"),  # wrong password
        ("nobody_here", PASSWORD),  # unknown handle: same answer
        ("no_password", PASSWORD),  # an account that never set a password
    ],
)
def test_wrong_credentials_get_one_bilingual_answer(fresh_app: FastAPI, handle: str, password: str) -> None:
    db = database(fresh_app)
    with_password(db, "mod_en", "moderator")
    from builders import account

    account(db, "no_password", "moderator")
    with TestClient(fresh_app) as client:
        english = sign_in(client, handle, password)
        assert english.status_code == 401 and "do not match" in english.text
        assert "hz_session" not in english.headers.get("set-cookie", "")
        client.get("/console/sign-in", params={"lang": "ur"})
        urdu = sign_in(client, handle, password)
    assert urdu.status_code == 401 and 'dir="rtl"' in urdu.text and "پاس ورڈ" in urdu.text


def test_sign_in_without_a_csrf_token_is_refused(fresh_app: FastAPI) -> None:
    with_password(database(fresh_app), "mod_en", "moderator")
    with TestClient(fresh_app) as client:
        client.get("/console/sign-in")
        response = client.post(
            "/console/sign-in",
            data={"handle": "mod_en", "password": PASSWORD, "next": "/console"},
            follow_redirects=False,
        )
    assert response.status_code == 403 and "hz_session" not in response.headers.get("set-cookie", "")


def test_attempts_are_limited_per_handle(fresh_app: FastAPI) -> None:
    with_password(database(fresh_app), "mod_en", "moderator")
    with TestClient(fresh_app) as client:
        codes = [sign_in(client, "mod_en", "wrong password!").status_code for _ in range(8)]
        blocked = sign_in(client, "mod_en")  # even the right password waits now
    assert codes == [401] * 8
    assert blocked.status_code == 429 and int(blocked.headers["retry-after"]) > 0
    assert "wait" in blocked.text


def test_a_second_worker_sees_the_same_attempts(fresh_app: FastAPI) -> None:
    # Two app instances over one database are two worker processes: the limit is shared, not doubled.
    with_password(database(fresh_app), "mod_en", "moderator")
    other = build_app(fresh_app.state.runtime.settings.data_dir)
    with TestClient(fresh_app) as first, TestClient(other) as second:
        codes = [
            sign_in(first if i % 2 else second, "mod_en", "wrong password!").status_code for i in range(8)
        ]
        blocked = sign_in(second, "mod_en")
    assert codes == [401] * 8
    assert blocked.status_code == 429


def test_sign_out_revokes_the_session(fresh_app: FastAPI) -> None:
    with_password(database(fresh_app), "mod_en", "moderator")
    with TestClient(fresh_app) as client:
        sign_in(client, "mod_en")
        token = client.cookies.get("hz_session")
        assert token
        assert client.get("/console", follow_redirects=False).status_code == 200
        page = client.get("/console")
        out = client.post(
            "/console/sign-out", data={"csrf_token": token_from(page.text)}, follow_redirects=False
        )
        assert out.status_code == 303 and out.headers["location"] == "/console/sign-in?out=1"
        client.cookies.set("hz_session", token)  # a copied cookie is worthless after sign-out
        again = client.get("/console", follow_redirects=False)
    assert again.status_code == 303 and again.headers["location"].startswith("/console/sign-in?next=")
    with database(fresh_app).read() as stores:
        events = [(e.event, e.actor) for e in stores.audit.scan() if e.subject == "account:mod_en"]
        assert verify_chain(audit=stores.audit).ok
    assert events[-2:] == [("session.signed_in", "mod_en"), ("session.signed_out", "mod_en")]


def test_new_password_ends_every_session(fresh_app: FastAPI) -> None:
    db = database(fresh_app)
    with_password(db, "mod_en", "moderator")
    with TestClient(fresh_app) as client:
        sign_in(client, "mod_en")
        assert client.get("/console", follow_redirects=False).status_code == 200
        with db.write() as stores:
            set_password(
                accounts=stores.accounts,
                passwords=PasswordStore(stores.session),
                sessions=WebSessionStore(stores.session),
                handle="mod_en",
                password="a brand new pass phrase",
            )
        assert client.get("/console", follow_redirects=False).status_code == 303


def test_set_password_names_a_missing_account(fresh_app: FastAPI) -> None:
    with database(fresh_app).write() as stores, pytest.raises(NotFoundError):
        set_password(
            accounts=stores.accounts,
            passwords=PasswordStore(stores.session),
            sessions=WebSessionStore(stores.session),
            handle="ghost",
            password=PASSWORD,
        )


@pytest.mark.parametrize(
    ("handle", "role", "status"),
    [
        ("mod_en", "moderator", 200),  # reviewers work the console
        ("senior", "senior_moderator", 200),  # senior reviewers too
        ("boss", "admin", 200),  # admins see it (audit trail)
        ("amb", "ambassador", 403),  # ambassadors sign in, but not to the console
        ("plain", "user", 403),  # ordinary users neither
    ],
)
def test_console_admits_only_staff(fresh_app: FastAPI, handle: str, role: str, status: int) -> None:
    with_password(database(fresh_app), handle, role)
    with TestClient(fresh_app) as client:
        assert sign_in(client, handle).status_code == 303
        response = client.get("/console", follow_redirects=False)
    assert response.status_code == status
    if status == 403:
        assert f"@{handle}" in response.text and "Not available to your account" in response.text


def test_signed_out_browser_is_sent_to_sign_in_and_back(fresh_app: FastAPI) -> None:
    with_password(database(fresh_app), "mod_en", "moderator")
    with TestClient(fresh_app) as client:
        first = client.get("/console/queue/ur", follow_redirects=False)
        assert first.status_code == 303
        assert first.headers["location"] == "/console/sign-in?next=/console/queue/ur"
        back = sign_in(client, "mod_en", next_path="/console/queue/ur")
    assert back.headers["location"] == "/console/queue/ur"


def test_console_csp_allows_only_its_own_script(client: TestClient) -> None:
    console = client.get("/console/sign-in").headers["content-security-policy"]
    public = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in console and "script-src" not in public


def test_hostile_handle_is_escaped_and_next_stays_local(fresh_app: FastAPI) -> None:
    with_password(database(fresh_app), "mod_en", "moderator")
    with TestClient(fresh_app) as client:
        hostile = sign_in(client, '"><script>alert(1)</script>\u202e')
        assert hostile.status_code == 401
        assert "<script>alert(1)" not in hostile.text and "&lt;script&gt;" in hostile.text
        away = sign_in(client, "mod_en", next_path="https://evil.example/steal")
    assert away.status_code == 303 and away.headers["location"] == "/console"
