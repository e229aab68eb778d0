"""Idempotency keys: the first response to a write, replayed when a client retries it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Integer, String, Table, UniqueConstraint, insert, select
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


IDEMPOTENCY_TABLE: Table = IdempotencyRow.__table__  # type: ignore[assignment]
INSERT_RESPONSES = insert(IDEMPOTENCY_TABLE)


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

    def find_many(self, wanted: Sequence[tuple[str, str]]) -> dict[tuple[str, str], StoredResponse]:
        """`find` for many (actor, key) pairs in one query: the pairs that have a stored response."""
        if not wanted:
            return {}
        pairs = set(wanted)
        rows = self._session.execute(
            select(
                IdempotencyRow.actor_id,
                IdempotencyRow.key,
                IdempotencyRow.fingerprint,
                IdempotencyRow.status,
                IdempotencyRow.body,
            ).where(
                IdempotencyRow.key.in_(sorted({key for _, key in pairs})),
                IdempotencyRow.actor_id.in_(sorted({actor for actor, _ in pairs})),
            )
        )
        return {
            (row.actor_id, row.key): StoredResponse(row.fingerprint, row.status, row.body)
            for row in rows
            if (row.actor_id, row.key) in pairs
        }

    def put_many(self, responses: Sequence[tuple[str, str, StoredResponse]], now: datetime) -> None:
        """`put` for many (actor, key, response) in one statement (a concurrent duplicate fails on the
        unique key, and with it the whole statement)."""
        if responses:
            self._session.connection().execute(
                INSERT_RESPONSES,
                [
                    {
                        "actor_id": actor_id, "key": key, "fingerprint": response.fingerprint,
                        "status": response.status, "body": response.body, "created_at": now,
                    }
                    for actor_id, key, response in responses
                ],
            )  # fmt: skip
