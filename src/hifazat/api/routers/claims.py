"""`POST /v1/factchecks` (import ClaimReview JSON-LD or CSV), `POST /v1/claims/match`,
`POST /v1/claims/clusters` (rumour clusters of a batch of posts), and the enforcement side:
`POST /v1/claims/enforce` (act on stored items that repeat fact-checked claims) and
`POST /v1/claims/clusters/decide` (one reviewer decision for a whole cluster)."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from hifazat.api.auth import CatalogueDep, DbDep, Reviewer, holding
from hifazat.api.deps import RuntimeDep, SettingsDep
from hifazat.api.writes import IdempotencyKey, keyed_write
from hifazat.core.errors import InvalidInputError
from hifazat.services.claim_enforcement import (
    MAX_ITEMS,
    ClaimCheck,
    decide_cluster,
    enforce_claims,
    items_to_check,
)
from hifazat.services.factchecks import (
    MAX_CLUSTER_POSTS,
    ClaimIndex,
    PostIn,
    cluster_posts,
    import_factchecks,
    match_to_dict,
)
from hifazat.services.webhooks import deliver_due
from hifazat.settings import Settings
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database, Stores

router = APIRouter(prefix="/v1", tags=["misinformation"])


def get_claim_index(request: Request, runtime: RuntimeDep) -> ClaimIndex:
    """One claim index per app, made on first use (the embedder loads only then)."""
    index: ClaimIndex | None = getattr(request.app.state, "claim_index", None)
    if index is None:
        index = ClaimIndex(Database(runtime.engine))
        request.app.state.claim_index = index
    return index


ClaimIndexDep = Annotated[ClaimIndex, Depends(get_claim_index)]
ProactiveReporter = Annotated[Account, Depends(holding("report.proactive"))]


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
async def import_(request: Request, runtime: RuntimeDep, _actor: ProactiveReporter) -> dict[str, Any]:
    """Import fact-checks: ClaimReview JSON-LD (one object, an array or an `@graph`) or CSV.

    Admins and service clients only: fact-checks drive labels and removals.

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


class EnforceRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    content_ids: list[str] = Field(
        min_length=1,
        max_length=MAX_ITEMS,
        description="Stored content items to check against the fact-checks.",
    )


def _check_json(check: ClaimCheck) -> dict[str, Any]:
    return {
        "content_id": check.content_id,
        "result": check.result,
        "match": match_to_dict(check.match) if check.match else None,
        "decision_id": check.decision_id,
        "task_id": check.task_id,
        "note": check.note or None,
    }


@router.post("/claims/enforce")
def enforce(
    body: EnforceRequest,
    actor: ProactiveReporter,
    db: DbDep,
    catalogue: CatalogueDep,
    index: ClaimIndexDep,
    settings: SettingsDep,
    background: BackgroundTasks,
) -> dict[str, Any]:
    """Check stored items against the fact-checks and act on confident matches (proactive detection).

    A harmful false claim is removed with a strike, another false, misleading or unverified one is
    labelled (not recommended, with a share prompt); a weaker confident match is sent to a reviewer.
    Each result is `none`, `label`, `remove`, `review` or `skipped` (already checked, removed or decided).
    Decisions are ordinary ones: notified, appealable, reversible. Checking an item twice changes nothing.
    """
    with db.read() as stores:
        items = items_to_check(stores, body.content_ids)
    found = index.match_many([item.text for item in items], limit=1)
    with db.write() as stores:
        current = items_to_check(stores, [item.id for item in items])
        checks = enforce_claims(stores=stores, catalogue=catalogue, items=current, matches=found)
    _deliver_soon(checks, background, db, settings)
    return {"results": [_check_json(c) for c in checks]}


class ClusterDecision(BaseModel):
    model_config = ConfigDict(extra="forbid")
    content_ids: list[str] = Field(
        min_length=1, max_length=MAX_ITEMS, description="The cluster's stored posts."
    )
    policy: str = Field(description="The guideline, e.g. integrity.misinformation.")
    outcome: str = Field(description="remove, not_recommended, label, restrict_adults or no_violation.")
    rationale: str = Field(description="Why; every author and any appeal reviewer reads it.")


@router.post("/claims/clusters/decide")
def decide_cluster_route(
    body: ClusterDecision,
    request: Request,
    actor: Reviewer,
    db: DbDep,
    catalogue: CatalogueDep,
    settings: SettingsDep,
    background: BackgroundTasks,
    key: IdempotencyKey = None,
) -> Response:
    """Decide every post of a rumour cluster at once: one decision per post (each author may appeal),
    open review tasks closed, reporters told. Posts already decided are `skipped`."""

    def work(stores: Stores) -> dict[str, Any]:
        checks = decide_cluster(
            stores=stores,
            catalogue=catalogue,
            moderator=actor,
            content_ids=body.content_ids,
            policy_id=body.policy,
            outcome=body.outcome,
            rationale=body.rationale,
        )
        _deliver_soon(checks, background, db, settings)
        return {"results": [_check_json(c) for c in checks]}

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work)


def _deliver_soon(
    checks: list[ClaimCheck], background: BackgroundTasks, db: Database, settings: Settings
) -> None:
    """Send the webhooks of the decisions just taken once the response is out (retries: `webhooks deliver`)."""
    if any(check.webhooks for check in checks):
        background.add_task(deliver_due, db=db, secret=settings.secret_key)
