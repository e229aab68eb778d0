"""`/v1/reports`: report an item, file a regulator's legal request, follow a report's outcome."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from hifazat.api.auth import AccountDep, CatalogueDep, DbDep, LegalFiler, Reporter, is_staff
from hifazat.api.writes import IdempotencyKey, keyed_write
from hifazat.core.enforcement.permissions import allowed
from hifazat.core.errors import InvalidInputError, PermissionDeniedError
from hifazat.services.reports import Filed, file_legal_request, file_report, report_outcome
from hifazat.storage.unit import Stores

router = APIRouter(prefix="/v1/reports", tags=["reports"])


class ReportIn(BaseModel):
    """A report: which item, which guideline it breaks, and optionally why."""

    model_config = ConfigDict(extra="forbid")
    content_id: str = Field(max_length=64)
    policy: str = Field(max_length=64, description="A guideline policy id, e.g. safety.harassment.")
    note: str = Field(
        default="", description="What the reporter wants reviewers to know (up to 2,000 characters)."
    )
    source: str | None = Field(
        default=None, description="Service clients only: `proactive` for engine findings."
    )
    score: float | None = Field(
        default=None, ge=0.0, le=1.0, description="Proactive reports: the engine's score."
    )


class LegalIn(BaseModel):
    """A regulator's takedown request (e.g. from the PTA)."""

    model_config = ConfigDict(extra="forbid")
    content_id: str = Field(max_length=64)
    policy: str = Field(max_length=64)
    authority: str = Field(description="Who sent it, e.g. PTA.")
    reference: str = Field(description="Their reference number.")
    expedited: bool = Field(default=False, description="An emergency order: 6 hours instead of 24.")
    received_at: datetime | None = Field(default=None, description="When it arrived (default: now).")
    note: str = ""


def filed_json(filed: Filed) -> dict[str, Any]:
    report = filed.report
    return {
        "report": {
            "id": report.id,
            "content_id": report.content_id,
            "policy": report.policy,
            "source": report.source,
            "created_at": report.created_at,
            "due_at": report.due_at,
        },
        "task": {
            "id": filed.task.id,
            "priority": filed.task.priority,
            "due_at": filed.task.due_at,
            "report_count": filed.task.report_count,
            "level": filed.task.level,
        },
        "merged": filed.merged,
        "duplicate": filed.duplicate,
    }


@router.post("", status_code=201)
def post_report(
    body: ReportIn,
    request: Request,
    actor: Reporter,
    db: DbDep,
    catalogue: CatalogueDep,
    key: IdempotencyKey = None,
) -> Response:
    """File a report. Reports on an item under review join its task; reporting twice counts once."""
    if body.source not in (None, "proactive"):
        raise InvalidInputError("source may only be `proactive` (for service clients)")
    if body.source == "proactive" and not allowed(actor.role, "report.proactive"):
        raise PermissionDeniedError("only service clients file proactive reports")
    proactive = body.source == "proactive"

    def work(stores: Stores) -> dict[str, Any]:
        filed = file_report(
            stores=stores,
            catalogue=catalogue,
            reporter=None if proactive else actor,
            content_id=body.content_id,
            policy_id=body.policy,
            note=body.note,
            source="proactive" if proactive else None,
            score=body.score,
        )
        return filed_json(filed)

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work, status=201)


@router.post("/legal", status_code=201)
def post_legal_request(
    body: LegalIn,
    request: Request,
    actor: LegalFiler,
    db: DbDep,
    catalogue: CatalogueDep,
    key: IdempotencyKey = None,
) -> Response:
    """Record a legal request: seniors get it, due by the statutory deadline (24 h, 6 h when expedited)."""

    def work(stores: Stores) -> dict[str, Any]:
        filed = file_legal_request(
            stores=stores,
            catalogue=catalogue,
            filer=actor,
            content_id=body.content_id,
            policy_id=body.policy,
            authority=body.authority,
            reference=body.reference,
            expedited=body.expedited,
            received_at=body.received_at,
            note=body.note,
        )
        return filed_json(filed)

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work, status=201)


@router.get("/{report_id}")
def get_report(report_id: int, actor: AccountDep, db: DbDep) -> dict[str, Any]:
    """A report's status for its reporter: under review, action taken, or no violation — nothing more."""
    with db.read() as stores:
        outcome = report_outcome(
            stores=stores, viewer=actor, report_id=report_id, staff=is_staff(actor, "report.read_any")
        )
    report = outcome.report
    return {
        "id": report.id,
        "content_id": report.content_id,
        "policy": report.policy,
        "created_at": report.created_at,
        "status": outcome.status,
        "decided_at": outcome.decided_at,
    }
