"""The review queue: one task per content item under review, claimed under a lease.

Claiming is safe under concurrency on both databases: the candidate row is selected with
`FOR UPDATE SKIP LOCKED` (PostgreSQL; SQLite ignores the clause and serialises writers instead), then
taken with a conditional UPDATE that only succeeds while the task is still free, so two moderators can
never hold the same task. A lease that runs out makes the task claimable again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta

from sqlalchemy import (
    Boolean,
    ColumnElement,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    and_,
    insert,
    or_,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.core.enforcement.vocabulary import QUEUES, QueueLang, TaskLevel, TaskState, pick
from hifazat.core.errors import NotFoundError
from hifazat.storage.models import Base
from hifazat.storage.types import UTCDateTime

TASK_STATES: tuple[TaskState, ...] = ("open", "claimed", "decided")
LEVELS: tuple[TaskLevel, ...] = ("standard", "senior")
CLAIM_ATTEMPTS = 8


class TaskRow(Base):
    """A review task."""

    __tablename__ = "review_tasks"
    __table_args__ = (
        Index(
            "ux_review_tasks_open_content",
            "content_id",
            unique=True,
            sqlite_where="state != 'decided'",
            postgresql_where="state != 'decided'",
        ),
        Index("ix_review_tasks_claim", "state", "queue", "level", "priority"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    content_id: Mapped[str] = mapped_column(String(64), ForeignKey("content_items.id"))
    state: Mapped[str] = mapped_column(String(16))
    level: Mapped[str] = mapped_column(String(16))
    queue: Mapped[str] = mapped_column(String(4))
    policy: Mapped[str] = mapped_column(String(64))
    """The most severe policy reported, which sets the tier."""
    tier: Mapped[int] = mapped_column(Integer)
    priority: Mapped[float] = mapped_column(Float)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    report_count: Mapped[int] = mapped_column(Integer)
    report_weight: Mapped[float] = mapped_column(Float)
    top_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    legal: Mapped[bool] = mapped_column(Boolean)
    claimed_by: Mapped[str | None] = mapped_column(String(64), ForeignKey("accounts.id"), nullable=True)
    lease_until: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    claims: Mapped[int] = mapped_column(Integer)
    """How many times the task was claimed (a task claimed often is hard or abandoned)."""
    note: Mapped[str] = mapped_column(Text)
    """Escalation note."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


@dataclass(frozen=True, slots=True)
class Task:
    """A review task as stored."""

    id: int
    content_id: str
    state: TaskState
    level: TaskLevel
    queue: QueueLang
    policy: str
    tier: int
    priority: float
    due_at: datetime
    report_count: int
    report_weight: float
    top_score: float | None
    legal: bool
    claimed_by: str | None
    lease_until: datetime | None
    claims: int
    note: str
    created_at: datetime
    updated_at: datetime
    decided_at: datetime | None

    def held_by(self, moderator_id: str, now: datetime) -> bool:
        """True when `moderator_id` holds an unexpired lease on this task."""
        return (
            self.state == "claimed"
            and self.claimed_by == moderator_id
            and self.lease_until is not None
            and self.lease_until > now
        )


TASK_TABLE: Table = TaskRow.__table__  # type: ignore[assignment]
INSERT_TASKS = insert(TASK_TABLE).returning(TASK_TABLE.c.id, sort_by_parameter_order=True)


def _task(row: TaskRow) -> Task:
    return Task(
        id=row.id,
        content_id=row.content_id,
        state=pick(row.state, TASK_STATES, "task state"),
        level=pick(row.level, LEVELS, "task level"),
        queue=pick(row.queue, QUEUES, "queue"),
        policy=row.policy,
        tier=row.tier,
        priority=row.priority,
        due_at=row.due_at,
        report_count=row.report_count,
        report_weight=row.report_weight,
        top_score=row.top_score,
        legal=row.legal,
        claimed_by=row.claimed_by,
        lease_until=row.lease_until,
        claims=row.claims,
        note=row.note,
        created_at=row.created_at,
        updated_at=row.updated_at,
        decided_at=row.decided_at,
    )


def _free(now: datetime) -> ColumnElement[bool]:
    """Open, or claimed under a lease that has run out."""
    return or_(TaskRow.state == "open", and_(TaskRow.state == "claimed", TaskRow.lease_until <= now))


