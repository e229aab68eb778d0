"""Shared set-up for the safety service tests: a fixed clock, accounts of every age, and an assessor that
stands in for the engine's verdict with fixed rules (so these tests test comment controls, not the
engine; the engine's own tests live with it)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import Engine

from hifazat.core.safety.comments import Assessment
from hifazat.services.safety import SafetyService

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
TODAY = NOW.date()


def born(age: int) -> date:
    """A birth date `age` years and a month before today."""
    return TODAY.replace(year=TODAY.year - age) - timedelta(days=30)


ACCOUNTS: dict[str, date | None] = {
    "teen14": born(14),
    "teen17": born(17),
    "creator": born(30),
    "parent": born(42),
    "stranger": born(25),
    "nobirth": None,
}


def rule_assessor(text: str) -> Assessment:
    """`idiot` reads as harassment (nudged and held), `free followers` as spam, `kill` is removed."""
    lowered = text.lower()
    if "kill" in lowered:
        return Assessment("remove", frozenset({"safety.threats"}))
    if "idiot" in lowered:
        return Assessment("review", frozenset({"safety.harassment"}))
    if "free followers" in lowered:
        return Assessment("label", frozenset({"integrity.spam"}))
    return Assessment()


def make_service(engine: Engine) -> SafetyService:
    service = SafetyService(engine, assessor=rule_assessor, clock=lambda: NOW)
    with service.store() as store:
        for account_id, birth in ACCOUNTS.items():
            store.ensure_account(account_id, handle=account_id, language="en", birth_date=birth, now=NOW)
    return service


def pair(service: SafetyService, teen: str = "teen14", parent: str = "parent") -> None:
    code = service.create_pairing_code(parent_id=parent)
    service.confirm_pairing(teen_id=teen, code=code.code)
