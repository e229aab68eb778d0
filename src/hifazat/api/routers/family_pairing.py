"""Family Pairing: `POST /v1/family-pairing/codes`, `/confirm`, `/unlink`, and the link status.

Parents set the teen's controlled settings with `PATCH /v1/accounts/{teen}/settings` and `"by": parent`.
No route gives a parent the teen's messages or comments.
"""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel, Field

from hifazat.api.routers.safety_common import SafetyDep

router = APIRouter(prefix="/v1/family-pairing", tags=["safety"])


class CodeRequest(BaseModel):
    parent: str = Field(description="The parent's (adult) account.", min_length=1, max_length=64)


class Confirm(BaseModel):
    teen: str = Field(
        description="The teen's account, confirming the parent's code.", min_length=1, max_length=64
    )
    code: str = Field(description="The code shown on the parent's screen.", max_length=32)


class Unlink(BaseModel):
    by: str = Field(description="The teen or the parent.", min_length=1, max_length=64)
    teen: str = Field(min_length=1, max_length=64)


@router.post("/codes", status_code=201)
def create_code(body: CodeRequest, safety: SafetyDep) -> dict[str, object]:
    """A one-time code (valid 15 minutes) the teen enters or scans to link."""
    return safety.create_pairing_code(parent_id=body.parent).to_dict()


@router.post("/confirm")
def confirm(body: Confirm, safety: SafetyDep) -> dict[str, object]:
    """The teen confirms: the accounts are linked and both are notified."""
    return safety.confirm_pairing(teen_id=body.teen, code=body.code)


@router.post("/unlink", status_code=204)
def unlink(body: Unlink, safety: SafetyDep) -> None:
    """End the link (teen or parent); both are notified."""
    safety.unlink(by=body.by, teen_id=body.teen)


@router.get("/{account_id}")
def status(account_id: str, safety: SafetyDep) -> dict[str, object]:
    """Who this account is linked to, and which settings the parent controls."""
    return safety.pairing_status(account_id=account_id)
