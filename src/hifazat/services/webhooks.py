"""Signed webhooks: endpoints, the HMAC-SHA256 signature, and delivery with exponential back-off.

Events are queued in the same transaction as the decision (an outbox), so a committed decision always
gets its webhook and a rolled-back one never does. `deliver_due` sends what is due outside any
transaction. Each request carries

    X-Hifazat-Event: decision.made
    X-Hifazat-Delivery: decision.made:12          (unique per event: receivers drop repeats)
    X-Hifazat-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>

and a failed attempt is retried after 30 s, 1 min, 2 min, ... (at most 1 h apart) up to `MAX_ATTEMPTS`.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import httpx

from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.errors import InvalidInputError
from hifazat.services.clock import utcnow
from hifazat.storage.audit import AuditLog
from hifazat.storage.unit import Database
from hifazat.storage.webhooks import Delivery, Endpoint, WebhookStore

SIGNATURE_HEADER = "X-Hifazat-Signature"
MAX_ATTEMPTS = 8
FIRST_RETRY = timedelta(seconds=30)
LONGEST_WAIT = timedelta(hours=1)
SENDING_HOLD = timedelta(minutes=2)
"""How long a delivery being sent is hidden from other dispatchers."""
TOLERANCE = 300
"""Seconds a receiver should accept between the signature's time and its own clock."""

Sender = Callable[[str, bytes, Mapping[str, str]], int]
"""Sends one POST and returns the HTTP status (raises on network errors)."""


@dataclass(frozen=True, slots=True)
class DeliveryRound:
    """What one `deliver_due` call did."""

    sent: int
    failed: int
    gave_up: int


def sign(secret: str, body: bytes, timestamp: int) -> str:
    """The signature header value for `body` sent at `timestamp`."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def check_signature(secret: str, body: bytes, header: str, *, now: int, tolerance: int = TOLERANCE) -> bool:
    """What a receiver does: True when `header` signs `body` with `secret`, recently enough."""
    try:
        parts = dict(part.split("=", 1) for part in header.split(","))
        timestamp = int(parts["t"])
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(sign(secret, body, timestamp), header)


def backoff(attempts: int) -> timedelta:
    """The wait after the `attempts`-th failed attempt."""
    wait: timedelta = FIRST_RETRY * (2 ** max(attempts - 1, 0))
    return min(wait, LONGEST_WAIT)


def check_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or len(url) > 500:
        raise InvalidInputError(
            f"not a usable webhook URL: {url[:80]!r}", hint="use an http(s) URL up to 500 characters"
        )
    return url


def register_endpoint(
    *,
    webhooks: WebhookStore,
    audit: AuditLog,
    actor_id: str,
    url: str,
    description: str = "",
    now: datetime | None = None,
) -> Endpoint:
    """Add an endpoint that will receive every later decision and appeal event."""
    endpoint = webhooks.add_endpoint(
        url=check_url(url), description=description.strip()[:200], now=now or utcnow()
    )
    audit.record(AuditEvent("webhook.registered", actor_id, f"webhook:{endpoint.id}", {"url": endpoint.url}))
    return endpoint


def http_sender(timeout: float = 5.0) -> Sender:
    """A sender over httpx (no redirects followed)."""

    def send(url: str, body: bytes, headers: Mapping[str, str]) -> int:
        return httpx.post(
            url, content=body, headers=dict(headers), timeout=timeout, follow_redirects=False
        ).status_code

    return send


def _attempt(delivery: Delivery, secret: str, send: Sender, now: datetime) -> str | None:
    body = json.dumps(delivery.payload, sort_keys=True, separators=(",", ":")).encode()
    headers = {
        "Content-Type": "application/json",
        "X-Hifazat-Event": str(delivery.payload.get("event", "")),
        "X-Hifazat-Delivery": delivery.event_key,
        SIGNATURE_HEADER: sign(secret, body, int(now.timestamp())),
    }
    try:
        status = send(delivery.url, body, headers)
    except (httpx.HTTPError, OSError) as exc:
        return f"{type(exc).__name__}: {exc}"
    return None if 200 <= status < 300 else f"HTTP {status}"


def deliver_due(
    *, db: Database, secret: str, send: Sender | None = None, now: datetime | None = None, limit: int = 50
) -> DeliveryRound:
    """Send every delivery that is due; record successes, and schedule retries with back-off."""
    now = now or utcnow()
    sender = send or http_sender()
    with db.write() as stores:
        due = stores.webhooks.take_due(now, hold=SENDING_HOLD, limit=limit)
    results = [(delivery, _attempt(delivery, secret, sender, now)) for delivery in due]
    sent = failed = gave_up = 0
    with db.write() as stores:
        for delivery, error in results:
            if error is None:
                stores.webhooks.delivered(delivery.id, now)
                sent += 1
                continue
            attempts = delivery.attempts + 1
            retry_at = None if attempts >= MAX_ATTEMPTS else now + backoff(attempts)
            stores.webhooks.failed(delivery.id, error=error, retry_at=retry_at)
            failed += 1
            gave_up += retry_at is None
    return DeliveryRound(sent, failed, gave_up)
