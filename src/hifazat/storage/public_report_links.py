"""How a report from the public Safety Centre form reached the enforcement workflow (migration 0600).

One row per public report: what its location was matched to (a content item, an account's profile, or
nothing), and the enforcement report it was filed as. The status page follows that report's task.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import ForeignKey, Integer, String, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.storage.content import ContentRow
from hifazat.storage.models import Base
from hifazat.storage.public_reports import PublicReportRow
from hifazat.storage.types import UTCDateTime

Route = Literal["content", "account", "unmatched"]
ROUTES: tuple[Route, ...] = ("content", "account", "unmatched")


class PublicReportLinkRow(Base):
    """Where one public report went."""

    __tablename__ = "public_report_links"

    reference: Mapped[str] = mapped_column(
        String(16), ForeignKey(PublicReportRow.reference), primary_key=True
    )
    route: Mapped[str] = mapped_column(String(16), index=True)
    """content (a content id or link), account (an @handle: the profile) or unmatched (triage by hand)."""
    content_id: Mapped[str | None] = mapped_column(String(64), ForeignKey(ContentRow.id), nullable=True)
    report_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("reports.id"), nullable=True)
    """The enforcement report (None when unmatched, or when the item had already been removed)."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


@dataclass(frozen=True, slots=True)
class PublicReportLink:
    """A public report's route into the enforcement workflow."""

    reference: str
    route: Route
    content_id: str | None
    report_id: int | None
    created_at: datetime


def _link(row: PublicReportLinkRow) -> PublicReportLink:
    route: Route = next(r for r in ROUTES if r == row.route)
    return PublicReportLink(row.reference, route, row.content_id, row.report_id, row.created_at)


class PublicReportLinkStore:
    """Links between public reports and enforcement reports, inside the caller's transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, link: PublicReportLink) -> PublicReportLink:
        self._session.add(
            PublicReportLinkRow(
                reference=link.reference,
                route=link.route,
                content_id=link.content_id,
                report_id=link.report_id,
                created_at=link.created_at,
            )
        )
        self._session.flush()
        return link

    def get(self, reference: str) -> PublicReportLink | None:
        row = self._session.get(PublicReportLinkRow, reference)
        return None if row is None else _link(row)

    def unmatched(self, limit: int = 100) -> list[str]:
        """References of public reports no content or account was found for, oldest first."""
        rows = self._session.scalars(
            select(PublicReportLinkRow.reference)
            .where(PublicReportLinkRow.route == "unmatched")
            .order_by(PublicReportLinkRow.created_at, PublicReportLinkRow.reference)
            .limit(limit)
        )
        return list(rows)
