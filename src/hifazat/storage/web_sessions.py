"""Web sign-in: account passwords (scrypt hashes) and server-side browser sessions (migration 0400).

A session's token is given to the browser once, in a cookie; only its SHA-256 hash is stored, so a copy
of the database does not let anyone sign in. A session ends at its expiry or when it is revoked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.storage.accounts import Account, _account
from hifazat.storage.models import AccountRow, Base
from hifazat.storage.types import UTCDateTime


class PasswordRow(Base):
    """The password of one account, as a self-describing scrypt hash (`scrypt$n$r$p$salt$hash`)."""

    __tablename__ = "account_passwords"

    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), primary_key=True)
    password_hash: Mapped[str] = mapped_column(String(300))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class WebSessionRow(Base):
    """One signed-in browser."""

    __tablename__ = "web_sessions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    """SHA-256 hex of the cookie's token; the token itself is never stored."""
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


@dataclass(frozen=True, slots=True)
class WebSession:
    """A live session and the account it belongs to."""

    id: int
    account: Account
    created_at: datetime
    expires_at: datetime


class PasswordStore:
    """Password hashes by account."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, account_id: str) -> str | None:
        """The stored hash, or None when the account has no password."""
        row = self._session.get(PasswordRow, account_id)
        return None if row is None else row.password_hash

    def put(self, *, account_id: str, password_hash: str, now: datetime) -> None:
        """Set (or replace) an account's password hash."""
        row = self._session.get(PasswordRow, account_id)
        if row is None:
            self._session.add(PasswordRow(account_id=account_id, password_hash=password_hash, updated_at=now))
        else:
            row.password_hash = password_hash
            row.updated_at = now
        self._session.flush()


class WebSessionStore:
    """Browser sessions by token hash."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, *, token_hash: str, account_id: str, now: datetime, expires_at: datetime) -> int:
        """Record a new session; returns its id."""
        row = WebSessionRow(
            token_hash=token_hash,
            account_id=account_id,
            created_at=now,
            expires_at=expires_at,
            revoked_at=None,
        )
        self._session.add(row)
        self._session.flush()
        return row.id

    def live(self, token_hash: str, now: datetime) -> WebSession | None:
        """The unrevoked, unexpired session with this token hash, with its account."""
        found = self._session.execute(
            select(WebSessionRow, AccountRow)
            .join(AccountRow, AccountRow.id == WebSessionRow.account_id)
            .where(
                WebSessionRow.token_hash == token_hash,
                WebSessionRow.revoked_at.is_(None),
                WebSessionRow.expires_at > now,
            )
        ).first()
        if found is None:
            return None
        row, account = found
        return WebSession(row.id, _account(account), row.created_at, row.expires_at)

    def revoke(self, token_hash: str, now: datetime) -> bool:
        """End one session; False when it was already ended or never existed."""
        result = self._session.execute(
            update(WebSessionRow)
            .where(WebSessionRow.token_hash == token_hash, WebSessionRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def revoke_all(self, account_id: str, now: datetime) -> int:
        """End every session of an account (after a password change); returns how many."""
        result = self._session.execute(
            update(WebSessionRow)
            .where(WebSessionRow.account_id == account_id, WebSessionRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]
