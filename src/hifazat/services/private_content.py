"""Who may read the words of a private item (a direct message) that reached the review queue.

Reporting a direct message puts it in front of a reviewer, and only them: its author, the moderator who
holds the review task (an unexpired lease) and the platform's own service clients (which stored it) see
the text and the engine's evidence; every other member of staff sees that the task exists, its policy and
the engine's scores, never the words.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from hifazat.core.enforcement.vocabulary import ContentKind
from hifazat.storage.accounts import Account
from hifazat.storage.content import ContentItem
from hifazat.storage.queue import Task

PRIVATE_KINDS: frozenset[ContentKind] = frozenset({"message"})
HIDDEN_NOTE = "a private message: only the moderator holding the review task can read it (claim it)"


def may_read(*, item: ContentItem, viewer: Account, task: Task | None, now: datetime) -> bool:
    """True when `viewer` may read `item`'s text: not private, their own, or the task is theirs."""
    if item.kind not in PRIVATE_KINDS or viewer.id == item.author_id or viewer.role == "service":
        return True
    return task is not None and task.content_id == item.id and task.held_by(viewer.id, now)


def shown_verdict(payload: dict[str, Any], *, readable: bool) -> dict[str, Any]:
    """A stored verdict as the viewer may see it: without spans, evidence and notes when unreadable."""
    if readable:
        return payload
    return {
        "action": payload.get("action"),
        "policies": payload.get("policies", []),
        "scores": payload.get("scores", {}),
        "language": payload.get("language"),
        "text_hidden": True,
    }
