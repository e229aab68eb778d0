"""`/v1/ambassadors`: the Safety Ambassadors programme — applications, profiles, accuracy and recognition,
campaigns, events and the teaching library."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel

from hifazat.api.auth import AccountDep, DbDep, holding
from hifazat.api.routers.ambassador_schemas import (
    ApplicationIn,
    AttendanceIn,
    CampaignIn,
    DecisionIn,
    EventIn,
    MaterialIn,
    ProfileIn,
    ReasonIn,
    application_json,
    event_json,
    profile_json,
)
from hifazat.api.writes import IdempotencyKey, keyed_write
from hifazat.services import ambassador_profiles as profiles
from hifazat.services import ambassador_programme as programme
from hifazat.services import ambassadors as applying
from hifazat.services.clock import utcnow
from hifazat.storage.accounts import Account
from hifazat.storage.ambassadors import Platform
from hifazat.storage.unit import Stores

router = APIRouter(prefix="/v1/ambassadors", tags=["ambassadors"])

ApplicationReviewer = Annotated[Account, Depends(holding("ambassador.review"))]
ProgrammeAdmin = Annotated[Account, Depends(holding("ambassador.manage"))]
ReachReader = Annotated[Account, Depends(holding("ambassador.reach"))]


def _write(
    request: Request,
    db: DbDep,
    actor: Account,
    key: str | None,
    body: BaseModel | None,
    work: Callable[[Stores], Any],
    status: int = 200,
) -> Response:
    """Run `work` in one transaction, once per Idempotency-Key."""
    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work, status=status)


# ---- applications ------------------------------------------------------------------------------------------


@router.post("/applications", status_code=201)
def post_application(
    body: ApplicationIn, request: Request, actor: AccountDep, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Apply to become a Safety Ambassador (one open application at a time; 90 days after a decline)."""
    draft = applying.ApplicationDraft(
        motivation=body.motivation,
        languages=tuple(body.languages),
        platforms=tuple(Platform(p.name, p.followers) for p in body.platforms),
        region=body.region,
        agrees_to_code=body.agrees_to_code,
    )

    def work(stores: Stores) -> dict[str, Any]:
        return application_json(applying.apply(stores=stores, applicant=actor, draft=draft))

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work, status=201)


@router.get("/applications/me")
def my_application(actor: AccountDep, db: DbDep) -> dict[str, Any]:
    """Your latest application and whether you may apply now."""
    with db.read() as stores:
        status = applying.status_of(stores=stores, account=actor)
    return {
        "application": None if status.application is None else application_json(status.application),
        "can_apply": status.can_apply,
        "apply_from": status.apply_from,
    }


