"""The safety store: settings, follows, blocks, restricts, mutes, keyword filters, Family Pairing (codes
and links), screen time, comments on content, and the safety event log (audit + notices).

Rows (`hifazat.storage.safety_models`) never leave this module: `SafetyStore` returns plain frozen objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    Connection,
    delete,
    or_,
    select,
    update,
)
from sqlalchemy.orm import Session

from hifazat.storage.models import AccountRow
from hifazat.storage.safety_facts import AccountFacts, InteractionFacts, read_interaction_facts
from hifazat.storage.safety_models import (
    BlockRow,
    CommentRow,
    FollowRow,
    KeywordFilterRow,
    MuteRow,
    PairingCodeRow,
    PairingRow,
    RestrictRow,
    SafetyEventRow,
    SafetySettingsRow,
    ScreenTimeRow,
)

# ---- plain objects ----------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Pairing:
    """A parent-teen link."""

    teen_id: str
    parent_id: str
    controls: dict[str, Any]
    created_at: datetime


@dataclass(frozen=True, slots=True)
class PairingCode:
    parent_id: str
    expires_at: datetime
    used_at: datetime | None


@dataclass(frozen=True, slots=True)
class StoredComment:
    id: str
    content_id: str
    creator_id: str
    author_id: str
    text: str
    state: str
    hold_reason: str | None
    keyword: str | None
    created_at: datetime


@dataclass(frozen=True, slots=True)
class SafetyEvent:
    id: int
    at: datetime
    event: str
    actor_id: str
    account_id: str
    data: dict[str, Any]
    notice_en: str | None
    notice_ur: str | None


def _comment(row: CommentRow) -> StoredComment:
    return StoredComment(
        row.id, row.content_id, row.creator_id, row.author_id, row.text, row.state, row.hold_reason,
        row.keyword, row.created_at,
    )  # fmt: skip


_PAIR_TABLES: dict[str, type[BlockRow | RestrictRow | MuteRow]] = {
    "block": BlockRow,
    "restrict": RestrictRow,
    "mute": MuteRow,
}


class SafetyStore:
    """The safety tables behind one session."""

    def __init__(self, session: Session) -> None:
        self._session = session

    # -- accounts and one-trip interaction facts --

    def account(self, account_id: str) -> AccountFacts | None:
        row = self._session.get(AccountRow, account_id)
        return None if row is None else AccountFacts(row.id, row.handle, row.birth_date, row.language)

    def accounts(self, ids: Iterable[str]) -> dict[str, AccountFacts]:
        return self.accounts_on(self._session.connection(), ids)

    @staticmethod
    def accounts_on(connection: Connection, ids: Iterable[str]) -> dict[str, AccountFacts]:
        """The accounts among `ids` that exist."""
        query = select(AccountRow.id, AccountRow.handle, AccountRow.birth_date, AccountRow.language)
        rows = connection.execute(query.where(AccountRow.id.in_(set(ids))))
        return {r.id: AccountFacts(r.id, r.handle, r.birth_date, r.language) for r in rows}

    def ensure_account(
        self, account_id: str, *, handle: str, language: str, birth_date: date | None, now: datetime
    ) -> None:
        """Create a plain user account when missing (demo data and tests)."""
        if self._session.get(AccountRow, account_id) is None:
            self._session.add(
                AccountRow(
                    id=account_id, handle=handle, display_name=handle, role="user", language=language,
                    birth_date=birth_date, follower_count=0, created_at=now,
                )
            )  # fmt: skip
            self._session.flush()

    def set_birth_date(self, account_id: str, birth_date: date | None) -> None:
        self._session.execute(
            update(AccountRow).where(AccountRow.id == account_id).values(birth_date=birth_date)
        )

    def interaction_facts(
        self, actor_id: str, target_id: str, *, strikes: bool = False
    ) -> InteractionFacts | None:
        """See `read_interaction_facts`."""
        return read_interaction_facts(self._session.connection(), actor_id, target_id, strikes=strikes)

    # -- settings --

    def settings(self, account_id: str) -> dict[str, Any] | None:
        row = self._session.get(SafetySettingsRow, account_id)
        return None if row is None else dict(row.values)

    def save_settings(self, account_id: str, values: dict[str, Any], now: datetime) -> None:
        row = self._session.get(SafetySettingsRow, account_id)
        if row is None:
            self._session.add(SafetySettingsRow(account_id=account_id, values=values, updated_at=now))
        else:
            row.values = values
            row.updated_at = now
        self._session.flush()

    def passcode_hash(self, account_id: str) -> str | None:
        row = self._session.get(SafetySettingsRow, account_id)
        return None if row is None else row.passcode_hash

    def set_passcode_hash(
        self, account_id: str, passcode_hash: str, now: datetime, values: dict[str, Any]
    ) -> None:
        row = self._session.get(SafetySettingsRow, account_id)
        if row is None:
            row = SafetySettingsRow(account_id=account_id, values=values, updated_at=now)
            self._session.add(row)
        row.passcode_hash = passcode_hash
        self._session.flush()

    # -- follows and block / restrict / mute --

    def follow(self, follower_id: str, followee_id: str, *, approved: bool, now: datetime) -> None:
        row = self._session.get(FollowRow, (follower_id, followee_id))
        if row is None:
            self._session.add(
                FollowRow(follower_id=follower_id, followee_id=followee_id, approved=approved, created_at=now)
            )
        elif approved:
            row.approved = True
        self._session.flush()

    def follow_state(self, follower_id: str, followee_id: str) -> bool | None:
        """True approved, False pending, None not following."""
        row = self._session.get(FollowRow, (follower_id, followee_id))
        return None if row is None else row.approved

    def unfollow(self, follower_id: str, followee_id: str) -> bool:
        result = self._session.execute(
            delete(FollowRow).where(
                FollowRow.follower_id == follower_id, FollowRow.followee_id == followee_id
            )
        )
        return bool(getattr(result, "rowcount", 0))

    def add_pair(self, kind: str, owner_id: str, other_id: str, now: datetime) -> bool:
        """Record `owner` blocks/restricts/mutes `other`; False when it already did."""
        table: Any = _PAIR_TABLES[kind]
        if self._session.get(table, (owner_id, other_id)) is not None:
            return False
        self._session.add(table(owner_id=owner_id, other_id=other_id, created_at=now))
        self._session.flush()
        return True

    def remove_pair(self, kind: str, owner_id: str, other_id: str) -> bool:
        table: Any = _PAIR_TABLES[kind]
        result = self._session.execute(
            delete(table).where(table.owner_id == owner_id, table.other_id == other_id)
        )
        return bool(getattr(result, "rowcount", 0))

    def pairs(self, kind: str, owner_id: str) -> list[str]:
        table: Any = _PAIR_TABLES[kind]
        return list(
            self._session.scalars(
                select(table.other_id).where(table.owner_id == owner_id).order_by(table.created_at)
            )
        )

    def blocked_with(self, account_id: str) -> frozenset[str]:
        """Accounts on either side of a block with `account_id`."""
        mine = select(BlockRow.other_id).where(BlockRow.owner_id == account_id)
        theirs = select(BlockRow.owner_id).where(BlockRow.other_id == account_id)
        return frozenset(self._session.scalars(mine.union(theirs)))

    def drop_follows_between(self, one: str, other: str) -> None:
        self._session.execute(
            delete(FollowRow).where(
                or_(
                    (FollowRow.follower_id == one) & (FollowRow.followee_id == other),
                    (FollowRow.follower_id == other) & (FollowRow.followee_id == one),
                )
            )
        )

    # -- keyword filters --

    def keywords(self, owner_id: str) -> list[str]:
        rows = self._session.scalars(
            select(KeywordFilterRow.keyword)
            .where(KeywordFilterRow.owner_id == owner_id)
            .order_by(KeywordFilterRow.created_at)
        )
        return list(rows)

    def add_keyword(self, owner_id: str, keyword: str, now: datetime) -> bool:
        if self._session.get(KeywordFilterRow, (owner_id, keyword)) is not None:
            return False
        self._session.add(KeywordFilterRow(owner_id=owner_id, keyword=keyword, created_at=now))
        self._session.flush()
        return True

    def remove_keyword(self, owner_id: str, keyword: str) -> bool:
        result = self._session.execute(
            delete(KeywordFilterRow).where(
                KeywordFilterRow.owner_id == owner_id, KeywordFilterRow.keyword == keyword
            )
        )
        return bool(getattr(result, "rowcount", 0))

    # -- Family Pairing --

    def add_code(self, code_hash: str, parent_id: str, now: datetime, expires_at: datetime) -> None:
        self._session.add(
            PairingCodeRow(code_hash=code_hash, parent_id=parent_id, created_at=now, expires_at=expires_at)
        )
        self._session.flush()

    def code(self, code_hash: str) -> PairingCode | None:
        row = self._session.get(PairingCodeRow, code_hash)
        return None if row is None else PairingCode(row.parent_id, row.expires_at, row.used_at)

    def use_code(self, code_hash: str, now: datetime) -> bool:
        """Mark a code used; False when it was used meanwhile (one-time, even under races)."""
        result = self._session.execute(
            update(PairingCodeRow)
            .where(PairingCodeRow.code_hash == code_hash, PairingCodeRow.used_at.is_(None))
            .values(used_at=now)
        )
        return bool(getattr(result, "rowcount", 0))

    def pairing(self, teen_id: str) -> Pairing | None:
        row = self._session.get(PairingRow, teen_id)
        return (
            None if row is None else Pairing(row.teen_id, row.parent_id, dict(row.controls), row.created_at)
        )

    def teens_of(self, parent_id: str) -> list[Pairing]:
        rows = self._session.scalars(select(PairingRow).where(PairingRow.parent_id == parent_id))
        return [Pairing(r.teen_id, r.parent_id, dict(r.controls), r.created_at) for r in rows]

    def add_pairing(self, teen_id: str, parent_id: str, now: datetime) -> None:
        self._session.add(PairingRow(teen_id=teen_id, parent_id=parent_id, controls={}, created_at=now))
        self._session.flush()

    def set_controls(self, teen_id: str, controls: dict[str, Any]) -> None:
        self._session.execute(
            update(PairingRow).where(PairingRow.teen_id == teen_id).values(controls=controls)
        )

    def remove_pairing(self, teen_id: str) -> None:
        self._session.execute(delete(PairingRow).where(PairingRow.teen_id == teen_id))

    # -- screen time --

    def screen_time(self, account_id: str, day: date) -> tuple[int, int]:
        row = self._session.get(ScreenTimeRow, (account_id, day))
        return (0, 0) if row is None else (row.used_minutes, row.extended_minutes)

    def add_screen_time(
        self, account_id: str, day: date, *, used: int = 0, extended: int = 0
    ) -> tuple[int, int]:
        row = self._session.get(ScreenTimeRow, (account_id, day))
        if row is None:
            row = ScreenTimeRow(account_id=account_id, day=day, used_minutes=0, extended_minutes=0)
            self._session.add(row)
        row.used_minutes += used
        row.extended_minutes += extended
        self._session.flush()
        return row.used_minutes, row.extended_minutes

    # -- comments --

    def add_comment(self, comment: StoredComment) -> None:
        self._session.add(
            CommentRow(
                id=comment.id, content_id=comment.content_id, creator_id=comment.creator_id,
                author_id=comment.author_id, text=comment.text, state=comment.state,
                hold_reason=comment.hold_reason, keyword=comment.keyword, created_at=comment.created_at,
            )
        )  # fmt: skip
        self._session.flush()

    def comment(self, comment_id: str) -> StoredComment | None:
        row = self._session.get(CommentRow, comment_id)
        return None if row is None else _comment(row)

    def creator_of(self, content_id: str) -> str | None:
        return self._session.scalar(
            select(CommentRow.creator_id).where(CommentRow.content_id == content_id).limit(1)
        )

    def comments(self, content_id: str, *, state: str | None = None, limit: int = 500) -> list[StoredComment]:
        query = select(CommentRow).where(CommentRow.content_id == content_id)
        if state is not None:
            query = query.where(CommentRow.state == state)
        rows = self._session.scalars(query.order_by(CommentRow.created_at, CommentRow.id).limit(limit))
        return [_comment(r) for r in rows]

    def set_comment_state(self, comment_ids: Iterable[str], state: str) -> int:
        result = self._session.execute(
            update(CommentRow).where(CommentRow.id.in_(list(comment_ids))).values(state=state)
        )
        return int(getattr(result, "rowcount", 0))

    # -- events --

    def add_event(
        self, *, event: str, actor_id: str, account_id: str, data: dict[str, Any], now: datetime,
        notice: tuple[str, str] | None = None,
    ) -> None:  # fmt: skip
        self._session.add(
            SafetyEventRow(
                at=now, event=event, actor_id=actor_id, account_id=account_id, data=data,
                notice_en=notice[0] if notice else None, notice_ur=notice[1] if notice else None,
            )
        )  # fmt: skip

    def events(self, account_id: str, limit: int = 50) -> list[SafetyEvent]:
        rows = self._session.scalars(
            select(SafetyEventRow)
            .where(SafetyEventRow.account_id == account_id)
            .order_by(SafetyEventRow.id.desc())
            .limit(limit)
        )
        return [
            SafetyEvent(r.id, r.at, r.event, r.actor_id, r.account_id, dict(r.data), r.notice_en, r.notice_ur)
            for r in rows
        ]
