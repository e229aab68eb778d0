"""Comments under comment controls: `GET /v1/content/{id}/comments?viewer=ID` and the creator's tools."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from hifazat.api.routers.safety_common import SafetyDep
from hifazat.services.safety_comments import MAX_BULK, comment_dict

router = APIRouter(prefix="/v1", tags=["safety"])


class NewComment(BaseModel):
    author: str = Field(min_length=1, max_length=64)
    creator: str = Field(description="The account whose video this is.", min_length=1, max_length=64)
    text: str = Field(max_length=2200)
    confirmed: bool = Field(default=False, description="True after the author saw the nudge and still posts.")


class Draft(BaseModel):
    text: str = Field(max_length=2200)


class By(BaseModel):
    by: str = Field(min_length=1, max_length=64)


class Bulk(BaseModel):
    by: str = Field(description="The creator.", min_length=1, max_length=64)
    action: Literal["delete", "block"]
    comment_ids: list[str] = Field(description=f"1 to {MAX_BULK} comments on the creator's videos.")


@router.get("/content/{content_id}/comments")
def list_comments(
    content_id: str, safety: SafetyDep, viewer: str = Query(description="The account looking.")
) -> dict[str, object]:
    """The comments this viewer may see, after filters, restrictions and blocks."""
    comments = safety.comments_for(content_id=content_id, viewer_id=viewer)
    return {"content_id": content_id, "comments": [comment_dict(c) for c in comments]}


@router.post("/content/{content_id}/comments")
def post_comment(content_id: str, body: NewComment, safety: SafetyDep) -> dict[str, object]:
    """Post a comment; a likely hurtful one comes back with a nudge (`posted: false`) unless confirmed.
    A posted comment is also an enforcement content item with the same id (report it with
    `POST /v1/reports/surface`, surface `comment`); decisions and appeals on it change who sees it."""
    result = safety.post_comment(
        content_id=content_id,
        creator_id=body.creator,
        author_id=body.author,
        text=body.text,
        confirmed=body.confirmed,
    )
    return result.to_dict()


@router.get("/content/{content_id}/comments/held")
def held(
    content_id: str, safety: SafetyDep, viewer: str = Query(description="The creator.")
) -> dict[str, object]:
    """The creator's queue: held comments and comments of restricted accounts."""
    comments = safety.held_comments(content_id=content_id, creator_id=viewer)
    return {"content_id": content_id, "comments": [comment_dict(c) for c in comments]}


@router.post("/comments/draft-check")
def draft_check(body: Draft, safety: SafetyDep) -> dict[str, object]:
    """Whether to show "reconsider before posting" for a draft, with the prompt in English and Urdu."""
    return safety.review_draft(text=body.text)


@router.post("/comments/{comment_id}/approve")
def approve(comment_id: str, body: By, safety: SafetyDep) -> dict[str, object]:
    return comment_dict(safety.approve_comment(comment_id=comment_id, by=body.by))


@router.delete("/comments/{comment_id}", status_code=204)
def delete(comment_id: str, safety: SafetyDep, by: str = Query()) -> None:
    safety.delete_comment(comment_id=comment_id, by=by)


@router.post("/comments/bulk")
def bulk(body: Bulk, safety: SafetyDep) -> dict[str, int]:
    """Delete up to 100 comments at once, or block their authors too."""
    return safety.bulk_moderate(by=body.by, comment_ids=body.comment_ids, action=body.action)
