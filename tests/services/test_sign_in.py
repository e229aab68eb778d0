"""Passwords and web sessions on every backend: sign in, expiry, revocation, demo passwords."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import Engine

from apikit import PhraseDetector
from builders import T0, account
from hifazat.core.errors import InvalidInputError
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator
from hifazat.services.demo import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo
from hifazat.services.sign_in import SignedIn, session_for, set_password, sign_in, sign_out
from hifazat.storage.unit import Database
from hifazat.storage.web_sessions import PasswordStore, WebSession, WebSessionStore

PASSWORD = "a long enough pass phrase"


def _set(db: Database, handle: str, password: str = PASSWORD) -> None:
    with db.write() as stores:
        set_password(
            accounts=stores.accounts,
            passwords=PasswordStore(stores.session),
            sessions=WebSessionStore(stores.session),
            handle=handle,
            password=password,
            now=T0,
        )


def _sign_in(db: Database, handle: str, password: str = PASSWORD) -> SignedIn | None:
    with db.write() as stores:
        return sign_in(
            accounts=stores.accounts,
            passwords=PasswordStore(stores.session),
            sessions=WebSessionStore(stores.session),
            handle=handle,
            password=password,
            now=T0,
        )


def _live(db: Database, token: str, after: timedelta = timedelta(0)) -> WebSession | None:
    with db.read() as stores:
        return session_for(sessions=WebSessionStore(stores.session), token=token, now=T0 + after)


def test_session_lives_twelve_hours_and_ends_at_sign_out(db: Database) -> None:
    account(db, "mod_en", "moderator")
    _set(db, "mod_en")
    signed = _sign_in(db, "mod_en")
    assert signed is not None and signed.expires_at == T0 + timedelta(hours=12)
    live = _live(db, signed.token)
    assert live is not None and live.account.handle == "mod_en"
    assert _live(db, signed.token, timedelta(hours=11, minutes=59)) is not None
    assert _live(db, signed.token, timedelta(hours=12)) is None  # expired
    with db.write() as stores:
        assert sign_out(sessions=WebSessionStore(stores.session), token=signed.token, now=T0)
        assert not sign_out(sessions=WebSessionStore(stores.session), token=signed.token, now=T0)
    assert _live(db, signed.token) is None


def test_service_accounts_cannot_have_web_passwords(db: Database) -> None:
    account(db, "backend", "service")
    with pytest.raises(InvalidInputError, match="API keys only"):
        _set(db, "backend")


@pytest.mark.parametrize(
    "token",
    [
        "",  # no cookie
        "x" * 500,  # absurdly long
        "not-a-real-token",  # never issued
    ],
)
def test_unknown_tokens_find_nothing(db: Database, token: str) -> None:
    assert _live(db, token) is None


def test_demo_accounts_sign_in_with_the_demo_password(module_engine: Engine) -> None:
    moderator = Moderator([PhraseDetector()], default_catalogue())
    printed = "\n".join(seed_demo(module_engine, moderator=moderator))
    db = Database(module_engine)
    assert DEMO_PASSWORD in printed
    for handle, role, *_ in DEMO_ACCOUNTS:
        signed = _sign_in(db, handle, DEMO_PASSWORD)
        assert (signed is not None) == (role != "service"), handle
