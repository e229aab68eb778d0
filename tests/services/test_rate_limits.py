"""Rate limits counted in the database: every worker of one installation sees the same attempts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine, select

from hifazat.services.rate_limits import SharedRateLimiter, wait_seconds
from hifazat.storage.database import session_factory, transaction
from hifazat.storage.rate_limits import RateLimitHitRow, RateLimitStore

NOW = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)


def _limiter(engine: Engine, scope: str = "sign-in-handle", limit: int = 3) -> SharedRateLimiter:
    return SharedRateLimiter(
        session_factory(engine), scope=scope, limit=limit, window_seconds=600.0, secret="s" * 32
    )


def test_the_limit_holds_and_lifts_after_the_window(engine: Engine) -> None:
    limiter = _limiter(engine)
    assert [limiter.hit("mod_en", now=NOW + timedelta(seconds=i)) for i in range(3)] == [None] * 3
    wait = limiter.hit("mod_en", now=NOW + timedelta(seconds=10))
    assert wait == pytest.approx(590.0)  # until the first attempt leaves the window
    assert limiter.hit("mod_en", now=NOW + timedelta(seconds=601)) is None  # the first has left


def test_refused_attempts_are_not_counted(engine: Engine) -> None:
    limiter = _limiter(engine, limit=2)
    limiter.hit("a", now=NOW)
    limiter.hit("a", now=NOW)
    for i in range(5):  # hammering while blocked does not push the unblocking further away
        assert limiter.hit("a", now=NOW + timedelta(seconds=i + 1)) is not None
    assert limiter.hit("a", now=NOW + timedelta(seconds=600)) is None


def test_two_workers_share_one_count(engine: Engine) -> None:
    first, second = _limiter(engine), _limiter(engine)  # as two processes would make them
    first.hit("mod_en", now=NOW)
    second.hit("mod_en", now=NOW)
    first.hit("mod_en", now=NOW)
    assert second.hit("mod_en", now=NOW) is not None


def test_keys_and_scopes_are_separate(engine: Engine) -> None:
    handle, address = _limiter(engine), _limiter(engine, scope="sign-in-address")
    for _ in range(3):
        handle.hit("mod_en", now=NOW)
    assert handle.hit("mod_ur", now=NOW) is None
    assert address.hit("mod_en", now=NOW) is None


def test_keys_are_stored_only_as_hmacs(engine: Engine) -> None:
    limiter = _limiter(engine, scope="report-address")
    limiter.hit("203.0.113.7", now=NOW)
    with transaction(session_factory(engine)) as session:
        rows = session.scalars(select(RateLimitHitRow)).all()
    assert [r.key_hash for r in rows] == [limiter.key_hash("203.0.113.7")]
    assert "203.0.113.7" not in rows[0].key_hash and len(rows[0].key_hash) == 64
    other = SharedRateLimiter(
        session_factory(engine), scope="report-address", limit=3, window_seconds=600.0, secret="t" * 32
    )
    assert other.key_hash("203.0.113.7") != rows[0].key_hash  # another installation's secret


def test_old_hits_are_swept(engine: Engine) -> None:
    sessions = session_factory(engine)
    with transaction(sessions) as session:
        store = RateLimitStore(session)
        store.add("s", "k" * 64, NOW - timedelta(days=2))
        store.add("s", "k" * 64, NOW)
        assert store.forget_before(NOW - timedelta(days=1)) == 1
        assert store.since("s", "k" * 64, NOW - timedelta(days=3)) == (1, NOW)


@pytest.mark.parametrize(
    ("count", "expected"),
    [(0, None), (2, None), (3, 300.0), (7, 300.0)],
)
def test_wait_seconds(count: int, expected: float | None) -> None:
    oldest = NOW - timedelta(seconds=300) if count else None
    assert wait_seconds(count, oldest, limit=3, window=600.0, now=NOW) == expected


def test_a_scope_must_fit_its_column(engine: Engine) -> None:
    with pytest.raises(ValueError, match="1 to 32"):
        _limiter(engine, scope="x" * 33)
