"""Appeals: one per decision, resolved once, by a moderator other than the one who decided."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.core.enforcement.vocabulary import AppealOutcome, AppealState, pick
from hifazat.core.errors import ConflictError, NotFoundError
from hifazat.storage.models import Base
from hifazat.storage.types import UTCDateTime

APPEAL_STATES: tuple[AppealState, ...] = ("pending", "upheld", "overturned")


class AppealRow(Base):
    """One appeal against one decision."""

    __tablename__ = "appeals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    decision_id: Mapped[int] = mapped_column(Integer, ForeignKey("decisions.id"), unique=True)
    appellant_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16), index=True)
    reviewer_id: Mapped[str | None] = mapped_column(String(64), ForeignKey("accounts.id"), nullable=True)
    rationale: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


@dataclass(frozen=True, slots=True)
class Appeal:
    """An appeal as stored."""

    id: int
    decision_id: int
    appellant_id: str
    reason: str
    state: AppealState
    reviewer_id: str | None
    rationale: str
    created_at: datetime
    resolved_at: datetime | None


def _appeal(row: AppealRow) -> Appeal:
    return Appeal(
        id=row.id,
        decision_id=row.decision_id,
        appellant_id=row.appellant_id,
        reason=row.reason,
        state=pick(row.state, APPEAL_STATES, "appeal state"),
        reviewer_id=row.reviewer_id,
        rationale=row.rationale,
        created_at=row.created_at,
        resolved_at=row.resolved_at,
    )


class AppealStore:
    """Appeals by id, decision and state."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, *, decision_id: int, appellant_id: str, reason: str, now: datetime) -> Appeal:
        """A new pending appeal; `ConflictError` when the decision was already appealed."""
        row = AppealRow(
            decision_id=decision_id,
            appellant_id=appellant_id,
            reason=reason,
            state="pending",
            reviewer_id=None,
            rationale="",
            created_at=now,
            resolved_at=None,
        )
        try:
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            raise ConflictError(
                f"decision {decision_id} has already been appealed", hint="one appeal per decision"
            ) from None
        return _appeal(row)

    def get(self, appeal_id: int) -> Appeal:
        row = self._session.get(AppealRow, appeal_id, populate_existing=True)
        if row is None:
            raise NotFoundError(f"no appeal {appeal_id}")
        return _appeal(row)

    def for_decision(self, decision_id: int) -> Appeal | None:
        row = self._session.scalar(select(AppealRow).where(AppealRow.decision_id == decision_id))
        return None if row is None else _appeal(row)

    def listing(self, *, state: AppealState, limit: int) -> list[Appeal]:
        rows = self._session.scalars(
            select(AppealRow)
            .where(AppealRow.state == state)
            .order_by(AppealRow.created_at, AppealRow.id)
            .limit(limit)
        )
        return [_appeal(r) for r in rows]

    def by_appellant(self, appellant_id: str, limit: int = 50) -> list[Appeal]:
        rows = self._session.scalars(
            select(AppealRow)
            .where(AppealRow.appellant_id == appellant_id)
            .order_by(AppealRow.id.desc())
            .limit(limit)
        )
        return [_appeal(r) for r in rows]

    def resolve(
        self, appeal_id: int, *, reviewer_id: str, outcome: AppealOutcome, rationale: str, now: datetime
    ) -> bool:
        """Resolve a pending appeal; False when it was already resolved."""
        result = self._session.execute(
            update(AppealRow)
            .where(AppealRow.id == appeal_id, AppealRow.state == "pending")
            .values(state=outcome, reviewer_id=reviewer_id, rationale=rationale, resolved_at=now)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]
