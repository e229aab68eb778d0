"""`POST /v1/interactions/check`: may this actor comment on, message, Duet, Stitch, mention, follow,
view, join the LIVE of, or gift this target? The app calls it before it shows or allows anything."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter
from pydantic import BaseModel, Field

from hifazat.api.routers.safety_common import SafetyDep

router = APIRouter(prefix="/v1/interactions", tags=["safety"])

KindName = Literal["comment", "message", "duet", "stitch", "mention", "follow", "view", "live", "gift"]
MAX_BATCH = 1000


class CheckRequest(BaseModel):
    actor: str = Field(description="The account that wants to act.", min_length=1, max_length=64)
    target: str = Field(
        description="The account acted on (the same as actor: hosting a LIVE).", max_length=64
    )
    kind: KindName = Field(description="comment, message, duet, stitch, mention, follow, view, live or gift.")
    content_rating: Literal["general", "mature", "adult_only"] | None = Field(
        default=None, description="For `view` of one video: its content level."
    )


class Decision(BaseModel):
    allowed: bool
    reason_code: str = Field(
        description="ok, approval_required, comment_hidden, penalty, block, age, parent_control, privacy, "
        "restricted or restricted_mode."
    )
    message_en: str
    message_ur: str


class BatchRequest(BaseModel):
    checks: list[CheckRequest] = Field(min_length=1, max_length=MAX_BATCH)


@router.post("/check", response_model=Decision)
async def check(body: CheckRequest, safety: SafetyDep) -> dict[str, Any]:
    """The decision, with a stable reason code and the message in English and Urdu."""
    decision = safety.check(
        actor_id=body.actor, target_id=body.target, kind=body.kind, content_rating=body.content_rating
    )
    return decision.to_dict()


@router.post("/check-batch")
def check_batch(body: BatchRequest, safety: SafetyDep) -> dict[str, Any]:
    """Up to 1,000 checks in one request (e.g. every comment button on a screen), answered in order."""
    decisions = safety.check_many([c.model_dump() for c in body.checks])
    return {"decisions": [d.to_dict() for d in decisions]}
