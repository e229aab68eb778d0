"""Content items (videos, captions, comments, messages, profiles, LIVE chat) and their verdict history."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import (
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
    bindparam,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.core.decide.verdict import Verdict
from hifazat.core.enforcement.vocabulary import (
    CONTENT_KINDS,
    QUEUES,
    STATUS_OF_OUTCOME,
    ContentKind,
    ContentStatus,
    QueueLang,
    pick,
)
from hifazat.core.errors import ConflictError, NotFoundError
from hifazat.storage.models import Base
from hifazat.storage.sql import insert_ignoring
from hifazat.storage.types import JSONText, UTCDateTime

STATUSES: tuple[ContentStatus, ...] = tuple(dict.fromkeys(STATUS_OF_OUTCOME.values()))


class ContentRow(Base):
    """One piece of content as posted."""

    __tablename__ = "content_items"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    author_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    """Engine language id: en, ur, roman-ur, mixed, unknown."""
    queue: Mapped[str] = mapped_column(String(4))
    """Review queue: en or ur."""
    status: Mapped[str] = mapped_column(String(24))
    views: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    status_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class VerdictRow(Base):
    """One engine verdict on one item (an item is checked again when the engine or guidelines change)."""

    __tablename__ = "verdicts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    content_id: Mapped[str] = mapped_column(String(64), ForeignKey("content_items.id"), index=True)
    action: Mapped[str] = mapped_column(String(16))
    top_policy: Mapped[str | None] = mapped_column(String(64), nullable=True)
    top_score: Mapped[float | None] = mapped_column(Float, nullable=True)
    guidelines_version: Mapped[str] = mapped_column(String(32))
    engine_version: Mapped[str] = mapped_column(String(32))
    payload: Mapped[Any] = mapped_column(JSONText())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


CONTENT_TABLE: Table = ContentRow.__table__  # type: ignore[assignment]
VERDICT_TABLE: Table = VerdictRow.__table__  # type: ignore[assignment]
INSERT_VERDICT = insert(VERDICT_TABLE).returning(VERDICT_TABLE.c.id)
INSERT_VERDICTS = insert(VERDICT_TABLE).returning(VERDICT_TABLE.c.id, sort_by_parameter_order=True)
INSERT_VERDICTS_PLAIN = insert(VERDICT_TABLE)
NEWEST_VERDICTS = (
    select(VERDICT_TABLE.c.content_id, func.max(VERDICT_TABLE.c.id))
    .where(VERDICT_TABLE.c.content_id.in_(bindparam("content_ids", expanding=True)))
    .group_by(VERDICT_TABLE.c.content_id)
)
INSERT_CONTENT = insert(CONTENT_TABLE)


@dataclass(frozen=True, slots=True)
class ContentItem:
    """A content item as stored."""

    id: str
    author_id: str
    kind: ContentKind
    text: str
    language: str
    queue: QueueLang
    status: ContentStatus
    views: int
    created_at: datetime
    status_at: datetime | None


@dataclass(frozen=True, slots=True)
class StoredVerdict:
    """A verdict as stored: the summary columns and the full machine form."""

    id: int
    content_id: str
    action: str
    top_policy: str | None
    top_score: float | None
    guidelines_version: str
    engine_version: str
    payload: dict[str, Any]
    created_at: datetime


def _item(row: ContentRow) -> ContentItem:
    return ContentItem(
        id=row.id,
        author_id=row.author_id,
        kind=pick(row.kind, CONTENT_KINDS, "content kind"),
        text=row.text,
        language=row.language,
        queue=pick(row.queue, QUEUES, "queue"),
        status=pick(row.status, STATUSES, "content status"),
        views=row.views,
        created_at=row.created_at,
        status_at=row.status_at,
    )


def _verdict(row: VerdictRow) -> StoredVerdict:
    return StoredVerdict(
        id=row.id,
        content_id=row.content_id,
        action=row.action,
        top_policy=row.top_policy,
        top_score=row.top_score,
        guidelines_version=row.guidelines_version,
        engine_version=row.engine_version,
        payload=dict(row.payload),
        created_at=row.created_at,
    )


class ContentStore:
    """Content items and their verdicts."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        id: str,
        author_id: str,
        kind: ContentKind,
        text: str,
        language: str,
        queue: QueueLang,
        now: datetime,
    ) -> ContentItem:
        """A new, visible item with no views; `ConflictError` when the id is taken."""
        values = {
            "id": id,
            "author_id": author_id,
            "kind": kind,
            "text": text,
            "language": language,
            "queue": queue,
            "status": "visible",
            "views": 0,
            "created_at": now,
            "status_at": None,
        }
        connection = self._session.connection()
        statement = insert_ignoring(connection.dialect.name, CONTENT_TABLE, ("id",), "id")
        inserted = connection.execute(statement, values).scalar()
        if inserted is None:
            raise ConflictError(f"content {id!r} already exists", hint="content ids are unique")
        return ContentItem(id, author_id, kind, text, language, queue, "visible", 0, now, None)

    def find(self, content_id: str) -> ContentItem | None:
        row = self._session.get(ContentRow, content_id)
        return None if row is None else _item(row)

    def get(self, content_id: str) -> ContentItem:
        """The item; `NotFoundError` when there is none."""
        found = self.find(content_id)
        if found is None:
            raise NotFoundError(f"no content {content_id!r}")
        return found

    def set_status(self, content_id: str, status: ContentStatus, now: datetime) -> None:
        self._session.execute(
            update(ContentRow).where(ContentRow.id == content_id).values(status=status, status_at=now)
        )

    def add_views(self, content_id: str, count: int) -> int:
        """Add `count` views; returns the new total."""
        result = self._session.execute(
            update(ContentRow)
            .where(ContentRow.id == content_id)
            .values(views=ContentRow.views + count)
            .returning(ContentRow.views)
        )
        total = result.scalar()
        if total is None:
            raise NotFoundError(f"no content {content_id!r}")
        return int(total)

    def taken(self, ids: Iterable[str]) -> set[str]:
        """Which of `ids` are already used by stored items."""
        wanted = list(ids)
        if not wanted:
            return set()
        return set(self._session.scalars(select(ContentRow.id).where(ContentRow.id.in_(wanted))))

    def add_many(self, items: Sequence[ContentItem], verdicts: Sequence[Verdict]) -> list[StoredVerdict]:
        """Store new items (ids checked free by the caller) with one verdict each, in two statements."""
        connection = self._session.connection()
        connection.execute(
            INSERT_CONTENT,
            [
                {
                    "id": i.id, "author_id": i.author_id, "kind": i.kind, "text": i.text, "language": i.language,
                    "queue": i.queue, "status": i.status, "views": i.views, "created_at": i.created_at,
                    "status_at": i.status_at,
                }
                for i in items
            ],
        )  # fmt: skip
        rows = [_verdict_values(i.id, v, i.created_at) for i, v in zip(items, verdicts, strict=True)]
        if connection.dialect.name == "sqlite":
            # SQLAlchemy cannot order SQLite's RETURNING rows, so it would run one INSERT per row: insert
            # them all at once instead and read the new ids back by item (the newest verdict of each)
            connection.execute(INSERT_VERDICTS_PLAIN, rows)
            newest = dict(
                connection.execute(NEWEST_VERDICTS, {"content_ids": [i.id for i in items]}).tuples().all()
            )
            ids = [newest[item.id] for item in items]
        else:
            ids = list(connection.execute(INSERT_VERDICTS, rows).scalars().all())
        return [
            StoredVerdict(
                int(new_id), row["content_id"], row["action"], row["top_policy"], row["top_score"],
                row["guidelines_version"], row["engine_version"], row["payload"], row["created_at"],
            )
            for new_id, row in zip(ids, rows, strict=True)
        ]  # fmt: skip

    def add_verdict(self, content_id: str, verdict: Verdict, now: datetime) -> StoredVerdict:
        """Record one engine verdict for an item."""
        values = _verdict_values(content_id, verdict, now)
        payload = values["payload"]
        new_id = self._session.connection().execute(INSERT_VERDICT, values).scalar_one()
        return StoredVerdict(
            int(new_id),
            content_id,
            verdict.action,
            values["top_policy"],
            values["top_score"],
            verdict.guidelines_version,
            verdict.engine_version,
            payload,
            now,
        )

    def verdicts(self, content_id: str) -> list[StoredVerdict]:
        """Every verdict on an item, oldest first."""
        rows = self._session.scalars(
            select(VerdictRow).where(VerdictRow.content_id == content_id).order_by(VerdictRow.id)
        )
        return [_verdict(r) for r in rows]

    def by_author(self, author_id: str, limit: int = 50) -> list[ContentItem]:
        rows = self._session.scalars(
            select(ContentRow)
            .where(ContentRow.author_id == author_id)
            .order_by(ContentRow.created_at.desc())
            .limit(limit)
        )
        return [_item(r) for r in rows]


def _verdict_values(content_id: str, verdict: Verdict, now: datetime) -> dict[str, Any]:
    top = max(verdict.findings, key=lambda f: f.score, default=None)
    return {
        "content_id": content_id,
        "action": verdict.action,
        "top_policy": None if top is None else top.policy,
        "top_score": None if top is None else round(top.score, 4),
        "guidelines_version": verdict.guidelines_version,
        "engine_version": verdict.engine_version,
        "payload": verdict.to_dict(),
        "created_at": now,
    }
