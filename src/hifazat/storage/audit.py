"""The append-only audit log with its hash chain.

Services `record` events while they work; the unit of work appends them all at the end of the
transaction (`flush`), so the chain head is locked for the shortest time and always last, which keeps
transactions from deadlocking on it. On PostgreSQL the head row is locked `FOR UPDATE`; on SQLite the
write transaction already holds the database lock.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Integer, String, Table, bindparam, insert, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.core.enforcement.chain import GENESIS, AuditEntry, AuditEvent, seal
from hifazat.storage.models import Base
from hifazat.storage.types import JSONText, UTCDateTime


class AuditRow(Base):
    """One sealed entry."""

    __tablename__ = "audit_log"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    event: Mapped[str] = mapped_column(String(40), index=True)
    actor: Mapped[str] = mapped_column(String(64), index=True)
    subject: Mapped[str] = mapped_column(String(80), index=True)
    data: Mapped[Any] = mapped_column(JSONText())
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditHeadRow(Base):
    """The chain's head: the last sequence number and hash (one row, id 1)."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


AUDIT_TABLE: Table = AuditRow.__table__  # type: ignore[assignment]
HEAD_TABLE: Table = AuditHeadRow.__table__  # type: ignore[assignment]
LOCK_HEAD = select(HEAD_TABLE.c.seq, HEAD_TABLE.c.hash).where(HEAD_TABLE.c.id == 1).with_for_update()
INSERT_ENTRIES = insert(AUDIT_TABLE)
MOVE_HEAD = (
    update(HEAD_TABLE)
    .where(HEAD_TABLE.c.id == 1)
    .values(seq=bindparam("new_seq"), hash=bindparam("new_hash"))
)
"""Sealing runs in every audited transaction: Core statements, built once (no ORM unit of work)."""


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(row.seq, row.at, row.event, row.actor, row.subject, row.data, row.prev_hash, row.hash)


class AuditLog:
    """Record events during a transaction; sealed into the chain when it commits."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._pending: list[AuditEvent] = []

    def record(self, event: AuditEvent) -> None:
        """Queue an event for this transaction."""
        self._pending.append(event)

    @property
    def pending(self) -> tuple[AuditEvent, ...]:
        return tuple(self._pending)

    def mark(self) -> int:
        """A bookmark in the recorded events, for `forget_since` (used around a savepoint)."""
        return len(self._pending)

    def forget_since(self, mark: int) -> None:
        """Drop the events recorded after `mark`: their savepoint was rolled back."""
        del self._pending[mark:]

    def flush(self, now: datetime | None = None) -> list[AuditEntry]:
        """Seal and append every recorded event (called by the unit of work just before commit)."""
        if not self._pending:
            return []
        self._session.flush()  # the work's own rows first, as before the head is locked
        connection = self._session.connection()
        head = connection.execute(LOCK_HEAD).first()
        if head is None:
            raise RuntimeError("the audit head row is missing; run `hifazat setup` to migrate the database")
        at = now or datetime.now(UTC)
        previous: tuple[int, str] = (head.seq, head.hash)
        sealed: list[AuditEntry] = []
        for event in self._pending:
            entry = seal(previous, at, event)
            sealed.append(entry)
            previous = (entry.seq, entry.hash)
        connection.execute(
            INSERT_ENTRIES,
            [
                {
                    "seq": e.seq, "at": e.at, "event": e.event, "actor": e.actor, "subject": e.subject,
                    "data": dict(e.data), "prev_hash": e.prev_hash, "hash": e.hash,
                }
                for e in sealed
            ],
        )  # fmt: skip
        connection.execute(MOVE_HEAD, {"new_seq": previous[0], "new_hash": previous[1]})
        self._pending.clear()
        return sealed

    def head(self) -> tuple[int, str]:
        row = self._session.get(AuditHeadRow, 1, populate_existing=True)
        return (0, GENESIS) if row is None else (row.seq, row.hash)

    def entries(
        self, *, after: int = 0, limit: int | None = None, subject: str | None = None
    ) -> list[AuditEntry]:
        """Entries with `seq > after`, in order."""
        query = select(AuditRow).where(AuditRow.seq > after).order_by(AuditRow.seq)
        if subject is not None:
            query = query.where(AuditRow.subject == subject)
        if limit is not None:
            query = query.limit(limit)
        return [_entry(r) for r in self._session.scalars(query)]

    def scan(self, batch: int = 2000) -> Iterator[AuditEntry]:
        """Every entry in order, read in batches."""
        after = 0
        while True:
            chunk = self.entries(after=after, limit=batch)
            if not chunk:
                return
            yield from chunk
            after = chunk[-1].seq
