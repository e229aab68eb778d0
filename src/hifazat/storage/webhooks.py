"""Webhook endpoints and an outbox of deliveries, written in the same transaction as the decision."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.storage.models import Base
from hifazat.storage.types import JSONText, UTCDateTime


class EndpointRow(Base):
    """A URL that receives signed event callbacks."""

    __tablename__ = "webhook_endpoints"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    url: Mapped[str] = mapped_column(String(500))
    description: Mapped[str] = mapped_column(String(200))
    active: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class DeliveryRow(Base):
    """One event for one endpoint, sent until it is accepted or given up."""

    __tablename__ = "webhook_deliveries"
    __table_args__ = (
        UniqueConstraint("endpoint_id", "event_key", name="uq_webhook_deliveries_endpoint_event"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    endpoint_id: Mapped[int] = mapped_column(Integer, ForeignKey("webhook_endpoints.id"))
    event_key: Mapped[str] = mapped_column(String(120))
    """Unique per event (e.g. `decision.made:12`), also sent to the receiver to drop duplicates."""
    payload: Mapped[Any] = mapped_column(JSONText())
    attempts: Mapped[int] = mapped_column(Integer)
    next_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True, index=True)
    """None once delivered or given up."""
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    last_error: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


DELIVERY_TABLE: Table = DeliveryRow.__table__  # type: ignore[assignment]
INSERT_DELIVERIES = insert(DELIVERY_TABLE)


@dataclass(frozen=True, slots=True)
class Endpoint:
    id: int
    url: str
    description: str
    active: bool
    created_at: datetime


@dataclass(frozen=True, slots=True)
class Delivery:
    id: int
    endpoint_id: int
    url: str
    event_key: str
    payload: dict[str, Any]
    attempts: int
    next_attempt_at: datetime | None
    delivered_at: datetime | None
    last_error: str


def _delivery(row: DeliveryRow, url: str) -> Delivery:
    return Delivery(
        row.id,
        row.endpoint_id,
        url,
        row.event_key,
        dict(row.payload),
        row.attempts,
        row.next_attempt_at,
        row.delivered_at,
        row.last_error,
    )


def _endpoint(row: EndpointRow) -> Endpoint:
    return Endpoint(row.id, row.url, row.description, row.active, row.created_at)


class WebhookStore:
    """Endpoints and the delivery outbox."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add_endpoint(self, *, url: str, description: str, now: datetime) -> Endpoint:
        row = EndpointRow(url=url, description=description, active=True, created_at=now)
        self._session.add(row)
        self._session.flush()
        return _endpoint(row)

    def endpoints(self) -> list[Endpoint]:
        rows = self._session.scalars(
            select(EndpointRow).where(EndpointRow.active.is_(True)).order_by(EndpointRow.id)
        )
        return [_endpoint(r) for r in rows]

    def enqueue(self, *, event_key: str, payload: dict[str, Any], now: datetime) -> int:
        """Queue one event for every active endpoint (once per endpoint); returns how many were queued."""
        queued = 0
        for endpoint in self.endpoints():
            row = DeliveryRow(
                endpoint_id=endpoint.id,
                event_key=event_key,
                payload=payload,
                attempts=0,
                next_attempt_at=now,
                delivered_at=None,
                last_error="",
                created_at=now,
            )
            try:
                with self._session.begin_nested():
                    self._session.add(row)
                queued += 1
            except IntegrityError:
                continue
        return queued

    def enqueue_new(self, events: Sequence[tuple[str, dict[str, Any]]], *, now: datetime) -> int:
        """`enqueue` for many events that are new (keys made in this transaction, e.g. of decisions stored
        in it, so none can be queued yet): every active endpoint's deliveries in one statement. Returns
        how many deliveries each event got (the number of active endpoints)."""
        if not events:
            return 0
        endpoints = self.endpoints()
        if endpoints:
            self._session.connection().execute(
                INSERT_DELIVERIES,
                [
                    {
                        "endpoint_id": endpoint.id, "event_key": key, "payload": payload, "attempts": 0,
                        "next_attempt_at": now, "delivered_at": None, "last_error": "", "created_at": now,
                    }
                    for key, payload in events
                    for endpoint in endpoints
                ],
            )  # fmt: skip
        return len(endpoints)

    def take_due(self, now: datetime, *, hold: timedelta, limit: int = 50) -> list[Delivery]:
        """Deliveries due now, each pushed `hold` into the future so no other dispatcher takes it while it
        is being sent (rows are locked with SKIP LOCKED on PostgreSQL while they are taken)."""
        rows = self._session.execute(
            select(DeliveryRow, EndpointRow.url)
            .join(EndpointRow, EndpointRow.id == DeliveryRow.endpoint_id)
            .where(DeliveryRow.next_attempt_at.is_not(None), DeliveryRow.next_attempt_at <= now)
            .order_by(DeliveryRow.next_attempt_at, DeliveryRow.id)
            .limit(limit)
            .with_for_update(skip_locked=True, of=DeliveryRow)
        ).all()
        taken = [_delivery(row, url) for row, url in rows]
        if taken:
            self._session.execute(
                update(DeliveryRow)
                .where(DeliveryRow.id.in_([d.id for d in taken]))
                .values(next_attempt_at=now + hold)
            )
        return taken

    def delivered(self, delivery_id: int, now: datetime) -> None:
        self._session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.id == delivery_id)
            .values(delivered_at=now, next_attempt_at=None, attempts=DeliveryRow.attempts + 1, last_error="")
        )

    def failed(self, delivery_id: int, *, error: str, retry_at: datetime | None) -> None:
        """Record a failed attempt; `retry_at` None gives up."""
        self._session.execute(
            update(DeliveryRow)
            .where(DeliveryRow.id == delivery_id)
            .values(attempts=DeliveryRow.attempts + 1, next_attempt_at=retry_at, last_error=error[:500])
        )

    def deliveries(self, *, pending_only: bool = False) -> list[Delivery]:
        query = select(DeliveryRow, EndpointRow.url).join(
            EndpointRow, EndpointRow.id == DeliveryRow.endpoint_id
        )
        if pending_only:
            query = query.where(DeliveryRow.next_attempt_at.is_not(None))
        rows = self._session.execute(query.order_by(DeliveryRow.id)).all()
        return [_delivery(row, url) for row, url in rows]
