"""`/v1/accounts`: create accounts (admins), who am I, account status (standing) and notifications."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from hifazat.api.auth import AccountAdmin, AccountDep, DbDep, is_staff
from hifazat.api.writes import IdempotencyKey, keyed_write
from hifazat.core.enforcement import standing as rules
from hifazat.core.enforcement.standing import Standing
from hifazat.services.accounts import band_of, create_account
from hifazat.services.clock import utcnow
from hifazat.services.notifications import inbox
from hifazat.services.standing import account_standing
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Stores

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])


class AccountIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    handle: str = Field(description="3–32 lower-case letters, digits, '_' or '.'")
    role: str = Field(
        default="user", description="user, ambassador, moderator, senior_moderator, admin or service"
    )
    language: str = Field(default="en", description="en or ur: the language of notifications")
    display_name: str = ""
    birth_date: date | None = None
    follower_count: int = Field(default=0, ge=0)


def account_json(account: Account) -> dict[str, Any]:
    return {
        "id": account.id,
        "handle": account.handle,
        "display_name": account.display_name,
        "role": account.role,
        "language": account.language,
        "age_band": band_of(account, utcnow().date()),
        "follower_count": account.follower_count,
        "created_at": account.created_at,
    }


def standing_json(account: Account, status: Standing) -> dict[str, Any]:
    return {
        "account_id": account.id,
        "level": status.level,
        "strikes": [
            {
                "policy": s.policy,
                "feature": rules.FEATURE_OF_TRACK[s.track],
                "weight": s.weight,
                "issued_at": s.issued_at,
                "expires_at": s.expires_at,
                "decision_id": s.decision_id,
            }
            for s in status.active
        ],
        "restrictions": [{"feature": r.feature, "until": r.until} for r in status.restrictions],
        "suspended_until": status.suspended_until,
        "banned": None if status.ban is None else asdict(status.ban),
        "counts": {
            "total_weight": status.total,
            "per_feature": status.per_track,
            "per_policy": status.per_policy,
        },
        "thresholds": {
            "strikes_expire_after_days": rules.STRIKE_LIFETIME.days,
            "feature_restriction_after": {t: n for t, (n, _) in rules.TRACK_RESTRICTIONS.items()},
            "suspension_at_weight": rules.SUSPEND_AT,
            "ban_at_weight": rules.BAN_AT,
        },
    }


@router.post("", status_code=201)
def post_account(
    body: AccountIn, request: Request, actor: AccountAdmin, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Create an account; the response holds its API key, shown this once."""

    def work(stores: Stores) -> dict[str, Any]:
        made = create_account(
            accounts=stores.accounts,
            api_keys=stores.api_keys,
            audit=stores.audit,
            actor_id=actor.id,
            handle=body.handle,
            role=body.role,
            language=body.language,
            display_name=body.display_name,
            birth_date=body.birth_date,
            follower_count=body.follower_count,
        )
        return {"account": account_json(made.account), "api_key": made.key}

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work, status=201)


@router.get("/me")
def me(actor: AccountDep) -> dict[str, Any]:
    """The account behind your API key."""
    return account_json(actor)


@router.get("/{account_id}")
def get_account(account_id: str, actor: AccountDep, db: DbDep) -> dict[str, Any]:
    """An account (yourself, or anyone for staff)."""
    with db.read() as stores:
        account, _ = account_standing(
            accounts=stores.accounts,
            strikes=stores.strikes,
            viewer=actor,
            account_id=account_id,
            staff=is_staff(actor, "account.read_any"),
        )
    return account_json(account)


@router.get("/{account_id}/standing")
def get_standing(account_id: str, actor: AccountDep, db: DbDep) -> dict[str, Any]:
    """Account status: active strikes and when they expire, restrictions, suspension or ban."""
    with db.read() as stores:
        account, status = account_standing(
            accounts=stores.accounts,
            strikes=stores.strikes,
            viewer=actor,
            account_id=account_id,
            staff=is_staff(actor, "account.read_any"),
        )
    return standing_json(account, status)


@router.get("/{account_id}/notifications")
def get_notifications(
    account_id: str, actor: AccountDep, db: DbDep, limit: Annotated[int, Query(ge=1, le=200)] = 50
) -> dict[str, Any]:
    """Your notifications, newest first, in your language."""
    with db.read() as stores:
        found = inbox(notifications=stores.notifications, viewer=actor, account_id=account_id, limit=limit)
    return {"notifications": [asdict(n) for n in found]}
