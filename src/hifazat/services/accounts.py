"""Accounts and API keys: create, authenticate, describe."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime

from hifazat.core.enforcement.age import AgeBand, age_band
from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.enforcement.vocabulary import LANGUAGES, ROLES, pick
from hifazat.core.errors import InvalidInputError
from hifazat.services.clock import utcnow
from hifazat.storage.accounts import Account, AccountStore, ApiKeyStore
from hifazat.storage.audit import AuditLog

KEY_PREFIX = "hz_"
HANDLE = re.compile(r"^[a-z0-9_.]{3,32}$")


@dataclass(frozen=True, slots=True)
class NewAccount:
    """A created account and its first API key (shown once; only its hash is stored)."""

    account: Account
    key: str


def new_key() -> str:
    """A fresh random API key."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    """How keys are stored: SHA-256 hex (keys are 256-bit random, so a fast hash is enough)."""
    return hashlib.sha256(key.encode()).hexdigest()


def check_handle(handle: str) -> str:
    if not HANDLE.match(handle):
        raise InvalidInputError(
            f"handle {handle!r} is not valid", hint="3 to 32 lower-case letters, digits, '_' or '.'"
        )
    return handle


def create_account(
    *,
    accounts: AccountStore,
    api_keys: ApiKeyStore,
    audit: AuditLog,
    actor_id: str,
    handle: str,
    role: str,
    language: str = "en",
    display_name: str = "",
    birth_date: date | None = None,
    follower_count: int = 0,
    account_id: str | None = None,
    key: str | None = None,
    now: datetime | None = None,
) -> NewAccount:
    """Create an account with one API key (`key` lets demo seeding use well-known keys)."""
    now = now or utcnow()
    if follower_count < 0:
        raise InvalidInputError("follower_count must be ≥ 0")
    if birth_date is not None and birth_date > now.date():
        raise InvalidInputError("birth_date is in the future")
    account = accounts.add(
        id=account_id or f"acc_{secrets.token_hex(8)}",
        handle=check_handle(handle),
        role=pick(role, ROLES, "role"),
        language=pick(language, LANGUAGES, "language"),
        display_name=display_name.strip()[:200],
        birth_date=birth_date,
        follower_count=follower_count,
        now=now,
    )
    secret = key or new_key()
    api_keys.add(
        account_id=account.id, key_hash=hash_key(secret), prefix=secret[:8], label="first key", now=now
    )
    audit.record(
        AuditEvent(
            "account.created",
            actor_id,
            f"account:{account.id}",
            {"role": account.role, "handle": account.handle},
        )
    )
    return NewAccount(account, secret)


def issue_key(
    *,
    api_keys: ApiKeyStore,
    audit: AuditLog,
    actor_id: str,
    account_id: str,
    label: str,
    now: datetime | None = None,
) -> str:
    """Another API key for an account."""
    secret = new_key()
    api_keys.add(
        account_id=account_id, key_hash=hash_key(secret), prefix=secret[:8], label=label, now=now or utcnow()
    )
    audit.record(AuditEvent("api_key.created", actor_id, f"account:{account_id}", {"label": label}))
    return secret


def change_role(
    *,
    accounts: AccountStore,
    audit: AuditLog,
    actor_id: str,
    account_id: str,
    role: str,
    reason: str,
) -> Account:
    """Give an account another role, recorded in the audit log (`account.role_changed`)."""
    account = accounts.get(account_id)
    new_role = pick(role, ROLES, "role")
    if account.role != new_role:
        accounts.set_role(account.id, new_role)
        audit.record(
            AuditEvent(
                "account.role_changed",
                actor_id,
                f"account:{account.id}",
                {"from": account.role, "to": new_role, "reason": reason},
            )
        )
    return accounts.get(account.id)


def authenticate(*, api_keys: ApiKeyStore, key: str) -> Account | None:
    """The account holding `key`, or None."""
    if not key.startswith(KEY_PREFIX) or len(key) > 200:
        return None
    return api_keys.account_for(hash_key(key))


def band_of(account: Account, today: date) -> AgeBand:
    """The account holder's age band today."""
    return age_band(account.birth_date, today)
