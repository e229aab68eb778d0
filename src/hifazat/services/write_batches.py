"""Group commit: the writes of many concurrent requests share one transaction.

A web worker answers many requests at once, and each write used to pay for a transaction of its own
(begin, commit, a hop to a thread pool and back). `WriteBatcher.run(work)` queues the work and waits;
one writer thread takes everything queued so far and runs it in one transaction. When a work fails, that
transaction is rolled back and the others run again, each inside its own savepoint: the failed work's
caller gets its exception, the others commit together (audit events of a rolled-back work are dropped). If the commit of the batch fails, nothing of it was stored, and
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


class _WorkFailed(Exception):
    """A work of an optimistic batch raised: the batch is rolled back and run again without it."""

    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(str(error))
        self.index = index
        self.error = error


Bulk = Callable[[Stores, list[Any]], list[Any]]
"""Writes many items of one kind with one call: one result per item, an `Exception` instance for an item
that was refused (a bulk write checks everything before it writes, so a refusal leaves nothing behind)."""


@dataclass(slots=True)
class _Job:
    work: Work | None
    future: asyncio.Future[Any]
    bulk: Bulk | None = None
    item: Any = None


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
        result: T = await self._queue(_Job(work, asyncio.get_running_loop().create_future()))
        return result

    async def run_bulk(self, bulk: Bulk, item: Any) -> Any:
        """Write `item` with the other queued items of the same `bulk` function, in one call of it."""
        return await self._queue(_Job(None, asyncio.get_running_loop().create_future(), bulk, item))

    async def _queue(self, job: _Job) -> Any:
        loop = asyncio.get_running_loop()
        self._pending.append(job)
        if self._draining is None or self._draining.done() or self._draining.get_loop() is not loop:
            self._draining = loop.create_task(self._drain())
        return await job.future

    async def _drain(self) -> None:
        loop = asyncio.get_running_loop()
        await asyncio.sleep(0)  # let requests that arrived together join the first batch
        while self._pending:
            batch = self._pending[: self.max_batch]
            del self._pending[: self.max_batch]
            try:
                results = await loop.run_in_executor(self._executor, self.write_jobs, batch)
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

    def write_jobs(self, jobs: list[_Job]) -> list[_Result]:
        """Run the jobs of one batch: each bulk function once for all its items (see `Bulk`)."""
        covers: dict[int, list[int]] = {}  # first job of a unit -> every job it covers
        for index, job in enumerate(jobs):
            key = index if job.bulk is None else -1 - id(job.bulk)
            covers.setdefault(key, []).append(index)
        units: list[Work] = []
        for covered in covers.values():
            first = jobs[covered[0]]
            if first.bulk is None:
                assert first.work is not None
                units.append(first.work)
            else:
                units.append(_bulk_unit(first.bulk, [jobs[i].item for i in covered]))
        results: dict[int, _Result] = {}
        for covered, outcome in zip(covers.values(), self.write_all(units), strict=True):
            bulk = jobs[covered[0]].bulk
            if bulk is None:
                results[covered[0]] = outcome
            elif isinstance(outcome, _Done):
                for index, value in zip(covered, outcome.value, strict=True):
                    results[index] = _Failed(value) if isinstance(value, Exception) else _Done(value)
            else:  # the bulk call itself failed: each item alone, so one bad item cannot sink the others
                for index in covered:
                    results[index] = self._alone(_one_of(bulk, jobs[index].item))
        return [results[index] for index in range(len(jobs))]

    def write_all(self, works: list[Work]) -> list[_Result]:
        """Run `works` in one transaction (runs on the writer thread).

        First without savepoints, which cost a round trip each on PostgreSQL and, on both databases, a
        flush of the session and two statements through SQLAlchemy per work; when a work fails, that
        transaction is rolled back, the failure is kept for its caller, and the others run again in one
        transaction with a savepoint each."""
        self.batches += 1
        if len(works) == 1:
            return [self._alone(works[0])]
        try:
            return self._together(works)
        except _WorkFailed as failed:
            return self._with_savepoints(works, known={failed.index: _Failed(failed.error)})
        except Exception:  # the batch did not commit: nothing of it is stored
            return [self._alone(work) for work in works]

    def _together(self, works: list[Work]) -> list[_Result]:
        results: list[_Result] = []
        with self.db.write() as stores:
            for index, work in enumerate(works):
                try:
                    results.append(_Done(work(stores)))
                except Exception as error:
                    raise _WorkFailed(index, error) from error
        return results

    def _with_savepoints(self, works: list[Work], *, known: dict[int, _Result]) -> list[_Result]:
        """Each work in its own savepoint, except those whose result is `known` (they already failed)."""
        results: list[_Result] = []
        try:
            with self.db.write() as stores:
                for index, work in enumerate(works):
                    results.append(known[index] if index in known else _in_savepoint(stores, work))
        except Exception:
            return [known[i] if i in known else self._alone(w) for i, w in enumerate(works)]
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


def _bulk_unit(bulk: Bulk, items: list[Any]) -> Work:
    def unit(stores: Stores) -> list[Any]:
        return bulk(stores, items)

    return unit


def _one_of(bulk: Bulk, item: Any) -> Work:
    def unit(stores: Stores) -> Any:
        (value,) = bulk(stores, [item])
        if isinstance(value, Exception):
            raise value
        return value

    return unit


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
