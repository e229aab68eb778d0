"""The audit chain's storage contract: appended in order at commit, verifiable, and any edit, deletion or
cut-off tail detected — on every backend."""

from __future__ import annotations

from itertools import pairwise

import pytest

from hifazat.core.enforcement.chain import AuditEvent
from hifazat.services.audit import verify_chain
from hifazat.storage.unit import Database


def _fill(db: Database, n: int) -> None:
    for i in range(n):
        with db.write() as stores:
            stores.audit.record(
                AuditEvent("task.claimed", f"mod{i % 2}", f"task:{i}", {"i": i, "ur": "جائزہ"})
            )


def _verify(db: Database) -> tuple[bool, tuple[str, ...]]:
    with db.read() as stores:
        report = verify_chain(audit=stores.audit)
    return report.ok, report.problems


def test_events_are_sealed_in_order_at_commit(db: Database) -> None:
    _fill(db, 5)
    with db.read() as stores:
        entries = stores.audit.entries()
        head = stores.audit.head()
    assert [e.seq for e in entries] == [1, 2, 3, 4, 5]
    assert all(b.prev_hash == a.hash for a, b in pairwise(entries))
    assert head == (5, entries[-1].hash)
    assert entries[0].data == {"i": 0, "ur": "جائزہ"}
    assert _verify(db) == (True, ())


def test_a_rolled_back_transaction_leaves_no_entry(db: Database) -> None:
    with pytest.raises(RuntimeError), db.write() as stores:
        stores.audit.record(AuditEvent("task.claimed", "mod", "task:1", {}))
        raise RuntimeError("boom")
    with db.read() as stores:
        assert stores.audit.entries() == []
        assert stores.audit.head()[0] == 0


@pytest.mark.parametrize(
    ("tamper", "finds"),
    [
        (
            "UPDATE audit_log SET data = '{\"i\":99}' WHERE seq = 3",
            "entry 3: contents do not match",
        ),  # edited data
        (
            "UPDATE audit_log SET actor = 'someone' WHERE seq = 2",
            "entry 2: contents do not match",
        ),  # edited actor
        (
            "DELETE FROM audit_log WHERE seq = 3",
            "missing (deleted?) before entry 4",
        ),  # deleted from the middle
        ("DELETE FROM audit_log WHERE seq = 6", "ends at entry 5 but the head says 6"),  # cut off the end
        (
            "UPDATE audit_log SET hash = prev_hash WHERE seq = 4",
            "entry 4: contents do not match",
        ),  # forged hash
    ],
)
def test_tampering_is_detected(db: Database, tamper: str, finds: str) -> None:
    _fill(db, 6)
    with db.engine.begin() as connection:
        connection.exec_driver_sql(tamper)
    ok, problems = _verify(db)
    assert not ok
    assert any(finds in p for p in problems), problems
