"""The safety features' tables (migration 0300). `hifazat.storage.safety` reads and writes them."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hifazat.storage.models import Base
from hifazat.storage.types import JSONText, UTCDateTime


class SafetySettingsRow(Base):
    """One account's own setting choices (absent: the defaults of its age band)."""

    __tablename__ = "safety_settings"

    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), primary_key=True)
    values: Mapped[Any] = mapped_column(JSONText())
    passcode_hash: Mapped[str | None] = mapped_column(String(200), nullable=True)
    """Screen-time passcode (salted PBKDF2), set by the account or its paired parent."""
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class FollowRow(Base):
    """`follower_id` follows `followee_id`; `approved` is False while a private account decides."""

    __tablename__ = "follows"

    follower_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), primary_key=True)
    followee_id: Mapped[str] = mapped_column(
        String(64), ForeignKey("accounts.id"), primary_key=True, index=True
    )
    approved: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class _PairMixin:
    owner_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), primary_key=True)
    other_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), primary_key=True, index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class BlockRow(_PairMixin, Base):
    """`owner_id` blocked `other_id`."""

    __tablename__ = "blocks"


class RestrictRow(_PairMixin, Base):
    """`owner_id` restricted `other_id` (their comments are seen only by themselves)."""

    __tablename__ = "restricts"


class MuteRow(_PairMixin, Base):
    """`owner_id` muted `other_id` (their posts leave the owner's feeds)."""

    __tablename__ = "mutes"


class KeywordFilterRow(Base):
    """One keyword a creator filters from comments."""

    __tablename__ = "keyword_filters"

    owner_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), primary_key=True)
    keyword: Mapped[str] = mapped_column(String(80), primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class PairingCodeRow(Base):
    """A one-time Family Pairing code a parent created (stored as a hash)."""

    __tablename__ = "pairing_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    parent_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


class PairingRow(Base):
    """A teen linked to a parent, with the controls the parent set."""

    __tablename__ = "pairings"

    teen_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), primary_key=True)
    parent_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    controls: Mapped[Any] = mapped_column(JSONText())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class ScreenTimeRow(Base):
    """Minutes one account spent in the app on one day, and passcode extensions."""

    __tablename__ = "screen_time"

    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    used_minutes: Mapped[int] = mapped_column(Integer)
    extended_minutes: Mapped[int] = mapped_column(Integer)


class CommentRow(Base):
    """A comment on a content item, with where comment controls put it."""

    __tablename__ = "safety_comments"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    content_id: Mapped[str] = mapped_column(String(64), index=True)
    creator_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"))
    author_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    state: Mapped[str] = mapped_column(String(16))
    """visible, held, removed (by the engine) or deleted (by the creator or author)."""
    hold_reason: Mapped[str | None] = mapped_column(String(24), nullable=True)
    keyword: Mapped[str | None] = mapped_column(String(80), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SafetyEventRow(Base):
    """A change to someone's safety (birth date, settings, pairing), kept for audit and as a notice."""

    __tablename__ = "safety_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    event: Mapped[str] = mapped_column(String(40))
    actor_id: Mapped[str] = mapped_column(String(64))
    account_id: Mapped[str] = mapped_column(String(64), index=True)
    """Whose safety it concerns (and who is notified when `notice_en` is set)."""
    data: Mapped[Any] = mapped_column(JSONText())
    notice_en: Mapped[str | None] = mapped_column(Text, nullable=True)
    notice_ur: Mapped[str | None] = mapped_column(Text, nullable=True)
