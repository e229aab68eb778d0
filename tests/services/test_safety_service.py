"""The safety service over a real database: checks, settings with age and parent layers, birth dates,
relations and keyword filters; bad input refused with nothing changed."""

from __future__ import annotations

import pytest
from safety_fixtures import NOW, born, make_service, pair
from sqlalchemy import Engine

from hifazat.core.errors import InvalidInputError
from hifazat.core.safety.errors import SafetyRefusal
from hifazat.core.safety.penalties import ActivePenalties, Restriction
from hifazat.services.safety import SafetyService


@pytest.fixture
def service(engine: Engine) -> SafetyService:
    return make_service(engine)


@pytest.mark.parametrize(
    ("actor", "target", "kind", "want"),
    [
        ("creator", "teen14", "message", (False, "age")),  # nobody messages an under-16
        ("teen14", "creator", "message", (False, "age")),  # nor does an under-16 send messages
        ("stranger", "teen14", "view", (False, "age")),  # under-16 accounts are private by age
        ("stranger", "teen17", "comment", (True, "ok")),  # 16-17: public by default
        ("stranger", "teen17", "message", (False, "age")),  # 16-17: friends at most
        ("teen17", "creator", "gift", (False, "age")),  # no gifts under 18
        ("stranger", "creator", "gift", (True, "ok")),  # adults may gift adults
        ("creator", "creator", "live", (True, "ok")),  # an adult may go LIVE
        ("teen17", "teen17", "live", (False, "age")),  # a 17-year-old may not
        ("nobirth", "nobirth", "live", (False, "age")),  # nor an account of unknown age
    ],
)
def test_defaults_by_age(
    service: SafetyService, actor: str, target: str, kind: str, want: tuple[bool, str]
) -> None:
    decision = service.check(actor_id=actor, target_id=target, kind=kind)
    assert (decision.allowed, decision.reason_code) == want


def test_follow_private_then_approve_then_comment(service: SafetyService) -> None:
    assert service.follow(actor_id="teen17", target_id="teen14") == "requested"
    assert service.check(actor_id="teen17", target_id="teen14", kind="view").reason_code == "age"
    service.approve_follower(owner_id="teen14", follower_id="teen17")
    assert service.check(actor_id="teen17", target_id="teen14", kind="view").allowed
    # Comments on an under-16's videos are friends-only: a one-way follower is not enough.
    assert service.check(actor_id="teen17", target_id="teen14", kind="comment").reason_code == "age"
    service.follow(actor_id="teen14", target_id="teen17")
    assert service.check(actor_id="teen17", target_id="teen14", kind="comment").allowed


def test_block_ends_follows_and_everything(service: SafetyService) -> None:
    service.follow(actor_id="stranger", target_id="creator")
    assert service.add_relation(kind="block", owner_id="creator", other_id="stranger")
    for kind in ("view", "comment", "follow"):
        assert service.check(actor_id="stranger", target_id="creator", kind=kind).reason_code == "block"
    service.remove_relation(kind="block", owner_id="creator", other_id="stranger")
    assert service.check(actor_id="stranger", target_id="creator", kind="view").allowed
    assert service.check(actor_id="stranger", target_id="creator", kind="comment").allowed  # follow is gone
    assert service.relations(kind="block", owner_id="creator") == []


def test_restrict_and_mute(service: SafetyService) -> None:
    service.add_relation(kind="restrict", owner_id="creator", other_id="stranger")
    service.add_relation(kind="mute", owner_id="creator", other_id="teen17")
    assert (
        service.check(actor_id="stranger", target_id="creator", kind="comment").reason_code
        == "comment_hidden"
    )
    assert service.check(actor_id="stranger", target_id="creator", kind="mention").reason_code == "restricted"
    assert service.check(actor_id="teen17", target_id="creator", kind="comment").allowed  # mute is feed-only
    assert service.relations(kind="mute", owner_id="creator") == ["teen17"]


def test_own_settings_tighten_and_loosen_within_limits(service: SafetyService) -> None:
    page = service.update_settings(account_id="creator", by="creator", changes={"comment": "followers"})
    assert page.in_force.comment.value == "followers"
    assert service.check(actor_id="stranger", target_id="creator", kind="comment").reason_code == "privacy"
    page = service.update_settings(account_id="teen17", by="teen17", changes={"message": "friends"})
    assert page.in_force.message.value == "friends"


def _state(service: SafetyService, account_id: str) -> tuple[object, ...]:
    page = service.settings(account_id=account_id)
    return page.in_force, page.own, tuple(page.parent_controlled), len(service.events(account_id=account_id))


