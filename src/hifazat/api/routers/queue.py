"""`/v1/queue`: the review queue — list, claim the next task, read it, release, escalate, decide."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from hifazat.api.auth import CatalogueDep, DbDep, QueueReader, Reviewer
from hifazat.api.deps import SettingsDep
from hifazat.api.writes import IdempotencyKey, keyed_write
from hifazat.services.clock import utcnow
from hifazat.services.decisions import DecisionResult, decide_task
from hifazat.services.private_content import HIDDEN_NOTE, may_read, shown_verdict
from hifazat.services.review import claim_next, escalate_task, list_tasks, release_task, view_task
from hifazat.services.webhooks import deliver_due
from hifazat.storage.accounts import Account
from hifazat.storage.queue import Task
from hifazat.storage.unit import Stores

router = APIRouter(prefix="/v1/queue", tags=["queue"])


class ClaimIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    queue: str | None = Field(default=None, description="en or ur; both when omitted.")
    lease_seconds: float | None = Field(
        default=None, description="Lease length, 1 s to 2 h (default 15 min)."
    )


class EscalateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    note: str = Field(description="Why a senior moderator should decide this.")


class DecideIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    policy: str = Field(max_length=64, description="The guideline policy the decision is made under.")
    outcome: str = Field(description="remove, restrict_adults, not_recommended, label or no_violation.")
    rationale: str = Field(default="", description="Why (kept in the audit log; up to 2,000 characters).")


def task_json(task: Task) -> dict[str, Any]:
    return asdict(task)


def decision_json(result: DecisionResult) -> dict[str, Any]:
    standing = result.standing
    return {
        "decision": asdict(result.decision),
        "strike": None if result.strike is None else asdict(result.strike),
        "author_standing": None if standing is None else standing.level,
        "notified": result.notified,
        "replayed": result.replayed,
    }


@router.get("")
def get_queue(
    actor: QueueReader,
    db: DbDep,
    queue: Annotated[str | None, Query(description="en or ur")] = None,
    state: Annotated[str, Query(description="open, claimed or decided")] = "open",
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
) -> dict[str, Any]:
    """Tasks in priority order."""
    with db.read() as stores:
        tasks = list_tasks(tasks=stores.tasks, viewer=actor, queue=queue, state=state, limit=limit)
    return {"tasks": [task_json(t) for t in tasks]}


@router.post("/claim", responses={204: {"description": "Nothing to claim."}})
def claim(
    body: ClaimIn, request: Request, actor: Reviewer, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Lease the most urgent task you may take; 204 when there is none. With an Idempotency-Key a
    retried claim returns the same task instead of taking a second one."""

    def work(stores: Stores) -> dict[str, Any] | None:
        task = claim_next(
            tasks=stores.tasks,
            audit=stores.audit,
            moderator=actor,
            queue=body.queue,
            lease_seconds=body.lease_seconds,
        )
        return None if task is None else _view(stores, task.id, actor)

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work)


def _view(stores: Stores, task_id: int, viewer: Account) -> dict[str, Any]:
    seen = view_task(tasks=stores.tasks, content=stores.content, reports=stores.reports, task_id=task_id)
    readable = may_read(item=seen.item, viewer=viewer, task=seen.task, now=utcnow())
    item = asdict(seen.item) | ({} if readable else {"text": None, "text_hidden": HIDDEN_NOTE})
    result: dict[str, Any] = jsonable_encoder(
        {
            "task": task_json(seen.task),
            "item": item,
            "verdicts": [shown_verdict(v.payload, readable=readable) for v in seen.verdicts],
            "reports": [
                {
                    "source": r.source,
                    "policy": r.policy,
                    "note": r.note,
                    "score": r.score,
                    "authority": r.authority,
                    "reference": r.reference,
                    "at": r.created_at,
                }
                for r in seen.reports
            ],
        }
    )
    return result


@router.get("/{task_id}")
def get_task(task_id: int, actor: QueueReader, db: DbDep) -> dict[str, Any]:
    """A task with its item, verdicts and reports (reporters are not named). The words of a direct
    message are shown only to the moderator holding the task."""
    with db.read() as stores:
        return _view(stores, task_id, actor)


@router.post("/{task_id}/release")
def release(
    task_id: int, request: Request, actor: Reviewer, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Give a task you hold back to the queue."""

    def work(stores: Stores) -> dict[str, Any]:
        return task_json(
            release_task(tasks=stores.tasks, audit=stores.audit, moderator=actor, task_id=task_id)
        )

    return keyed_write(request=request, db=db, actor=actor, key=key, body=None, work=work)


@router.post("/{task_id}/escalate")
def escalate(
    task_id: int, body: EscalateIn, request: Request, actor: Reviewer, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Hand a task you hold to senior moderators, with a note saying why."""

    def work(stores: Stores) -> dict[str, Any]:
        task = escalate_task(
            tasks=stores.tasks, audit=stores.audit, moderator=actor, task_id=task_id, note=body.note
        )
        return task_json(task)

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work)


@router.post("/{task_id}/decide")
def decide(
    task_id: int,
    body: DecideIn,
    request: Request,
    actor: Reviewer,
    db: DbDep,
    catalogue: CatalogueDep,
    settings: SettingsDep,
    background: BackgroundTasks,
    key: IdempotencyKey = None,
) -> Response:
    """Decide a task you hold. Retrying (with or without an Idempotency-Key) never applies it twice."""
    queued: list[int] = []

    def work(stores: Stores) -> dict[str, Any]:
        result = decide_task(
            stores=stores,
            catalogue=catalogue,
            moderator=actor,
            task_id=task_id,
            policy_id=body.policy,
            outcome=body.outcome,
            rationale=body.rationale,
        )
        queued.append(result.webhooks)
        return decision_json(result)

    response = keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work)
    if sum(queued):
        background.add_task(deliver_due, db=db, secret=settings.secret_key)
    return response
