"""Comment controls: what happens to a new comment, who may see each comment, and the
"reconsider before posting" nudge. The engine's verdict arrives as a narrow `Assessment`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from hifazat.core.safety.keywords import KeywordFilter
from hifazat.core.safety.settings import SafetySettings

SPAM_OFFENSIVE: frozenset[str] = frozenset(
    {
        "integrity.spam",
        "regulated.scams",
        "safety.harassment",
        "safety.hate",
        "safety.profanity",
        "safety.threats",
        "safety.violence",
        "safety.extremism",
        "mature.sexual",
        "privacy.personal_info",
    }
)
"""Policies that "filter spam and offensive comments" holds back."""

NUDGE_POLICIES: frozenset[str] = frozenset(
    {"safety.harassment", "safety.hate", "safety.profanity", "safety.threats"}
)
"""Policies for which a commenter is asked to reconsider before posting."""

NUDGE_EN = "Would you like to reconsider posting this? It may hurt someone. You can edit it first."
NUDGE_UR = (
    "کیا آپ اسے پوسٹ کرنے سے پہلے دوبارہ سوچنا چاہیں گے؟ اس سے کسی کو تکلیف پہنچ سکتی ہے۔"
    " آپ پہلے اس میں ترمیم کر سکتے ہیں۔"
)

CommentState = Literal["visible", "held", "removed", "deleted"]
HoldReason = Literal["engine", "keyword", "spam_offensive", "filter_all"]


@dataclass(frozen=True, slots=True)
class Assessment:
    """What the moderation engine said about a text: its action and the policies that moved it."""

    action: str = "allow"
    policies: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Screening:
    """Where a new comment goes: shown, held for the creator, or removed by the engine."""

    state: CommentState
    reason: HoldReason | None = None
    keyword: str | None = None
    """The creator's keyword that held it, if any."""


def screen_comment(
    *,
    text: str,
    assessment: Assessment,
    creator_settings: SafetySettings,
    keywords: KeywordFilter,
    by_creator: bool = False,
) -> Screening:
    """The state of a new comment: engine removal, then keyword, spam/offensive and filter-all holds.

    `creator_settings` are the creator's settings in force. The creator's own comments are only
    subject to the engine.
    """
    if assessment.action == "remove":
        return Screening("removed", "engine")
    if by_creator:
        return Screening("visible")
    keyword = keywords.match(text)
    if keyword is not None:
        return Screening("held", "keyword", keyword)
    if (
        creator_settings.filter_spam_offensive
        and assessment.action != "allow"
        and assessment.policies & SPAM_OFFENSIVE
    ):
        return Screening("held", "spam_offensive")
    if creator_settings.filter_all_comments:
        return Screening("held", "filter_all")
    return Screening("visible")


def should_nudge(assessment: Assessment) -> bool:
    """Whether the app should ask the commenter to reconsider (they may still post, or edit)."""
    return assessment.action != "allow" and bool(assessment.policies & NUDGE_POLICIES)


@dataclass(frozen=True, slots=True)
class CommentFacts:
    """What visibility needs to know about one comment."""

    id: str
    author_id: str
    state: CommentState


def visible_to(
    viewer_id: str,
    comment: CommentFacts,
    *,
    blocked_with_viewer: frozenset[str],
    restricted_by_creator: frozenset[str],
) -> bool:
    """Whether `viewer_id` sees `comment` in the public list.

    Removed and deleted comments are gone; an author always sees their own (held, or restricted);
    nobody sees a comment across a block; a restricted author's comments and held comments are seen
    only by their author (the creator reviews held ones in the held queue).
    """
    if comment.state in ("removed", "deleted"):
        return False
    if comment.author_id == viewer_id:
        return True
    if comment.author_id in blocked_with_viewer:
        return False
    if comment.author_id in restricted_by_creator:
        return False
    return comment.state == "visible"


def visible_comments(
    viewer_id: str,
    comments: Iterable[CommentFacts],
    *,
    blocked_with_viewer: frozenset[str],
    restricted_by_creator: frozenset[str],
) -> list[CommentFacts]:
    """The comments `viewer_id` may see, in the given order."""
    return [
        c
        for c in comments
        if visible_to(
            viewer_id, c, blocked_with_viewer=blocked_with_viewer, restricted_by_creator=restricted_by_creator
        )
    ]


def in_feed(author_id: str, *, muted: frozenset[str], blocked_with_viewer: frozenset[str]) -> bool:
    """Mute hides an account's posts and LIVEs from the muter's feeds, without unfollowing or telling it."""
    return author_id not in muted and author_id not in blocked_with_viewer
