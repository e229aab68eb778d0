"""`submit_many`: posts stored at once, whatever their verdict asks for, and left exactly as `submit_content`
leaves them (item, verdict, review task, proactive report, decision, strike, notification, webhook
delivery, audit events), refused exactly when posting them one by one would refuse them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

import pytest
from flow import remove

from builders import T0, account, post, verdict
from hifazat.core.decide.verdict import Verdict
from hifazat.core.errors import (
    ConflictError,
    HifazatError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from hifazat.core.guidelines import Catalogue
from hifazat.services.audit import verify_chain
from hifazat.services.bulk_posting import NewContent, submit_many
from hifazat.services.content import Submission, submit_content
from hifazat.storage.unit import Database

_IDS = {"id", "content_id", "task_id", "decision_id", "endpoint_id"}


def _plain(value: Any) -> dict[str, Any]:
    """A stored object without the ids that differ between two items."""
    return {k: v for k, v in asdict(value).items() if k not in _IDS}


def _stored(db: Database, content_id: str) -> dict[str, Any]:
    """What is stored for an item and everything that followed it."""
    with db.read() as stores:
        item = stores.content.get(content_id)
        task = stores.tasks.open_for(content_id)
        reports = [] if task is None else stores.reports.for_task(task.id)
        decisions = stores.decisions.for_content(content_id)
        subjects = {f"content:{content_id}"} | {f"decision:{d.id}" for d in decisions}
        events = [
            (e.event, e.actor, {k: v for k, v in e.data.items() if k not in ("content", "task", "decision")})
            for e in stores.audit.scan()
            if e.data.get("content") == content_id
            or e.subject in subjects
            or (e.event == "strike.issued" and e.data.get("decision") in {d.id for d in decisions})
        ]
        strikes = [s for d in decisions if (s := stores.strikes.for_decision(d.id)) is not None]
        keys = {f"decision.made:{d.id}" for d in decisions}
        deliveries = [d for d in stores.webhooks.deliveries() if d.event_key in keys]
        notices = [
            n
            for n in stores.notifications.for_account(item.author_id)
            if n.subject in {f"decision:{d.id}" for d in decisions}
        ]
        verdicts = stores.content.verdicts(content_id)
    return {
        "item": {k: v for k, v in asdict(item).items() if k != "id"},
        "task": None if task is None else _plain(task),
        "reports": [_plain(r) for r in reports],
        "decisions": [_plain(d) for d in decisions],
        "strikes": [_plain(s) for s in strikes],
        "notifications": [{k: v for k, v in _plain(n).items() if k != "subject"} for n in notices],
        "deliveries": [
            {k: v for k, v in _plain(d).items() if k not in ("event_key", "payload")}
            | {"payload": {**d.payload, "decision": {**d.payload["decision"], "id": 0, "content_id": ""}}}
            for d in deliveries
        ],
        "verdicts": [v.payload for v in verdicts],
        "events": events,
    }


@pytest.mark.parametrize(
    "made",
    [
        verdict("review", "safety.harassment", 0.6),  # the verdict itself asks for review
        verdict("review", "safety.threats", 0.55, language="ur"),  # tier-1 policy, Urdu queue
        verdict("remove", "regulated.scams", 0.95),  # removed, with a strike
        verdict("remove", "youth.csea", 0.99),  # removed, a zero-tolerance strike: banned at once
        verdict("restrict", "mature.nudity", 0.85),  # restricted to adults, no strike
        verdict("label", "safety.profanity", 0.9),  # labelled
        verdict("label", "regulated.scams", 0.9),  # the policy has no label: stored, nothing done
        verdict(),  # nothing to do
    ],
)
def test_a_batch_leaves_what_posting_one_by_one_leaves(
    db: Database, catalogue: Catalogue, made: Verdict
) -> None:
    with db.write() as stores:
        stores.webhooks.add_endpoint(url="https://hooks.example.org/a", description="a", now=T0)
    account(db, "writer", language="ur", followers=1200)
    twin = account(db, "twin", language="ur", followers=1200)  # the same history, posting one by one
    one = post(db, catalogue, twin, "alone", text="the same words", made=made)
    with db.write() as stores:
        (batched,) = submit_many(
            stores=stores,
            catalogue=catalogue,
            posts=[NewContent("writer", "comment", "the same words", made, "batched")],
            now=T0,
        )
    assert isinstance(batched, Submission)
    assert (batched.report is None) == (one.report is None)
    assert (batched.decision is None) == (one.decision is None)
    if batched.report is not None and one.report is not None:
        assert batched.report.task.priority == one.report.task.priority > 0
    if batched.decision is not None and one.decision is not None:
        assert (batched.decision.strike is None) == (one.decision.strike is None)
        assert batched.decision.standing == one.decision.standing
        assert batched.decision.notified == one.decision.notified == 1
        assert batched.decision.webhooks == one.decision.webhooks == 1
    assert batched.item.status == one.item.status
    alone, together = _stored(db, "alone"), _stored(db, "batched")
    alone["item"]["author_id"] = together["item"]["author_id"]
    for stored in (alone, together):
        for strike in stored["strikes"]:
            strike["account_id"] = "author"
        for notice in stored["notifications"]:
            notice["account_id"] = "author"
        for decision in stored["decisions"]:
            decision["author_id"] = "author"
        stored["events"] = [
            (event, "author" if actor in ("writer", "twin") else actor, data)
            for event, actor, data in stored["events"]
        ]
    assert together == alone
    with db.read() as stores:
        assert verify_chain(audit=stores.audit).ok


def _one_by_one(db: Database, catalogue: Catalogue, posts: Sequence[NewContent]) -> list[type]:
    """What posting each one in a transaction of its own gives: the submission or the error's type."""
    kinds: list[type] = []
    for new in posts:
        try:
            with db.write() as stores:
                author = stores.accounts.get(new.author_id)
                submit_content(
                    stores=stores,
                    catalogue=catalogue,
                    author=author,
                    kind=new.kind,
                    text=new.text,
                    verdict=new.verdict,
                    content_id=new.content_id,
                    now=T0,
                )
            kinds.append(Submission)
        except HifazatError as error:
            kinds.append(type(error))
    return kinds


