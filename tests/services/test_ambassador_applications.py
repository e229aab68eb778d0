"""Applying to the Safety Ambassadors programme: bad input, one open application, approval (role change
audited, applicant told in their language), decline with cooling off, stepping down and removal."""

from __future__ import annotations

from datetime import timedelta

import pytest

from ambassador_kit import MOTIVATION, draft, enrol
from builders import T0, account
from hifazat.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from hifazat.services.ambassador_profiles import public_profile
from hifazat.services.ambassadors import (
    COOLING_OFF,
    apply,
    check_application,
    decide,
    pending_applications,
    remove,
    status_of,
    step_down,
    withdraw,
)
from hifazat.storage.accounts import Account
from hifazat.storage.ambassadors import Platform
from hifazat.storage.unit import Database


@pytest.fixture
def admin(db: Database) -> Account:
    return account(db, "admin", role="admin")


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"motivation": "too short"}, ("motivation", "too_short")),  # under 50 characters
        ({"motivation": "x" * 2001}, ("motivation", "too_long")),  # over 2,000
        ({"motivation": MOTIVATION + "\u202e"}, ("motivation", "control_characters")),  # an RTL override
        ({"languages": ()}, ("languages", "required")),  # no language
        ({"languages": ("ur", "klingon")}, ("languages", "unknown")),  # a language we do not know
        ({"languages": ("ur", "ur")}, ("languages", "unknown")),  # the same language twice
        ({"platforms": ()}, ("platforms", "required")),  # no platform
        ({"platforms": (Platform("myspace", 10),)}, ("platforms", "unknown")),  # an unknown platform
        ({"platforms": (Platform("tiktok", -1),)}, ("platforms", "bad_followers")),  # negative followers
        (
            {"platforms": (Platform("tiktok", 10), Platform("tiktok", 10))},
            ("platforms", "unknown"),
        ),  # the same platform twice would count its followers twice
        ({"region": "mars"}, ("region", "unknown")),  # not a region of Pakistan (or overseas)
        ({"agrees_to_code": False}, ("agrees_to_code", "required")),  # did not agree to the code
    ],
)
def test_bad_applications_are_refused_precisely(changes: dict[str, object], problem: tuple[str, str]) -> None:
    found = check_application(draft(**changes))
    assert [(p.field, p.code) for p in found] == [problem]


def test_a_complete_application_has_no_problems() -> None:
    assert check_application(draft()) == []


def test_bad_application_raises_and_stores_nothing(db: Database) -> None:
    person = account(db, "sara")
    with pytest.raises(InvalidInputError, match="region"), db.write() as stores:
        apply(stores=stores, applicant=person, draft=draft(region="mars"))
    with db.read() as stores:
        assert stores.ambassadors.latest_application(person.id) is None


def test_one_open_application_per_account(db: Database) -> None:
    person = account(db, "sara")
    with db.write() as stores:
        first = apply(stores=stores, applicant=person, draft=draft(), now=T0)
    assert first.state == "pending" and first.reach == 25_000
    with pytest.raises(ConflictError, match="already have an application"), db.write() as stores:
        apply(stores=stores, applicant=person, draft=draft(), now=T0)
    with db.write() as stores:
        assert withdraw(stores=stores, applicant=person).state == "withdrawn"
        again = apply(
            stores=stores, applicant=person, draft=draft(), now=T0
        )  # no cooling off after withdrawing
    assert again.id != first.id


def test_approval_makes_an_ambassador_audited_and_notified_in_urdu(db: Database, admin: Account) -> None:
    person = account(db, "sara", language="ur")
    with db.write() as stores:
        application = apply(stores=stores, applicant=person, draft=draft(), now=T0)
        decided = decide(stores=stores, reviewer=admin, application_id=application.id, approve=True, now=T0)
    assert decided.state == "approved" and decided.decided_by == "admin"
    with db.read() as stores:
        assert stores.accounts.get("sara").role == "ambassador"
        inbox = stores.notifications.for_account("sara")
        changes = [
            e for e in stores.audit.entries(subject="account:sara") if e.event == "account.role_changed"
        ]
        profile = public_profile(stores=stores, handle="sara")
    assert inbox[0].language == "ur" and "سیفٹی ایمبیسیڈر" in inbox[0].title
    assert [(e.actor, e.data["from"], e.data["to"]) for e in changes] == [("admin", "user", "ambassador")]
    assert profile.languages == ("ur", "roman-ur") and profile.region == "sindh"


