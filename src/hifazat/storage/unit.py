"""Units of work: one transaction, every store bound to it, the audit log sealed just before commit."""

from __future__ import annotations

import fcntl
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hifazat.storage.accounts import AccountStore, ApiKeyStore
from hifazat.storage.ambassador_programme import ProgrammeStore
from hifazat.storage.ambassadors import AmbassadorStore
from hifazat.storage.appeals import AppealStore
from hifazat.storage.audit import AuditLog
from hifazat.storage.content import ContentStore
from hifazat.storage.database import read_session_factory, session_factory
from hifazat.storage.decisions import DecisionStore
from hifazat.storage.idempotency import IdempotencyStore
from hifazat.storage.notifications import NotificationStore
from hifazat.storage.queue import TaskStore
from hifazat.storage.reports import ReportStore
from hifazat.storage.strikes import StrikeStore
from hifazat.storage.transparency import TransparencyStore
from hifazat.storage.webhooks import WebhookStore


@dataclass
class Stores:
    """Every enforcement store over one session. Services take only the ones they need."""

    session: Session

    @cached_property
    def accounts(self) -> AccountStore:
        return AccountStore(self.session)

    @cached_property
    def api_keys(self) -> ApiKeyStore:
        return ApiKeyStore(self.session)

    @cached_property
    def content(self) -> ContentStore:
        return ContentStore(self.session)

    @cached_property
    def reports(self) -> ReportStore:
        return ReportStore(self.session)

    @cached_property
    def tasks(self) -> TaskStore:
        return TaskStore(self.session)

    @cached_property
    def decisions(self) -> DecisionStore:
        return DecisionStore(self.session)

    @cached_property
    def strikes(self) -> StrikeStore:
        return StrikeStore(self.session)

    @cached_property
    def appeals(self) -> AppealStore:
        return AppealStore(self.session)

    @cached_property
    def notifications(self) -> NotificationStore:
        return NotificationStore(self.session)

    @cached_property
    def audit(self) -> AuditLog:
        return AuditLog(self.session)

    @cached_property
    def idempotency(self) -> IdempotencyStore:
        return IdempotencyStore(self.session)

    @cached_property
    def webhooks(self) -> WebhookStore:
        return WebhookStore(self.session)

    @cached_property
    def transparency(self) -> TransparencyStore:
        return TransparencyStore(self.session)

    @cached_property
    def ambassadors(self) -> AmbassadorStore:
        return AmbassadorStore(self.session)

    @cached_property
    def programme(self) -> ProgrammeStore:
        return ProgrammeStore(self.session)


class SqliteWriterLock:
    """One writer at a time on one SQLite file: a lock for the threads of this process, and `flock` on a
    file beside the database for the other processes.

    SQLite admits one writer anyway, but a writer that finds the file locked sleeps in SQLite's busy
    handler (1, 2, 5 … 100 ms naps) and retries, so two server processes on one file wait on each other in
    naps and the slowest requests take hundreds of milliseconds. Threads queueing on a lock, and processes
    queueing on `flock`, wake the moment it is free. The kernel drops the `flock` of a killed process."""

    def __init__(self, database_file: Path | None) -> None:
        self._threads = threading.RLock()
        self._depth = 0
        self._fd: int | None = None
        self._file = None if database_file is None else database_file.with_name(database_file.name + ".lock")

    def __enter__(self) -> None:
        self._threads.acquire()
        try:
            if self._depth == 0 and self._file is not None:
                if self._fd is None:
                    try:
                        self._fd = os.open(self._file, os.O_RDWR | os.O_CREAT, 0o644)
                    except OSError:  # a read-only folder: SQLite's busy handler still keeps writers apart
                        self._file = None
                if self._fd is not None:
                    fcntl.flock(self._fd, fcntl.LOCK_EX)
        except BaseException:
            self._threads.release()
            raise
        self._depth += 1

    def __exit__(self, *_: object) -> None:
        self._depth -= 1
        try:
            if self._depth == 0 and self._fd is not None:
                fcntl.flock(self._fd, fcntl.LOCK_UN)
        finally:
            self._threads.release()


_SQLITE_WRITERS: dict[tuple[int, str], SqliteWriterLock] = {}
_GUARD = threading.Lock()


def _writer_lock(engine: Engine) -> SqliteWriterLock | None:
    """The writer lock of a SQLite database in this process (see `SqliteWriterLock`); None elsewhere."""
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    file = None if database in (None, "", ":memory:") else Path(database).resolve()
    # keyed by the file, so that two URLs naming one file share the lock (a nested write re-enters it
    # instead of waiting on its own `flock`)
    key = (os.getpid(), str(file) if file is not None else engine.url.render_as_string(hide_password=False))
    with _GUARD:
        found = _SQLITE_WRITERS.get(key)
        if found is None:
            found = _SQLITE_WRITERS[key] = SqliteWriterLock(file)
        return found


class Database:
    """Transactions over one engine: `write()` for changes, `read()` for queries."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._write: sessionmaker[Session] = session_factory(engine)
        self._read: sessionmaker[Session] = read_session_factory(engine)
        self._writer_lock = _writer_lock(engine)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def write(self) -> Iterator[Stores]:
        """A transaction that commits when the block ends without error, after sealing the audit events."""
        with self._writer_lock or nullcontext(), self._write() as session, session.begin():
            stores = Stores(session)
            yield stores
            if "audit" in stores.__dict__:
                stores.audit.flush()

    @contextmanager
    def read(self) -> Iterator[Stores]:
        """A transaction that only reads; it is rolled back at the end."""
        with self._read() as session:
            yield Stores(session)
