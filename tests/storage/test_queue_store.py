"""The review queue's storage contract: one open task per item, claims in priority order, leases that
expire, and no task ever held by two moderators — on every backend."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest

from builders import T0, account, post
from hifazat.core.guidelines import Catalogue
from hifazat.storage.queue import Task
from hifazat.storage.unit import Database

LEASE = timedelta(minutes=15)


def _task(
    db: Database, content_id: str, priority: float, *, level: str = "standard", queue: str = "en"
) -> Task:
    with db.write() as stores:
        task = stores.tasks.create(
            content_id=content_id,
            queue=queue,  # type: ignore[arg-type]
            level=level,  # type: ignore[arg-type]
            policy="safety.harassment",
            tier=2,
            priority=priority,
            due_at=T0 + timedelta(hours=4),
            top_score=None,
            legal=False,
            now=T0,
        )
    assert task is not None
    return task


@pytest.fixture
def items(db: Database, catalogue: Catalogue) -> list[str]:
    author = account(db, "author")
    account(db, "mod_a", "moderator")
    account(db, "mod_b", "moderator")
    ids = [f"c{i}" for i in range(5)]
    for content_id in ids:
        post(db, catalogue, author, content_id)
    return ids


def test_one_open_task_per_item(db: Database, items: list[str]) -> None:
    _task(db, items[0], 1.0)
    with db.write() as stores:
        again = stores.tasks.create(
            content_id=items[0],
            queue="en",
            level="standard",
            policy="safety.hate",
            tier=2,
            priority=9.0,
            due_at=T0,
            top_score=None,
            legal=False,
            now=T0,
        )
        assert again is None
        assert stores.tasks.open_for(items[0]) is not None


def test_claims_come_in_priority_order(db: Database, items: list[str]) -> None:
    for content_id, value in zip(items, [1.0, 5.0, 3.0, 4.0, 2.0], strict=True):
        _task(db, content_id, value)
    order = []
    with db.write() as stores:
        while task := stores.tasks.claim(
            moderator_id="mod_a", queues=["en"], levels=["standard"], now=T0, lease=LEASE
        ):
            order.append(task.priority)
    assert order == [5.0, 4.0, 3.0, 2.0, 1.0]


@pytest.mark.parametrize(
    ("queue", "level", "claimable"),
    [
        ("en", "standard", True),  # the moderator's queue and level
        ("ur", "standard", False),  # another language's queue
        ("en", "senior", False),  # escalated: senior moderators only
    ],
)
def test_claims_respect_queue_and_level(
    db: Database, items: list[str], queue: str, level: str, claimable: bool
) -> None:
    _task(db, items[0], 1.0, queue=queue, level=level)
    with db.write() as stores:
        task = stores.tasks.claim(
            moderator_id="mod_a", queues=["en"], levels=["standard"], now=T0, lease=LEASE
        )
    assert (task is not None) is claimable


def test_a_held_task_is_not_claimed_again_until_its_lease_expires(db: Database, items: list[str]) -> None:
    made = _task(db, items[0], 1.0)
    with db.write() as stores:
        first = stores.tasks.claim(
            moderator_id="mod_a", queues=["en"], levels=["standard"], now=T0, lease=LEASE
        )
        assert first is not None and first.id == made.id and first.held_by("mod_a", T0)
        assert (
            stores.tasks.claim(moderator_id="mod_b", queues=["en"], levels=["standard"], now=T0, lease=LEASE)
            is None
        )
    later = T0 + LEASE + timedelta(seconds=1)
    with db.write() as stores:
        second = stores.tasks.claim(
            moderator_id="mod_b", queues=["en"], levels=["standard"], now=later, lease=LEASE
        )
    assert second is not None and second.claimed_by == "mod_b" and second.claims == 2
    assert not second.held_by("mod_a", later)


def test_expired_leases_return_to_the_queue(db: Database, items: list[str]) -> None:
    _task(db, items[0], 1.0)
    with db.write() as stores:
        stores.tasks.claim(moderator_id="mod_a", queues=["en"], levels=["standard"], now=T0, lease=LEASE)
    with db.write() as stores:
        assert stores.tasks.expire_leases(T0 + LEASE) == 1
        assert stores.tasks.open_for(items[0]).state == "open"  # type: ignore[union-attr]


def test_only_the_holder_releases_or_closes(db: Database, items: list[str]) -> None:
    made = _task(db, items[0], 1.0)
    with db.write() as stores:
        stores.tasks.claim(moderator_id="mod_a", queues=["en"], levels=["standard"], now=T0, lease=LEASE)
        assert not stores.tasks.release(made.id, moderator_id="mod_b", now=T0)
        assert not stores.tasks.close(made.id, moderator_id="mod_b", now=T0)
        assert stores.tasks.close(made.id, moderator_id="mod_a", now=T0)
        assert stores.tasks.get(made.id).state == "decided"
        # a decided task frees its item: a new report may open a new task
        assert stores.tasks.open_for(items[0]) is None


def test_concurrent_claims_never_share_a_task(db: Database, items: list[str], backend: str) -> None:
    if backend == "sqlite-memory":
        pytest.skip("one shared connection: in-memory SQLite cannot run concurrent transactions")
    for content_id in items:
        _task(db, content_id, 1.0)
    held: list[int] = []
    lock = threading.Lock()

    def moderator(name: str) -> None:
        while True:
            with db.write() as stores:
                task = stores.tasks.claim(
                    moderator_id=name, queues=["en"], levels=["standard"], now=T0, lease=LEASE
                )
            if task is None:
                return
            with lock:
                held.append(task.id)

    threads = [threading.Thread(target=moderator, args=(m,)) for m in ("mod_a", "mod_b") * 3]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(held) == sorted(set(held)) and len(held) == len(items)
