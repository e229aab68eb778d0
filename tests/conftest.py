"""Shared fixtures: one contract suite over in-memory SQLite, file SQLite and a real PostgreSQL.

`db` is parametrised over the three backends; tests that take it run three times. PostgreSQL tests are
marked `postgres`; when PostgreSQL is not installed they fail with a clear message under CI (`CI=true`)
and are skipped elsewhere.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from hifazat.core.guidelines import Catalogue, default_catalogue
from hifazat.storage.database import make_engine, migrate
from hifazat.storage.unit import Database
from pg import CleanSlate, PgServer, find_bin

BACKENDS = [
    "sqlite-memory",  # StaticPool, one connection: the fastest, what unit tests use
    "sqlite-file",  # WAL file, a pool of connections: what `make run` uses
    pytest.param("postgres", marks=pytest.mark.postgres),  # a real server started for the session
]


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return default_catalogue()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated SQLite file, copied for each test (migrating once per session)."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    engine = make_engine(f"sqlite:///{path}")
    migrate(engine)
    engine.dispose()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PgServer]:
    """A PostgreSQL server for the whole session (stopped at the end) with a migrated `hifazat_test`."""
    bin_dir = find_bin()
    if bin_dir is None:
        message = (
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
            "run `.ci/system-deps.sh` as root, or `apt-get install postgresql`"
        )
        if _in_ci():
            pytest.fail(message)
        pytest.skip(message)
    server = PgServer.start(bin_dir)
    try:
        server.execute("CREATE DATABASE hifazat_test")
        engine = make_engine(server.url("hifazat_test"))
        migrate(engine)
        engine.dispose()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def postgres_slate(postgres_server: PgServer) -> Iterator[CleanSlate]:
    """Resets `hifazat_test` after each PostgreSQL test."""
    slate = CleanSlate(postgres_server.url("hifazat_test"))
    yield slate
    slate.close()


def _sqlite_memory(template: Path) -> Engine:
    engine = make_engine("sqlite://")
    raw = engine.raw_connection()
    try:
        with sqlite3.connect(template) as source:
            source.backup(raw.driver_connection)  # type: ignore[arg-type]
    finally:
        raw.close()
    return engine


def _sqlite_file(template: Path, folder: Path) -> Engine:
    target = folder / "hifazat.db"
    shutil.copyfile(template, target)
    return make_engine(f"sqlite:///{target}")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest.fixture
def engine(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty database on `backend`."""
    if backend == "postgres":
        slate: CleanSlate = request.getfixturevalue("postgres_slate")
        engine = make_engine(slate.url)
        yield engine
        engine.dispose()
        slate.reset()
        return
    template: Path = request.getfixturevalue("sqlite_template")
    engine = _sqlite_memory(template) if backend == "sqlite-memory" else _sqlite_file(template, tmp_path)
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def module_engine(sqlite_template: Path) -> Iterator[Engine]:
    """An in-memory SQLite database shared by one test module (for read-mostly tables of cases)."""
    engine = _sqlite_memory(sqlite_template)
    yield engine
    engine.dispose()


@pytest.fixture
def db(engine: Engine) -> Database:
    """Units of work over the test's database."""
    return Database(engine)
