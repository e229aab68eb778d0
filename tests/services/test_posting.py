"""Posting content: the engine's verdict decides at once, sends to review, or lets it be; restricted and
banned accounts cannot post where they are restricted."""

from __future__ import annotations

import pytest
from flow import remove

from builders import T0, account, post, verdict
from hifazat.core.errors import InvalidInputError, PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database


@pytest.fixture
def author(db: Database) -> Account:
    return account(db, "author", language="ur")


@pytest.mark.parametrize(
    ("made", "status", "automated", "queued"),
    [
        (verdict(), "visible", None, False),  # allowed: stored, nothing else
        (
            verdict("remove", "regulated.scams", 0.97),
            "removed",
            "remove",
            False,
        ),  # removed at once, proactively
        (
            verdict("restrict", "mature.nudity", 0.9),
            "restricted_adults",
            "restrict_adults",
            False,
        ),  # adults only
        (verdict("label", "integrity.misinformation", 0.7), "labelled", "label", False),  # labelled
        (verdict("review", "safety.harassment", 0.55), "visible", None, True),  # unsure: a person decides
    ],
)
def test_the_verdict_drives_what_happens(
    db: Database,
    catalogue: Catalogue,
    author: Account,
    made: object,
    status: str,
    automated: str | None,
    queued: bool,
) -> None:
    submission = post(db, catalogue, author, "c1", made=made)  # type: ignore[arg-type]
    assert submission.item.status == status
    assert (submission.decision.decision.outcome if submission.decision else None) == automated
    assert (submission.report is not None) == queued
    with db.read() as stores:
        task = stores.tasks.open_for("c1")
        decisions = stores.decisions.for_content("c1")
    assert (task is not None) == queued
    assert all(d.automated and d.proactive and d.moderator_id == "system" for d in decisions)
    if queued:
        assert submission.report is not None and submission.report.report.source == "proactive"
        assert task is not None and task.top_score == 0.55


def test_automatic_removal_strikes_and_tells_the_author(
    db: Database, catalogue: Catalogue, author: Account
) -> None:
    submission = post(db, catalogue, author, "c1", made=verdict("remove", "regulated.scams", 0.97))
    assert submission.decision is not None and submission.decision.strike is not None
    with db.read() as stores:
        assert "ہٹا دیا گیا" in stores.notifications.for_account("author")[0].body


def test_restricted_and_banned_accounts_cannot_post_there(
    db: Database, catalogue: Catalogue, author: Account
) -> None:
    mod, ali = account(db, "mod", "moderator"), account(db, "ali")
    for n in (1, 2):
        post(db, catalogue, author, f"c{n}")
        remove(db, catalogue, mod, ali, f"c{n}", "integrity.spam")
    with pytest.raises(PermissionDeniedError, match="commenting is restricted"):
        post(db, catalogue, author, "c3")
    post(db, catalogue, author, "v1", kind="video")  # other features still work
    remove(db, catalogue, mod, ali, "v1", "youth.csea")
    with pytest.raises(PermissionDeniedError, match="banned"):
        post(db, catalogue, author, "v2", kind="video")


@pytest.mark.parametrize(
    ("content_id", "kind", "message"),
    [
        ("has space", "comment", "content id"),  # ids are URL-safe
        ("c1", "tweet", "unknown content kind"),  # not a kind we host
    ],
)
def test_bad_submissions(
    db: Database, catalogue: Catalogue, author: Account, content_id: str, kind: str, message: str
) -> None:
    with pytest.raises(InvalidInputError, match=message):
        post(db, catalogue, author, content_id, kind=kind)
    with db.read() as stores:
        assert stores.content.by_author("author") == []


def test_times_are_kept_in_utc(db: Database, catalogue: Catalogue, author: Account) -> None:
    assert post(db, catalogue, author, "c1").item.created_at == T0
