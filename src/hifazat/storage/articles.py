"""Safety Centre articles: tables, frozen records and the store that hides the SQL.

An article has a stable slug and numbered versions. `current_version` is the newest text an
editor wrote; `live_version` is the one the public sees; `scheduled_version` waits for its
`scheduled_for` time. Every transition is recorded in `article_events`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.storage.models import Base, utcnow


class ArticleRow(Base):
    """One article (a safety update) and where it is in the draft → review → publish workflow."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    status: Mapped[str] = mapped_column(String(16), index=True)
    """draft, review, scheduled or published (of the newest version)."""
    current_version: Mapped[int] = mapped_column(Integer)
    live_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    live_since: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    first_published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    scheduled_version: Mapped[int | None] = mapped_column(Integer, nullable=True)
    scheduled_for: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ArticleVersionRow(Base):
    """The full bilingual text of one version of an article."""

    __tablename__ = "article_versions"
    __table_args__ = (UniqueConstraint("article_id", "number", name="uq_article_versions_article_number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    title_en: Mapped[str] = mapped_column(String(200))
    title_ur: Mapped[str] = mapped_column(String(200))
    summary_en: Mapped[str] = mapped_column(String(500))
    summary_ur: Mapped[str] = mapped_column(String(500))
    body_en: Mapped[str] = mapped_column(Text)
    body_ur: Mapped[str] = mapped_column(Text)
    author: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ArticleEventRow(Base):
    """An append-only record of one editorial action on an article."""

    __tablename__ = "article_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"), index=True)
    action: Mapped[str] = mapped_column(String(32))
    """created, revised, submitted, returned, published, scheduled, released, withdrawn, imported."""
    version: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(String(500), default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


def aware(moment: datetime | None) -> datetime | None:
    """SQLite hands back naive datetimes; everything stored is UTC, so say so."""
    if moment is None or moment.tzinfo is not None:
        return moment
    return moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class ArticleText:
    """The bilingual text of one version: title, one-line summary and a Markdown body."""

    title_en: str
    title_ur: str
    summary_en: str
    summary_ur: str
    body_en: str
    body_ur: str

    def title(self, lang: str) -> str:
        """The title in `lang` (`ur` for Urdu, anything else English)."""
        return self.title_ur if lang == "ur" else self.title_en

    def summary(self, lang: str) -> str:
        """The summary in `lang`."""
        return self.summary_ur if lang == "ur" else self.summary_en

    def body(self, lang: str) -> str:
        """The Markdown body in `lang`."""
        return self.body_ur if lang == "ur" else self.body_en


@dataclass(frozen=True, slots=True)
class Article:
    """An article's workflow state (no text)."""

    id: int
    slug: str
    status: str
    current_version: int
    live_version: int | None
    live_since: datetime | None
    first_published_at: datetime | None
    scheduled_version: int | None
    scheduled_for: datetime | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class ArticleVersion:
    """One numbered version of an article's text."""

    number: int
    text: ArticleText
    author: str
    note: str
    created_at: datetime


@dataclass(frozen=True, slots=True)
class ArticleEvent:
    """One recorded editorial action."""

    action: str
    version: int
    actor: str
    note: str
    at: datetime


def _article(row: ArticleRow) -> Article:
    return Article(
        id=row.id,
        slug=row.slug,
        status=row.status,
        current_version=row.current_version,
        live_version=row.live_version,
        live_since=aware(row.live_since),
        first_published_at=aware(row.first_published_at),
        scheduled_version=row.scheduled_version,
        scheduled_for=aware(row.scheduled_for),
        created_at=aware(row.created_at) or row.created_at,
        updated_at=aware(row.updated_at) or row.updated_at,
    )


def _version(row: ArticleVersionRow) -> ArticleVersion:
    text = ArticleText(
        title_en=row.title_en,
        title_ur=row.title_ur,
        summary_en=row.summary_en,
        summary_ur=row.summary_ur,
        body_en=row.body_en,
        body_ur=row.body_ur,
    )
    created = aware(row.created_at) or row.created_at
    return ArticleVersion(number=row.number, text=text, author=row.author, note=row.note, created_at=created)


@dataclass(frozen=True, slots=True)
class ArticleChange:
    """The workflow fields a transition sets (None: leave as is, unless listed in `clear`)."""

    status: str
    live_version: int | None = None
    live_since: datetime | None = None
    first_published_at: datetime | None = None
    scheduled_version: int | None = None
    scheduled_for: datetime | None = None
    clear: tuple[str, ...] = ()
    """Field names to set to NULL, e.g. ("scheduled_version", "scheduled_for")."""


class ArticleStore:
    """Reads and writes articles inside one session; the caller owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _row(self, slug: str, *, lock: bool = False) -> ArticleRow | None:
        query = select(ArticleRow).where(ArticleRow.slug == slug)
        if lock:
            query = query.with_for_update()
        return self._session.scalars(query).first()

    def get(self, slug: str, *, lock: bool = False) -> Article | None:
        """The article with this slug, or None. `lock` takes a row lock on PostgreSQL."""
        row = self._row(slug, lock=lock)
        return _article(row) if row else None

    def all(self) -> list[Article]:
        """Every article, newest change first."""
        rows = self._session.scalars(select(ArticleRow).order_by(ArticleRow.updated_at.desc()))
        return [_article(row) for row in rows]

    def live(self) -> list[Article]:
        """Articles with a live version, most recently published first."""
        query = (
            select(ArticleRow)
            .where(ArticleRow.live_version.is_not(None))
            .order_by(ArticleRow.first_published_at.desc(), ArticleRow.id.desc())
        )
        return [_article(row) for row in self._session.scalars(query)]

    def due(self, now: datetime) -> list[Article]:
        """Scheduled articles whose time has come."""
        query = select(ArticleRow).where(ArticleRow.status == "scheduled", ArticleRow.scheduled_for <= now)
        return [_article(row) for row in self._session.scalars(query)]

    def create(self, slug: str, text: ArticleText, *, author: str, note: str, now: datetime) -> Article:
        """A new article in `draft` with version 1."""
        row = ArticleRow(slug=slug, status="draft", current_version=1, created_at=now, updated_at=now)
        self._session.add(row)
        self._session.flush()
        self._add_version(row.id, 1, text, author=author, note=note, now=now)
        return _article(row)

    def add_version(self, slug: str, text: ArticleText, *, author: str, note: str, now: datetime) -> Article:
        """Append the next version and make it current, back in `draft`."""
        row = self._required(slug)
        row.current_version += 1
        row.status = "draft"
        row.scheduled_version = None
        row.scheduled_for = None
        row.updated_at = now
        self._add_version(row.id, row.current_version, text, author=author, note=note, now=now)
        return _article(row)

    def _add_version(
        self, article_id: int, number: int, text: ArticleText, *, author: str, note: str, now: datetime
    ) -> None:
        self._session.add(
            ArticleVersionRow(
                article_id=article_id,
                number=number,
                title_en=text.title_en,
                title_ur=text.title_ur,
                summary_en=text.summary_en,
                summary_ur=text.summary_ur,
                body_en=text.body_en,
                body_ur=text.body_ur,
                author=author,
                note=note,
                created_at=now,
            )
        )
        self._session.flush()

    def update(self, slug: str, change: ArticleChange, *, now: datetime) -> Article:
        """Apply a workflow change to the article."""
        row = self._required(slug)
        row.status = change.status
        for name in (
            "live_version",
            "live_since",
            "first_published_at",
            "scheduled_version",
            "scheduled_for",
        ):
            value = getattr(change, name)
            if value is not None:
                setattr(row, name, value)
            elif name in change.clear:
                setattr(row, name, None)
        row.updated_at = now
        self._session.flush()
        return _article(row)

    def version(self, slug: str, number: int) -> ArticleVersion | None:
        """Version `number` of the article, or None."""
        row = self._required(slug)
        found = self._session.scalars(
            select(ArticleVersionRow).where(
                ArticleVersionRow.article_id == row.id, ArticleVersionRow.number == number
            )
        ).first()
        return _version(found) if found else None

    def versions(self, slug: str) -> list[ArticleVersion]:
        """Every version, oldest first."""
        row = self._required(slug)
        query = (
            select(ArticleVersionRow)
            .where(ArticleVersionRow.article_id == row.id)
            .order_by(ArticleVersionRow.number)
        )
        return [_version(found) for found in self._session.scalars(query)]

    def record(self, slug: str, action: str, *, version: int, actor: str, note: str, now: datetime) -> None:
        """Append an editorial event."""
        row = self._required(slug)
        self._session.add(
            ArticleEventRow(article_id=row.id, action=action, version=version, actor=actor, note=note, at=now)
        )
        self._session.flush()

    def events(self, slug: str) -> list[ArticleEvent]:
        """The article's events, oldest first."""
        row = self._required(slug)
        query = (
            select(ArticleEventRow)
            .where(ArticleEventRow.article_id == row.id)
            .order_by(ArticleEventRow.at, ArticleEventRow.id)
        )
        return [
            ArticleEvent(
                action=event.action,
                version=event.version,
                actor=event.actor,
                note=event.note,
                at=aware(event.at) or event.at,
            )
            for event in self._session.scalars(query)
        ]

    def _required(self, slug: str) -> ArticleRow:
        row = self._row(slug)
        if row is None:
            raise LookupError(slug)
        return row
