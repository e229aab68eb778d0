"""SQLite writers queue on one lock per database file: threads on an `RLock`, processes on `flock`."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from hifazat.storage.database import make_engine, migrate
from hifazat.storage.unit import Database


def test_two_urls_of_one_file_share_the_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    absolute = make_engine(f"sqlite:///{tmp_path / 'one.db'}")
    relative = make_engine("sqlite:///one.db")
    other = make_engine(f"sqlite:///{tmp_path / 'two.db'}")
    first, second, third = Database(absolute), Database(relative), Database(other)
    assert first._writer_lock is not None and first._writer_lock is second._writer_lock
    assert third._writer_lock is not first._writer_lock
    for engine in (absolute, relative, other):
        engine.dispose()


def test_a_write_holds_the_file_lock_until_it_ends(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'h.db'}")
    migrate(engine)
    db = Database(engine)
    lock_file = tmp_path / "h.db.lock"
    probe = os.open(lock_file, os.O_RDWR | os.O_CREAT)
    try:
        # another open file of the lock (as another process has) must wait while the write runs
        with db.write(), pytest.raises(BlockingIOError):
            fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)
        fcntl.flock(probe, fcntl.LOCK_EX | fcntl.LOCK_NB)  # free once the transaction ended
        fcntl.flock(probe, fcntl.LOCK_UN)
    finally:
        os.close(probe)
        engine.dispose()