@pytest.mark.parametrize(
    ("account_id", "by", "changes", "reason"),
    [
        ("teen14", "teen14", {"private_account": False}, "age"),  # a 14-year-old going public
        ("teen17", "teen17", {"message": "everyone"}, "age"),  # DMs from everyone at 17
        ("teen17", "teen17", {"daily_limit_minutes": None}, "age"),  # no screen-time limit at 17
        ("creator", "stranger", {"comment": "no_one"}, "not_allowed"),  # someone else's settings
        ("teen17", "parent", {"comment": "no_one"}, "not_allowed"),  # a parent who is not linked
    ],
)
def test_refused_setting_changes_change_nothing(
    service: SafetyService, account_id: str, by: str, changes: dict[str, object], reason: str
) -> None:
    before = _state(service, account_id)
    with pytest.raises(SafetyRefusal) as caught:
        service.update_settings(account_id=account_id, by=by, changes=changes)
    assert caught.value.reason == reason and caught.value.message_ur
    assert _state(service, account_id) == before


def test_bad_values_and_unknown_accounts(service: SafetyService) -> None:
    with pytest.raises(InvalidInputError):
        service.update_settings(account_id="creator", by="creator", changes={"comment": "strangers"})
    with pytest.raises(SafetyRefusal) as caught:
        service.check(actor_id="ghost", target_id="creator", kind="view")
    assert caught.value.reason == "unknown_account" and "ghost" in caught.value.message
    with pytest.raises(SafetyRefusal):
        service.settings(account_id="ghost")
    with pytest.raises(InvalidInputError):
        service.check(actor_id="creator", target_id="stranger", kind="poke")


def test_birth_date_change_clamps_and_is_audited(service: SafetyService) -> None:
    service.update_settings(account_id="stranger", by="stranger", changes={"message": "everyone"})
    page = service.set_birth_date(account_id="stranger", birth_date=born(15), by="stranger")
    assert page.band.value == "13_15"
    assert page.own.message.value == "everyone"  # the own choice is kept ...
    assert page.in_force.message.value == "no_one" and page.in_force.private_account  # ... but age binds
    event = service.events(account_id="stranger")[0]
    assert event.event == "birth_date_changed" and event.data == {
        "band_before": "adult",
        "band_after": "13_15",
    }
    assert "birth_date" not in str(event.data)  # the date itself is not copied into the log


@pytest.mark.parametrize(
    ("birth", "reason"),
    [(born(12), "under_minimum_age"), (NOW.date().replace(year=NOW.year + 1), "bad_birth_date")],
)
def test_bad_birth_dates(service: SafetyService, birth: object, reason: str) -> None:
    with pytest.raises(SafetyRefusal) as caught:
        service.set_birth_date(account_id="stranger", birth_date=birth, by="stranger")  # type: ignore[arg-type]
    assert caught.value.reason == reason
    assert service.settings(account_id="stranger").band.value == "adult"


def test_keyword_filters(service: SafetyService) -> None:
    assert service.add_keyword(owner_id="creator", keyword="  bakwas ")
    assert not service.add_keyword(owner_id="creator", keyword="bakwas")  # idempotent
    assert service.keywords(owner_id="creator") == ["bakwas"]
    assert service.test_keywords(owner_id="creator", text="Bakwaaas band karo") == "bakwas"
    service.remove_keyword(owner_id="creator", keyword="bakwas")
    with pytest.raises(SafetyRefusal):
        service.remove_keyword(owner_id="creator", keyword="bakwas")


class FixedPenalties:
    """A penalty source with fixed restrictions per account (the protocol's other implementation)."""

    def __init__(self, by_account: dict[str, ActivePenalties]) -> None:
        self.by_account = by_account

    def active_penalties(self, account_id: str, *, now: object) -> ActivePenalties:
        return self.by_account.get(account_id, ActivePenalties())


def test_penalties_come_from_the_source(engine: Engine) -> None:
    base = make_service(engine)
    source = FixedPenalties({"stranger": ActivePenalties.of(Restriction("comments", NOW.replace(day=26)))})
    service = SafetyService(engine, penalties=source, clock=lambda: NOW)
    assert base.check(actor_id="stranger", target_id="creator", kind="comment").allowed
    decision = service.check(actor_id="stranger", target_id="creator", kind="comment")
    assert (decision.allowed, decision.reason_code) == (
        False,
        "penalty",
    ) and "2026-11-26" in decision.message_en
    assert service.check(actor_id="stranger", target_id="creator", kind="follow").allowed


def test_teen_sees_parent_controls(service: SafetyService) -> None:
    pair(service)
    service.update_settings(account_id="teen14", by="parent", changes={"restricted_mode": True})
    page = service.settings(account_id="teen14")
    assert page.parent_controlled == ["restricted_mode"] and page.parent_id == "parent"
    views = {v.name: v for v in page.details}
    assert views["restricted_mode"].source == "parent_control"
    assert service.check(
        actor_id="teen14", target_id="creator", kind="view", content_rating="mature"
    ).reason_code == ("parent_control")
    with pytest.raises(SafetyRefusal) as caught:
        service.update_settings(account_id="teen14", by="teen14", changes={"restricted_mode": False})
    assert caught.value.reason == "parent_control"
    notice = service.events(account_id="teen14")[0]
    assert notice.notice_en and "Restricted Mode" in notice.notice_en and notice.notice_ur
