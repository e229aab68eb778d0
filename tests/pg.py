"""A throwaway PostgreSQL server for one test session: `initdb` + `pg_ctl` under a temporary folder.

As root the server runs as the `postgres` user (`initdb` refuses root). fsync is off: the data dies with
the session anyway. Each test gets its own database cloned from a migrated template, which takes a few
tens of milliseconds.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import psycopg
from sqlalchemy import MetaData, create_engine, select
from sqlalchemy.pool import NullPool


def find_bin() -> Path | None:
    """The newest installed PostgreSQL `bin` folder with `initdb`, or None."""
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _as_owner() -> list[str]:
    return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []


@dataclass
class PgServer:
    """A running server: connect as `app` on 127.0.0.1:`port` (trust authentication)."""

    bin: Path
    root: Path
    port: int

    @classmethod
    def start(cls, bin_dir: Path, *, durable: bool = False) -> PgServer:
        """A new server. Tests run without fsync (their data dies with the session); `durable` keeps
        PostgreSQL's crash-safe defaults (fsync, synchronous commit, full-page writes), for benchmarks."""
        root = Path(tempfile.mkdtemp(prefix="hifazat-pg-"))
        root.chmod(0o755)
        if os.geteuid() == 0:
            shutil.chown(root, "postgres", "postgres")
        data = root / "data"
        subprocess.run(
            [
                *_as_owner(),
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "app",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            check=True,
            capture_output=True,
        )
        last_error = ""
        for _ in range(3):
            port = free_port()
            unsafe = "" if durable else " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
            options = f"-p {port} -k {root} -c listen_addresses=127.0.0.1{unsafe} -c max_connections=200"
            started = subprocess.run(
                [
                    *_as_owner(),
                    str(bin_dir / "pg_ctl"),
                    "-D",
                    str(data),
                    "-l",
                    str(root / "log"),
                    "-w",
                    "-t",
                    "30",
                    "-o",
                    options,
                    "start",
                ],
                capture_output=True,
                text=True,
            )
            if started.returncode == 0:
                return cls(bin_dir, root, port)
            last_error = started.stderr + (root / "log").read_text(errors="replace")[-2000:]
        shutil.rmtree(root, ignore_errors=True)
        raise RuntimeError(f"PostgreSQL did not start: {last_error}")

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://app@127.0.0.1:{self.port}/{database}"

    def execute(self, sql: str) -> None:
        """Run one statement outside a transaction in the `postgres` database."""
        with psycopg.connect(
            f"host=127.0.0.1 port={self.port} user=app dbname=postgres", autocommit=True
        ) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def stop(self) -> None:
        """Immediate shutdown, then wait (briefly) for the pid file to go before deleting everything."""
        pid_file = self.root / "data" / "postmaster.pid"
        subprocess.run(
            [
                *_as_owner(),
                str(self.bin / "pg_ctl"),
                "-D",
                str(self.root / "data"),
                "-m",
                "immediate",
                "-W",
                "stop",
            ],
            capture_output=True,
        )
        deadline = time.monotonic() + 10
        while pid_file.exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        subprocess.Popen(
            ["rm", "-rf", str(self.root)], start_new_session=True
        )  # slow on this disk; not awaited


class CleanSlate:
    """Puts a migrated database back to its just-migrated state between tests, far faster than creating a
    database per test: every table is emptied (foreign keys off for the session) and the rows the
    migrations seeded are put back, with sequences restarted."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._engine = create_engine(url, poolclass=NullPool)
        self._meta = MetaData()
        self._meta.reflect(self._engine)
        self._tables = [t for t in self._meta.sorted_tables if t.name != "alembic_version"]
        with self._engine.connect() as conn:
            self._seed = {t.name: [dict(r._mapping) for r in conn.execute(select(t))] for t in self._tables}
            self._sequences = [
                row[0]
                for row in conn.exec_driver_sql(
                    "SELECT sequence_name FROM information_schema.sequences WHERE sequence_schema = 'public'"
                )
            ]

    def reset(self) -> None:
        with self._engine.begin() as conn:
            conn.exec_driver_sql("SET LOCAL session_replication_role = replica")
            for table in reversed(self._tables):
                conn.execute(table.delete())
            for table in self._tables:
                if self._seed[table.name]:
                    conn.execute(table.insert(), self._seed[table.name])
            for sequence in self._sequences:
                conn.exec_driver_sql(f'ALTER SEQUENCE "{sequence}" RESTART')

    def close(self) -> None:
        self._engine.dispose()
