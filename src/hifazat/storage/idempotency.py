"""Idempotency keys: the first response to a write, replayed when a client retries it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.storage.models import Base
from hifazat.storage.types import JSONText, UTCDateTime


class IdempotencyRow(Base):
    """A stored response to one keyed write by one actor."""

    __tablename__ = "idempotency_keys"
    __table_args__ = (UniqueConstraint("actor_id", "key", name="uq_idempotency_keys_actor_key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    actor_id: Mapped[str] = mapped_column(String(64))
    key: Mapped[str] = mapped_column(String(200))
    fingerprint: Mapped[str] = mapped_column(String(64))
    """SHA-256 of the method, path and body, so a key reused for another request is refused."""
    status: Mapped[int] = mapped_column(Integer)
    body: Mapped[Any] = mapped_column(JSONText())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


@dataclass(frozen=True, slots=True)
class StoredResponse:
    """The response recorded for a key."""

    fingerprint: str
    status: int
    body: Any


class IdempotencyStore:
    """Responses by (actor, key)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def find(self, actor_id: str, key: str) -> StoredResponse | None:
        row = self._session.scalar(
            select(IdempotencyRow).where(IdempotencyRow.actor_id == actor_id, IdempotencyRow.key == key)
        )
        return None if row is None else StoredResponse(row.fingerprint, row.status, row.body)

    def put(
        self, *, actor_id: str, key: str, fingerprint: str, status: int, body: Any, now: datetime
    ) -> None:
        """Record a response (a concurrent duplicate fails on the unique key when it commits)."""
        self._session.add(
            IdempotencyRow(
                actor_id=actor_id, key=key, fingerprint=fingerprint, status=status, body=body, created_at=now
            )
        )
        self._session.flush()
