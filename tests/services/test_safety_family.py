"""Family Pairing and screen time over a real database."""

from __future__ import annotations

from datetime import timedelta

import pytest
from safety_fixtures import NOW, make_service, pair
from sqlalchemy import Engine

from hifazat.core.safety.errors import SafetyRefusal
from hifazat.services.safety import SafetyService


@pytest.fixture
def service(engine: Engine) -> SafetyService:
    return make_service(engine)


def test_pairing_links_and_notifies_both(service: SafetyService) -> None:
    code = service.create_pairing_code(parent_id="parent")
    assert code.expires_at == NOW + timedelta(minutes=15) and len(code.code) == 9
    linked = service.confirm_pairing(teen_id="teen14", code=code.code.lower().replace("-", " "))
    assert linked["parent_id"] == "parent"
    for account_id in ("teen14", "parent"):
        event = service.events(account_id=account_id)[0]
        assert event.event == "pairing_linked" and event.notice_en and event.notice_ur
    assert service.pairing_status(account_id="parent")["teens"] == [
        {"teen_id": "teen14", "controlled_settings": []}
    ]


def _pairing_state(service: SafetyService) -> tuple[object, ...]:
    return (
        service.pairing_status(account_id="parent"),
        service.pairing_status(account_id="teen17"),
        service.pairing_status(account_id="creator"),
    )


@pytest.mark.parametrize(
    ("parent", "teen", "reason"),
    [
        ("parent", "creator", "not_a_teen"),  # a parent pairing with an adult
        ("parent", "nobirth", "age_unknown"),  # a teen without a birth date on record
        ("parent", "parent", "same_account"),  # pairing with oneself
    ],
)
def test_pairing_refusals_change_nothing(service: SafetyService, parent: str, teen: str, reason: str) -> None:
    code = service.create_pairing_code(parent_id=parent)
    before = _pairing_state(service)
    with pytest.raises(SafetyRefusal) as caught:
        service.confirm_pairing(teen_id=teen, code=code.code)
    assert caught.value.reason == reason and caught.value.message_ur
    assert _pairing_state(service) == before
    # The code was not spent: a real teen can still use it.
    service.confirm_pairing(teen_id="teen17", code=code.code)


def test_a_teen_cannot_be_the_parent(service: SafetyService) -> None:
    with pytest.raises(SafetyRefusal) as caught:
        service.create_pairing_code(parent_id="teen17")
    assert caught.value.reason == "parent_not_adult"


def test_expired_used_and_unknown_codes(engine: Engine) -> None:
    service = make_service(engine)
    code = service.create_pairing_code(parent_id="parent")
    later = SafetyService(engine, clock=lambda: NOW + timedelta(minutes=16))
    with pytest.raises(SafetyRefusal) as caught:
        later.confirm_pairing(teen_id="teen14", code=code.code)
    assert caught.value.reason == "code_expired" and getattr(caught.value, "status", None) == 410
    assert service.pairing_status(account_id="teen14")["parent"] is None
    fresh = service.create_pairing_code(parent_id="parent")
    service.confirm_pairing(teen_id="teen14", code=fresh.code)
    with pytest.raises(SafetyRefusal) as caught:
        service.confirm_pairing(teen_id="teen17", code=fresh.code)
    assert caught.value.reason == "code_used"
    with pytest.raises(SafetyRefusal) as caught:
        service.confirm_pairing(teen_id="teen17", code="ZZZZ-ZZZZ")
    assert caught.value.reason == "unknown_code"


def test_parent_controls_within_age_and_release(service: SafetyService) -> None:
    pair(service, teen="teen17")
    page = service.update_settings(
        account_id="teen17",
        by="parent",
        changes={"message": "no_one", "daily_limit_minutes": 30, "comment": "friends"},
    )
    assert page.in_force.daily_limit_minutes == 30 and set(page.parent_controlled) == {
        "message",
        "daily_limit_minutes",
        "comment",
    }
    with pytest.raises(SafetyRefusal) as caught:  # never looser than age allows, even for a parent
        service.update_settings(account_id="teen17", by="parent", changes={"message": "everyone"})
    assert caught.value.reason == "age"
    with pytest.raises(SafetyRefusal) as caught:  # parents control only some settings
        service.update_settings(account_id="teen17", by="parent", changes={"duet": "no_one"})
    assert caught.value.reason == "not_parent_controlled"
    # The teen can tighten a parent-set value but not loosen it.
    service.update_settings(account_id="teen17", by="teen17", changes={"daily_limit_minutes": 20})
    with pytest.raises(SafetyRefusal):
        service.update_settings(account_id="teen17", by="teen17", changes={"daily_limit_minutes": 45})
    page = service.update_settings(
        account_id="teen17", by="parent", changes={}, release=["daily_limit_minutes"]
    )
    assert "daily_limit_minutes" not in page.parent_controlled
    assert (
        service.check(actor_id="stranger", target_id="teen17", kind="comment").reason_code == "parent_control"
    )


def test_unlink_by_either_side_notifies_both(service: SafetyService) -> None:
    pair(service)
    with pytest.raises(SafetyRefusal) as caught:
        service.unlink(by="creator", teen_id="teen14")
    assert caught.value.reason == "not_in_pairing"
    service.unlink(by="teen14", teen_id="teen14")
    for account_id in ("teen14", "parent"):
        event = service.events(account_id=account_id)[0]
        assert event.event == "pairing_unlinked" and "teen14" in (event.notice_en or "")
    with pytest.raises(SafetyRefusal):
        service.unlink(by="parent", teen_id="teen14")


def test_turning_out_adult_ends_pairing(service: SafetyService) -> None:
    pair(service, teen="teen17")
    service.set_birth_date(
        account_id="teen17", birth_date=NOW.date().replace(year=NOW.year - 19), by="teen17"
    )
    assert service.pairing_status(account_id="teen17")["parent"] is None


def test_screen_time_limit_and_passcode(service: SafetyService) -> None:
    status = service.record_usage(account_id="teen17", minutes=45)
    assert (status.limit_minutes, status.remaining_minutes, status.needs_passcode) == (60, 15, False)
    status = service.record_usage(account_id="teen17", minutes=20)
    assert status.needs_passcode
    with pytest.raises(SafetyRefusal) as caught:
        service.extend_screen_time(account_id="teen17", passcode="1234")
    assert caught.value.reason == "no_passcode"
    service.set_passcode(account_id="teen17", passcode="1234", by="teen17")
    with pytest.raises(SafetyRefusal) as caught:
        service.extend_screen_time(account_id="teen17", passcode="9999")
    assert caught.value.reason == "wrong_passcode"
    status = service.extend_screen_time(account_id="teen17", passcode="1234")
    assert status.remaining_minutes == 25 and not status.needs_passcode
    en, ur = status.summary()
    assert "65" in en and "65" in ur
    assert service.screen_time(account_id="creator").limit_minutes is None  # adults: no default limit


def test_paired_teen_passcode_is_the_parents(service: SafetyService) -> None:
    pair(service)
    with pytest.raises(SafetyRefusal) as caught:
        service.set_passcode(account_id="teen14", passcode="1111", by="teen14")
    assert caught.value.reason == "parent_control"
    service.set_passcode(account_id="teen14", passcode="2222", by="parent")
    with pytest.raises(SafetyRefusal):
        service.set_passcode(account_id="teen14", passcode="12", by="parent")  # too short
