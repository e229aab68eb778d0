"""Appeals: one per decision, in the window, by the author, reviewed by someone else; overturning
restores the content and removes the strike."""

from __future__ import annotations

from datetime import timedelta

import pytest
from flow import remove

from builders import T0, account, post
from hifazat.core.enforcement.lifecycle import APPEAL_WINDOW
from hifazat.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.services.appeals import AppealResult, file_appeal, resolve_appeal
from hifazat.services.standing import account_standing
from hifazat.storage.accounts import Account
from hifazat.storage.appeals import Appeal
from hifazat.storage.unit import Database


@pytest.fixture
def world(db: Database, catalogue: Catalogue) -> dict[str, Account]:
    people = {
        "author": account(db, "author", language="ur"),
        "ali": account(db, "ali"),
        "mod": account(db, "mod", "moderator"),
        "mod2": account(db, "mod2", "moderator"),
    }
    post(db, catalogue, people["author"], "c1")
    return people


def appeal(db: Database, catalogue: Catalogue, who: Account, decision_id: int, now: object = T0) -> Appeal:
    with db.write() as stores:
        return file_appeal(stores=stores, catalogue=catalogue, appellant=who, decision_id=decision_id,
                           reason="یہ مذاق تھا، کسی کو تنگ کرنا مقصد نہیں تھا", now=now)  # type: ignore[arg-type]  # fmt: skip


def resolve(db: Database, catalogue: Catalogue, who: Account, appeal_id: int, outcome: str) -> AppealResult:
    with db.write() as stores:
        return resolve_appeal(
            stores=stores,
            catalogue=catalogue,
            reviewer=who,
            appeal_id=appeal_id,
            outcome=outcome,
            rationale="context shows a joke between friends",
            now=T0 + timedelta(hours=2),
        )


def test_overturn_restores_content_and_removes_the_strike(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    decision = remove(db, catalogue, world["mod"], world["ali"], "c1", "safety.harassment").decision
    filed = appeal(db, catalogue, world["author"], decision.id)
    with pytest.raises(PermissionDeniedError, match="another moderator"):
        resolve(db, catalogue, world["mod"], filed.id, "overturned")
    result = resolve(db, catalogue, world["mod2"], filed.id, "overturned")
    assert result.restored and result.strike_removed
    assert (result.appeal.state, result.decision.state) == ("overturned", "overturned")
    with db.read() as stores:
        assert stores.content.get("c1").status == "visible"
        _, status = account_standing(
            accounts=stores.accounts,
            strikes=stores.strikes,
            viewer=world["author"],
            account_id="author",
            staff=False,
            now=T0 + timedelta(hours=3),
        )
        inbox = stores.notifications.for_account("author")
        events = [e.event for e in stores.audit.entries()]
    assert status.level == "good" and status.active == ()
    assert inbox[0].title == "آپ کی اپیل منظور ہو گئی ہے" and "اسٹرائیک ہٹا دی گئی" in inbox[0].body
    assert inbox[1].title == "آپ کی اپیل موصول ہو گئی ہے"
    assert {"appeal.filed", "appeal.overturned", "content.restored", "strike.removed"} <= set(events)


def test_upheld_keeps_everything(db: Database, catalogue: Catalogue, world: dict[str, Account]) -> None:
    decision = remove(db, catalogue, world["mod"], world["ali"], "c1", "safety.harassment").decision
    filed = appeal(db, catalogue, world["author"], decision.id)
    result = resolve(db, catalogue, world["mod2"], filed.id, "upheld")
    assert not result.restored and not result.strike_removed and result.decision.state == "upheld"
    with pytest.raises(ConflictError, match="already been resolved"):
        resolve(db, catalogue, world["mod2"], filed.id, "overturned")


def test_one_appeal_per_decision_by_its_author_in_the_window(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    decision = remove(db, catalogue, world["mod"], world["ali"], "c1", "safety.harassment").decision
    with pytest.raises(PermissionDeniedError, match="only the author"):
        appeal(db, catalogue, world["ali"], decision.id)
    with pytest.raises(ConflictError, match="appeal window closed"):
        appeal(db, catalogue, world["author"], decision.id, now=T0 + APPEAL_WINDOW + timedelta(minutes=1))
    appeal(db, catalogue, world["author"], decision.id)
    with pytest.raises(ConflictError):
        appeal(db, catalogue, world["author"], decision.id)
    with db.read() as stores:
        assert len(stores.appeals.by_appellant("author")) == 1


def test_an_empty_reason_or_outcome_is_refused(
    db: Database, catalogue: Catalogue, world: dict[str, Account]
) -> None:
    decision = remove(db, catalogue, world["mod"], world["ali"], "c1", "safety.harassment").decision
    with pytest.raises(InvalidInputError, match="reason"), db.write() as stores:
        file_appeal(
            stores=stores, catalogue=catalogue, appellant=world["author"], decision_id=decision.id, reason=" "
        )
    filed = appeal(db, catalogue, world["author"], decision.id)
    with pytest.raises(InvalidInputError, match="appeal outcome"):
        resolve(db, catalogue, world["mod2"], filed.id, "maybe")
