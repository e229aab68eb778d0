"""Trusted flagging end to end: accuracy from real decisions, a more accurate ambassador's flag ranks higher
in the queue, and recognition ranks by accuracy, never by volume."""

from __future__ import annotations

import pytest
from flow import reported
from sqlalchemy import select

from ambassador_kit import enrol, fresh_author, track_record
from builders import account, post
from hifazat.core.errors import InvalidInputError, PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.services.ambassador_profiles import (
    Accuracy,
    accuracy_of,
    dashboard,
    public_profile,
    recognition,
)
from hifazat.services.appeals import file_appeal, resolve_appeal
from hifazat.storage.accounts import Account
from hifazat.storage.content import ContentRow
from hifazat.storage.unit import Database


@pytest.fixture
def people(db: Database) -> dict[str, Account]:
    return {
        "admin": account(db, "admin", role="admin"),
        "moderator": account(db, "mod", role="moderator"),
        "user": account(db, "bilal"),
    }


@pytest.mark.parametrize(
    ("decided", "upheld", "ratio", "badge"),
    [
        (0, 0, None, "new"),  # nothing decided yet
        (4, 4, None, "new"),  # one short of the minimum: not enough decisions yet
        (5, 5, 1.0, "gold"),  # at the minimum, all upheld
        (20, 16, 0.8, "silver"),  # 80 %
        (10, 6, 0.6, "bronze"),  # exactly the bronze floor
        (10, 3, 0.3, "none"),  # mostly wrong
    ],
)
def test_accuracy_needs_a_minimum_of_decisions(
    decided: int, upheld: int, ratio: float | None, badge: str
) -> None:
    found = Accuracy(decided, upheld)
    assert found.ratio == ratio and found.badge == badge and found.enough == (ratio is not None)


def test_accurate_ambassador_flags_rank_higher_in_the_queue(
    db: Database, catalogue: Catalogue, people: dict[str, Account]
) -> None:
    careful = enrol(db, "careful", people["admin"])
    careless = enrol(db, "careless", people["admin"])
    mod = people["moderator"]
    track_record(db, catalogue, careful, mod, ["remove"] * 5)
    track_record(db, catalogue, careless, mod, ["no_violation"] * 4 + ["remove"])
    with db.read() as stores:
        assert accuracy_of(stores=stores, account_id=careful.id) == Accuracy(5, 5)
        assert accuracy_of(stores=stores, account_id=careless.id) == Accuracy(5, 1)
        assert public_profile(stores=stores, handle="careful").accuracy.percent == 100
    tasks = {}
    for reporter, content_id in ((careful, "new-1"), (careless, "new-2"), (people["user"], "new-3")):
        post(db, catalogue, fresh_author(db), content_id)
        tasks[reporter.handle] = reported(db, catalogue, reporter, content_id, "safety.harassment")
    # the same item, policy and reach: only the reporter differs
    assert tasks["careful"].priority > tasks["careless"].priority > tasks["bilal"].priority
    with db.read() as stores:
        weights = {
            r.reporter_id: r.weight
            for r in stores.reports.for_content("new-1") + stores.reports.for_content("new-2")
        }
    assert weights["careful"] == pytest.approx(3.0) and weights["careless"] == pytest.approx(1.4)


def test_recognition_ranks_by_accuracy_never_by_volume(
    db: Database, catalogue: Catalogue, people: dict[str, Account]
) -> None:
    mod = people["moderator"]
    prolific = enrol(db, "prolific", people["admin"])  # many flags, 80 % upheld
    precise = enrol(db, "precise", people["admin"])  # fewer flags, all upheld
    newcomer = enrol(db, "newcomer", people["admin"])  # perfect so far, but too few decided
    track_record(db, catalogue, prolific, mod, ["remove"] * 8 + ["no_violation"] * 2)
    track_record(db, catalogue, precise, mod, ["remove"] * 5)
    track_record(db, catalogue, newcomer, mod, ["remove"] * 4)
    with db.read() as stores:
        ranked = recognition(stores=stores, minimum=5)
        with pytest.raises(InvalidInputError):
            recognition(stores=stores, minimum=1)
    assert [(r.rank, r.profile.handle) for r in ranked] == [(1, "precise"), (2, "prolific")]
    assert ranked[1].profile.accuracy.upheld > ranked[0].profile.accuracy.upheld  # more upheld, still second


def test_equal_accuracy_shares_a_rank(db: Database, catalogue: Catalogue, people: dict[str, Account]) -> None:
    mod = people["moderator"]
    for handle, outcomes in (("b_more", ["remove"] * 10), ("a_fewer", ["remove"] * 5)):
        track_record(db, catalogue, enrol(db, handle, people["admin"]), mod, outcomes)
    with db.read() as stores:
        ranked = recognition(stores=stores, minimum=5)
    assert [(r.rank, r.profile.handle) for r in ranked] == [(1, "a_fewer"), (1, "b_more")]


def test_dashboard_lists_own_flags_with_outcomes(
    db: Database, catalogue: Catalogue, people: dict[str, Account]
) -> None:
    sana = enrol(db, "sana", people["admin"])
    track_record(db, catalogue, sana, people["moderator"], ["remove", "no_violation"])
    post(db, catalogue, fresh_author(db), "waiting")
    reported(db, catalogue, sana, "waiting", "regulated.scams")
    with db.read() as stores:
        board = dashboard(stores=stores, ambassador=stores.accounts.get("sana"))
        with pytest.raises(PermissionDeniedError):
            dashboard(stores=stores, ambassador=people["user"])
    assert [f.status for f in board.flags] == ["under_review", "no_violation", "action_taken"]
    assert board.profile.accuracy == Accuracy(2, 1) and board.profile.accuracy.ratio is None


def test_a_flag_overturned_on_appeal_no_longer_counts_as_upheld(
    db: Database, catalogue: Catalogue, people: dict[str, Account]
) -> None:
    flagger = enrol(db, "flagger", people["admin"])
    track_record(db, catalogue, flagger, people["moderator"], ["remove"] * 5)
    reviewer = account(db, "senior", role="senior_moderator")
    with db.write() as stores:
        flagged = stores.session.scalars(select(ContentRow.id).where(ContentRow.id.like("flagger-%")))
        decision = stores.decisions.for_content(min(flagged))[0]
        appeal = file_appeal(
            stores=stores, catalogue=catalogue, appellant=stores.accounts.get(decision.author_id),
            decision_id=decision.id, reason="it was a joke",
        )  # fmt: skip
        resolve_appeal(
            stores=stores, catalogue=catalogue, reviewer=reviewer, appeal_id=appeal.id,
            outcome="overturned", rationale="quoted to condemn it",
        )  # fmt: skip
    with db.read() as stores:
        assert accuracy_of(stores=stores, account_id=flagger.id) == Accuracy(5, 4)
