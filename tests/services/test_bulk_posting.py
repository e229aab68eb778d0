"""`submit_many`: posts whose verdict asks for nothing or for review, stored at once and left exactly as
`submit_content` leaves them (item, verdict, review task, proactive report, audit events)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

import pytest

from builders import T0, account, post, verdict
from hifazat.core.decide.verdict import Verdict
from hifazat.core.errors import ConflictError, InvalidInputError, NotFoundError
from hifazat.core.guidelines import Catalogue
from hifazat.services.audit import verify_chain
from hifazat.services.content import NewContent, Submission, submit_many
from hifazat.storage.unit import Database


def _stored(db: Database, content_id: str) -> dict[str, Any]:
    """What is stored for an item, without the ids that differ between two items."""
    with db.read() as stores:
        item = stores.content.get(content_id)
        task = stores.tasks.open_for(content_id)
        assert task is not None
        reports = stores.reports.for_task(task.id)
        events = [
            (e.event, e.actor, {k: v for k, v in e.data.items() if k not in ("content", "task")})
            for e in stores.audit.scan()
            if e.data.get("content") == content_id
        ]
        verdicts = stores.content.verdicts(content_id)
    drop_item = {"id"}
    drop_task = {"id", "content_id"}
    drop_report = {"id", "content_id", "task_id"}
    return {
        "item": {k: v for k, v in asdict(item).items() if k not in drop_item},
        "task": {k: v for k, v in asdict(task).items() if k not in drop_task},
        "reports": [{k: v for k, v in asdict(r).items() if k not in drop_report} for r in reports],
        "verdicts": [v.payload for v in verdicts],
        "events": events,
    }


@pytest.mark.parametrize(
    "made",
    [
        verdict("review", "safety.harassment", 0.6),  # the verdict itself asks for review
        verdict("review", "safety.threats", 0.55, language="ur"),  # tier-1 policy, Urdu queue
    ],
)
def test_a_batch_leaves_what_posting_one_by_one_leaves(
    db: Database, catalogue: Catalogue, made: Verdict
) -> None:
    author = account(db, "writer", followers=1200)
    one = post(db, catalogue, author, "alone", text="the same words", made=made)
    with db.write() as stores:
        (batched,) = submit_many(
            stores=stores,
            catalogue=catalogue,
            posts=[NewContent("writer", "comment", "the same words", made, "batched")],
            now=T0,
        )
    assert isinstance(batched, Submission) and batched.report is not None and one.report is not None
    assert batched.report.task.priority == one.report.task.priority > 0
    assert _stored(db, "batched") == _stored(db, "alone")
    with db.read() as stores:
        assert verify_chain(audit=stores.audit).ok


def test_good_posts_are_queued_and_bad_ones_refused_one_by_one(db: Database, catalogue: Catalogue) -> None:
    account(db, "writer")
    post(db, catalogue, account(db, "other"), "taken")
    flagged = verdict("review", "safety.harassment", 0.6)
    posts = [
        NewContent("writer", "comment", "first", flagged, "r-1"),  # queued
        NewContent("ghost", "comment", "who am I", flagged, None),  # unknown author
        NewContent("writer", "comment", "again", flagged, "taken"),  # id already used
        NewContent(
            "writer", "comment", "scam", verdict("remove", "regulated.scams", 0.95), None
        ),  # a decision
        NewContent("writer", "comment", "quiet", verdict(), "q-1"),  # stored, nothing to review
        NewContent("writer", "comment", "second", flagged, None),  # queued, id made up
    ]
    with db.write() as stores:
        results = submit_many(stores=stores, catalogue=catalogue, posts=posts, now=T0)
    kinds = [type(r) for r in results]
    assert kinds == [Submission, NotFoundError, ConflictError, InvalidInputError, Submission, Submission]
    first, quiet, second = results[0], results[4], results[5]
    assert isinstance(quiet, Submission) and quiet.report is None and quiet.decision is None
    assert isinstance(first, Submission) and isinstance(second, Submission)
    assert first.report is not None and second.report is not None
    assert first.report.task.id != second.report.task.id
    assert first.report.report.task_id == first.report.task.id
    with db.read() as stores:
        assert stores.content.get("taken").author_id == "other"
        task = stores.tasks.open_for(second.item.id)
        assert task is not None and task.report_count == 1
        assert [r.id for r in stores.reports.for_task(task.id)] == [second.report.report.id]
        assert stores.tasks.open_for("q-1") is None and stores.content.get("q-1").text == "quiet"
