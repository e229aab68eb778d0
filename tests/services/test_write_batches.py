"""Group commit: queued writes share one transaction; a failing one is rolled back alone."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from async_kit import run_async
from builders import T0, account, post, verdict
from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.errors import ConflictError
from hifazat.core.guidelines import Catalogue
from hifazat.services.audit import verify_chain
from hifazat.services.content import submit_content
from hifazat.services.write_batches import WriteBatcher
from hifazat.storage.unit import Database, Stores


def _poster(catalogue: Catalogue, author_id: str, content_id: str) -> Any:
    def work(stores: Stores) -> str:
        author = stores.accounts.get(author_id)
        stores.audit.record(AuditEvent("content.submitted", author_id, f"content:{content_id}", {}))
        made = submit_content(
            stores=stores,
            catalogue=catalogue,
            author=author,
            kind="comment",
            text=f"comment {content_id}",
            verdict=verdict(),
            content_id=content_id,
            now=T0,
        )
        return made.item.id

    return work


async def _together(batcher: WriteBatcher, works: list[Any]) -> list[Any]:
    return await asyncio.gather(*(batcher.run(w) for w in works), return_exceptions=True)


def test_concurrent_writes_share_transactions(db: Database, catalogue: Catalogue) -> None:
    account(db, "writer")
    batcher = WriteBatcher(db)
    works = [_poster(catalogue, "writer", f"c{i}") for i in range(40)]
    results = run_async(_together(batcher, works))
    batcher.close()
    assert results == [f"c{i}" for i in range(40)]
    assert batcher.batches < 40  # requests that arrived together were committed together
    with db.read() as stores:
        assert all(stores.content.find(f"c{i}") is not None for i in range(40))
        assert verify_chain(audit=stores.audit).ok


def test_a_failing_write_is_rolled_back_alone(db: Database, catalogue: Catalogue) -> None:
    account(db, "writer")
    post(db, catalogue, account(db, "other"), "taken")
    batcher = WriteBatcher(db)

    def clash(stores: Stores) -> str:
        stores.audit.record(AuditEvent("content.submitted", "writer", "content:taken", {"lost": True}))
        return str(_poster(catalogue, "writer", "taken")(stores))  # the id is already used

    works = [_poster(catalogue, "writer", "a"), clash, _poster(catalogue, "writer", "b")]
    results = run_async(_together(batcher, works))
    batcher.close()
    assert results[0] == "a" and results[2] == "b"
    assert isinstance(results[1], ConflictError) and "already exists" in str(results[1])
    assert batcher.batches == 1
    with db.read() as stores:
        assert stores.content.get("taken").author_id == "other"  # untouched
        entries = list(stores.audit.scan())
        assert not any(e.data.get("lost") for e in entries)  # the failed work's audit event is gone
        assert verify_chain(audit=stores.audit).ok


def test_a_batch_whose_commit_fails_is_written_again_one_by_one(db: Database, catalogue: Catalogue) -> None:
    account(db, "writer")
    batcher = WriteBatcher(db)
    failures = {"left": 1}

    def fail_once(session: Session) -> None:
        if failures["left"] and not session.in_nested_transaction():  # the batch's own commit
            failures["left"] -= 1
            raise RuntimeError("the disk is full")

    event.listen(Session, "before_commit", fail_once)
    try:
        results = run_async(_together(batcher, [_poster(catalogue, "writer", f"d{i}") for i in range(5)]))
    finally:
        event.remove(Session, "before_commit", fail_once)
        batcher.close()
    assert results == [f"d{i}" for i in range(5)]
    assert batcher.batches == 1  # one batch, then each work alone after its commit failed
    with db.read() as stores:
        assert sum(stores.content.find(f"d{i}") is not None for i in range(5)) == 5
        assert verify_chain(audit=stores.audit).ok


def test_the_caller_gets_its_own_exception(db: Database) -> None:
    batcher = WriteBatcher(db)

    def boom(_stores: Stores) -> None:
        raise ConflictError("already decided")

    with pytest.raises(ConflictError, match="already decided"):
        run_async(batcher.run(boom))
    batcher.close()


def test_bulk_items_share_one_call_and_a_failing_call_is_retried_item_by_item(db: Database) -> None:
    account(db, "writer")
    calls: list[list[str]] = []

    def rename_all(stores: Stores, names: list[Any]) -> list[Any]:
        calls.append(list(names))
        if "boom" in names:
            raise RuntimeError("the whole call failed")
        return [ConflictError("refused") if n == "no" else n.upper() for n in names]

    async def go() -> list[Any]:
        batcher = WriteBatcher(db)
        together = await asyncio.gather(
            *(batcher.run_bulk(rename_all, n) for n in ("a", "no", "b")), return_exceptions=True
        )
        apart = await asyncio.gather(
            *(batcher.run_bulk(rename_all, n) for n in ("c", "boom")), return_exceptions=True
        )
        batcher.close()
        return [*together, *apart]

    results = run_async(go())
    assert results[0] == "A" and isinstance(results[1], ConflictError) and results[2] == "B"
    assert results[3] == "C" and isinstance(results[4], RuntimeError)  # the bad item alone fails
    assert calls == [["a", "no", "b"], ["c", "boom"], ["c"], ["boom"]]
