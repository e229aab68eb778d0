"""Idempotency keys: a retried write returns the first response; a reused key for another request fails."""

from __future__ import annotations

from typing import Any

import pytest

from builders import T0
from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.errors import ConflictError, InvalidInputError
from hifazat.services.idempotency import Keyed, Outcome, fingerprint, once_many, run_once
from hifazat.storage.idempotency import StoredResponse
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


def _many(
    db: Database, requests: list[Keyed | None], calls: list[int], refuse: set[int] = frozenset()
) -> list[Outcome | Exception]:
    """`once_many` over `requests`; each run request writes an audit event and answers with its text."""

    def work(indices: list[int]) -> list[tuple[int, Any] | Exception]:
        calls.extend(indices)
        answers: list[tuple[int, Any] | Exception] = []
        for index in indices:
            if index in refuse:
                answers.append(InvalidInputError(f"request {index} is refused"))
                continue
            stores.audit.record(AuditEvent("content.submitted", "svc", f"content:{index}", {}))
            answers.append((201, {"n": index}))
        return answers

    with db.write() as stores:
        return once_many(stores, requests=requests, work=work, now=T0)


def test_many_keyed_writes_run_once_each(db: Database) -> None:
    a, b = fingerprint("POST", "/v1/content", b"a"), fingerprint("POST", "/v1/content", b"b")
    calls: list[int] = []
    first = _many(
        db,
        [
            Keyed("svc", "k1", a),  # runs
            None,  # no key: runs
            Keyed("svc", "k1", a),  # the same key again in the batch: replays the first
            Keyed("svc", "k1", b),  # the same key for another request: refused
            Keyed("other", "k1", b),  # keys belong to one actor: runs
            Keyed("svc", "k2", b),  # refused by the work: no answer stored for its key
        ],
        calls,
        refuse={5},
    )
    assert calls == [0, 1, 4, 5]
    assert [(o.status, o.body, o.replayed) for o in first if isinstance(o, Outcome)] == [
        (201, {"n": 0}, False),
        (201, {"n": 1}, False),
        (201, {"n": 0}, True),
        (201, {"n": 4}, False),
    ]
    assert isinstance(first[3], ConflictError) and isinstance(first[5], InvalidInputError)
    retried = _many(db, [Keyed("svc", "k1", a), Keyed("other", "k1", b), Keyed("svc", "k2", b), None], calls)
    assert calls[4:] == [2, 3]  # the refused key runs again, and so does the unkeyed request
    assert [(o.body, o.replayed) for o in retried if isinstance(o, Outcome)] == [
        ({"n": 0}, True),
        ({"n": 4}, True),
        ({"n": 2}, False),
        ({"n": 3}, False),
    ]
    with db.read() as stores:
        assert len(stores.audit.entries()) == 5  # 3 in the first batch, 2 in the retry
        assert stores.idempotency.find("svc", "k2") == StoredResponse(b, 201, {"n": 2})
