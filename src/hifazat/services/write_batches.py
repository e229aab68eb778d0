"""Group commit: the writes of many concurrent requests share one transaction.

A web worker answers many requests at once, and each write used to pay for a transaction of its own
(begin, commit, a hop to a thread pool and back). `WriteBatcher.run(work)` queues the work and waits;
one writer thread takes everything queued so far and runs it in one transaction, each work inside its
own savepoint: a work that fails is rolled back alone (its audit events too) and its caller gets the
exception, the others commit together. If the commit of the batch fails, nothing of it was stored, and
every work is run again in a transaction of its own, so nothing is lost and nothing is applied twice.

One writer per process also suits SQLite, which admits one writer at a time anyway.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from hifazat.storage.unit import Database, Stores

T = TypeVar("T")
Work = Callable[[Stores], Any]

MAX_BATCH = 64
"""Works per transaction at most: large enough to amortise a commit, small enough to keep latency low."""


@dataclass(frozen=True, slots=True)
class _Done:
    value: Any


@dataclass(frozen=True, slots=True)
class _Failed:
    error: Exception


_Result = _Done | _Failed


@dataclass(slots=True)
class _Job:
    work: Work
    future: asyncio.Future[Any]


@dataclass
class WriteBatcher:
    """Runs queued writes in shared transactions on one writer thread (see the module notes)."""

    db: Database
    max_batch: int = MAX_BATCH
    batches: int = 0
    """Transactions run so far (for benchmarks and tests)."""
    pid: int = field(default_factory=os.getpid)
    """The process that made it (its writer thread lives there only)."""
    _pending: list[_Job] = field(default_factory=list)
    _draining: asyncio.Task[None] | None = None
    _executor: ThreadPoolExecutor = field(
        default_factory=lambda: ThreadPoolExecutor(max_workers=1, thread_name_prefix="hifazat-writer")
    )

    async def run(self, work: Callable[[Stores], T]) -> T:
        """Run `work` in a write transaction shared with other queued works; its result or its exception."""
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        self._pending.append(_Job(work, future))
        if self._draining is None or self._draining.done() or self._draining.get_loop() is not loop:
            self._draining = loop.create_task(self._drain())
        return await future

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        await asyncio.sleep(0)  # let requests that arrived together join the first batch
        while self._pending:
            batch = self._pending[: self.max_batch]
            del self._pending[: self.max_batch]
            try:
                results = await loop.run_in_executor(self._executor, self.write_all, [j.work for j in batch])
            except BaseException as error:  # the thread pool itself failed (shut down, cancelled)
                for job in batch:
                    if not job.future.done():
                        job.future.set_exception(error)
                raise
            for job, result in zip(batch, results, strict=True):
                if job.future.done():  # the caller went away
                    continue
                if isinstance(result, _Failed):
                    job.future.set_exception(result.error)
                else:
                    job.future.set_result(result.value)

    def write_all(self, works: list[Work]) -> list[_Result]:
        """Run `works` in one transaction, each in its own savepoint (runs on the writer thread)."""
        self.batches += 1
        if len(works) == 1:
            return [self._alone(works[0])]
        results: list[_Result] = []
        try:
            with self.db.write() as stores:
                for work in works:
                    results.append(_in_savepoint(stores, work))
        except Exception:  # the batch did not commit: nothing of it is stored
            return [self._alone(work) for work in works]
        return results

    def _alone(self, work: Work) -> _Result:
        try:
            with self.db.write() as stores:
                value = work(stores)
        except Exception as error:
            return _Failed(error)
        return _Done(value)

    def close(self) -> None:
        """Stop the writer thread after the queued batches."""
        self._executor.shutdown(wait=True)


def _in_savepoint(stores: Stores, work: Work) -> _Result:
    mark = stores.audit.mark()
    savepoint = stores.session.begin_nested()
    try:
        value = work(stores)
        savepoint.commit()
    except Exception as error:
        if savepoint.is_active:
            savepoint.rollback()
        stores.audit.forget_since(mark)
        return _Failed(error)
    return _Done(value)
