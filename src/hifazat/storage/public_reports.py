"""Reports sent through the public Safety Centre form, before the enforcement workflow takes them.

The reporter may be signed out, so a report is found again only by its reference number.
No IP address is stored; rate limiting happens in memory at the web edge.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import DateTime, Integer, String, Text, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.storage.articles import aware
from hifazat.storage.models import Base, utcnow


class PublicReportRow(Base):
    """One report from the public form."""

    __tablename__ = "public_reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    reference: Mapped[str] = mapped_column(String(16), unique=True)
    """What the reporter is shown, e.g. `HZ-4K7M-Q2XD`."""
    policy_id: Mapped[str] = mapped_column(String(64))
    guideline_version: Mapped[str] = mapped_column(String(16))
    location: Mapped[str] = mapped_column(String(500))
    """Where the content is: a link, an @handle or a description."""
    details: Mapped[str] = mapped_column(Text, default="")
    contact: Mapped[str] = mapped_column(String(200), default="")
    language: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(16), default="received", index=True)
    """received, in_review, actioned, no_violation."""
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


@dataclass(frozen=True, slots=True)
class PublicReport:
    """A stored public report."""

    reference: str
    policy_id: str
    guideline_version: str
    location: str
    details: str
    contact: str
    language: str
    status: str
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ReportCount:
    """How many reports share one (quarter, policy, language)."""

    quarter: str
    """`2026-Q4`."""
    policy_id: str
    language: str
    count: int


def _report(row: PublicReportRow) -> PublicReport:
    return PublicReport(
        reference=row.reference,
        policy_id=row.policy_id,
        guideline_version=row.guideline_version,
        location=row.location,
        details=row.details,
        contact=row.contact,
        language=row.language,
        status=row.status,
        created_at=aware(row.created_at) or row.created_at,
        updated_at=aware(row.updated_at) or row.updated_at,
    )


class PublicReportStore:
    """Reads and writes public reports inside one session; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def reference_taken(self, reference: str) -> bool:
        """True when a report already uses this reference."""
        query = (
            select(func.count()).select_from(PublicReportRow).where(PublicReportRow.reference == reference)
        )
        return bool(self._session.scalar(query))

    def add(self, report: PublicReport) -> PublicReport:
        """Store a new report."""
        row = PublicReportRow(
            reference=report.reference,
            policy_id=report.policy_id,
            guideline_version=report.guideline_version,
            location=report.location,
            details=report.details,
            contact=report.contact,
            language=report.language,
            status=report.status,
            created_at=report.created_at,
            updated_at=report.updated_at,
        )
        self._session.add(row)
        self._session.flush()
        return _report(row)

    def by_reference(self, reference: str) -> PublicReport | None:
        """The report with this reference, or None."""
        row = self._session.scalars(
            select(PublicReportRow).where(PublicReportRow.reference == reference)
        ).first()
        return _report(row) if row else None

    def set_status(self, reference: str, status: str, *, now: datetime) -> PublicReport | None:
        """Move a report to `status`; None when the reference is unknown."""
        row = self._session.scalars(
            select(PublicReportRow).where(PublicReportRow.reference == reference)
        ).first()
        if row is None:
            return None
        row.status = status
        row.updated_at = now
        self._session.flush()
        return _report(row)

    def counts(self) -> list[ReportCount]:
        """Reports per (quarter, policy, language), computed in Python so SQLite and PostgreSQL agree."""
        rows = self._session.execute(
            select(PublicReportRow.created_at, PublicReportRow.policy_id, PublicReportRow.language)
        )
        tally: dict[tuple[str, str, str], int] = {}
        for created_at, policy_id, language in rows:
            quarter = f"{created_at.year}-Q{(created_at.month - 1) // 3 + 1}"
            key = (quarter, policy_id, language)
            tally[key] = tally.get(key, 0) + 1
        return [ReportCount(q, p, lang, n) for (q, p, lang), n in sorted(tally.items())]
