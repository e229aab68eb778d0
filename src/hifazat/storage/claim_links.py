"""Claim links: the fact-checked claim a content item repeats, the effect chosen, and the decision or
review task that carries it out. One link per item (the best match when it was checked)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, Text, and_, or_, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.storage.content import ContentRow
from hifazat.storage.models import Base
from hifazat.storage.types import UTCDateTime


class ClaimLinkRow(Base):
    __tablename__ = "content_claims"

    content_id: Mapped[str] = mapped_column(String(64), ForeignKey("content_items.id"), primary_key=True)
    factcheck_key: Mapped[str] = mapped_column(String(32), index=True)
    url: Mapped[str] = mapped_column(String(1000))
    claim: Mapped[str] = mapped_column(Text)
    rating: Mapped[str] = mapped_column(String(24))
    organisation: Mapped[str] = mapped_column(String(200))
    label: Mapped[str | None] = mapped_column(String(16), nullable=True)
    harm: Mapped[str | None] = mapped_column(String(16), nullable=True)
    policy: Mapped[str] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(16))
    """`label` or `remove` (what the match calls for); `review` when a person decides it."""
    score: Mapped[float] = mapped_column(Float)
    decision_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("decisions.id"), nullable=True)
    task_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("review_tasks.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


@dataclass(frozen=True, slots=True)
class ClaimLink:
    content_id: str
    factcheck_key: str
    url: str
    claim: str
    rating: str
    organisation: str
    label: str | None
    harm: str | None
    policy: str
    action: str
    score: float
    decision_id: int | None
    task_id: int | None
    created_at: datetime


def _link(row: ClaimLinkRow) -> ClaimLink:
    return ClaimLink(
        row.content_id,
        row.factcheck_key,
        row.url,
        row.claim,
        row.rating,
        row.organisation,
        row.label,
        row.harm,
        row.policy,
        row.action,
        row.score,
        row.decision_id,
        row.task_id,
        row.created_at,
    )


class ClaimLinkStore:
    """Reads and writes claim links inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def get(self, content_id: str) -> ClaimLink | None:
        row = self._session.get(ClaimLinkRow, content_id)
        return None if row is None else _link(row)

    def add(self, link: ClaimLink) -> None:
        """Store a new link (the caller checked that the item has none)."""
        self._session.add(ClaimLinkRow(**{name: getattr(link, name) for name in ClaimLink.__slots__}))
        self._session.flush()

    def unlinked_after(self, cursor: tuple[datetime, str], *, limit: int) -> list[str]:
        """Ids of items not removed and not linked, posted after `cursor` = (time, id), oldest first."""
        at, after_id = cursor
        rows = self._session.scalars(
            select(ContentRow.id)
            .outerjoin(ClaimLinkRow, ClaimLinkRow.content_id == ContentRow.id)
            .where(
                or_(ContentRow.created_at > at, and_(ContentRow.created_at == at, ContentRow.id > after_id)),
                ContentRow.status != "removed",
                ClaimLinkRow.content_id.is_(None),
            )
            .order_by(ContentRow.created_at, ContentRow.id)
            .limit(limit)
        )
        return list(rows)

    def for_factcheck(self, factcheck_key: str) -> list[ClaimLink]:
        rows = self._session.scalars(
            select(ClaimLinkRow)
            .where(ClaimLinkRow.factcheck_key == factcheck_key)
            .order_by(ClaimLinkRow.created_at)
        )
        return [_link(row) for row in rows]