class TaskStore:
    """Review tasks: open, merge, claim, release, escalate, close."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def open_for(self, content_id: str) -> Task | None:
        """The task under review for an item, if any (at most one exists)."""
        row = self._session.scalar(
            select(TaskRow).where(TaskRow.content_id == content_id, TaskRow.state != "decided")
        )
        return None if row is None else _task(row)

    def create(
        self,
        *,
        content_id: str,
        queue: QueueLang,
        level: TaskLevel,
        policy: str,
        tier: int,
        priority: float,
        due_at: datetime,
        top_score: float | None,
        legal: bool,
        now: datetime,
    ) -> Task | None:
        """A new open task, or None when another transaction opened one for this item first."""
        row = TaskRow(
            content_id=content_id,
            state="open",
            level=level,
            queue=queue,
            policy=policy,
            tier=tier,
            priority=priority,
            due_at=due_at,
            report_count=0,
            report_weight=0.0,
            top_score=top_score,
            legal=legal,
            claimed_by=None,
            lease_until=None,
            claims=0,
            note="",
            created_at=now,
            updated_at=now,
            decided_at=None,
        )
        try:
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            return None
        return _task(row)

    def add_many(self, tasks: Sequence[Task]) -> list[Task]:
        """Store new tasks for items that have none yet (items stored in this transaction), in one
        statement; each task's `id` is ignored and the stored tasks come back with theirs."""
        if not tasks:
            return []
        rows = [asdict(task) for task in tasks]
        for row in rows:
            del row["id"]
        ids = self._session.connection().execute(INSERT_TASKS, rows).scalars().all()
        return [replace(task, id=int(new_id)) for task, new_id in zip(tasks, ids, strict=True)]

    def lock(self, task_id: int) -> Task:
        """The task, locked for update until the transaction ends; `NotFoundError` if missing."""
        row = self._session.scalar(
            select(TaskRow)
            .where(TaskRow.id == task_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        if row is None:
            raise NotFoundError(f"no review task {task_id}")
        return _task(row)

    def get(self, task_id: int) -> Task:
        row = self._session.get(TaskRow, task_id, populate_existing=True)
        if row is None:
            raise NotFoundError(f"no review task {task_id}")
        return _task(row)

    def reprioritise(
        self,
        task_id: int,
        *,
        policy: str,
        tier: int,
        level: TaskLevel,
        priority: float,
        due_at: datetime,
        report_count: int,
        report_weight: float,
        top_score: float | None,
        legal: bool,
        now: datetime,
    ) -> None:
        self._session.execute(
            update(TaskRow)
            .where(TaskRow.id == task_id)
            .values(
                policy=policy,
                tier=tier,
                level=level,
                priority=priority,
                due_at=due_at,
                report_count=report_count,
                report_weight=report_weight,
                top_score=top_score,
                legal=legal,
                updated_at=now,
            )
        )

    def claim(
        self,
        *,
        moderator_id: str,
        queues: Sequence[QueueLang],
        levels: Sequence[TaskLevel],
        now: datetime,
        lease: timedelta,
    ) -> Task | None:
        """Take the most urgent free task in `queues` at `levels`, or None when there is none."""
        where = and_(TaskRow.queue.in_(list(queues)), TaskRow.level.in_(list(levels)), _free(now))
        for _ in range(CLAIM_ATTEMPTS):
            candidate = self._session.scalar(
                select(TaskRow.id)
                .where(where)
                .order_by(TaskRow.priority.desc(), TaskRow.due_at, TaskRow.id)
                .limit(1)
                .with_for_update(skip_locked=True)
            )
            if candidate is None:
                return None
            taken = self._session.execute(
                update(TaskRow)
                .where(TaskRow.id == candidate, _free(now))
                .values(
                    state="claimed",
                    claimed_by=moderator_id,
                    lease_until=now + lease,
                    claims=TaskRow.claims + 1,
                    updated_at=now,
                )
            )
            if taken.rowcount == 1:  # type: ignore[attr-defined]
                return self.get(candidate)
        return None

    def release(self, task_id: int, *, moderator_id: str, now: datetime) -> bool:
        """Give a held task back to the queue; False when the moderator does not hold it."""
        result = self._session.execute(
            update(TaskRow)
            .where(TaskRow.id == task_id, TaskRow.state == "claimed", TaskRow.claimed_by == moderator_id)
            .values(state="open", claimed_by=None, lease_until=None, updated_at=now)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def escalate(self, task_id: int, *, moderator_id: str, note: str, priority: float, now: datetime) -> bool:
        """Hand a held task to the senior queue; False when the moderator does not hold it."""
        result = self._session.execute(
            update(TaskRow)
            .where(
                TaskRow.id == task_id,
                TaskRow.state == "claimed",
                TaskRow.claimed_by == moderator_id,
                TaskRow.lease_until > now,
            )
            .values(
                state="open",
                level="senior",
                claimed_by=None,
                lease_until=None,
                note=note,
                priority=priority,
                updated_at=now,
            )
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def close(self, task_id: int, *, moderator_id: str | None, now: datetime) -> bool:
        """Mark a task decided; only its lease holder may (any open task when `moderator_id` is None)."""
        conditions = [TaskRow.id == task_id]
        if moderator_id is None:
            conditions.append(TaskRow.state != "decided")
        else:
            conditions += [
                TaskRow.state == "claimed",
                TaskRow.claimed_by == moderator_id,
                TaskRow.lease_until > now,
            ]
        result = self._session.execute(
            update(TaskRow)
            .where(*conditions)
            .values(state="decided", lease_until=None, decided_at=now, updated_at=now)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def expire_leases(self, now: datetime) -> int:
        """Return every task whose lease ran out to the queue; returns how many."""
        result = self._session.execute(
            update(TaskRow)
            .where(TaskRow.state == "claimed", TaskRow.lease_until <= now)
            .values(state="open", claimed_by=None, lease_until=None, updated_at=now)
        )
        return int(result.rowcount)  # type: ignore[attr-defined]

    def listing(
        self,
        *,
        queues: Sequence[QueueLang],
        levels: Sequence[TaskLevel],
        states: Sequence[TaskState],
        limit: int,
    ) -> list[Task]:
        """Tasks in priority order."""
        rows = self._session.scalars(
            select(TaskRow)
            .where(
                TaskRow.queue.in_(list(queues)),
                TaskRow.level.in_(list(levels)),
                TaskRow.state.in_(list(states)),
            )
            .order_by(TaskRow.priority.desc(), TaskRow.due_at, TaskRow.id)
            .limit(limit)
        )
        return [_task(r) for r in rows]

    def held_by(self, moderator_id: str, now: datetime) -> list[Task]:
        rows = self._session.scalars(
            select(TaskRow)
            .where(TaskRow.state == "claimed", TaskRow.claimed_by == moderator_id, TaskRow.lease_until > now)
            .order_by(TaskRow.id)
        )
        return [_task(r) for r in rows]
