"""Sliding-window rate limits kept in the database, so that every worker process and every host of one
installation counts the same attempts (an in-memory counter lets N workers allow N times the limit).

`SharedRateLimiter.hit(key)` counts one attempt of `key` (a handle, a client address) and says how long
to wait when the limit is reached; keys are stored as an HMAC under the installation's secret key.
A refused attempt is not counted, so waiting out the window always works. Old hits are swept now and
then by whichever request happens to pass.
"""

from __future__ import annotations

import hashlib
import hmac
from datetime import datetime, timedelta

from sqlalchemy.orm import Session, sessionmaker

from hifazat.services.clock import utcnow
from hifazat.storage.database import transaction
from hifazat.storage.rate_limits import RateLimitStore

SWEEP_EVERY = 500
"""Hits counted by one process between sweeps of expired rows."""
KEEP = timedelta(days=1)
"""Hits older than this are swept (longer than any window in use)."""


def wait_seconds(
    count: int, oldest: datetime | None, *, limit: int, window: float, now: datetime
) -> float | None:
    """None when one more attempt is allowed after `count` attempts in the window (the oldest at
    `oldest`), else the seconds until the oldest leaves the window."""
    if count < limit or oldest is None:
        return None
    return max(window - (now - oldest).total_seconds(), 0.001)


class SharedRateLimiter:
    """At most `limit` attempts per key in any `window_seconds`, across processes (see the module notes)."""

    def __init__(
        self, sessions: sessionmaker[Session], *, scope: str, limit: int, window_seconds: float, secret: str
    ) -> None:
        if not 0 < len(scope) <= 32:
            raise ValueError("a rate-limit scope is 1 to 32 characters")
        self.sessions = sessions
        self.scope = scope
        self.limit = limit
        self.window = window_seconds
        self._secret = secret.encode("utf-8")
        self._counted = 0

    def key_hash(self, key: str) -> str:
        return hmac.new(self._secret, f"{self.scope}\x00{key}".encode(), hashlib.sha256).hexdigest()

    def hit(self, key: str, *, now: datetime | None = None) -> float | None:
        """Count one attempt; None when allowed, else the seconds to wait before trying again."""
        moment = now or utcnow()
        digest = self.key_hash(key)
        with transaction(self.sessions) as session:
            store = RateLimitStore(session)
            count, oldest = store.since(self.scope, digest, moment - timedelta(seconds=self.window))
            wait = wait_seconds(count, oldest, limit=self.limit, window=self.window, now=moment)
            if wait is None:
                store.add(self.scope, digest, moment)
                self._counted += 1
                if self._counted % SWEEP_EVERY == 0:
                    store.forget_before(moment - KEEP)
            return wait
