"""The closed vocabularies of the enforcement workflow, ordered from least to most severe or privileged."""

from __future__ import annotations

from typing import Literal, TypeVar

from hifazat.core.errors import InvalidInputError

Role = Literal["user", "ambassador", "moderator", "senior_moderator", "admin", "service"]
ROLES: tuple[Role, ...] = ("user", "ambassador", "moderator", "senior_moderator", "admin", "service")
"""Who an account is: people by growing privilege, then `service` (a backend holding an API key)."""

ContentKind = Literal["video", "caption", "comment", "message", "profile", "live_chat"]
CONTENT_KINDS: tuple[ContentKind, ...] = ("video", "caption", "comment", "message", "profile", "live_chat")
"""What a content item is."""

Track = Literal["content", "comments", "live", "messages"]
TRACKS: tuple[Track, ...] = ("content", "comments", "live", "messages")
"""Product features whose strikes are counted separately (same names as the guideline catalogue)."""

TRACK_OF_KIND: dict[ContentKind, Track] = {
    "video": "content",
    "caption": "content",
    "profile": "content",
    "comment": "comments",
    "live_chat": "live",
    "message": "messages",
}
"""The feature track a violation in each kind of content counts against."""

QueueLang = Literal["en", "ur"]
QUEUES: tuple[QueueLang, ...] = ("en", "ur")
"""Review queues by the language a reviewer must read (Roman Urdu goes to the Urdu queue)."""

ReportSource = Literal["user", "ambassador", "proactive", "legal", "public"]
REPORT_SOURCES: tuple[ReportSource, ...] = ("user", "ambassador", "proactive", "legal", "public")
"""Where a report came from: a user, a trusted flagger, the engine, a regulator's legal request, or the
public Safety Centre form (anyone, no account)."""

Outcome = Literal["no_violation", "label", "not_recommended", "restrict_adults", "remove"]
OUTCOMES: tuple[Outcome, ...] = ("no_violation", "label", "not_recommended", "restrict_adults", "remove")
"""What a reviewer decides about one item."""

ContentStatus = Literal["visible", "labelled", "not_recommended", "restricted_adults", "removed"]
STATUS_OF_OUTCOME: dict[Outcome, ContentStatus] = {
    "no_violation": "visible",
    "label": "labelled",
    "not_recommended": "not_recommended",
    "restrict_adults": "restricted_adults",
    "remove": "removed",
}
"""The state a content item is left in by each outcome."""

TaskState = Literal["open", "claimed", "decided"]
TaskLevel = Literal["standard", "senior"]
DecisionState = Literal["decided", "appealed", "upheld", "overturned"]
AppealState = Literal["pending", "upheld", "overturned"]
AppealOutcome = Literal["upheld", "overturned"]
APPEAL_OUTCOMES: tuple[AppealOutcome, ...] = ("upheld", "overturned")

Language = Literal["en", "ur"]
LANGUAGES: tuple[Language, ...] = ("en", "ur")


def queue_for(language: str) -> QueueLang:
    """The review queue for content in `language` (an engine language id such as `roman-ur`)."""
    return "ur" if language in ("ur", "roman-ur", "mixed") else "en"


_T = TypeVar("_T", bound=str)


def pick(value: object, allowed: tuple[_T, ...], what: str) -> _T:
    """`value` typed as one of `allowed`; otherwise an `InvalidInputError` that lists the choices."""
    for choice in allowed:
        if value == choice:
            return choice
    raise InvalidInputError(f"unknown {what} {value!r}", hint=f"use one of: {', '.join(allowed)}")
