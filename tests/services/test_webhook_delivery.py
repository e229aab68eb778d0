"""Signed webhooks delivered to a loopback receiver, retried with back-off when it fails."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from flow import remove

from builders import T0, account, post
from hifazat.core.errors import InvalidInputError
from hifazat.core.guidelines import Catalogue
from hifazat.services.webhooks import (
    MAX_ATTEMPTS,
    backoff,
    check_signature,
    check_url,
    deliver_due,
    register_endpoint,
    sign,
)
from hifazat.storage.unit import Database

SECRET = "test-secret-that-is-long-enough-to-sign-with"


class Receiver:
    """A loopback HTTP server that records requests and answers with `status`."""

    def __init__(self) -> None:
        self.status = 200
        self.received: list[tuple[dict[str, str], bytes]] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                outer.received.append(({k: v for k, v in self.headers.items()}, body))
                self.send_response(outer.status)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made = Receiver()
    yield made
    made.server.shutdown()


def test_decisions_are_delivered_signed(db: Database, catalogue: Catalogue, receiver: Receiver) -> None:
    author, ali, mod = account(db, "author"), account(db, "ali"), account(db, "mod", "moderator")
    with db.write() as stores:
        register_endpoint(
            webhooks=stores.webhooks, audit=stores.audit, actor_id="admin", url=receiver.url, now=T0
        )
    post(db, catalogue, author, "c1")
    decision = remove(db, catalogue, mod, ali, "c1", "safety.harassment").decision
    done = deliver_due(db=db, secret=SECRET, now=T0)
    assert (done.sent, done.failed) == (1, 0)
    headers, body = receiver.received[0]
    assert check_signature(SECRET, body, headers["X-Hifazat-Signature"], now=int(T0.timestamp()))
    assert not check_signature(
        "another-secret", body, headers["X-Hifazat-Signature"], now=int(T0.timestamp())
    )
    payload = json.loads(body)
    assert payload["decision"]["id"] == decision.id and payload["decision"]["outcome"] == "remove"
    assert headers["X-Hifazat-Delivery"] == f"decision.made:{decision.id}"
    assert deliver_due(db=db, secret=SECRET, now=T0 + timedelta(hours=1)).sent == 0  # delivered once


def test_failures_back_off_then_give_up(db: Database, catalogue: Catalogue, receiver: Receiver) -> None:
    receiver.status = 503
    author, ali, mod = account(db, "author"), account(db, "ali"), account(db, "mod", "moderator")
    with db.write() as stores:
        register_endpoint(
            webhooks=stores.webhooks, audit=stores.audit, actor_id="admin", url=receiver.url, now=T0
        )
    post(db, catalogue, author, "c1")
    remove(db, catalogue, mod, ali, "c1", "safety.harassment")
    moment = T0
    for attempt in range(1, MAX_ATTEMPTS + 1):
        done = deliver_due(db=db, secret=SECRET, now=moment)
        assert done.failed == 1
        assert done.gave_up == (1 if attempt == MAX_ATTEMPTS else 0)
        assert (
            deliver_due(db=db, secret=SECRET, now=moment + backoff(attempt) - timedelta(seconds=1)).failed
            == 0
        )
        moment += backoff(attempt)
    with db.read() as stores:
        (delivery,) = stores.webhooks.deliveries()
    assert (
        delivery.attempts == MAX_ATTEMPTS
        and delivery.next_attempt_at is None
        and delivery.last_error == "HTTP 503"
    )
    assert len(receiver.received) == MAX_ATTEMPTS


def test_a_dead_endpoint_is_retried(db: Database, catalogue: Catalogue) -> None:
    with db.write() as stores:
        register_endpoint(
            webhooks=stores.webhooks,
            audit=stores.audit,
            actor_id="admin",
            url="http://127.0.0.1:9/nothing-listens",
            now=T0,
        )
        stores.webhooks.enqueue(event_key="decision.made:1", payload={"event": "decision.made"}, now=T0)
    done = deliver_due(db=db, secret=SECRET, now=T0)
    assert done.failed == 1
    with db.read() as stores:
        (delivery,) = stores.webhooks.deliveries()
    assert delivery.next_attempt_at == T0 + backoff(1) and "Connect" in delivery.last_error


def test_signatures_expire_and_urls_are_checked() -> None:
    stamp = int(time.time())
    header = sign(SECRET, b"{}", stamp)
    assert check_signature(SECRET, b"{}", header, now=stamp + 10)
    assert not check_signature(SECRET, b"{}", header, now=stamp + 3600)  # replayed an hour later
    assert not check_signature(SECRET, b"{}", "garbage", now=stamp)
    assert backoff(1) == timedelta(seconds=30) and backoff(20) == timedelta(hours=1)
    with pytest.raises(InvalidInputError):
        check_url("ftp://example.org/hook")
