"""Accounts and their API keys (stored as SHA-256 hashes, never in clear)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import ForeignKey, Integer, String, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.core.enforcement.vocabulary import LANGUAGES, ROLES, Language, Role, pick
from hifazat.core.errors import ConflictError, NotFoundError
from hifazat.storage.models import AccountRow, Base
from hifazat.storage.types import UTCDateTime

SYSTEM = "system"
"""The account automatic actions are recorded under (created by migration 0003)."""


class ApiKeyRow(Base):
    """A bearer key for one account; only its hash is kept."""

    __tablename__ = "api_keys"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    prefix: Mapped[str] = mapped_column(String(16))
    """The first characters of the key, shown in lists so people can tell their keys apart."""
    key_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


@dataclass(frozen=True, slots=True)
class Account:
    """A person or service client."""

    id: str
    handle: str
    display_name: str
    role: Role
    language: Language
    birth_date: date | None
    follower_count: int
    created_at: datetime


def _account(row: AccountRow) -> Account:
    created = row.created_at
    return Account(
        id=row.id,
        handle=row.handle,
        display_name=row.display_name,
        role=pick(row.role, ROLES, "role"),
        language=pick(row.language, LANGUAGES, "language"),
        birth_date=row.birth_date,
        follower_count=row.follower_count,
        created_at=created,
    )


class AccountStore:
    """Accounts by id or handle."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        id: str,
        handle: str,
        role: Role,
        language: Language,
        now: datetime,
        display_name: str = "",
        birth_date: date | None = None,
        follower_count: int = 0,
    ) -> Account:
        """A new account; `ConflictError` when the id or handle is taken."""
        row = AccountRow(
            id=id,
            handle=handle,
            display_name=display_name,
            role=role,
            language=language,
            birth_date=birth_date,
            follower_count=follower_count,
            created_at=now,
        )
        try:
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            raise ConflictError(f"an account with id {id!r} or handle {handle!r} already exists") from None
        return _account(row)

    def find(self, account_id: str) -> Account | None:
        row = self._session.get(AccountRow, account_id)
        return None if row is None else _account(row)

    def find_many(self, account_ids: Iterable[str]) -> dict[str, Account]:
        """The accounts that exist among `account_ids`, by id (one query)."""
        wanted = list(set(account_ids))
        if not wanted:
            return {}
        rows = self._session.scalars(select(AccountRow).where(AccountRow.id.in_(wanted)))
        return {row.id: _account(row) for row in rows}

    def get(self, account_id: str) -> Account:
        """The account; `NotFoundError` when there is none."""
        found = self.find(account_id)
        if found is None:
            raise NotFoundError(f"no account {account_id!r}")
        return found

    def by_handle(self, handle: str) -> Account | None:
        row = self._session.scalar(select(AccountRow).where(AccountRow.handle == handle))
        return None if row is None else _account(row)

    def set_role(self, account_id: str, role: Role) -> None:
        """Give an account another role (services check who may, and audit it)."""
        self._session.execute(update(AccountRow).where(AccountRow.id == account_id).values(role=role))

    def set_followers(self, account_id: str, count: int) -> None:
        self._session.execute(
            update(AccountRow).where(AccountRow.id == account_id).values(follower_count=count)
        )


class ApiKeyStore:
    """API keys by hash."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, *, account_id: str, key_hash: str, prefix: str, label: str, now: datetime) -> int:
        row = ApiKeyRow(account_id=account_id, key_hash=key_hash, prefix=prefix, label=label, created_at=now)
        try:
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            raise ConflictError("this API key is already registered") from None
        return row.id

    def account_for(self, key_hash: str) -> Account | None:
        """The account holding an unrevoked key with this hash."""
        row = self._session.scalar(
            select(AccountRow)
            .join(ApiKeyRow, ApiKeyRow.account_id == AccountRow.id)
            .where(ApiKeyRow.key_hash == key_hash, ApiKeyRow.revoked_at.is_(None))
        )
        return None if row is None else _account(row)

    def revoke(self, *, account_id: str, now: datetime) -> int:
        """Revoke every key of an account; returns how many."""
        result = self._session.execute(
            update(ApiKeyRow)
            .where(ApiKeyRow.account_id == account_id, ApiKeyRow.revoked_at.is_(None))
            .values(revoked_at=now)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]
