"""Moderators and the queue: who may claim what, leases, release, escalation."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flow import claimed, reported

from builders import T0, account, post
from hifazat.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.services.decisions import decide_task
from hifazat.services.review import claim_next, escalate_task, list_tasks, release_task, view_task
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database


@pytest.fixture
def world(db: Database, catalogue: Catalogue) -> dict[str, Account]:
    people = {
        "author": account(db, "author"),
        "ali": account(db, "ali"),
        "mod": account(db, "mod", "moderator"),
        "mod2": account(db, "mod2", "moderator"),
        "senior": account(db, "senior", "senior_moderator"),
    }
    post(db, catalogue, people["author"], "c1")
    post(db, catalogue, people["author"], "c2", text="اردو میں ایک تبصرہ", made=None)
    return people


def claim(db: Database, who: Account, **kw: object) -> object:
    with db.write() as stores:
        return claim_next(tasks=stores.tasks, audit=stores.audit, moderator=who, now=T0, **kw)  # type: ignore[arg-type]


def test_an_empty_queue_gives_nothing(db: Database, world: dict[str, Account]) -> None:
    assert claim(db, world["mod"]) is None


def test_users_cannot_claim(db: Database, world: dict[str, Account]) -> None:
    with pytest.raises(PermissionDeniedError):
        claim(db, world["ali"])


def test_lease_runs_out_and_the_task_returns(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    reported(db, catalogue, world["ali"], "c1", "safety.harassment")
    task = claimed(db, world["mod"])
    assert claim(db, world["mod2"]) is None
    later = T0 + timedelta(minutes=16)
    with db.write() as stores:
        again = claim_next(tasks=stores.tasks, audit=stores.audit, moderator=world["mod2"], now=later)
    assert again is not None and again.id == task.id and again.claimed_by == "mod2"
    # the first moderator's lease is gone: deciding is refused
    with pytest.raises(PermissionDeniedError, match="do not hold"), db.write() as stores:
        decide_task(
            stores=stores,
            catalogue=catalogue,
            moderator=world["mod"],
            task_id=task.id,
            policy_id="safety.harassment",
            outcome="remove",
            now=later,
        )


def test_an_expired_lease_is_reported_as_such(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    reported(db, catalogue, world["ali"], "c1", "safety.harassment")
    task = claimed(db, world["mod"])
    with pytest.raises(ConflictError, match=r"lease .* has expired"), db.write() as stores:
        decide_task(
            stores=stores,
            catalogue=catalogue,
            moderator=world["mod"],
            task_id=task.id,
            policy_id="safety.harassment",
            outcome="remove",
            now=T0 + timedelta(hours=1),
        )


def test_release_gives_the_task_back(db: Database, catalogue: Catalogue, world: dict[str, Account]) -> None:
    reported(db, catalogue, world["ali"], "c1", "safety.harassment")
    task = claimed(db, world["mod"])
    with pytest.raises(PermissionDeniedError), db.write() as stores:
        release_task(tasks=stores.tasks, audit=stores.audit, moderator=world["mod2"], task_id=task.id, now=T0)
    with db.write() as stores:
        released = release_task(
            tasks=stores.tasks, audit=stores.audit, moderator=world["mod"], task_id=task.id, now=T0
        )
    assert released.state == "open"
    assert claimed(db, world["mod2"]).id == task.id


def test_escalation_goes_to_senior_moderators(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    reported(db, catalogue, world["ali"], "c1", "integrity.civic")
    task = claimed(db, world["mod"])
    with pytest.raises(InvalidInputError, match="note"), db.write() as stores:
        escalate_task(
            tasks=stores.tasks, audit=stores.audit, moderator=world["mod"], task_id=task.id, note=" ", now=T0
        )
    with db.write() as stores:
        up = escalate_task(
            tasks=stores.tasks,
            audit=stores.audit,
            moderator=world["mod"],
            task_id=task.id,
            note="election claim, needs a senior view",
            now=T0,
        )
    assert (up.level, up.state, up.priority) == ("senior", "open", task.priority * 2)
    assert claim(db, world["mod2"]) is None  # standard moderators do not see it
    senior_task = claimed(db, world["senior"])
    assert senior_task.id == task.id and senior_task.note.startswith("election")


def test_queues_by_language(db: Database, catalogue: Catalogue, world: dict[str, Account]) -> None:
    with db.write() as stores:
        assert stores.content.get("c1").queue == "en"
    reported(db, catalogue, world["ali"], "c1", "safety.harassment")
    assert claim(db, world["mod"], queue="ur") is None
    with pytest.raises(InvalidInputError, match="queue"):
        claim(db, world["mod"], queue="fr")
    assert claim(db, world["mod"], queue="en") is not None


def test_the_reviewer_view_and_listing(db: Database, catalogue: Catalogue, world: dict[str, Account]) -> None:
    reported(db, catalogue, world["ali"], "c1", "safety.harassment")
    reported(db, catalogue, world["ali"], "c2", "safety.threats")
    with db.read() as stores:
        listed = list_tasks(tasks=stores.tasks, viewer=world["mod"])
        view = view_task(
            tasks=stores.tasks, content=stores.content, reports=stores.reports, task_id=listed[0].id
        )
    assert [t.content_id for t in listed] == ["c2", "c1"]  # the threat first
    assert view.item.id == "c2" and len(view.verdicts) == 1 and view.reports[0].policy == "safety.threats"
