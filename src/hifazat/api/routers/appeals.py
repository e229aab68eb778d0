"""`/v1/appeals`: appeal a decision on your content; moderators list and resolve appeals."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from hifazat.api.auth import (
    AccountDep,
    AppealReader,
    AppealReviewer,
    Appellant,
    CatalogueDep,
    DbDep,
    is_staff,
)
from hifazat.api.deps import SettingsDep
from hifazat.api.writes import IdempotencyKey, keyed_write
from hifazat.core.enforcement.lifecycle import appeal_deadline
from hifazat.core.errors import InvalidInputError
from hifazat.services.appeals import file_appeal, resolve_appeal, view_appeal
from hifazat.services.webhooks import deliver_due
from hifazat.storage.appeals import Appeal
from hifazat.storage.unit import Stores

router = APIRouter(prefix="/v1/appeals", tags=["appeals"])


class AppealIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    decision_id: int
    reason: str = Field(description="Why the decision is wrong (1 to 2,000 characters).")


class ResolveIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    outcome: str = Field(description="upheld (the decision stands) or overturned (restore the content).")
    rationale: str = Field(description="Why (kept in the audit log).")


def appeal_json(appeal: Appeal) -> dict[str, Any]:
    return asdict(appeal)


@router.post("", status_code=201)
def post_appeal(
    body: AppealIn,
    request: Request,
    actor: Appellant,
    db: DbDep,
    catalogue: CatalogueDep,
    key: IdempotencyKey = None,
) -> Response:
    """Appeal a decision on your own content: once, within 30 days."""

    def work(stores: Stores) -> dict[str, Any]:
        appeal = file_appeal(
            stores=stores,
            catalogue=catalogue,
            appellant=actor,
            decision_id=body.decision_id,
            reason=body.reason,
        )
        return appeal_json(appeal)

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work, status=201)


@router.get("")
def get_appeals(
    actor: AppealReader,
    db: DbDep,
    state: Annotated[str, Query(description="pending, upheld or overturned")] = "pending",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Appeals in the order they were filed."""
    if state not in ("pending", "upheld", "overturned"):
        raise InvalidInputError(f"unknown appeal state {state!r}", hint="use pending, upheld or overturned")
    with db.read() as stores:
        appeals = stores.appeals.listing(state=state, limit=limit)  # type: ignore[arg-type]
        decisions = {a.id: stores.decisions.get(a.decision_id) for a in appeals}
    return {
        "appeals": [
            appeal_json(a)
            | {"decision": asdict(decisions[a.id]), "deadline": appeal_deadline(decisions[a.id].decided_at)}
            for a in appeals
        ]
    }


@router.get("/{appeal_id}")
def get_appeal(appeal_id: int, actor: AccountDep, db: DbDep) -> dict[str, Any]:
    """An appeal, for its appellant or staff."""
    with db.read() as stores:
        return appeal_json(
            view_appeal(
                stores=stores, viewer=actor, appeal_id=appeal_id, staff=is_staff(actor, "appeal.read_any")
            )
        )


@router.post("/{appeal_id}/resolve")
def resolve(
    appeal_id: int,
    body: ResolveIn,
    request: Request,
    actor: AppealReviewer,
    db: DbDep,
    catalogue: CatalogueDep,
    settings: SettingsDep,
    background: BackgroundTasks,
    key: IdempotencyKey = None,
) -> Response:
    """Uphold or overturn; you may not review an appeal against your own decision."""

    queued: list[int] = []

    def work(stores: Stores) -> dict[str, Any]:
        result = resolve_appeal(
            stores=stores,
            catalogue=catalogue,
            reviewer=actor,
            appeal_id=appeal_id,
            outcome=body.outcome,
            rationale=body.rationale,
        )
        queued.append(result.webhooks)
        return {
            "appeal": appeal_json(result.appeal),
            "decision": asdict(result.decision),
            "restored": result.restored,
            "strike_removed": result.strike_removed,
        }

    response = keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work)
    if sum(queued):
        background.add_task(deliver_due, db=db, secret=settings.secret_key)
    return response