@router.post("/applications/me/withdraw")
def withdraw_application(
    request: Request, actor: AccountDep, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Withdraw your pending application."""
    return _write(
        request,
        db,
        actor,
        key,
        None,
        lambda s: application_json(applying.withdraw(stores=s, applicant=actor)),
    )


@router.get("/applications")
def pending(actor: ApplicationReviewer, db: DbDep) -> dict[str, Any]:
    """Applications waiting for a decision, oldest first (senior moderators and admins)."""
    with db.read() as stores:
        found = applying.pending_applications(stores=stores, reviewer=actor)
    return {"applications": [application_json(a) for a in found]}


@router.post("/applications/{application_id}/decide")
def decide(
    application_id: int,
    body: DecisionIn,
    request: Request,
    actor: ApplicationReviewer,
    db: DbDep,
    key: IdempotencyKey = None,
) -> Response:
    """Approve (the account becomes an ambassador) or decline with a reason; the applicant is notified."""

    def work(stores: Stores) -> dict[str, Any]:
        return application_json(
            applying.decide(
                stores=stores,
                reviewer=actor,
                application_id=application_id,
                approve=body.approve,
                reason=body.reason,
            )
        )

    return _write(request, db, actor, key, body, work)


@router.post("/step-down")
def step_down(request: Request, actor: AccountDep, db: DbDep, key: IdempotencyKey = None) -> Response:
    """Leave the programme: your role returns to user."""
    return _write(
        request, db, actor, key, None, lambda s: {"role": applying.step_down(stores=s, ambassador=actor).role}
    )


# ---- profiles, dashboard, recognition ---------------------------------------------------------------------


@router.get("")
def list_ambassadors(db: DbDep) -> dict[str, Any]:
    """Every active ambassador's public profile (public)."""
    with db.read() as stores:
        return {"ambassadors": [profile_json(p) for p in profiles.ambassadors(stores=stores)]}


@router.get("/recognition")
def recognition(db: DbDep) -> dict[str, Any]:
    """Ambassadors ranked by the accuracy of their flags, never by how many (public)."""
    with db.read() as stores:
        ranked = profiles.recognition(stores=stores)
    return {
        "minimum_decided": profiles.RECOGNITION_MIN_DECIDED,
        "ranking": [{"rank": r.rank, **profile_json(r.profile)} for r in ranked],
    }


@router.get("/me/dashboard")
def dashboard(actor: AccountDep, db: DbDep) -> dict[str, Any]:
    """Your profile, accuracy and latest flags with their outcomes (ambassadors)."""
    with db.read() as stores:
        found = profiles.dashboard(stores=stores, ambassador=actor)
    return {"profile": profile_json(found.profile), "flags": [asdict(f) for f in found.flags]}


@router.put("/me/profile")
def edit_profile(
    body: ProfileIn, request: Request, actor: AccountDep, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Edit your public profile: bio in English and Urdu, languages, region (ambassadors)."""

    def work(stores: Stores) -> dict[str, Any]:
        return profile_json(
            profiles.edit_profile(
                stores=stores,
                ambassador=actor,
                bio_en=body.bio_en,
                bio_ur=body.bio_ur,
                languages=None if body.languages is None else tuple(body.languages),
                region=body.region,
            )
        )

    return _write(request, db, actor, key, body, work)


# ---- campaigns, events, library ---------------------------------------------------------------------------


@router.get("/campaigns")
def campaigns(db: DbDep) -> dict[str, Any]:
    """Every campaign, newest first (public)."""
    with db.read() as stores:
        return {"campaigns": [asdict(c) for c in stores.programme.campaigns()]}


@router.post("/campaigns", status_code=201)
def post_campaign(
    body: CampaignIn, request: Request, actor: ProgrammeAdmin, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Create a campaign (admins)."""
    draft = programme.CampaignDraft(**body.model_dump())
    return _write(
        request,
        db,
        actor,
        key,
        body,
        lambda s: asdict(programme.save_campaign(stores=s, actor=actor, draft=draft)),
        status=201,
    )


@router.put("/campaigns/{campaign_id}")
def put_campaign(
    campaign_id: int,
    body: CampaignIn,
    request: Request,
    actor: ProgrammeAdmin,
    db: DbDep,
    key: IdempotencyKey = None,
) -> Response:
    """Edit a campaign (admins)."""
    draft = programme.CampaignDraft(**body.model_dump())
    return _write(
        request,
        db,
        actor,
        key,
        body,
        lambda s: asdict(
            programme.save_campaign(stores=s, actor=actor, draft=draft, campaign_id=campaign_id)
        ),
    )


def _event_draft(body: EventIn) -> programme.EventDraft:
    values = body.model_dump()
    values["speakers"], values["materials"] = tuple(body.speakers), tuple(body.materials)
    return programme.EventDraft(**values)


@router.get("/events")
def events(db: DbDep) -> dict[str, Any]:
    """Upcoming events (soonest first) and past ones (latest first), times also in Pakistan time (public)."""
    with db.read() as stores:
        upcoming, past = programme.split_events(stores.programme.events(), utcnow())
    return {"upcoming": [event_json(e) for e in upcoming], "past": [event_json(e) for e in past]}


@router.post("/events", status_code=201)
def post_event(
    body: EventIn, request: Request, actor: ProgrammeAdmin, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Create an event (admins)."""
    draft = _event_draft(body)
    return _write(
        request,
        db,
        actor,
        key,
        body,
        lambda s: event_json(programme.save_event(stores=s, actor=actor, draft=draft)),
        status=201,
    )


@router.put("/events/{event_id}")
def put_event(
    event_id: int,
    body: EventIn,
    request: Request,
    actor: ProgrammeAdmin,
    db: DbDep,
    key: IdempotencyKey = None,
) -> Response:
    """Edit an event (admins)."""
    draft = _event_draft(body)
    return _write(
        request,
        db,
        actor,
        key,
        body,
        lambda s: event_json(programme.save_event(stores=s, actor=actor, draft=draft, event_id=event_id)),
    )


@router.post("/events/{event_id}/attendance")
def post_attendance(
    event_id: int,
    body: AttendanceIn,
    request: Request,
    actor: ProgrammeAdmin,
    db: DbDep,
    key: IdempotencyKey = None,
) -> Response:
    """Record how many people came (admins, once the event has started)."""

    def work(stores: Stores) -> dict[str, Any]:
        return event_json(
            programme.record_attendance(
                stores=stores, actor=actor, event_id=event_id, attendance=body.attendance
            )
        )

    return _write(request, db, actor, key, body, work)


@router.get("/library")
def library(db: DbDep) -> dict[str, Any]:
    """Every teaching material (public)."""
    with db.read() as stores:
        return {"materials": [asdict(m) for m in stores.programme.materials()]}


@router.get("/library/reach")
def library_reach(actor: ReachReader, db: DbDep) -> dict[str, Any]:
    """Each material's reach: distinct visitors per day, summed (ambassadors and admins)."""
    with db.read() as stores:
        found = programme.reach(stores=stores, viewer=actor)
    return {"reach": [{"slug": r.material.slug, "views": r.views} for r in found]}


@router.post("/library", status_code=201)
def post_material(
    body: MaterialIn, request: Request, actor: ProgrammeAdmin, db: DbDep, key: IdempotencyKey = None
) -> Response:
    """Add teaching material (admins)."""
    draft = programme.MaterialDraft(**body.model_dump())
    return _write(
        request,
        db,
        actor,
        key,
        body,
        lambda s: asdict(programme.save_material(stores=s, actor=actor, draft=draft)),
        status=201,
    )


@router.put("/library/{material_id}")
def put_material(
    material_id: int,
    body: MaterialIn,
    request: Request,
    actor: ProgrammeAdmin,
    db: DbDep,
    key: IdempotencyKey = None,
) -> Response:
    """Edit teaching material (admins)."""
    draft = programme.MaterialDraft(**body.model_dump())
    return _write(
        request,
        db,
        actor,
        key,
        body,
        lambda s: asdict(
            programme.save_material(stores=s, actor=actor, draft=draft, material_id=material_id)
        ),
    )


@router.get("/library/{slug}")
def material(slug: str, db: DbDep) -> dict[str, Any]:
    """One teaching material (public; reading it here is not counted as a view)."""
    with db.read() as stores:
        return asdict(stores.programme.material(slug))


# ---- last: a profile by handle -----------------------------------------------------------------------------


@router.post("/{handle}/remove")
def remove(
    handle: str,
    body: ReasonIn,
    request: Request,
    actor: ApplicationReviewer,
    db: DbDep,
    key: IdempotencyKey = None,
) -> Response:
    """Remove an ambassador from the programme, with a reason they are told (senior moderators and admins)."""

    def work(stores: Stores) -> dict[str, Any]:
        account = stores.accounts.by_handle(handle)
        target = handle if account is None else account.id
        return {
            "role": applying.remove(stores=stores, reviewer=actor, account_id=target, reason=body.reason).role
        }

    return _write(request, db, actor, key, body, work)


@router.get("/{handle}")
def profile(handle: str, db: DbDep) -> dict[str, Any]:
    """An ambassador's public profile and accuracy (public)."""
    with db.read() as stores:
        return profile_json(profiles.public_profile(stores=stores, handle=handle))
