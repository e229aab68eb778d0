"""`/v1/reports`: report an item (by content id, or by surface and target id), file a regulator's legal
request, follow a report's outcome. Refusals of a report carry `message_ur` beside `message`."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field

from hifazat.api.auth import AccountDep, CatalogueDep, DbDep, LegalFiler, Reporter, is_staff
from hifazat.api.deps import ModeratorDep
from hifazat.api.writes import IdempotencyKey, keyed_write
from hifazat.core.decide.verdict import Verdict
from hifazat.core.enforcement.permissions import allowed
from hifazat.core.moderator import Moderator
from hifazat.core.safety.errors import SafetyForbiddenError, SafetyInvalidError
from hifazat.services.moderation import context_from
from hifazat.services.report_targets import (
    SURFACES,
    EngineCheck,
    report_content,
    report_from_surface,
)
from hifazat.services.reports import Filed, file_legal_request, report_outcome
from hifazat.storage.safety import SafetyStore
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


class SurfaceReportIn(BaseModel):
    """A report from any surface of the app: what the person pointed at, and which guideline it breaks."""

    model_config = ConfigDict(extra="forbid")
    surface: str = Field(max_length=16, description=f"One of: {', '.join(SURFACES)}.")
    target_id: str = Field(
        max_length=200,
        description="The content id (video, caption, message, live_chat), the comment id (comment) or "
        "the account id (profile).",
    )
    policy: str = Field(max_length=64, description="A guideline policy id, e.g. safety.harassment.")
    note: str = Field(default="", description="What reviewers should know (up to 2,000 characters).")


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
    moderator: ModeratorDep,
    key: IdempotencyKey = None,
) -> Response:
    """File a report. Reports on an item under review join its task; reporting twice counts once."""
    if body.source not in (None, "proactive"):
        raise SafetyInvalidError(
            "source may only be `proactive` (for service clients)",
            message_ur="`source` صرف `proactive` ہو سکتا ہے، اور وہ بھی صرف سروس کلائنٹس کے لیے۔",
            reason="bad_source",
        )
    if body.source == "proactive" and not allowed(actor.role, "report.proactive"):
        raise SafetyForbiddenError(
            "only service clients file proactive reports",
            message_ur="خودکار (proactive) رپورٹ صرف سروس کلائنٹس درج کر سکتے ہیں۔",
            reason="not_allowed",
        )
    proactive = body.source == "proactive"
    check = engine_check(moderator)

    def work(stores: Stores) -> dict[str, Any]:
        filed = report_content(
            stores=stores,
            comments=SafetyStore(stores.session),
            catalogue=catalogue,
            reporter=None if proactive else actor,
            content_id=body.content_id,
            policy_id=body.policy,
            note=body.note,
            source="proactive" if proactive else None,
            score=body.score,
            check=check,
        )
        return filed_json(filed)

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work, status=201)


def engine_check(moderator: Moderator) -> EngineCheck:
    """The app's engine for items made at report time (a profile, a comment stored before linking)."""

    def check(text: str, surface: str) -> Verdict:
        return moderator.check(text, context_from({"surface": surface}))

    return check


@router.post("/surface", status_code=201)
def post_surface_report(
    body: SurfaceReportIn,
    request: Request,
    actor: Reporter,
    db: DbDep,
    catalogue: CatalogueDep,
    moderator: ModeratorDep,
    key: IdempotencyKey = None,
) -> Response:
    """Report from any surface: a video, caption, comment (by comment id), direct message, profile (by
    account id) or LIVE chat message. It joins the item's review task; the answer never repeats the
    reported text (a direct message's words are seen only by the moderator who reviews it)."""
    check = engine_check(moderator)

    def work(stores: Stores) -> dict[str, Any]:
        filed = report_from_surface(
            stores=stores,
            comments=SafetyStore(stores.session),
            catalogue=catalogue,
            reporter=actor,
            surface=body.surface,
            target_id=body.target_id,
            policy_id=body.policy,
            note=body.note,
            check=check,
        )
        return filed_json(filed) | {"surface": body.surface, "target_id": body.target_id}

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
