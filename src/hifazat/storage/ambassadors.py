"""The Safety Ambassadors store: applications and profiles (campaigns, events and the library are in
`hifazat.storage.ambassador_programme`). Rows never leave this module: it returns frozen objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from hifazat.core.errors import ConflictError, NotFoundError
from hifazat.storage.ambassador_models import ApplicationRow, ProfileRow


@dataclass(frozen=True, slots=True)
class Platform:
    """Where an applicant reaches people (e.g. `tiktok`) and how many follow them there."""

    name: str
    followers: int


@dataclass(frozen=True, slots=True)
class Application:
    """An application to the programme."""

    id: int
    account_id: str
    motivation: str
    languages: tuple[str, ...]
    platforms: tuple[Platform, ...]
    region: str
    agreed_at: datetime
    state: str
    reason: str
    decided_by: str | None
    decided_at: datetime | None
    created_at: datetime

    @property
    def reach(self) -> int:
        """Followers over every platform the applicant named."""
        return sum(p.followers for p in self.platforms)


@dataclass(frozen=True, slots=True)
class Profile:
    """An ambassador's public profile (never anything private: no email, phone or birth date)."""

    account_id: str
    bio_en: str
    bio_ur: str
    languages: tuple[str, ...]
    region: str
    active: bool
    since: datetime
    ended_at: datetime | None


def _application(row: ApplicationRow) -> Application:
    return Application(
        id=row.id,
        account_id=row.account_id,
        motivation=row.motivation,
        languages=tuple(row.languages),
        platforms=tuple(Platform(p["name"], int(p["followers"])) for p in row.platforms),
        region=row.region,
        agreed_at=row.agreed_at,
        state=row.state,
        reason=row.reason,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        created_at=row.created_at,
    )


def _profile(row: ProfileRow) -> Profile:
    return Profile(
        row.account_id, row.bio_en, row.bio_ur, tuple(row.languages), row.region, row.active, row.since,
        row.ended_at,
    )  # fmt: skip


class AmbassadorStore:
    """Applications and profiles."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def add_application(
        self,
        *,
        account_id: str,
        motivation: str,
        languages: tuple[str, ...],
        platforms: tuple[Platform, ...],
        region: str,
        now: datetime,
    ) -> Application:
        """A new pending application; `ConflictError` when the account already has an open one."""
        row = ApplicationRow(
            account_id=account_id,
            open_for=account_id,
            motivation=motivation,
            languages=list(languages),
            platforms=[{"name": p.name, "followers": p.followers} for p in platforms],
            region=region,
            agreed_at=now,
            state="pending",
            reason="",
            created_at=now,
        )
        try:
            with self._session.begin_nested():
                self._session.add(row)
        except IntegrityError:
            raise ConflictError("you already have an application waiting for a decision") from None
        return _application(row)

    def application(self, application_id: int) -> Application:
        row = self._session.get(ApplicationRow, application_id, populate_existing=True)
        if row is None:
            raise NotFoundError(f"no ambassador application {application_id}")
        return _application(row)

    def latest_application(self, account_id: str) -> Application | None:
        row = self._session.scalar(
            select(ApplicationRow)
            .where(ApplicationRow.account_id == account_id)
            .order_by(ApplicationRow.id.desc())
            .limit(1)
        )
        return None if row is None else _application(row)

    def applications(self, *, state: str | None = None, limit: int = 100) -> list[Application]:
        """Applications, oldest first (the order to decide them in)."""
        query = select(ApplicationRow).order_by(ApplicationRow.id).limit(limit)
        if state is not None:
            query = query.where(ApplicationRow.state == state)
        return [_application(r) for r in self._session.scalars(query)]

    def close_application(
        self, application_id: int, *, state: str, reason: str, by: str, now: datetime
    ) -> bool:
        """Move a pending application to `state`; False when it was no longer pending."""
        result = self._session.execute(
            update(ApplicationRow)
            .where(ApplicationRow.id == application_id, ApplicationRow.state == "pending")
            .values(state=state, reason=reason, decided_by=by, decided_at=now, open_for=None)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]

    def profile(self, account_id: str) -> Profile | None:
        row = self._session.get(ProfileRow, account_id, populate_existing=True)
        return None if row is None else _profile(row)

    def profiles(self, *, active: bool = True) -> list[Profile]:
        query = select(ProfileRow).order_by(ProfileRow.since, ProfileRow.account_id)
        if active:
            query = query.where(ProfileRow.active.is_(True))
        return [_profile(r) for r in self._session.scalars(query)]

    def start_profile(
        self, *, account_id: str, languages: tuple[str, ...], region: str, now: datetime
    ) -> Profile:
        """Open (or reopen) an ambassador's profile; an earlier bio is kept."""
        row = self._session.get(ProfileRow, account_id)
        if row is None:
            row = ProfileRow(account_id=account_id, bio_en="", bio_ur="")
            self._session.add(row)
        row.languages, row.region, row.active, row.since, row.ended_at = (
            list(languages),
            region,
            True,
            now,
            None,
        )
        self._session.flush()
        return _profile(row)

    def edit_profile(self, account_id: str, **values: Any) -> Profile:
        row = self._session.get(ProfileRow, account_id)
        if row is None or not row.active:
            raise NotFoundError(f"{account_id!r} is not an ambassador")
        for name, value in values.items():
            setattr(row, name, list(value) if name == "languages" else value)
        self._session.flush()
        return _profile(row)

    def end_profile(self, account_id: str, *, now: datetime) -> bool:
        result = self._session.execute(
            update(ProfileRow)
            .where(ProfileRow.account_id == account_id, ProfileRow.active.is_(True))
            .values(active=False, ended_at=now)
        )
        return bool(result.rowcount == 1)  # type: ignore[attr-defined]
