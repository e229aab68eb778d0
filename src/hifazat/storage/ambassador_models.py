"""The Safety Ambassadors programme's tables (migration 0500). `hifazat.storage.ambassadors` reads and
writes them; no row leaves that module."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hifazat.storage.models import Base
from hifazat.storage.types import JSONText, UTCDateTime


class ApplicationRow(Base):
    """One person's application to become a Safety Ambassador."""

    __tablename__ = "ambassador_applications"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    open_for: Mapped[str | None] = mapped_column(String(64), unique=True, nullable=True)
    """The account id while the application is pending, else NULL: at most one open application each."""
    motivation: Mapped[str] = mapped_column(Text)
    languages: Mapped[Any] = mapped_column(JSONText())
    """Language codes the applicant teaches in (`en`, `ur`, `roman-ur`, regional languages)."""
    platforms: Mapped[Any] = mapped_column(JSONText())
    """[{"name": ..., "followers": ...}]: where the applicant reaches people, and how many."""
    region: Mapped[str] = mapped_column(String(40))
    agreed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    """When the applicant agreed to the ambassador code of conduct."""
    state: Mapped[str] = mapped_column(String(16))
    """pending, approved, declined or withdrawn."""
    reason: Mapped[str] = mapped_column(Text, default="")
    """Why it was declined (shown to the applicant), or a note on an approval."""
    decided_by: Mapped[str | None] = mapped_column(String(64), nullable=True)
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ProfileRow(Base):
    """An ambassador's public profile; `active` is False once they stepped down or were removed."""

    __tablename__ = "ambassador_profiles"

    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), primary_key=True)
    bio_en: Mapped[str] = mapped_column(Text, default="")
    bio_ur: Mapped[str] = mapped_column(Text, default="")
    languages: Mapped[Any] = mapped_column(JSONText())
    region: Mapped[str] = mapped_column(String(40))
    active: Mapped[bool] = mapped_column(Boolean)
    since: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class CampaignRow(Base):
    """A campaign (e.g. #SaferTogether) that groups events."""

    __tablename__ = "ambassador_campaigns"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title_en: Mapped[str] = mapped_column(String(200))
    title_ur: Mapped[str] = mapped_column(String(200))
    summary_en: Mapped[str] = mapped_column(Text)
    summary_ur: Mapped[str] = mapped_column(Text)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class EventRow(Base):
    """A session, panel or workshop, in a place or online."""

    __tablename__ = "ambassador_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    campaign_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("ambassador_campaigns.id"), index=True, nullable=True
    )
    title_en: Mapped[str] = mapped_column(String(200))
    title_ur: Mapped[str] = mapped_column(String(200))
    summary_en: Mapped[str] = mapped_column(Text)
    summary_ur: Mapped[str] = mapped_column(Text)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    city: Mapped[str] = mapped_column(String(80))
    """Empty for an online event."""
    venue: Mapped[str] = mapped_column(String(200))
    online_url: Mapped[str] = mapped_column(String(300))
    speakers: Mapped[Any] = mapped_column(JSONText())
    """[{"account_id": ...} | {"name": ...}]: ambassadors by account, guests by name."""
    material_ids: Mapped[Any] = mapped_column(JSONText())
    capacity: Mapped[int] = mapped_column(Integer)
    attendance: Mapped[int | None] = mapped_column(Integer, nullable=True)
    """Recorded after the event; NULL until then."""
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MaterialRow(Base):
    """A piece of teaching material in the library."""

    __tablename__ = "ambassador_materials"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title_en: Mapped[str] = mapped_column(String(200))
    title_ur: Mapped[str] = mapped_column(String(200))
    summary_en: Mapped[str] = mapped_column(Text)
    summary_ur: Mapped[str] = mapped_column(Text)
    body: Mapped[str] = mapped_column(Text)
    """The material itself, in `language` (plain text); may be empty when `link` is set."""
    link: Mapped[str] = mapped_column(String(300))
    audience: Mapped[str] = mapped_column(String(16))
    """teens, parents, creators or teachers."""
    language: Mapped[str] = mapped_column(String(8))
    """en, ur or both: the language of the material itself."""
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MaterialViewRow(Base):
    """One visitor seeing one material on one day, known only by a salted hash (no address kept)."""

    __tablename__ = "ambassador_material_views"

    material_id: Mapped[int] = mapped_column(Integer, ForeignKey("ambassador_materials.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    visitor: Mapped[str] = mapped_column(String(64), primary_key=True)


class ViewSaltRow(Base):
    """The random salt of one day's visitor hashes; deleted once the day is over, so no hash can be
    linked back to an address afterwards."""

    __tablename__ = "ambassador_view_salts"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    salt: Mapped[str] = mapped_column(String(64))