def test_a_strike_in_the_batch_counts_for_the_authors_later_posts(db: Database, catalogue: Catalogue) -> None:
    for handle in ("early", "late"):
        account(db, handle)
    scam = verdict("remove", "regulated.scams", 0.95)

    def posts(who: str) -> list[NewContent]:
        return [
            NewContent(who, "comment", "before", verdict(), f"{who}-1"),  # stored
            NewContent(who, "comment", "scam", scam, f"{who}-2"),  # removed, first strike
            NewContent(who, "comment", "scam again", scam, f"{who}-3"),  # removed, commenting restricted
            NewContent(who, "comment", "hello", verdict(), f"{who}-4"),  # refused: may not comment
            NewContent(who, "video", "scam video", scam, f"{who}-5"),  # removed, third strike: banned
            NewContent(who, "video", "a video", verdict(), f"{who}-6"),  # refused: banned
        ]

    expected = _one_by_one(db, catalogue, posts("early"))
    with db.write() as stores:
        results = submit_many(stores=stores, catalogue=catalogue, posts=posts("late"), now=T0)
    assert [type(r) for r in results] == expected
    assert expected == [Submission, Submission, Submission, PermissionDeniedError, Submission,
                        PermissionDeniedError]  # fmt: skip
    with db.read() as stores:
        early, late = stores.strikes.for_account("early"), stores.strikes.for_account("late")
        assert [(s.policy, s.track, s.weight) for s in late] == [(s.policy, s.track, s.weight) for s in early]
        assert len(late) == 3
        assert stores.content.taken(["late-4", "late-6"]) == set()
        assert verify_chain(audit=stores.audit).ok
    standing = [r.decision.standing.level for r in results if isinstance(r, Submission) and r.decision]
    assert standing[-1] == "banned"


def test_good_posts_are_stored_and_bad_ones_refused_one_by_one(db: Database, catalogue: Catalogue) -> None:
    account(db, "writer", language="ur")
    banned = account(db, "banned")
    post(db, catalogue, banned, "old", text="an old post")
    remove(db, catalogue, account(db, "mod", role="moderator"), account(db, "reporter"), "old", "youth.csea")
    flagged = verdict("review", "safety.harassment", 0.6)
    posts = [
        NewContent("writer", "comment", "پہلا تبصرہ", verdict(language="ur"), "q-1"),  # stored
        NewContent("writer", "comment", "second", verdict(), None),  # stored, id made up
        NewContent("ghost", "comment", "who am I", verdict(), None),  # unknown author
        NewContent("banned", "comment", "I am back", verdict(), None),  # banned (tier-1 strike)
        NewContent("writer", "comment", "again", verdict(), "old"),  # id already used
        NewContent("writer", "comment", "twice", verdict(), "q-1"),  # id used earlier in this batch
        NewContent("writer", "podcast", "what", verdict(), None),  # unknown kind
        NewContent("writer", "comment", "bad id", verdict(), "no spaces please"),  # malformed id
        NewContent("writer", "comment", "unknown", verdict("review", "safety.nope", 0.6), None),  # policy
        NewContent("writer", "comment", "odd", verdict("review", "safety.harassment", 1.5), None),  # score
        NewContent("writer", "comment", "first", flagged, "r-1"),  # queued
        NewContent("writer", "comment", "scam", verdict("remove", "regulated.scams", 0.95), "d-1"),  # removed
        NewContent("writer", "comment", "again", flagged, None),  # queued, id made up
    ]
    with db.write() as stores:
        results = submit_many(stores=stores, catalogue=catalogue, posts=posts, now=T0)
    kinds = [type(r) for r in results]
    assert kinds == [Submission, Submission, NotFoundError, PermissionDeniedError, ConflictError,
                     ConflictError, InvalidInputError, InvalidInputError, InvalidInputError,
                     InvalidInputError, Submission, Submission, Submission]  # fmt: skip
    first, second = results[0], results[1]
    assert isinstance(first, Submission) and isinstance(second, Submission)
    assert first.item.queue == "ur" and first.verdict.content_id == "q-1"
    assert second.item.id.startswith("c_") and second.verdict.id != first.verdict.id
    queued, removed, again = results[10], results[11], results[12]
    assert isinstance(queued, Submission) and isinstance(again, Submission)
    assert queued.report is not None and again.report is not None
    assert queued.report.task.id != again.report.task.id
    assert queued.report.report.task_id == queued.report.task.id
    assert isinstance(removed, Submission) and removed.decision is not None
    assert removed.item.status == "removed" and removed.decision.strike is not None
    with db.read() as stores:
        assert stores.content.get("q-1").text == "پہلا تبصرہ"
        assert [v.id for v in stores.content.verdicts(second.item.id)] == [second.verdict.id]
        assert stores.content.get("old").author_id == "banned"
        assert stores.content.get("d-1").status == "removed"
        assert [s.decision_id for s in stores.strikes.for_account("writer")] == [removed.decision.decision.id]
        task = stores.tasks.open_for(again.item.id)
        assert task is not None and task.report_count == 1
        assert [r.id for r in stores.reports.for_task(task.id)] == [again.report.report.id]
        assert stores.tasks.open_for("q-1") is None
        assert verify_chain(audit=stores.audit).ok
