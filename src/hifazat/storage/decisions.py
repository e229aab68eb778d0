"""Decisions: what a reviewer (or the engine, automatically) decided about one item."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Table, Text, and_, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.core.enforcement.vocabulary import OUTCOMES, DecisionState, Outcome, pick
from hifazat.core.errors import NotFoundError
from hifazat.storage.models import Base
from hifazat.storage.reports import ReportRow
from hifazat.storage.types import UTCDateTime

DECISION_STATES: tuple[DecisionState, ...] = ("decided", "appealed", "upheld", "overturned")


class DecisionRow(Base):
    """One decision; at most one per review task (retries find the first)."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    task_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("review_tasks.id"), unique=True, nullable=True
    )
    content_id: Mapped[str] = mapped_column(String(64), ForeignKey("content_items.id"), index=True)
    author_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    moderator_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"))
    policy: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(24))
    rationale: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    automated: Mapped[bool] = mapped_column(Boolean)
    proactive: Mapped[bool] = mapped_column(Boolean)
    """Found by the engine before any person reported it (transparency)."""
    views: Mapped[int] = mapped_column(Integer)
    """Views of the item when the decision was taken."""
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


DECISION_TABLE: Table = DecisionRow.__table__  # type: ignore[assignment]
INSERT_DECISIONS = insert(DECISION_TABLE).returning(DECISION_TABLE.c.id, sort_by_parameter_order=True)


@dataclass(frozen=True, slots=True)
class Decision:
    """A decision as stored."""

    id: int
    task_id: int | None
    content_id: str
    author_id: str
    moderator_id: str
    policy: str
    outcome: Outcome
    rationale: str
    state: DecisionState
    automated: bool
    proactive: bool
    views: int
    decided_at: datetime


def _decision(row: DecisionRow) -> Decision:
    return Decision(
        id=row.id,
        task_id=row.task_id,
        content_id=row.content_id,
        author_id=row.author_id,
        moderator_id=row.moderator_id,
        policy=row.policy,
        outcome=pick(row.outcome, OUTCOMES, "outcome"),
        rationale=row.rationale,
        state=pick(row.state, DECISION_STATES, "decision state"),
        automated=row.automated,
        proactive=row.proactive,
        views=row.views,
        decided_at=row.decided_at,
    )


class DecisionStore:
    """Decisions and their life cycle."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        task_id: int | None,
        content_id: str,
        author_id: str,
        moderator_id: str,
        policy: str,
        outcome: Outcome,
        rationale: str,
        automated: bool,
        proactive: bool,
        views: int,
        now: datetime,
    ) -> Decision | None:
        """A new decision, or None when the task already has one."""
        row = DecisionRow(
            task_id=task_id,
            content_id=content_id,
            author_id=author_id,
            moderator_id=moderator_id,
            policy=policy,
            outcome=outcome,
            rationale=rationale,
            state="decided",
            automated=automated,
            proactive=proactive,
            views=views,
            decided_at=now,
        )
        try:
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            return None
        return _decision(row)

    def add_many(self, decisions: Sequence[Decision]) -> list[Decision]:
        """Store new decisions without a review task (automatic decisions on posted items) in one
        statement; each decision's `id` is ignored and the stored decisions come back with theirs."""
        if not decisions:
            return []
        if any(d.task_id is not None for d in decisions):
            raise ValueError("add_many stores decisions without a review task only; decide tasks with add")
        rows = [asdict(decision) for decision in decisions]
        for row in rows:
            del row["id"]
        ids = self._session.connection().execute(INSERT_DECISIONS, rows).scalars().all()
        return [replace(decision, id=int(new_id)) for decision, new_id in zip(decisions, ids, strict=True)]

    def get(self, decision_id: int) -> Decision:
        row = self._session.get(DecisionRow, decision_id, populate_existing=True)
        if row is None:
            raise NotFoundError(f"no decision {decision_id}")
        return _decision(row)

    def for_task(self, task_id: int) -> Decision | None:
        row = self._session.scalar(select(DecisionRow).where(DecisionRow.task_id == task_id))
        return None if row is None else _decision(row)

    def for_content(self, content_id: str) -> list[Decision]:
        rows = self._session.scalars(
            select(DecisionRow).where(DecisionRow.content_id == content_id).order_by(DecisionRow.id)
        )
        return [_decision(r) for r in rows]

    def move(self, decision_id: int, *, current: DecisionState, target: DecisionState) -> bool:
        """Move a decision from `current` to `target`; False when it was no longer in `current`."""
        result = self._session.execute(
            update(DecisionRow)
            .where(DecisionRow.id == decision_id, DecisionRow.state == current)
            .values(state=target)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def reporter_accuracy(self, reporter_id: str) -> tuple[int, int]:
        """(decided reports, of which upheld as violating) for one reporter: a trusted flagger's track record.

        A decision later overturned on appeal counts as not upheld: the flag turned out to be wrong."""
        upheld = and_(DecisionRow.outcome != "no_violation", DecisionRow.state != "overturned")
        decided, violating = self._session.execute(
            select(
                func.count(DecisionRow.id),
                func.coalesce(func.sum(upheld.cast(Integer)), 0),
            )
            .select_from(ReportRow)
            .join(DecisionRow, DecisionRow.task_id == ReportRow.task_id)
            .where(ReportRow.reporter_id == reporter_id)
        ).one()
        return int(decided), int(violating)
