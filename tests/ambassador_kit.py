"""Helpers for the Safety Ambassadors tests: enrol through the real application flow, and build a track
record of decided flags through the real report → claim → decide services."""

from __future__ import annotations

import itertools
from datetime import datetime

from builders import T0, account, post
from hifazat.core.guidelines import Catalogue
from hifazat.services.ambassadors import ApplicationDraft, apply, decide
from hifazat.services.decisions import decide_task
from hifazat.services.reports import file_report
from hifazat.services.review import claim_next
from hifazat.storage.accounts import Account
from hifazat.storage.ambassadors import Platform
from hifazat.storage.unit import Database

_NUMBERS = itertools.count(1)
POLICY = "safety.harassment"
MOTIVATION = (
    "I make cooking videos in Urdu and want to teach my followers how to spot scams and report bullying."
)


def draft(**changes: object) -> ApplicationDraft:
    """A complete application, with any field changed."""
    values: dict[str, object] = {
        "motivation": MOTIVATION,
        "languages": ("ur", "roman-ur"),
        "platforms": (Platform("tiktok", 25_000),),
        "region": "sindh",
        "agrees_to_code": True,
    }
    values.update(changes)
    return ApplicationDraft(**values)  # type: ignore[arg-type]


def enrol(db: Database, handle: str, admin: Account, language: str = "ur", now: datetime = T0) -> Account:
    """A new account that applied and was approved: an ambassador with a profile."""
    person = account(db, handle, language=language)
    with db.write() as stores:
        application = apply(stores=stores, applicant=person, draft=draft(), now=now)
        decide(stores=stores, reviewer=admin, application_id=application.id, approve=True, now=now)
        return stores.accounts.get(person.id)


def fresh_author(db: Database, followers: int = 300) -> Account:
    """A new account to post an item (one each, so strikes never pile up on one author)."""
    return account(db, f"author_{next(_NUMBERS)}", followers=followers)


def track_record(
    db: Database,
    catalogue: Catalogue,
    reporter: Account,
    moderator: Account,
    outcomes: list[str],
) -> None:
    """`reporter` flags one fresh item (by a fresh author) per outcome; a moderator decides each (`remove`
    upholds the flag)."""
    for outcome in outcomes:
        content_id = f"{reporter.handle}-{next(_NUMBERS)}"
        post(db, catalogue, fresh_author(db), content_id)
        with db.write() as stores:
            file_report(
                stores=stores, catalogue=catalogue, reporter=reporter, content_id=content_id, policy_id=POLICY
            )
            task = claim_next(tasks=stores.tasks, audit=stores.audit, moderator=moderator)
            assert task is not None and task.content_id == content_id
            decide_task(
                stores=stores,
                catalogue=catalogue,
                moderator=moderator,
                task_id=task.id,
                policy_id=POLICY,
                outcome=outcome,
                rationale="checked against the guideline",
            )
