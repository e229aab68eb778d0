"""`POST /v1/moderate`: one text in, one verdict out."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from hifazat.api.deps import ChecksDep
from hifazat.services.moderation import context_from

router = APIRouter(prefix="/v1", tags=["moderation"])


class ModerateRequest(BaseModel):
    text: str = Field(description="The text to check: caption, comment, bio, message or transcript.")
    context: dict[str, Any] | None = Field(
        default=None,
        description="surface, account_age_days, follower_count, prior_strikes, author_age, extra",
    )


@router.post("/moderate")
async def moderate(body: ModerateRequest, checks: ChecksDep) -> dict[str, Any]:
    """The verdict: action, policies, scores, evidence spans, reasons in English and Urdu, versions."""
    verdict = await checks.check(body.text, context_from(body.context))
    return verdict.to_dict()
