"""Follow, block, restrict, mute and keyword filters."""

from __future__ import annotations

from typing import Literal

from hifazat.core.safety.errors import (
    SafetyConflictError,
    SafetyForbiddenError,
    SafetyInvalidError,
    SafetyNotFoundError,
)
from hifazat.core.safety.keywords import MAX_KEYWORDS, KeywordFilter, clean_keyword
from hifazat.services.safety_base import SafetyBase

RelationKind = Literal["block", "restrict", "mute"]
RELATION_KINDS: tuple[RelationKind, ...] = ("block", "restrict", "mute")

_RELATION_WORDS = {
    "block": ("blocked", "بلاک"),
    "restrict": ("restricted", "محدود"),
    "mute": ("muted", "میوٹ"),
}


class RelationsMixin(SafetyBase):
    """Relations between accounts and a creator's keyword filters."""

    def _pair_ok(self, owner_id: str, other_id: str) -> None:
        if owner_id == other_id:
            raise SafetyInvalidError(
                "an account can't do this to itself",
                message_ur="کوئی اکاؤنٹ یہ اپنے ساتھ نہیں کر سکتا۔",
                reason="same_account",
            )

    def add_relation(self, *, kind: RelationKind, owner_id: str, other_id: str) -> bool:
        """`owner` blocks, restricts or mutes `other`; True when new. A block also ends follows both ways."""
        self._pair_ok(owner_id, other_id)
        with self.store() as store:
            self.account(store, owner_id)
            self.account(store, other_id)
            added = store.add_pair(kind, owner_id, other_id, self.clock())
            if kind == "block":
                store.drop_follows_between(owner_id, other_id)
            return added

    def remove_relation(self, *, kind: RelationKind, owner_id: str, other_id: str) -> None:
        """Undo a block, restriction or mute; a clear 404 when there was none."""
        with self.store() as store:
            self.account(store, owner_id)
            if not store.remove_pair(kind, owner_id, other_id):
                en, ur = _RELATION_WORDS[kind]
                raise SafetyNotFoundError(
                    f"{owner_id!r} has not {en} {other_id!r}",
                    message_ur=f"«{owner_id}» نے «{other_id}» کو {ur} نہیں کیا ہوا۔",
                    reason="not_found",
                )

    def relations(self, *, kind: RelationKind, owner_id: str) -> list[str]:
        """The accounts `owner` blocked, restricted or muted, oldest first."""
        with self.reader() as store:
            self.account(store, owner_id)
            return store.pairs(kind, owner_id)

    def follow(self, *, actor_id: str, target_id: str) -> str:
        """Follow `target`: `following`, or `requested` for a private account; refusals as for checks."""
        self._pair_ok(actor_id, target_id)
        decision = self.check(actor_id=actor_id, target_id=target_id, kind="follow")
        if not decision.allowed:
            raise SafetyForbiddenError(
                decision.message_en, message_ur=decision.message_ur, reason=decision.reason_code
            )
        approved = decision.reason_code != "approval_required"
        with self.store() as store:
            store.follow(actor_id, target_id, approved=approved, now=self.clock())
        return "following" if approved else "requested"

    def approve_follower(self, *, owner_id: str, follower_id: str) -> None:
        """Approve a pending follow request to `owner`."""
        with self.store() as store:
            self.account(store, owner_id)
            if store.follow_state(follower_id, owner_id) is None:
                raise SafetyNotFoundError(
                    f"{follower_id!r} has not asked to follow {owner_id!r}",
                    message_ur=f"«{follower_id}» نے «{owner_id}» کو فالو کرنے کی درخواست نہیں کی۔",
                    reason="not_found",
                )
            store.follow(follower_id, owner_id, approved=True, now=self.clock())

    def unfollow(self, *, actor_id: str, target_id: str) -> bool:
        with self.store() as store:
            self.account(store, actor_id)
            return store.unfollow(actor_id, target_id)

    # -- keyword filters --

    def keywords(self, *, owner_id: str) -> list[str]:
        """A creator's filtered keywords, oldest first."""
        with self.reader() as store:
            self.account(store, owner_id)
            return store.keywords(owner_id)

    def add_keyword(self, *, owner_id: str, keyword: str) -> bool:
        """Filter `keyword` (and its variants) from comments on the owner's videos; True when new."""
        cleaned = clean_keyword(keyword)
        with self.store() as store:
            self.account(store, owner_id)
            if len(store.keywords(owner_id)) >= MAX_KEYWORDS:
                raise SafetyConflictError(
                    f"a creator can filter at most {MAX_KEYWORDS} keywords",
                    message_ur=f"ایک تخلیق کار زیادہ سے زیادہ {MAX_KEYWORDS} الفاظ فلٹر کر سکتا ہے۔",
                    reason="too_many_keywords",
                    hint="remove keywords you no longer need",
                )
            return store.add_keyword(owner_id, cleaned, self.clock())

    def remove_keyword(self, *, owner_id: str, keyword: str) -> None:
        with self.store() as store:
            self.account(store, owner_id)
            if not store.remove_keyword(owner_id, " ".join(keyword.split())):
                raise SafetyNotFoundError(
                    f"{keyword!r} is not in the keyword filter",
                    message_ur=f"«{keyword}» فلٹر کیے گئے الفاظ میں شامل نہیں۔",
                    reason="not_found",
                )

    def test_keywords(self, *, owner_id: str, text: str) -> str | None:
        """Which of the owner's keywords `text` would trip (to try a filter before relying on it)."""
        return KeywordFilter(self.keywords(owner_id=owner_id)).match(text)
