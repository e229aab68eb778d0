"""Units of work: one transaction, every store bound to it, the audit log sealed just before commit."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, nullcontext
from dataclasses import dataclass
from functools import cached_property

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


_SQLITE_WRITERS: dict[tuple[int, str], threading.RLock] = {}
_GUARD = threading.Lock()


def _writer_lock(engine: Engine) -> threading.RLock | None:
    """One lock per SQLite database per process: SQLite admits one writer at a time anyway, and threads
    queueing on a lock wake the moment it is free, where SQLite's busy handler makes them sleep and retry.

    Several *processes* writing one SQLite file still meet in SQLite's busy handler, which is unfair: run
    one server process on SQLite, and PostgreSQL when you need more (see docs/enforcement.md)."""
    if engine.dialect.name != "sqlite":
        return None
    key = (os.getpid(), engine.url.render_as_string(hide_password=False))
    with _GUARD:
        return _SQLITE_WRITERS.setdefault(key, threading.RLock())


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
