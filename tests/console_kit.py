"""Shared by the console's web and browser tests: accounts with passwords, reported items, signing in."""

from __future__ import annotations

import re

from fastapi import FastAPI
from fastapi.testclient import TestClient
from httpx import Response

from builders import account, post, verdict
from hifazat.core.decide.verdict import Finding, Verdict
from hifazat.core.guidelines import default_catalogue
from hifazat.core.signals import Span
from hifazat.services.clock import utcnow
from hifazat.services.reports import file_report
from hifazat.services.sign_in import set_password
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database
from hifazat.storage.web_sessions import PasswordStore, WebSessionStore

PASSWORD = "correct horse battery staple"
TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
STAFF = (
    # handle, role, language
    ("mod_en", "moderator", "en"),
    ("mod_two", "moderator", "ur"),
    ("senior", "senior_moderator", "en"),
    ("boss", "admin", "en"),
    ("amb", "ambassador", "ur"),
    ("reporter", "user", "en"),
    ("author_ur", "user", "ur"),
)


def database(app: FastAPI) -> Database:
    """A unit-of-work factory over the app's own database."""
    return Database(app.state.runtime.engine)


def with_password(db: Database, handle: str, role: str = "user", language: str = "en") -> Account:
    """A new account `handle` that signs in with `PASSWORD`."""
    made = account(db, handle, role, language)
    with db.write() as stores:
        set_password(
            accounts=stores.accounts,
            passwords=PasswordStore(stores.session),
            sessions=WebSessionStore(stores.session),
            handle=handle,
            password=PASSWORD,
        )
    return made


def people(db: Database) -> dict[str, Account]:
    """Every account of `STAFF`, by handle."""
    return {handle: with_password(db, handle, role, language) for handle, role, language in STAFF}


def with_evidence(text: str, policy: str, words: tuple[str, ...], language: str = "en") -> Verdict:
    """A verdict that allows the item but points at `words` in `text` as evidence for `policy`."""
    spans = tuple(Span(text.index(w), text.index(w) + len(w)) for w in words)
    finding = Finding(policy, 0.4, "low", "allow", 2, ("test",), spans, words)
    return Verdict(
        action="allow",
        findings=(finding,),
        signals=(),
        language=language,  # type: ignore[arg-type]
        reasons_en=("test evidence",),
        reasons_ur=("ٹیسٹ کا ثبوت",),
        guidelines_version="2026.2",
        engine_version="test",
    )


def reported_item(
    db: Database,
    *,
    author: Account,
    reporter: Account,
    content_id: str,
    text: str,
    policy: str,
    evidence: tuple[str, ...] = (),
    language: str = "en",
) -> int:
    """Post `text` as `author`, have `reporter` report it under `policy`; returns the review task id."""
    catalogue = default_catalogue()
    made = with_evidence(text, policy, evidence, language) if evidence else verdict(language=language)
    post(db, catalogue, author, content_id, text=text, made=made, now=utcnow())
    with db.write() as stores:
        filed = file_report(
            stores=stores, catalogue=catalogue, reporter=reporter, content_id=content_id, policy_id=policy
        )
    return filed.task.id


def token_from(html: str) -> str:
    """The CSRF token of the first form in a page."""
    match = TOKEN.search(html)
    assert match is not None, "no CSRF token in the page"
    return match.group(1)


def sign_in(
    client: TestClient, handle: str, password: str = PASSWORD, next_path: str = "/console"
) -> Response:
    """Open the sign-in page and send the form (without following the redirect)."""
    form = client.get("/console/sign-in", params={"next": next_path})
    response: Response = client.post(
        "/console/sign-in",
        data={"csrf_token": token_from(form.text), "handle": handle, "password": password, "next": next_path},
        follow_redirects=False,
    )
    return response
