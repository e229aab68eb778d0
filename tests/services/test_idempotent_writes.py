"""Idempotency keys: a retried write returns the first response; a reused key for another request fails."""

from __future__ import annotations

import pytest

from builders import T0
from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.errors import ConflictError, InvalidInputError
from hifazat.services.idempotency import fingerprint, run_once
from hifazat.storage.unit import Database, Stores


def test_a_keyed_write_runs_once(db: Database) -> None:
    calls: list[int] = []

    def work(stores: Stores) -> tuple[int, object]:
        calls.append(1)
        stores.audit.record(AuditEvent("task.claimed", "mod", "task:1", {}))
        return 201, {"n": len(calls)}

    request = fingerprint("POST", "/v1/x", b"{}")
    first = run_once(db=db, actor_id="mod", key="k1", request=request, work=work, now=T0)
    again = run_once(db=db, actor_id="mod", key="k1", request=request, work=work, now=T0)
    assert (first.status, first.body, first.replayed) == (201, {"n": 1}, False)
    assert (again.status, again.body, again.replayed) == (201, {"n": 1}, True)
    assert len(calls) == 1
    with db.read() as stores:
        assert len(stores.audit.entries()) == 1
    other = run_once(db=db, actor_id="someone", key="k1", request=request, work=work, now=T0)
    assert not other.replayed  # keys belong to one actor


def test_a_key_reused_for_another_request_is_refused(db: Database) -> None:
    run_once(
        db=db, actor_id="mod", key="k1", request=fingerprint("POST", "/a", b"1"), work=lambda s: (200, 1)
    )
    with pytest.raises(ConflictError, match="different request"):
        run_once(
            db=db, actor_id="mod", key="k1", request=fingerprint("POST", "/a", b"2"), work=lambda s: (200, 2)
        )


def test_failed_work_stores_nothing(db: Database) -> None:
    def fails(stores: Stores) -> tuple[int, object]:
        stores.audit.record(AuditEvent("task.claimed", "mod", "task:1", {}))
        raise InvalidInputError("bad")

    with pytest.raises(InvalidInputError):
        run_once(db=db, actor_id="mod", key="k1", request="f", work=fails)
    assert run_once(db=db, actor_id="mod", key="k1", request="f", work=lambda s: (200, "ok")).body == "ok"
    with pytest.raises(InvalidInputError, match="Idempotency-Key"):
        run_once(db=db, actor_id="mod", key="x" * 201, request="f", work=lambda s: (200, "ok"))
