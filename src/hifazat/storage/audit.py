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

from sqlalchemy import Integer, String, select, update
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
        head = self._session.scalar(
            select(AuditHeadRow)
            .where(AuditHeadRow.id == 1)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        if head is None:
            raise RuntimeError("the audit head row is missing; run `hifazat setup` to migrate the database")
        at = now or datetime.now(UTC)
        previous = (head.seq, head.hash)
        sealed: list[AuditEntry] = []
        for event in self._pending:
            entry = seal(previous, at, event)
            self._session.add(
                AuditRow(
                    seq=entry.seq,
                    at=entry.at,
                    event=entry.event,
                    actor=entry.actor,
                    subject=entry.subject,
                    data=dict(entry.data),
                    prev_hash=entry.prev_hash,
                    hash=entry.hash,
                )
            )
            sealed.append(entry)
            previous = (entry.seq, entry.hash)
        self._session.execute(
            update(AuditHeadRow).where(AuditHeadRow.id == 1).values(seq=previous[0], hash=previous[1])
        )
        self._session.flush()
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
