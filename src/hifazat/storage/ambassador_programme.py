"""The programme's public side in storage: campaigns, events, teaching materials and their views.
Rows never leave this module: `ProgrammeStore` returns frozen objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hifazat.core.errors import ConflictError, NotFoundError
from hifazat.storage.ambassador_models import CampaignRow, EventRow, MaterialRow, MaterialViewRow, ViewSaltRow
from hifazat.storage.sql import insert_ignoring


@dataclass(frozen=True, slots=True)
class Campaign:
    id: int
    slug: str
    title_en: str
    title_ur: str
    summary_en: str
    summary_ur: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True, slots=True)
class Speaker:
    """An ambassador (by account) or a guest (by name) speaking at an event."""

    account_id: str | None
    name: str


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    campaign_id: int | None
    title_en: str
    title_ur: str
    summary_en: str
    summary_ur: str
    starts_at: datetime
    minutes: int
    city: str
    venue: str
    online_url: str
    speakers: tuple[Speaker, ...]
    material_ids: tuple[int, ...]
    capacity: int
    attendance: int | None

    @property
    def online(self) -> bool:
        return not self.city


@dataclass(frozen=True, slots=True)
class Material:
    id: int
    slug: str
    title_en: str
    title_ur: str
    summary_en: str
    summary_ur: str
    body: str
    link: str
    audience: str
    language: str


def _campaign(row: CampaignRow) -> Campaign:
    return Campaign(
        row.id, row.slug, row.title_en, row.title_ur, row.summary_en, row.summary_ur, row.starts_on,
        row.ends_on,
    )  # fmt: skip


def _event(row: EventRow) -> Event:
    return Event(
        id=row.id,
        campaign_id=row.campaign_id,
        title_en=row.title_en,
        title_ur=row.title_ur,
        summary_en=row.summary_en,
        summary_ur=row.summary_ur,
        starts_at=row.starts_at,
        minutes=row.minutes,
        city=row.city,
        venue=row.venue,
        online_url=row.online_url,
        speakers=tuple(Speaker(s.get("account_id"), s.get("name", "")) for s in row.speakers),
        material_ids=tuple(int(m) for m in row.material_ids),
        capacity=row.capacity,
        attendance=row.attendance,
    )


def _material(row: MaterialRow) -> Material:
    return Material(
        row.id, row.slug, row.title_en, row.title_ur, row.summary_en, row.summary_ur, row.body, row.link,
        row.audience, row.language,
    )  # fmt: skip


def speakers_json(speakers: tuple[Speaker, ...]) -> list[dict[str, str]]:
    """How speakers are stored: an ambassador by account id, a guest by name."""
    return [{"account_id": s.account_id} if s.account_id else {"name": s.name} for s in speakers]


class ProgrammeStore:
    """Campaigns, events, teaching materials and their reach."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def _add(self, row: CampaignRow | MaterialRow, what: str) -> None:
        try:
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            raise ConflictError(f"a {what} with the slug {row.slug!r} already exists") from None

    def add_campaign(self, *, now: datetime, **values: Any) -> Campaign:
        row = CampaignRow(updated_at=now, **values)
        self._add(row, "campaign")
        return _campaign(row)

    def edit_campaign(self, campaign_id: int, *, now: datetime, **values: Any) -> Campaign:
        row = self._session.get(CampaignRow, campaign_id)
        if row is None:
            raise NotFoundError(f"no campaign {campaign_id}")
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at = now
        self._session.flush()
        return _campaign(row)

    def campaign(self, slug: str) -> Campaign:
        row = self._session.scalar(select(CampaignRow).where(CampaignRow.slug == slug))
        if row is None:
            raise NotFoundError(f"no campaign {slug!r}")
        return _campaign(row)

    def campaigns(self) -> list[Campaign]:
        rows = self._session.scalars(select(CampaignRow).order_by(CampaignRow.starts_on.desc()))
        return [_campaign(r) for r in rows]

    def add_event(self, *, now: datetime, speakers: tuple[Speaker, ...], **values: Any) -> Event:
        row = EventRow(updated_at=now, speakers=speakers_json(speakers), attendance=None, **values)
        self._session.add(row)
        self._session.flush()
        return _event(row)

    def edit_event(self, event_id: int, *, now: datetime, **values: Any) -> Event:
        row = self._session.get(EventRow, event_id)
        if row is None:
            raise NotFoundError(f"no event {event_id}")
        for name, value in values.items():
            setattr(row, name, speakers_json(value) if name == "speakers" else value)
        row.updated_at = now
        self._session.flush()
        return _event(row)

    def event(self, event_id: int) -> Event:
        row = self._session.get(EventRow, event_id, populate_existing=True)
        if row is None:
            raise NotFoundError(f"no event {event_id}")
        return _event(row)

    def events(self, *, campaign_id: int | None = None) -> list[Event]:
        """Events in date order, optionally of one campaign."""
        query = select(EventRow).order_by(EventRow.starts_at, EventRow.id)
        if campaign_id is not None:
            query = query.where(EventRow.campaign_id == campaign_id)
        return [_event(r) for r in self._session.scalars(query)]

    def add_material(self, *, now: datetime, **values: Any) -> Material:
        row = MaterialRow(updated_at=now, **values)
        self._add(row, "material")
        return _material(row)

    def edit_material(self, material_id: int, *, now: datetime, **values: Any) -> Material:
        row = self._session.get(MaterialRow, material_id)
        if row is None:
            raise NotFoundError(f"no material {material_id}")
        for name, value in values.items():
            setattr(row, name, value)
        row.updated_at = now
        self._session.flush()
        return _material(row)

    def material(self, slug: str) -> Material:
        row = self._session.scalar(select(MaterialRow).where(MaterialRow.slug == slug))
        if row is None:
            raise NotFoundError(f"no teaching material {slug!r}")
        return _material(row)

    def materials(self) -> list[Material]:
        rows = self._session.scalars(select(MaterialRow).order_by(MaterialRow.id))
        return [_material(r) for r in rows]

    def salt(self, day: date, fresh: str) -> str:
        """The salt of `day`'s visitor hashes (stored as `fresh` when the day has none yet); the salts of
        earlier days are deleted, so their hashes can no longer be linked to anyone."""
        self._session.execute(delete(ViewSaltRow).where(ViewSaltRow.day < day))
        row = self._session.get(ViewSaltRow, day)
        if row is None:
            try:
                with self._session.begin_nested():
                    self._session.add(ViewSaltRow(day=day, salt=fresh))
            except IntegrityError:
                pass
            row = self._session.get(ViewSaltRow, day, populate_existing=True)
        assert row is not None
        return row.salt

    def add_view(self, *, material_id: int, day: date, visitor: str) -> bool:
        """Count one visitor's view of a material on a day; False when already counted."""
        dialect = self._session.get_bind().dialect.name
        statement = insert_ignoring(
            dialect,
            MaterialViewRow.__table__,
            ("material_id", "day", "visitor"),
            "material_id",
        )
        inserted = self._session.execute(
            statement, {"material_id": material_id, "day": day, "visitor": visitor}
        ).first()
        return inserted is not None

    def reach(self) -> dict[int, int]:
        """Material id → distinct visitor-days that viewed it."""
        rows = self._session.execute(
            select(MaterialViewRow.material_id, func.count()).group_by(MaterialViewRow.material_id)
        )
        return {int(material_id): int(count) for material_id, count in rows}
