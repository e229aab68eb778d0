"""Signing in to the web pages with a handle and a password, and the server-side sessions that follow.

Passwords are hashed with scrypt (a fresh 16-byte salt per password; the parameters are stored with
the hash so they can be raised later) and compared in constant time. A handle without an account or
without a password costs the same scrypt work as a wrong password, so timing tells nothing.

A session token is 256 random bits given to the browser once; the database keeps only its SHA-256.
Sessions end after `SESSION_LIFETIME`, at sign-out, or when the account's password changes.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.services.clock import utcnow
from hifazat.storage.accounts import Account, AccountStore
from hifazat.storage.audit import AuditLog
from hifazat.storage.web_sessions import PasswordStore, WebSession, WebSessionStore

SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SCRYPT_MAXMEM = 64 * 1024 * 1024
KEY_BYTES = 32
SALT_BYTES = 16
MIN_PASSWORD = 10
MAX_PASSWORD = 256
"""Passwords are 10 to 256 characters (long pass phrases welcome; the upper bound caps hashing work)."""
SESSION_LIFETIME = timedelta(hours=12)
"""A browser stays signed in for one working shift at most."""
SIGN_IN_ROLES = ("user", "ambassador", "moderator", "senior_moderator", "admin")
"""Roles that may sign in to the web pages (`service` accounts are backends: API keys only)."""
TOKEN_MAX = 200


@dataclass(frozen=True, slots=True)
class SignedIn:
    """A new session: the token for the browser's cookie (shown once) and when it expires."""

    account: Account
    token: str
    expires_at: datetime


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=SCRYPT_MAXMEM, dklen=KEY_BYTES
    )


def check_password_rules(password: str) -> str:
    """`password` when it is acceptable; otherwise an `InvalidInputError` saying what to change."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInputError(
            f"the password is {len(password)} characters; use at least {MIN_PASSWORD}",
            hint="a few unrelated words make a strong password that is easy to remember",
        )
    if len(password) > MAX_PASSWORD:
        raise InvalidInputError(f"the password is longer than {MAX_PASSWORD} characters")
    if not password.strip():
        raise InvalidInputError("the password cannot be only spaces")
    if any(ord(c) < 32 or ord(c) == 127 for c in password):
        raise InvalidInputError("the password contains control characters (such as a line break)")
    return password


def hash_password(password: str) -> str:
    """A salted scrypt hash, `scrypt$<n>$<r>$<p>$<salt>$<key>`."""
    salt = secrets.token_bytes(SALT_BYTES)
    key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


@cache
def _dummy_hash() -> str:
    """Checked against when there is no real hash, so an unknown handle costs as much as a wrong password."""
    return hash_password(secrets.token_urlsafe(16))


def verify_password(password: str, stored: str) -> bool:
    """True when `password` matches `stored` (constant-time comparison; a malformed hash never matches)."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt" or not all(p.isdigit() for p in parts[1:4]):
        return False
    n, r, p = (int(x) for x in parts[1:4])
    if not (2 <= n <= 2**20 and 1 <= r <= 32 and 1 <= p <= 16):
        return False
    try:
        salt, expected = _unb64(parts[4]), _unb64(parts[5])
    except ValueError:
        return False
    if len(password) > MAX_PASSWORD:
        return False
    return hmac.compare_digest(_scrypt(password, salt, n, r, p), expected)


def hash_token(token: str) -> str:
    """How session tokens are stored: SHA-256 hex (tokens are 256-bit random, so a fast hash is enough)."""
    return hashlib.sha256(token.encode()).hexdigest()


def set_password(
    *,
    accounts: AccountStore,
    passwords: PasswordStore,
    sessions: WebSessionStore,
    handle: str,
    password: str,
    audit: AuditLog | None = None,
    actor_id: str = "system",
    now: datetime | None = None,
) -> Account:
    """Give the account `handle` a new password and end all its browser sessions (audited when `audit`
    is given: `actor_id` set it)."""
    now = now or utcnow()
    account = accounts.by_handle(handle)
    if account is None:
        raise NotFoundError(f"no account with the handle {handle!r}")
    if account.role not in SIGN_IN_ROLES:
        raise InvalidInputError(
            f"a {account.role} account cannot sign in to the web pages", hint="it uses API keys only"
        )
    passwords.put(account_id=account.id, password_hash=hash_password(check_password_rules(password)), now=now)
    sessions.revoke_all(account.id, now)
    if audit is not None:
        audit.record(AuditEvent("account.password_set", actor_id, f"account:{account.id}", {}))
    return account


def sign_in(
    *,
    accounts: AccountStore,
    passwords: PasswordStore,
    sessions: WebSessionStore,
    handle: str,
    password: str,
    lifetime: timedelta = SESSION_LIFETIME,
    audit: AuditLog | None = None,
    now: datetime | None = None,
) -> SignedIn | None:
    """A new session when the handle and password match; None otherwise (the caller says why to no one).
    A successful sign-in is audited when `audit` is given (failed attempts are only rate limited)."""
    now = now or utcnow()
    account = accounts.by_handle(handle.strip().lower()) if len(handle) <= 64 else None
    stored = passwords.get(account.id) if account is not None else None
    matches = verify_password(password, stored or _dummy_hash())
    if account is None or stored is None or not matches or account.role not in SIGN_IN_ROLES:
        return None
    token = secrets.token_urlsafe(32)
    expires = now + lifetime
    sessions.add(token_hash=hash_token(token), account_id=account.id, now=now, expires_at=expires)
    if audit is not None:
        audit.record(
            AuditEvent(
                "session.signed_in", account.id, f"account:{account.id}", {"until": expires.isoformat()}
            )
        )
    return SignedIn(account, token, expires)


def session_for(*, sessions: WebSessionStore, token: str, now: datetime | None = None) -> WebSession | None:
    """The live session behind a cookie's token, or None (unknown, expired or revoked)."""
    if not token or len(token) > TOKEN_MAX:
        return None
    return sessions.live(hash_token(token), now or utcnow())


def sign_out(
    *, sessions: WebSessionStore, token: str, audit: AuditLog | None = None, now: datetime | None = None
) -> bool:
    """Revoke the session behind `token`; False when there was none (audited when `audit` is given)."""
    if not token or len(token) > TOKEN_MAX:
        return False
    moment = now or utcnow()
    live = sessions.live(hash_token(token), moment) if audit is not None else None
    ended = sessions.revoke(hash_token(token), moment)
    if ended and audit is not None and live is not None:
        audit.record(AuditEvent("session.signed_out", live.account.id, f"account:{live.account.id}", {}))
    return ended
