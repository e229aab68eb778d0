"""Account settings (`GET/PATCH /v1/accounts/{id}/settings`), birth date, screen time and safety events."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from hifazat.api.routers.safety_common import SafetyDep

router = APIRouter(prefix="/v1/accounts", tags=["safety"])


class SettingsPatch(BaseModel):
    by: str | None = Field(
        default=None, description="Who changes them: the account itself (default) or its linked parent."
    )
    changes: dict[str, Any] = Field(default_factory=dict, description="Setting name → new value.")
    release: list[str] = Field(
        default_factory=list, description="Parent only: settings handed back to the teen."
    )


class BirthDate(BaseModel):
    birth_date: date | None
    by: str | None = Field(default=None, description="Who records it (default: the account).")


class Usage(BaseModel):
    minutes: int = Field(description="Minutes spent in the app since the last report.")


class Passcode(BaseModel):
    passcode: str = Field(description="4 to 8 digits.")
    by: str | None = Field(default=None, description="Setting it: the linked parent, or the account itself.")


@router.get("/{account_id}/settings")
def get_settings(account_id: str, safety: SafetyDep) -> dict[str, object]:
    """Settings in force, own choices, the age band, and which settings a linked parent controls."""
    return safety.settings(account_id=account_id).to_dict()


@router.patch("/{account_id}/settings")
def patch_settings(account_id: str, body: SettingsPatch, safety: SafetyDep) -> dict[str, object]:
    """Change settings; refused (403, nothing changed) when looser than age or a parent allows."""
    page = safety.update_settings(
        account_id=account_id, by=body.by or account_id, changes=body.changes, release=body.release
    )
    return page.to_dict()


@router.put("/{account_id}/birth-date")
def put_birth_date(account_id: str, body: BirthDate, safety: SafetyDep) -> dict[str, object]:
    """Record a birth date; settings follow the new age at once (audited)."""
    page = safety.set_birth_date(account_id=account_id, birth_date=body.birth_date, by=body.by or account_id)
    return page.to_dict()


@router.get("/{account_id}/screen-time")
def get_screen_time(
    account_id: str, safety: SafetyDep, day: date | None = Query(default=None)
) -> dict[str, object]:
    """Screen time for a day (default today) against the limit, with the daily summary in both languages."""
    return safety.screen_time(account_id=account_id, day=day).to_dict()


@router.post("/{account_id}/screen-time/usage")
def post_usage(account_id: str, body: Usage, safety: SafetyDep) -> dict[str, object]:
    """Add minutes the app measured; `needs_passcode` tells the app to ask for the passcode."""
    return safety.record_usage(account_id=account_id, minutes=body.minutes).to_dict()


@router.post("/{account_id}/screen-time/passcode", status_code=204)
def post_passcode(account_id: str, body: Passcode, safety: SafetyDep) -> None:
    """Set the screen-time passcode."""
    safety.set_passcode(account_id=account_id, passcode=body.passcode, by=body.by or account_id)


@router.post("/{account_id}/screen-time/extend")
def post_extend(account_id: str, body: Passcode, safety: SafetyDep) -> dict[str, object]:
    """Keep watching past the limit: the passcode adds 30 minutes for today."""
    return safety.extend_screen_time(account_id=account_id, passcode=body.passcode).to_dict()


@router.get("/{account_id}/safety-events")
def get_events(
    account_id: str, safety: SafetyDep, limit: int = Query(default=50, ge=1, le=500)
) -> dict[str, object]:
    """Safety events and notices (pairing linked/unlinked, settings changed by a parent, birth date)."""
    events = safety.events(account_id=account_id, limit=limit)
    return {
        "events": [
            {
                "at": e.at.isoformat(),
                "event": e.event,
                "actor": e.actor_id,
                "data": e.data,
                "notice_en": e.notice_en,
                "notice_ur": e.notice_ur,
            }
            for e in events
        ]
    }
