"""Who reads a direct message that reached the review queue: its author, the holder of the task and the
platform's service clients; nobody else on the staff."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from builders import T0
from hifazat.services.private_content import may_read, shown_verdict
from hifazat.storage.accounts import Account
from hifazat.storage.content import ContentItem
from hifazat.storage.queue import Task

DM = ContentItem("dm1", "sender", "message", "secret words", "en", "en", "visible", 0, T0, None)
TASK = Task(
    id=1, content_id="dm1", queue="en", level="standard", state="claimed", policy="safety.harassment",
    tier=2, priority=1.0, due_at=T0, report_count=1, report_weight=1.0, top_score=None, legal=False,
    claimed_by="holder", lease_until=T0 + timedelta(minutes=15), claims=1, note="", created_at=T0,
    updated_at=T0, decided_at=None,
)  # fmt: skip


def person(account_id: str, role: str = "moderator") -> Account:
    return Account(account_id, account_id, "", role, "en", None, 0, T0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("item", "viewer", "task", "now", "readable"),
    [
        (DM, person("holder"), TASK, T0, True),  # the moderator holding the task
        (DM, person("other"), TASK, T0, False),  # another moderator
        (DM, person("boss", "admin"), TASK, T0, False),  # an admin
        (DM, person("holder"), TASK, T0 + timedelta(hours=1), False),  # the lease ran out
        (DM, person("holder"), None, T0, False),  # no task at all
        (DM, person("sender", "user"), None, T0, True),  # its author
        (DM, person("app", "service"), None, T0, True),  # the platform that stored it
        (replace(DM, kind="comment"), person("other"), None, T0, True),  # public kinds are not private
    ],
)
def test_who_may_read(
    item: ContentItem, viewer: Account, task: Task | None, now: object, readable: bool
) -> None:
    assert may_read(item=item, viewer=viewer, task=task, now=now) is readable  # type: ignore[arg-type]


def test_an_unreadable_verdict_keeps_scores_but_not_evidence() -> None:
    payload = {
        "action": "review",
        "policies": ["safety.harassment"],
        "scores": {"safety.harassment": 0.7},
        "language": "en",
        "findings": [{"evidence": ["secret words"], "spans": [[0, 6]]}],
    }
    hidden = shown_verdict(payload, readable=False)
    assert "secret" not in str(hidden) and hidden["scores"] == {"safety.harassment": 0.7}
    assert shown_verdict(payload, readable=True) is payload
