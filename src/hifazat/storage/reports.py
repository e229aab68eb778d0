"""Reports: from users, trusted flaggers (ambassadors), the engine (proactive) and regulators (legal)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from datetime import datetime

from sqlalchemy import Boolean, Float, ForeignKey, Index, Integer, String, Table, Text, func, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.core.enforcement.vocabulary import REPORT_SOURCES, ReportSource, pick
from hifazat.core.errors import NotFoundError
from hifazat.storage.models import Base
from hifazat.storage.types import UTCDateTime


class ReportRow(Base):
    """One report about one content item, attached to the review task it was merged into."""

    __tablename__ = "reports"
    __table_args__ = (Index("ux_reports_task_reporter", "task_id", "reporter_id", unique=True),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    content_id: Mapped[str] = mapped_column(String(64), ForeignKey("content_items.id"), index=True)
    task_id: Mapped[int] = mapped_column(Integer, ForeignKey("review_tasks.id"), index=True)
    reporter_id: Mapped[str | None] = mapped_column(String(64), ForeignKey("accounts.id"), nullable=True)
    source: Mapped[str] = mapped_column(String(16))
    policy: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text)
    score: Mapped[float | None] = mapped_column(Float, nullable=True)
    """The engine's score, for proactive reports."""
    weight: Mapped[float] = mapped_column(Float)
    """How much this report counted towards the task's priority."""
    authority: Mapped[str | None] = mapped_column(String(120), nullable=True)
    """Legal requests: the regulator (e.g. PTA)."""
    reference: Mapped[str | None] = mapped_column(String(120), nullable=True)
    """Legal requests: the regulator's reference number."""
    expedited: Mapped[bool] = mapped_column(Boolean, default=False)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    """Legal requests: the statutory deadline."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


@dataclass(frozen=True, slots=True)
class Report:
    """A report as stored."""

    id: int
    content_id: str
    task_id: int
    reporter_id: str | None
    source: ReportSource
    policy: str
    note: str
    score: float | None
    weight: float
    authority: str | None
    reference: str | None
    expedited: bool
    due_at: datetime | None
    created_at: datetime


REPORT_TABLE: Table = ReportRow.__table__  # type: ignore[assignment]
INSERT_REPORTS = insert(REPORT_TABLE).returning(REPORT_TABLE.c.id, sort_by_parameter_order=True)


def _report(row: ReportRow) -> Report:
    return Report(
        id=row.id,
        content_id=row.content_id,
        task_id=row.task_id,
        reporter_id=row.reporter_id,
        source=pick(row.source, REPORT_SOURCES, "report source"),
        policy=row.policy,
        note=row.note,
        score=row.score,
        weight=row.weight,
        authority=row.authority,
        reference=row.reference,
        expedited=row.expedited,
        due_at=row.due_at,
        created_at=row.created_at,
    )


class ReportStore:
    """Reports and what they say about their reporters."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        content_id: str,
        task_id: int,
        reporter_id: str | None,
        source: ReportSource,
        policy: str,
        note: str,
        weight: float,
        now: datetime,
        score: float | None = None,
        authority: str | None = None,
        reference: str | None = None,
        expedited: bool = False,
        due_at: datetime | None = None,
    ) -> Report:
        row = ReportRow(
            content_id=content_id,
            task_id=task_id,
            reporter_id=reporter_id,
            source=source,
            policy=policy,
            note=note,
            score=score,
            weight=weight,
            authority=authority,
            reference=reference,
            expedited=expedited,
            due_at=due_at,
            created_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return _report(row)

    def add_many(self, reports: Sequence[Report]) -> list[Report]:
        """Store new reports in one statement; each report's `id` is ignored and the stored reports come
        back with theirs."""
        if not reports:
            return []
        rows = [asdict(report) for report in reports]
        for row in rows:
            del row["id"]
        ids = self._session.connection().execute(INSERT_REPORTS, rows).scalars().all()
        return [replace(report, id=int(new_id)) for report, new_id in zip(reports, ids, strict=True)]

    def get(self, report_id: int) -> Report:
        row = self._session.get(ReportRow, report_id)
        if row is None:
            raise NotFoundError(f"no report {report_id}")
        return _report(row)

    def by_reporter_on_task(self, task_id: int, reporter_id: str) -> Report | None:
        row = self._session.scalar(
            select(ReportRow).where(ReportRow.task_id == task_id, ReportRow.reporter_id == reporter_id)
        )
        return None if row is None else _report(row)

    def for_task(self, task_id: int) -> list[Report]:
        """Every report merged into a task, oldest first."""
        rows = self._session.scalars(
            select(ReportRow).where(ReportRow.task_id == task_id).order_by(ReportRow.id)
        )
        return [_report(r) for r in rows]

    def for_content(self, content_id: str) -> list[Report]:
        rows = self._session.scalars(
            select(ReportRow).where(ReportRow.content_id == content_id).order_by(ReportRow.id)
        )
        return [_report(r) for r in rows]

    def by_reporter(self, reporter_id: str, limit: int = 50) -> list[Report]:
        rows = self._session.scalars(
            select(ReportRow)
            .where(ReportRow.reporter_id == reporter_id)
            .order_by(ReportRow.id.desc())
            .limit(limit)
        )
        return [_report(r) for r in rows]

    def task_weight(self, task_id: int) -> tuple[int, float]:
        """How many reports a task has and their summed weight."""
        count, total = self._session.execute(
            select(func.count(ReportRow.id), func.coalesce(func.sum(ReportRow.weight), 0.0)).where(
                ReportRow.task_id == task_id
            )
        ).one()
        return int(count), float(total)
