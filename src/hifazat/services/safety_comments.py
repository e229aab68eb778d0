"""Comments under comment controls: the nudge, posting through filters, what each viewer sees, the held
queue, approval, deletion, and bulk delete or block of up to 100 comments at once.

A comment is also an enforcement content item (same id), stored in the same transaction with the
engine's verdict; what viewers see follows that item's status (see `hifazat.services.comment_enforcement`).
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from hifazat.core.guidelines import default_catalogue
from hifazat.core.safety.age import AgeBand
from hifazat.core.safety.comments import (
    NUDGE_EN,
    NUDGE_UR,
    CommentFacts,
    screen_comment,
    should_nudge,
    visible_comments,
)
from hifazat.core.safety.errors import (
    SafetyConflictError,
    SafetyForbiddenError,
    SafetyInvalidError,
    SafetyNotFoundError,
)
from hifazat.core.safety.keywords import KeywordFilter
from hifazat.core.safety.settings import effective
from hifazat.services.comment_enforcement import enforce_comment, with_enforcement
from hifazat.services.safety_base import SafetyBase, assessment_of
from hifazat.storage.content_states import content_statuses
from hifazat.storage.safety import SafetyStore, StoredComment
from hifazat.storage.unit import Database, Stores

MAX_BULK = 100
"""Most comments one bulk action may touch."""
MAX_COMMENT_CHARS = 2200


def _checked(text: str) -> str:
    if not text.strip() or len(text) > MAX_COMMENT_CHARS:
        raise SafetyInvalidError(
            f"a comment has 1 to {MAX_COMMENT_CHARS} characters; got {len(text.strip())}",
            message_ur=f"تبصرہ 1 سے {MAX_COMMENT_CHARS} حروف کا ہو سکتا ہے۔",
            reason="bad_comment",
        )
    return text


BulkAction = Literal["delete", "block"]


@dataclass(frozen=True, slots=True)
class PostResult:
    """What happened to a comment: posted (with its state) or sent back with a nudge to reconsider."""

    posted: bool
    comment: StoredComment | None = None
    nudge: bool = False

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"posted": self.posted, "nudge": self.nudge}
        if self.nudge and not self.posted:
            out.update(message_en=NUDGE_EN, message_ur=NUDGE_UR)
        if self.comment is not None:
            out["comment"] = comment_dict(self.comment)
        return out


def comment_dict(comment: StoredComment) -> dict[str, object]:
    return {
        "id": comment.id,
        "content_id": comment.content_id,
        "author_id": comment.author_id,
        "text": comment.text,
        "state": comment.state,
        "hold_reason": comment.hold_reason,
        "created_at": comment.created_at.isoformat(),
    }


def _facts(comment: StoredComment) -> CommentFacts:
    return CommentFacts(comment.id, comment.author_id, comment.state)  # type: ignore[arg-type]


def _no_comment(comment_id: str) -> SafetyNotFoundError:
    return SafetyNotFoundError(
        f"no comment {comment_id!r}",
        message_ur=f"«{comment_id}» نام کا کوئی تبصرہ موجود نہیں۔",
        reason="not_found",
    )


def _not_creator() -> SafetyForbiddenError:
    return SafetyForbiddenError(
        "only the creator of the video can do this",
        message_ur="یہ صرف ویڈیو بنانے والا کر سکتا ہے۔",
        reason="not_creator",
    )


class CommentsMixin(SafetyBase):
    """Comment controls over stored comments."""

    @cached_property
    def _enforcement(self) -> Database:
        """Units of work over the same engine, for writes that touch the enforcement tables too."""
        return Database(self.engine)

    @contextmanager
    def _unit(self) -> Iterator[tuple[SafetyStore, Stores]]:
        """The safety store and the enforcement stores over one transaction (audit sealed at commit)."""
        with self._enforcement.write() as stores:
            yield SafetyStore(stores.session), stores

    def review_draft(self, *, text: str) -> dict[str, object]:
        """Whether the app should ask the commenter to reconsider this draft (they may still post it)."""
        nudge = should_nudge(self.assessor(_checked(text)))
        out: dict[str, object] = {"nudge": nudge}
        if nudge:
            out.update(message_en=NUDGE_EN, message_ur=NUDGE_UR)
        return out

    def post_comment(
        self, *, content_id: str, creator_id: str, author_id: str, text: str, confirmed: bool = False
    ) -> PostResult:
        """Post a comment on `creator`'s video `content_id`.

        Refused like a `comment` interaction check; a likely offensive comment comes back with a nudge
        unless `confirmed`; otherwise it is stored as visible, held (filters) or removed (the engine).
        """
        _checked(text)
        if author_id != creator_id:
            decision = self.check(actor_id=author_id, target_id=creator_id, kind="comment")
            if not decision.allowed:
                raise SafetyForbiddenError(
                    decision.message_en, message_ur=decision.message_ur, reason=decision.reason_code
                )
        checker = self.checker
        verdict = None if checker is None else checker(text)
        assessment = self.assessor(text) if verdict is None else assessment_of(verdict)
        if should_nudge(assessment) and not confirmed and assessment.action != "remove":
            return PostResult(posted=False, nudge=True)
        with self._unit() as (store, stores):
            creator = self.account(store, creator_id)
            self.account(store, author_id)
            known = store.creator_of(content_id)
            if known is not None and known != creator_id:
                raise SafetyConflictError(
                    f"content {content_id!r} belongs to {known!r}, not {creator_id!r}",
                    message_ur=f"ویڈیو «{content_id}» «{known}» کی ہے، «{creator_id}» کی نہیں۔",
                    reason="wrong_creator",
                )
            settings = effective(self.own(store, creator), self.band(creator), self.controls(store, creator))
            screening = screen_comment(
                text=text,
                assessment=assessment,
                creator_settings=settings,
                keywords=KeywordFilter(store.keywords(creator_id)),
                by_creator=author_id == creator_id,
            )
            comment = StoredComment(
                id="c_" + secrets.token_hex(8),
                content_id=content_id,
                creator_id=creator_id,
                author_id=author_id,
                text=text,
                state=screening.state,
                hold_reason=screening.reason,
                keyword=screening.keyword,
                created_at=self.clock(),
            )
            if verdict is not None:
                comment, _ = enforce_comment(
                    stores=stores,
                    catalogue=default_catalogue(),
                    comment=comment,
                    verdict=verdict,
                    now=comment.created_at,
                )
            store.add_comment(comment)
        return PostResult(posted=True, comment=comment, nudge=should_nudge(assessment))

    def comments_for(self, *, content_id: str, viewer_id: str) -> list[StoredComment]:
        """The comments `viewer` may see on `content_id`, after filters, restrictions and blocks."""
        with self.read_sessions() as session:
            store = SafetyStore(session)
            viewer = self.account(store, viewer_id)
            creator_id = store.creator_of(content_id)
            if creator_id is None:
                return []
            facts = None if viewer_id == creator_id else self.facts(store, viewer_id, creator_id)
            stored = store.comments(content_id)
            comments = with_enforcement(
                stored,
                content_statuses(session, [c.id for c in stored]),
                viewer_is_minor=self.band(viewer) is not AgeBand.ADULT,
            )
            blocked = store.blocked_with(viewer_id)
            restricted = frozenset(store.pairs("restrict", creator_id))
        if facts is not None:
            decision = self.decide(facts, "view")
            if not decision.allowed:
                raise SafetyForbiddenError(
                    decision.message_en, message_ur=decision.message_ur, reason=decision.reason_code
                )
        shown = visible_comments(
            viewer_id,
            [_facts(c) for c in comments],
            blocked_with_viewer=blocked,
            restricted_by_creator=restricted,
        )
        ids = {c.id for c in shown}
        return [c for c in comments if c.id in ids]

    def held_comments(self, *, content_id: str, creator_id: str) -> list[StoredComment]:
        """The creator's queue: held comments, and comments of restricted accounts (seen only by them)."""
        with self.read_sessions() as session:
            store = SafetyStore(session)
            self.account(store, creator_id)
            owner = store.creator_of(content_id)
            if owner is not None and owner != creator_id:
                raise _not_creator()
            restricted = set(store.pairs("restrict", creator_id))
            stored = store.comments(content_id)
            comments = with_enforcement(
                stored, content_statuses(session, [c.id for c in stored]), viewer_is_minor=False
            )
            return [
                c
                for c in comments
                if c.state == "held" or (c.state == "visible" and c.author_id in restricted)
            ]

    def approve_comment(self, *, comment_id: str, by: str) -> StoredComment:
        """The creator shows a held comment."""
        with self.store() as store:
            comment = store.comment(comment_id)
            if comment is None:
                raise _no_comment(comment_id)
            if by != comment.creator_id:
                raise _not_creator()
            if comment.state != "held":
                raise SafetyConflictError(
                    f"comment {comment_id!r} is {comment.state}, not held",
                    message_ur="یہ تبصرہ منظوری کے لیے روکا ہوا نہیں۔",
                    reason="not_held",
                )
            store.set_comment_state([comment_id], "visible")
            return store.comment(comment_id) or comment

    def delete_comment(self, *, comment_id: str, by: str) -> None:
        """The creator or the author deletes a comment."""
        with self.store() as store:
            comment = store.comment(comment_id)
            if comment is None:
                raise _no_comment(comment_id)
            if by not in (comment.creator_id, comment.author_id):
                raise SafetyForbiddenError(
                    "only the creator or the author can delete this comment",
                    message_ur="یہ تبصرہ صرف ویڈیو بنانے والا یا تبصرہ لکھنے والا حذف کر سکتا ہے۔",
                    reason="not_allowed",
                )
            store.set_comment_state([comment_id], "deleted")

    def bulk_moderate(self, *, by: str, comment_ids: list[str], action: BulkAction) -> dict[str, int]:
        """Delete up to 100 comments on the creator's videos at once, or block their authors (which also
        deletes the listed comments). Nothing changes when any id is wrong."""
        unique = list(dict.fromkeys(comment_ids))
        if not unique or len(unique) > MAX_BULK:
            raise SafetyInvalidError(
                f"a bulk action takes 1 to {MAX_BULK} comments; got {len(unique)}",
                message_ur=(
                    f"ایک ساتھ 1 سے {MAX_BULK} تک تبصروں پر کارروائی ہو سکتی ہے؛ {len(unique)} دیے گئے۔"
                ),
                reason="bulk_size",
            )
        with self.store() as store:
            self.account(store, by)
            comments = [self._own_comment(store, cid, by) for cid in unique]
            authors = {c.author_id for c in comments} - {by}
            if action == "block":
                for author in sorted(authors):
                    store.add_pair("block", by, author, self.clock())
                    store.drop_follows_between(by, author)
            deleted = store.set_comment_state(unique, "deleted")
        return {"deleted": deleted, "blocked": len(authors) if action == "block" else 0}

    def _own_comment(self, store: SafetyStore, comment_id: str, creator_id: str) -> StoredComment:
        comment = store.comment(comment_id)
        if comment is None:
            raise _no_comment(comment_id)
        if comment.creator_id != creator_id:
            raise _not_creator()
        return comment
