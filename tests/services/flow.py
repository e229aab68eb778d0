"""Helpers for service tests that walk the loop: report → claim → decide."""

from __future__ import annotations

from datetime import datetime

from builders import T0
from hifazat.core.guidelines import Catalogue
from hifazat.services.decisions import DecisionResult, decide_task
from hifazat.services.reports import file_report
from hifazat.services.review import claim_next
from hifazat.storage.accounts import Account
from hifazat.storage.queue import Task
from hifazat.storage.unit import Database


def reported(
    db: Database, catalogue: Catalogue, reporter: Account, content_id: str, policy: str, now: datetime = T0
) -> Task:
    with db.write() as stores:
        return file_report(
            stores=stores,
            catalogue=catalogue,
            reporter=reporter,
            content_id=content_id,
            policy_id=policy,
            now=now,
        ).task


def claimed(db: Database, moderator: Account, now: datetime = T0) -> Task:
    with db.write() as stores:
        task = claim_next(tasks=stores.tasks, audit=stores.audit, moderator=moderator, now=now)
    assert task is not None
    return task


def decided(
    db: Database,
    catalogue: Catalogue,
    moderator: Account,
    task_id: int,
    policy: str,
    outcome: str,
    now: datetime = T0,
) -> DecisionResult:
    with db.write() as stores:
        return decide_task(
            stores=stores,
            catalogue=catalogue,
            moderator=moderator,
            task_id=task_id,
            policy_id=policy,
            outcome=outcome,
            rationale="checked against the guideline",
            now=now,
        )


def remove(
    db: Database,
    catalogue: Catalogue,
    moderator: Account,
    reporter: Account,
    content_id: str,
    policy: str,
    now: datetime = T0,
) -> DecisionResult:
    """Report an item, claim it and remove it under `policy`."""
    reported(db, catalogue, reporter, content_id, policy, now)
    task = claimed(db, moderator, now)
    assert task.content_id == content_id
    return decided(db, catalogue, moderator, task.id, policy, "remove", now)
