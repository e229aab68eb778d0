"""Deciding: effects carried out once, notices in the right language, reporters told, bad input refused."""

from __future__ import annotations

import pytest
from flow import claimed, decided, remove, reported

from builders import T0, account, post
from hifazat.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.services.standing import account_standing
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database


@pytest.fixture
def world(db: Database, catalogue: Catalogue) -> dict[str, Account]:
    people = {
        "author": account(db, "author", language="ur"),
        "ali": account(db, "ali", language="en"),
        "sana": account(db, "sana", language="ur"),
        "mod": account(db, "mod", "moderator"),
        "mod2": account(db, "mod2", "moderator"),
    }
    for i in range(1, 4):
        post(db, catalogue, people["author"], f"c{i}")
    return people


def test_removal_strikes_notifies_and_audits(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    reported(db, catalogue, world["sana"], "c1", "safety.harassment")
    result = remove(db, catalogue, world["mod"], world["ali"], "c1", "safety.harassment")
    assert result.decision.outcome == "remove" and not result.replayed
    assert result.strike is not None and result.strike.track == "comments"
    assert result.standing is not None and result.standing.level == "warning"
    assert result.notified == 3  # the author and both reporters
    with db.read() as stores:
        assert stores.content.get("c1").status == "removed"
        author_inbox = stores.notifications.for_account("author")
        ali_inbox = stores.notifications.for_account("ali")
        sana_inbox = stores.notifications.for_account("sana")
        events = [e.event for e in stores.audit.entries()]
        deliveries = stores.webhooks.deliveries()
    assert author_inbox[0].language == "ur" and author_inbox[0].title == "آپ کے تبصرے کو ہٹا دیا گیا ہے"
    assert "ہراسانی اور دھونس" in author_inbox[0].body and "اپیل" in author_inbox[0].body
    assert ali_inbox[0].language == "en" and "took action" in ali_inbox[0].body
    assert sana_inbox[0].language == "ur" and "کارروائی" in sana_inbox[0].body
    for private in ("strike", "author", "اسٹرائیک"):  # reporters learn nothing about the account
        assert private not in ali_inbox[0].body + sana_inbox[0].body
    assert {"decision.made", "strike.issued", "content.actioned", "notification.queued"} <= set(events)
    assert deliveries == []  # no endpoint registered: nothing queued


def test_a_retried_decision_never_doubles_a_strike(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    first = remove(db, catalogue, world["mod"], world["ali"], "c1", "safety.harassment")
    retry = decided(db, catalogue, world["mod"], first.decision.task_id or 0, "safety.harassment", "remove")
    assert retry.replayed and retry.decision.id == first.decision.id
    with db.read() as stores:
        assert len(stores.strikes.for_account("author")) == 1
        assert len(stores.notifications.for_account("author")) == 1
    # the same task decided differently is a conflict, not a second decision
    with pytest.raises(ConflictError, match="already been decided"):
        decided(db, catalogue, world["mod"], first.decision.task_id or 0, "safety.hate", "remove")


def test_no_violation_tells_the_reporter_and_leaves_the_item(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    reported(db, catalogue, world["ali"], "c1", "safety.hate")
    task = claimed(db, world["mod"])
    result = decided(db, catalogue, world["mod"], task.id, "safety.hate", "no_violation")
    assert result.strike is None and result.notified == 1
    with db.read() as stores:
        assert stores.content.get("c1").status == "visible"
        assert stores.notifications.for_account("author") == []
        assert "doesn't break" in stores.notifications.for_account("ali")[0].body


def test_restricting_to_adults_gives_no_strike(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    reported(db, catalogue, world["ali"], "c1", "mature.nudity")
    task = claimed(db, world["mod"])
    result = decided(db, catalogue, world["mod"], task.id, "mature.nudity", "restrict_adults")
    assert result.strike is None
    with db.read() as stores:
        assert stores.content.get("c1").status == "restricted_adults"


@pytest.mark.parametrize(
    ("policy", "outcome", "error", "message"),
    [
        ("safety.harrasment", "remove", InvalidInputError, "unknown policy"),  # misspelt policy
        ("safety.harassment", "delete", InvalidInputError, "unknown outcome"),  # not an outcome
        (
            "safety.threats",
            "label",
            InvalidInputError,
            "does not allow",
        ),  # threats are removed, never labelled
    ],
)
def test_bad_decisions_store_nothing(
    db: Database,
    catalogue: Catalogue,
    world: dict[str, Account],
    policy: str,
    outcome: str,
    error: type[Exception],
    message: str,
) -> None:
    reported(db, catalogue, world["ali"], "c1", "safety.harassment")
    task = claimed(db, world["mod"])
    with pytest.raises(error, match=message):
        decided(db, catalogue, world["mod"], task.id, policy, outcome)
    with db.read() as stores:
        assert stores.decisions.for_content("c1") == [] and stores.tasks.get(task.id).state == "claimed"


def test_a_task_one_does_not_hold_cannot_be_decided(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    reported(db, catalogue, world["ali"], "c1", "safety.harassment")
    task = claimed(db, world["mod"])
    with pytest.raises(PermissionDeniedError, match="do not hold"):
        decided(db, catalogue, world["mod2"], task.id, "safety.harassment", "remove")


def test_repeated_comment_strikes_restrict_commenting(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    remove(db, catalogue, world["mod"], world["ali"], "c1", "safety.harassment")
    second = remove(db, catalogue, world["mod"], world["ali"], "c2", "integrity.spam")
    assert second.standing is not None and second.standing.level == "restricted"
    with db.read() as stores:
        _, status = account_standing(
            accounts=stores.accounts,
            strikes=stores.strikes,
            viewer=world["author"],
            account_id="author",
            staff=False,
            now=T0,
        )
        notice = stores.notifications.for_account("author")[0]
    assert [r.feature for r in status.restrictions] == ["commenting"]
    assert "تبصرے نہیں کر سکتے" in notice.body


def test_tier_one_bans_at_once(db: Database, catalogue: Catalogue, world: dict[str, Account]) -> None:
    result = remove(db, catalogue, world["mod"], world["ali"], "c1", "safety.threats")
    assert result.standing is not None and result.standing.ban is not None
    with db.read() as stores:
        assert "مستقل طور پر بند" in stores.notifications.for_account("author")[0].body
