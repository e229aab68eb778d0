"""`POST /v1/moderate`: one text in, one verdict out."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from hifazat.api.deps import ModeratorDep
from hifazat.services.moderation import moderate_text

router = APIRouter(prefix="/v1", tags=["moderation"])


class ModerateRequest(BaseModel):
    text: str = Field(description="The text to check: caption, comment, bio, message or transcript.")
    context: dict[str, Any] | None = Field(
        default=None,
        description="surface, account_age_days, follower_count, prior_strikes, author_age, extra",
    )


@router.post("/moderate")
async def moderate(body: ModerateRequest, moderator: ModeratorDep) -> dict[str, Any]:
    """The verdict: action, policies, scores, evidence spans, reasons in English and Urdu, versions."""
    return moderate_text(moderator, text=body.text, context=body.context).to_dict()