def test_decline_needs_a_reason_and_starts_the_cooling_off(db: Database, admin: Account) -> None:
    person = account(db, "sara", language="en")
    with db.write() as stores:
        application = apply(stores=stores, applicant=person, draft=draft(), now=T0)
    with pytest.raises(InvalidInputError, match="reason"), db.write() as stores:
        decide(stores=stores, reviewer=admin, application_id=application.id, approve=False, reason="")
    with db.write() as stores:
        decide(
            stores=stores,
            reviewer=admin,
            application_id=application.id,
            approve=False,
            reason="Please post for a few more months first",
            now=T0,
        )
        inbox = stores.notifications.for_account("sara")
        status = status_of(stores=stores, account=person, now=T0 + timedelta(days=10))
    assert "Please post for a few more months first" in inbox[0].body and inbox[0].language == "en"
    assert not status.can_apply and status.apply_from == T0 + COOLING_OFF
    with pytest.raises(ConflictError, match="declined recently"), db.write() as stores:
        apply(stores=stores, applicant=person, draft=draft(), now=T0 + COOLING_OFF - timedelta(days=1))
    with db.write() as stores:
        assert apply(stores=stores, applicant=person, draft=draft(), now=T0 + COOLING_OFF).state == "pending"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("admin", True),  # admins run the programme
        ("senior_moderator", True),  # senior moderators may decide too
        ("moderator", False),  # ordinary moderators may not
        ("ambassador", False),  # ambassadors cannot enrol others
        ("user", False),
    ],
)
def test_who_may_decide(db: Database, role: str, allowed: bool) -> None:
    person = account(db, "sara")
    reviewer = account(db, "reviewer", role=role)
    with db.write() as stores:
        application = apply(stores=stores, applicant=person, draft=draft())
    if allowed:
        with db.write() as stores:
            assert (
                decide(stores=stores, reviewer=reviewer, application_id=application.id, approve=True).state
                == "approved"
            )
    else:
        with pytest.raises(PermissionDeniedError), db.write() as stores:
            decide(stores=stores, reviewer=reviewer, application_id=application.id, approve=True)
        with pytest.raises(PermissionDeniedError), db.read() as stores:
            pending_applications(stores=stores, reviewer=reviewer)


def test_staff_and_ambassadors_cannot_apply_and_decisions_happen_once(db: Database, admin: Account) -> None:
    with pytest.raises(PermissionDeniedError), db.write() as stores:
        apply(stores=stores, applicant=admin, draft=draft())
    ambassador = enrol(db, "sana", admin)
    with pytest.raises(ConflictError, match="already a Safety Ambassador"), db.write() as stores:
        apply(stores=stores, applicant=ambassador, draft=draft())
    with db.read() as stores:
        application = stores.ambassadors.latest_application("sana")
    assert application is not None
    with pytest.raises(ConflictError, match="already approved"), db.write() as stores:
        decide(
            stores=stores, reviewer=admin, application_id=application.id, approve=False, reason="changed mind"
        )


def test_stepping_down_and_removal_return_the_role_audited(db: Database, admin: Account) -> None:
    sana = enrol(db, "sana", admin)
    zara = enrol(db, "zara", admin, language="en")
    with db.write() as stores:
        assert step_down(stores=stores, ambassador=sana).role == "user"
        assert (
            remove(stores=stores, reviewer=admin, account_id="zara", reason="Repeated false flags").role
            == "user"
        )
    with db.read() as stores:
        events = [e.event for e in stores.audit.entries() if e.subject in ("account:sana", "account:zara")]
        zara_inbox = stores.notifications.for_account(zara.id)
        assert stores.ambassadors.profile("sana").active is False  # type: ignore[union-attr]
    assert events.count("account.role_changed") == 4 and events.count("ambassador.ended") == 2
    assert "Repeated false flags" in zara_inbox[0].body
    with pytest.raises(ConflictError, match="not a Safety Ambassador"), db.write() as stores:
        step_down(stores=stores, ambassador=stores.accounts.get("sana"))
    with db.write() as stores:  # a former ambassador may apply again at once
        assert apply(stores=stores, applicant=stores.accounts.get("sana"), draft=draft()).state == "pending"
