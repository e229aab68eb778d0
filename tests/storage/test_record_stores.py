"""Contracts of the smaller stores: content, strikes, appeals, idempotency keys and the webhook outbox."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from builders import T0, account, post, verdict
from hifazat.core.errors import ConflictError, NotFoundError
from hifazat.core.guidelines import Catalogue
from hifazat.storage.content import ContentItem
from hifazat.storage.unit import Database


def test_content_ids_are_unique_and_verdicts_kept(db: Database, catalogue: Catalogue) -> None:
    author = account(db, "author")
    post(db, catalogue, author, "c1", made=verdict("label", "safety.profanity", 0.6))
    with pytest.raises(ConflictError):
        post(db, catalogue, author, "c1")
    with db.read() as stores:
        item = stores.content.get("c1")
        history = stores.content.verdicts("c1")
        assert stores.content.find("nope") is None
        with pytest.raises(NotFoundError):
            stores.content.get("nope")
    assert item.created_at == T0 and item.created_at.tzinfo is not None
    assert [v.action for v in history] == ["label"]
    assert history[0].payload["policies"] == ["safety.profanity"]


def test_many_items_get_their_own_verdict_ids(db: Database, catalogue: Catalogue) -> None:
    author = account(db, "author")
    post(db, catalogue, author, "c0", made=verdict("label", "safety.profanity", 0.6))  # an older verdict
    items = [
        ContentItem(f"m{i}", author.id, "comment", f"text {i}", "en", "en", "visible", 0, T0, None)
        for i in (3, 1, 2)  # not in id order
    ]
    made = [verdict(), verdict("review", "safety.harassment", 0.7), verdict("label", "safety.profanity", 0.6)]
    with db.write() as stores:
        stored = stores.content.add_many(items, made)
    assert [s.content_id for s in stored] == ["m3", "m1", "m2"]
    assert [s.action for s in stored] == ["allow", "review", "label"]
    assert len({s.id for s in stored}) == 3
    with db.read() as stores:
        for one in stored:  # each id is the row stored for that item
            assert [(v.id, v.action) for v in stores.content.verdicts(one.content_id)] == [
                (one.id, one.action)
            ]
        assert stores.content.verdicts("c0")[0].id not in {s.id for s in stored}


def test_views_add_up(db: Database, catalogue: Catalogue) -> None:
    post(db, catalogue, account(db, "author"), "c1")
    with db.write() as stores:
        stores.content.add_views("c1", 3)
        assert stores.content.add_views("c1", 4) == 7


def _decision(db: Database, content_id: str) -> int:
    with db.write() as stores:
        made = stores.decisions.add(
            task_id=None,
            content_id=content_id,
            author_id="author",
            moderator_id="system",
            policy="integrity.spam",
            outcome="remove",
            rationale="",
            automated=True,
            proactive=True,
            views=0,
            now=T0,
        )
        assert made is not None
        return made.id


def test_one_strike_per_decision(db: Database, catalogue: Catalogue) -> None:
    post(db, catalogue, account(db, "author"), "c1")
    decision_id = _decision(db, "c1")
    for _ in range(3):  # retries
        with db.write() as stores:
            stores.strikes.add(
                decision_id=decision_id,
                account_id="author",
                policy="integrity.spam",
                track="comments",
                tier=3,
                weight=1,
                issued_at=T0,
                expires_at=T0 + timedelta(days=90),
            )
    with db.write() as stores:
        assert len(stores.strikes.for_account("author")) == 1
        assert stores.strikes.remove(decision_id, T0)
        assert not stores.strikes.remove(decision_id, T0)  # once
        assert stores.strikes.for_account("author")[0].removed_at == T0


def test_one_appeal_per_decision_resolved_once(db: Database, catalogue: Catalogue) -> None:
    post(db, catalogue, account(db, "author"), "c1")
    decision_id = _decision(db, "c1")
    with db.write() as stores:
        appeal = stores.appeals.add(decision_id=decision_id, appellant_id="author", reason="why", now=T0)
    with pytest.raises(ConflictError), db.write() as stores:
        stores.appeals.add(decision_id=decision_id, appellant_id="author", reason="again", now=T0)
    account(db, "mod", "moderator")
    with db.write() as stores:
        assert stores.appeals.resolve(appeal.id, reviewer_id="mod", outcome="upheld", rationale="ok", now=T0)
        assert not stores.appeals.resolve(
            appeal.id, reviewer_id="mod", outcome="overturned", rationale="x", now=T0
        )
        assert stores.appeals.get(appeal.id).state == "upheld"


def test_idempotency_keys_are_unique_per_actor(db: Database) -> None:
    with db.write() as stores:
        stores.idempotency.put(actor_id="a", key="k", fingerprint="f", status=201, body={"id": 1}, now=T0)
        stores.idempotency.put(actor_id="b", key="k", fingerprint="g", status=200, body=[], now=T0)
    with pytest.raises(IntegrityError), db.write() as stores:
        stores.idempotency.put(actor_id="a", key="k", fingerprint="f", status=201, body={}, now=T0)
    with db.read() as stores:
        found = stores.idempotency.find("a", "k")
    assert found is not None and (found.status, found.body) == (201, {"id": 1})


def test_webhook_outbox_queues_once_and_hides_what_is_being_sent(db: Database) -> None:
    with db.write() as stores:
        stores.webhooks.add_endpoint(url="http://127.0.0.1:9/hook", description="", now=T0)
        assert stores.webhooks.enqueue(event_key="decision.made:1", payload={"event": "x"}, now=T0) == 1
        assert stores.webhooks.enqueue(event_key="decision.made:1", payload={"event": "x"}, now=T0) == 0
    with db.write() as stores:
        taken = stores.webhooks.take_due(T0, hold=timedelta(minutes=2))
    assert [d.event_key for d in taken] == ["decision.made:1"]
    with db.write() as stores:
        assert stores.webhooks.take_due(T0 + timedelta(minutes=1), hold=timedelta(minutes=2)) == []
        stores.webhooks.delivered(taken[0].id, T0)
        assert stores.webhooks.take_due(T0 + timedelta(hours=1), hold=timedelta(minutes=2)) == []
