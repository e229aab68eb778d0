"""The strike ledger: one strike per decision at most; removed (not deleted) when an appeal succeeds."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, replace
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Table, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, Session, mapped_column

from hifazat.core.enforcement.standing import Strike
from hifazat.core.enforcement.vocabulary import TRACKS, Track, pick
from hifazat.storage.models import Base
from hifazat.storage.types import UTCDateTime


class StrikeRow(Base):
    """One strike."""

    __tablename__ = "strikes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    decision_id: Mapped[int] = mapped_column(Integer, ForeignKey("decisions.id"), unique=True)
    account_id: Mapped[str] = mapped_column(String(64), ForeignKey("accounts.id"), index=True)
    policy: Mapped[str] = mapped_column(String(64))
    track: Mapped[str] = mapped_column(String(16))
    tier: Mapped[int] = mapped_column(Integer)
    weight: Mapped[int] = mapped_column(Integer)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)
    removed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), nullable=True)


STRIKE_TABLE: Table = StrikeRow.__table__  # type: ignore[assignment]
INSERT_STRIKES = insert(STRIKE_TABLE).returning(STRIKE_TABLE.c.id, sort_by_parameter_order=True)


def _strike(row: StrikeRow) -> Strike:
    return Strike(
        id=row.id,
        account_id=row.account_id,
        decision_id=row.decision_id,
        policy=row.policy,
        track=pick(row.track, TRACKS, "track"),
        tier=row.tier,
        weight=row.weight,
        issued_at=row.issued_at,
        expires_at=row.expires_at,
        removed_at=row.removed_at,
    )


class StrikeStore:
    """Strikes by account and by decision."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add(
        self,
        *,
        decision_id: int,
        account_id: str,
        policy: str,
        track: Track,
        tier: int,
        weight: int,
        issued_at: datetime,
        expires_at: datetime | None,
    ) -> Strike:
        """The strike for a decision: created once, returned as it is on any retry."""
        row = StrikeRow(
            decision_id=decision_id,
            account_id=account_id,
            policy=policy,
            track=track,
            tier=tier,
            weight=weight,
            issued_at=issued_at,
            expires_at=expires_at,
            removed_at=None,
        )
        try:
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            existing = self.for_decision(decision_id)
            if existing is None:
                raise
            return existing
        return _strike(row)

    def add_many(self, strikes: Sequence[Strike]) -> list[Strike]:
        """Store the strikes of new decisions (decisions stored in this transaction, so none has a strike
        yet) in one statement; each strike's `id` is ignored and the stored strikes come back with theirs."""
        if not strikes:
            return []
        rows = [asdict(strike) for strike in strikes]
        for row in rows:
            del row["id"]
        ids = self._session.connection().execute(INSERT_STRIKES, rows).scalars().all()
        return [replace(strike, id=int(new_id)) for strike, new_id in zip(strikes, ids, strict=True)]

    def any_standing(self, account_id: str) -> bool:
        """True when the account has any strike not removed on appeal (a cheap check before posting)."""
        found = self._session.execute(
            select(StrikeRow.id)
            .where(StrikeRow.account_id == account_id, StrikeRow.removed_at.is_(None))
            .limit(1)
        ).first()
        return found is not None

    def standing_among(self, account_ids: Iterable[str]) -> set[str]:
        """Which of `account_ids` have any strike not removed on appeal (`any_standing` for many, one query)."""
        wanted = list(set(account_ids))
        if not wanted:
            return set()
        return set(
            self._session.scalars(
                select(StrikeRow.account_id)
                .where(StrikeRow.account_id.in_(wanted), StrikeRow.removed_at.is_(None))
                .distinct()
            )
        )

    def for_decision(self, decision_id: int) -> Strike | None:
        row = self._session.scalar(select(StrikeRow).where(StrikeRow.decision_id == decision_id))
        return None if row is None else _strike(row)

    def for_account(self, account_id: str) -> list[Strike]:
        """Every strike an account ever had, removed ones included, oldest first."""
        rows = self._session.scalars(
            select(StrikeRow)
            .where(StrikeRow.account_id == account_id)
            .order_by(StrikeRow.issued_at, StrikeRow.id)
        )
        return [_strike(r) for r in rows]

    def for_accounts(self, account_ids: Iterable[str]) -> dict[str, list[Strike]]:
        """`for_account` for many accounts in one query: every account named gets a list (maybe empty)."""
        wanted = sorted(set(account_ids))
        found: dict[str, list[Strike]] = {account_id: [] for account_id in wanted}
        if not wanted:
            return found
        rows = self._session.scalars(
            select(StrikeRow)
            .where(StrikeRow.account_id.in_(wanted))
            .order_by(StrikeRow.issued_at, StrikeRow.id)
        )
        for row in rows:
            found[row.account_id].append(_strike(row))
        return found

    def remove(self, decision_id: int, now: datetime) -> bool:
        """Take the strike of a decision off the record (appeal overturned); False when there was none."""
        result = self._session.execute(
            update(StrikeRow)
            .where(StrikeRow.decision_id == decision_id, StrikeRow.removed_at.is_(None))
            .values(removed_at=now)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]
