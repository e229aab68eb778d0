"""`POST /v1/factchecks` (import ClaimReview JSON-LD or CSV), `POST /v1/claims/match` and
`POST /v1/claims/clusters` (rumour clusters of a batch of posts)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from pydantic import BaseModel, Field

from hifazat.api.deps import RuntimeDep
from hifazat.core.errors import InvalidInputError
from hifazat.services.factchecks import (
    MAX_CLUSTER_POSTS,
    ClaimIndex,
    PostIn,
    cluster_posts,
    import_factchecks,
    match_to_dict,
)
from hifazat.storage.unit import Database

router = APIRouter(prefix="/v1", tags=["misinformation"])


def get_claim_index(request: Request, runtime: RuntimeDep) -> ClaimIndex:
    """One claim index per app, made on first use (the embedder loads only then)."""
    index: ClaimIndex | None = getattr(request.app.state, "claim_index", None)
    if index is None:
        index = ClaimIndex(Database(runtime.engine))
        request.app.state.claim_index = index
    return index


ClaimIndexDep = Annotated[ClaimIndex, Depends(get_claim_index)]


class MatchRequest(BaseModel):
    text: str = Field(
        description="Caption, comment or transcript, in English, Urdu or Roman Urdu.", max_length=5000
    )
    lang: str | None = Field(default=None, description="en, ur or roman-ur; detected when omitted.")
    limit: int = Field(default=5, ge=1, le=20, description="Most matches to return.")


@router.post(
    "/factchecks",
    openapi_extra={
        "requestBody": {
            "content": {
                "application/ld+json": {"schema": {"type": "object"}},
                "application/json": {"schema": {"type": "object"}},
                "text/csv": {"schema": {"type": "string"}},
            },
            "required": True,
        }
    },
)
async def import_(request: Request, runtime: RuntimeDep) -> dict[str, Any]:
    """Import fact-checks: ClaimReview JSON-LD (one object, an array or an `@graph`) or CSV.

    Idempotent. Malformed records are listed under `problems` with their position; the rest are
    imported. Answers `{"created", "updated", "unchanged", "problems"}`.
    """
    raw = await request.body()
    try:
        source = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInputError(f"the body is not UTF-8 (byte {exc.start})") from None
    kind = request.headers.get("content-type", "").split(";")[0].strip().casefold()
    fmt = "csv" if kind in ("text/csv", "application/csv") else "json" if "json" in kind else None
    report = import_factchecks(Database(runtime.engine), source=source, name="request body", fmt=fmt)
    return report.to_dict()


@router.post("/claims/match")
def match(body: MatchRequest, index: ClaimIndexDep) -> dict[str, Any]:
    """Known fact-checked claims the text makes, best first; empty when none matches confidently."""
    return {"matches": [match_to_dict(m) for m in index.match(body.text, body.lang, limit=body.limit)]}


class ClusterPost(BaseModel):
    id: str = Field(min_length=1, max_length=200, description="The post's id in your system.")
    text: str = Field(max_length=5000, description="Caption, comment or transcript.")
    at: datetime = Field(description="When the post was published (ISO 8601 with a time zone).")
    lang: str | None = Field(default=None, description="en, ur or roman-ur; detected when omitted.")


class ClusterRequest(BaseModel):
    posts: list[ClusterPost] = Field(max_length=MAX_CLUSTER_POSTS)
    now: datetime | None = Field(default=None, description="Reference time for speed (default: newest post).")


@router.post("/claims/clusters")
def clusters(body: ClusterRequest, index: ClaimIndexDep) -> dict[str, Any]:
    """Rumour clusters: posts spreading one claim (copied, re-worded, translated), fastest first.

    Each cluster has its first post (`leader`), `post_ids`, `size`, `velocity` (posts in the last
    six hours), `spreading`, and the matched `factcheck` when the posts repeat a checked claim.
    """
    posts = [PostIn(p.id, p.text, p.at, p.lang) for p in body.posts]
    return {"clusters": cluster_posts(index, posts, now=body.now)}
