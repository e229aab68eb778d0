"""Rate-limit hits shared by every worker and host that uses one database (migration 0800).

Each row is one counted attempt under a scope ("sign-in-handle", "report-address", ...) and a key
hash: keys (handles, client addresses) are stored only as an HMAC under the installation's secret,
so the table holds no address in the clear.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, delete, func, select
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.storage.models import Base
from hifazat.storage.types import UTCDateTime


class RateLimitHitRow(Base):
    """One counted attempt."""

    __tablename__ = "rate_limit_hits"
    __table_args__ = (Index("ix_rate_limit_hits_scope_key_at", "scope", "key_hash", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    scope: Mapped[str] = mapped_column(String(32))
    key_hash: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)


class RateLimitStore:
    """Hits by scope and key."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def since(self, scope: str, key_hash: str, since: datetime) -> tuple[int, datetime | None]:
        """How many hits of `key_hash` under `scope` after `since`, and the oldest of them."""
        row = self._session.execute(
            select(func.count(), func.min(RateLimitHitRow.at)).where(
                RateLimitHitRow.scope == scope,
                RateLimitHitRow.key_hash == key_hash,
                RateLimitHitRow.at > since,
            )
        ).one()
        return int(row[0]), row[1]

    def add(self, scope: str, key_hash: str, at: datetime) -> None:
        self._session.add(RateLimitHitRow(scope=scope, key_hash=key_hash, at=at))
        self._session.flush()

    def forget_before(self, cutoff: datetime) -> int:
        """Delete every hit older than `cutoff` (of any scope); the number deleted."""
        result = self._session.execute(delete(RateLimitHitRow).where(RateLimitHitRow.at < cutoff))
        return int(getattr(result, "rowcount", 0) or 0)
