"""Filing reports: merged into one task per item, mass reports bounded, legal deadlines, bad input."""

from __future__ import annotations

from datetime import timedelta

import pytest

from builders import T0, account, post
from hifazat.core.enforcement.priority import MAX_REPORTER_FACTOR
from hifazat.core.errors import ConflictError, InvalidInputError, NotFoundError
from hifazat.core.guidelines import Catalogue
from hifazat.services.reports import Filed, file_legal_request, file_report
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database


def report(
    db: Database,
    catalogue: Catalogue,
    reporter: Account,
    content_id: str = "c1",
    policy: str = "safety.harassment",
    **kw: object,
) -> Filed:
    with db.write() as stores:
        return file_report(
            stores=stores,
            catalogue=catalogue,
            reporter=reporter,
            content_id=content_id,
            policy_id=policy,
            now=T0,
            **kw,  # type: ignore[arg-type]
        )


@pytest.fixture
def author(db: Database, catalogue: Catalogue) -> Account:
    made = account(db, "author", followers=500)
    post(db, catalogue, made, "c1")
    return made


def test_reports_on_one_item_merge_into_one_task(db: Database, catalogue: Catalogue, author: Account) -> None:
    first = report(db, catalogue, account(db, "ali"))
    second = report(db, catalogue, account(db, "sana"), policy="safety.hate")
    assert not first.merged and second.merged
    assert first.task.id == second.task.id
    assert second.task.report_count == 2
    assert second.task.priority > first.task.priority
    with db.read() as stores:
        assert len(stores.reports.for_task(first.task.id)) == 2


def test_reporting_twice_counts_once(db: Database, catalogue: Catalogue, author: Account) -> None:
    ali = account(db, "ali")
    first = report(db, catalogue, ali)
    again = report(db, catalogue, ali)
    assert again.duplicate and again.report.id == first.report.id
    assert again.task.report_count == 1


def test_mass_reporting_neither_removes_nor_dominates(
    db: Database, catalogue: Catalogue, author: Account
) -> None:
    single = report(db, catalogue, account(db, "user0"))
    for i in range(1, 120):
        last = report(db, catalogue, account(db, f"user{i}"))
    assert last.task.id == single.task.id and last.task.report_count == 120
    assert last.task.priority / single.task.priority <= MAX_REPORTER_FACTOR
    with db.read() as stores:
        assert stores.content.get("c1").status == "visible"  # only a reviewer removes
        assert stores.decisions.for_content("c1") == []


def test_the_most_severe_reported_policy_sets_tier_and_due_time(
    db: Database, catalogue: Catalogue, author: Account
) -> None:
    report(db, catalogue, account(db, "ali"), policy="integrity.spam")
    filed = report(db, catalogue, account(db, "sana"), policy="safety.threats")
    assert (filed.task.policy, filed.task.tier) == ("safety.threats", 1)
    assert filed.task.due_at == T0 + timedelta(hours=1)


def test_ambassadors_count_more_than_users(db: Database, catalogue: Catalogue, author: Account) -> None:
    by_user = report(db, catalogue, account(db, "ali"))
    post(db, catalogue, author, "c2")
    by_ambassador = report(db, catalogue, account(db, "amb", "ambassador"), content_id="c2")
    assert by_ambassador.report.source == "ambassador"
    assert by_ambassador.report.weight > by_user.report.weight


def test_legal_requests_go_to_seniors_with_the_statutory_deadline(
    db: Database, catalogue: Catalogue, author: Account
) -> None:
    legal = account(db, "legal_team", "admin")
    with db.write() as stores:
        filed = file_legal_request(
            stores=stores,
            catalogue=catalogue,
            filer=legal,
            content_id="c1",
            policy_id="integrity.misinformation",
            authority="PTA",
            reference="PTA/2026/118",
            expedited=True,
            received_at=T0 - timedelta(hours=1),
            now=T0,
        )
    assert filed.report.source == "legal" and filed.task.legal and filed.task.level == "senior"
    assert filed.report.due_at == T0 + timedelta(hours=5)  # 6 h from receipt
    assert filed.task.due_at == filed.report.due_at


@pytest.mark.parametrize(
    ("content_id", "policy", "error", "message"),
    [
        ("c1", "safety.harrasment", InvalidInputError, "unknown policy"),  # misspelt policy id
        ("nope", "safety.hate", NotFoundError, "no content"),  # no such item
    ],
)
def test_bad_reports_store_nothing(
    db: Database,
    catalogue: Catalogue,
    author: Account,
    content_id: str,
    policy: str,
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        report(db, catalogue, account(db, "ali"), content_id=content_id, policy=policy)
    with db.read() as stores:
        assert stores.reports.for_content("c1") == [] and stores.tasks.open_for("c1") is None


def test_a_misspelt_policy_gets_a_suggestion(db: Database, catalogue: Catalogue, author: Account) -> None:
    with pytest.raises(InvalidInputError) as caught:
        report(db, catalogue, account(db, "ali"), policy="safety.harrasment")
    assert caught.value.hint is not None and "safety.harassment" in caught.value.hint


def test_own_content_and_removed_content_are_refused(
    db: Database, catalogue: Catalogue, author: Account
) -> None:
    with pytest.raises(InvalidInputError, match="your own"):
        report(db, catalogue, author)
    with db.write() as stores:
        stores.content.set_status("c1", "removed", T0)
    with pytest.raises(ConflictError, match="already been removed"):
        report(db, catalogue, account(db, "ali"))
