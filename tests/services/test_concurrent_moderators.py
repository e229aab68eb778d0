"""Twenty moderators (threads) working one queue at once: no task is ever held twice and none is lost.

Runs on PostgreSQL (row locks with SKIP LOCKED) and on file SQLite (serialised writers); in-memory SQLite
has a single shared connection and cannot run transactions side by side.
"""

from __future__ import annotations

import threading
from collections import Counter
from datetime import timedelta

import pytest

from builders import T0, account, post
from hifazat.core.guidelines import Catalogue
from hifazat.services.decisions import decide_task
from hifazat.services.reports import file_report
from hifazat.services.review import claim_next
from hifazat.storage.unit import Database

MODERATORS = 20
TASKS = 120


def test_twenty_moderators_share_one_queue(db: Database, catalogue: Catalogue, backend: str) -> None:
    if backend == "sqlite-memory":
        pytest.skip("in-memory SQLite has one shared connection: no concurrent transactions")
    author, reporter = account(db, "author"), account(db, "reporter")
    moderators = [account(db, f"mod{i:02d}", "moderator") for i in range(MODERATORS)]
    for i in range(TASKS):
        post(db, catalogue, author, f"c{i}")
        with db.write() as stores:
            file_report(
                stores=stores,
                catalogue=catalogue,
                reporter=reporter,
                content_id=f"c{i}",
                policy_id="integrity.spam",
                now=T0,
            )
    claims: list[tuple[str, int]] = []
    errors: list[BaseException] = []
    guard = threading.Lock()
    start = threading.Barrier(MODERATORS)

    def work(index: int) -> None:
        me = moderators[index]
        start.wait()
        try:
            while True:
                with db.write() as stores:
                    task = claim_next(tasks=stores.tasks, audit=stores.audit, moderator=me, now=T0)
                if task is None:
                    return
                with guard:
                    claims.append((me.id, task.id))
                outcome = "remove" if task.id % 3 == 0 else "no_violation"
                with db.write() as stores:
                    decide_task(
                        stores=stores,
                        catalogue=catalogue,
                        moderator=me,
                        task_id=task.id,
                        policy_id="integrity.spam",
                        outcome=outcome,
                        now=T0 + timedelta(minutes=1),
                    )
        except BaseException as exc:  # pragma: no cover - reported below
            with guard:
                errors.append(exc)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(MODERATORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    held = Counter(task_id for _, task_id in claims)
    assert max(held.values()) == 1  # no task held twice
    assert len(held) == TASKS  # none lost
    assert len({who for who, _ in claims}) > 1  # the work really was shared
    with db.read() as stores:
        decided = stores.tasks.listing(queues=["en"], levels=["standard"], states=["decided"], limit=500)
        strikes = stores.strikes.for_account("author")
        entries = stores.audit.entries(limit=10_000)
    assert len(decided) == TASKS
    assert len(strikes) == len([t for t in decided if t.id % 3 == 0])
    assert Counter(e.event for e in entries)["decision.made"] == TASKS
    assert [e.seq for e in entries] == list(range(1, len(entries) + 1))
