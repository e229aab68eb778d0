"""Notifications: what each account was told, in its language."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Table, Text, insert, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.core.enforcement.notices import Notice
from hifazat.storage.models import Base
from hifazat.storage.types import UTCDateTime


class NotificationRow(Base):
    """One message in an account's inbox."""

    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(8))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(String(80))
    """What it is about, `kind:id` (e.g. `decision:3`, `report:7`)."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


NOTIFICATION_TABLE: Table = NotificationRow.__table__  # type: ignore[assignment]
INSERT_NOTIFICATIONS = insert(NOTIFICATION_TABLE)


@dataclass(frozen=True, slots=True)
class Notification:
    """A notification as stored."""

    id: int
    account_id: str
    kind: str
    language: str
    title: str
    body: str
    subject: str
    created_at: datetime


def _notification(row: NotificationRow) -> Notification:
    return Notification(
        id=row.id,
        account_id=row.account_id,
        kind=row.kind,
        language=row.language,
        title=row.title,
        body=row.body,
        subject=row.subject,
        created_at=row.created_at,
    )


class NotificationStore:
    """Inboxes."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(self, *, account_id: str, notice: Notice, subject: str, now: datetime) -> Notification:
        row = NotificationRow(
            account_id=account_id,
            kind=notice.kind,
            language=notice.language,
            title=notice.title,
            body=notice.body,
            subject=subject,
            created_at=now,
        )
        self._session.add(row)
        self._session.flush()
        return _notification(row)

    def add_many(self, notices: Sequence[tuple[str, Notice, str]], now: datetime) -> int:
        """Store many notifications, each (account id, notice, subject), in one statement; how many."""
        if notices:
            self._session.connection().execute(
                INSERT_NOTIFICATIONS,
                [
                    {
                        "account_id": account_id, "kind": notice.kind, "language": notice.language,
                        "title": notice.title, "body": notice.body, "subject": subject, "created_at": now,
                    }
                    for account_id, notice, subject in notices
                ],
            )  # fmt: skip
        return len(notices)

    def for_account(self, account_id: str, limit: int = 50) -> list[Notification]:
        """Newest first."""
        rows = self._session.scalars(
            select(NotificationRow)
            .where(NotificationRow.account_id == account_id)
            .order_by(NotificationRow.id.desc())
            .limit(limit)
        )
        return [_notification(r) for r in rows]
