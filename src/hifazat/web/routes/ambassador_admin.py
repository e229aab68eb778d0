"""Running the programme from the web: deciding applications and removing ambassadors (senior moderators
and admins), and creating campaigns, events and teaching materials and recording attendance (admins)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from starlette.datastructures import FormData
from starlette.responses import HTMLResponse, RedirectResponse, Response

from hifazat.core.enforcement.permissions import allowed
from hifazat.core.errors import HifazatError, InvalidInputError, NotFoundError
from hifazat.services import ambassador_programme as programme
from hifazat.services import ambassadors as applying
from hifazat.storage.accounts import Account
from hifazat.storage.ambassador_programme import Event
from hifazat.storage.unit import Stores
from hifazat.web.errors import error_page
from hifazat.web.i18n import N_
from hifazat.web.rendering import Page, PageDep
from hifazat.web.routes.ambassador_common import helpers
from hifazat.web.security import CSRF_FIELD
from hifazat.web.sessions import require_account, web_database

router = APIRouter(include_in_schema=False)

Staff = Annotated[Account, Depends(require_account("senior_moderator", "admin"))]
Admin = Annotated[Account, Depends(require_account("admin"))]


def _admin_page(
    page: Page, me: Account, *, problem: str = "", done: str = "", status: int = 200
) -> HTMLResponse:
    with web_database(page.request).read() as stores:
        pending = applying.pending_applications(stores=stores, reviewer=me)
        names = {a.account_id: stores.accounts.get(a.account_id) for a in pending}
        events = stores.programme.events()
        campaigns = stores.programme.campaigns()
        materials = stores.programme.materials()
    return page.render(
        "pages/ambassadors/admin.html",
        status=status,
        me=me,
        manager=allowed(me.role, "ambassador.manage"),
        pending=pending,
        names=names,
        events=events,
        campaigns=campaigns,
        materials=materials,
        audiences=programme.AUDIENCES,
        problem=problem,
        done=done,
        csrf_field=CSRF_FIELD,
        **helpers(page),
    )


@router.get("/ambassadors/admin", response_class=HTMLResponse)
def admin_home(page: PageDep, me: Staff, done: str = "") -> HTMLResponse:
    """Applications waiting for a decision and, for admins, the forms that add to the programme."""
    return _admin_page(page, me, done=done)


async def _form(request: Request, page: Page) -> FormData | None:
    form = await request.form(max_files=0, max_fields=40)
    return form if page.csrf_ok(str(form.get(CSRF_FIELD, ""))) else None


def _text(form: FormData, name: str) -> str:
    return str(form.get(name, ""))


def _number(form: FormData, name: str) -> int:
    raw = _text(form, name).strip()
    if not raw.isdigit():
        raise InvalidInputError(f"{name} must be a whole number")
    return int(raw)


async def _act(request: Request, page: Page, me: Account, done: str, work: Any) -> Response:
    """Run one change from a form; show the problem on the admin page when the change is refused."""
    form = await _form(request, page)
    if form is None:
        return error_page(request, 403)
    try:
        with web_database(request).write() as stores:
            work(stores, form)
    except (HifazatError, ValueError) as problem:
        message = problem.message if isinstance(problem, HifazatError) else str(problem)
        return _admin_page(page, me, problem=message, status=422)
    return RedirectResponse(f"/ambassadors/admin?done={done}", status_code=303)


@router.post("/ambassadors/admin/applications/{application_id}", response_class=HTMLResponse)
async def decide(application_id: int, request: Request, page: PageDep, me: Staff) -> Response:
    """Approve or decline one application."""

    def work(stores: Stores, form: FormData) -> None:
        applying.decide(
            stores=stores,
            reviewer=me,
            application_id=application_id,
            approve=form.get("decision") == "approve",
            reason=_text(form, "reason"),
        )

    return await _act(request, page, me, "decided", work)


@router.post("/ambassadors/admin/remove", response_class=HTMLResponse)
async def remove(request: Request, page: PageDep, me: Staff) -> Response:
    """Remove an ambassador, with the reason they are told."""

    def work(stores: Stores, form: FormData) -> None:
        handle = _text(form, "handle").strip().removeprefix("@")
        account = stores.accounts.by_handle(handle)
        if account is None:
            raise InvalidInputError(f"no account @{handle}")
        applying.remove(stores=stores, reviewer=me, account_id=account.id, reason=_text(form, "reason"))

    return await _act(request, page, me, "removed", work)


def _bilingual(form: FormData) -> dict[str, str]:
    return {name: _text(form, name) for name in ("title_en", "title_ur", "summary_en", "summary_ur")}


def _names(raw: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in raw.replace("،", ",").split(",") if part.strip())


def _campaign_draft(form: FormData) -> programme.CampaignDraft:
    return programme.CampaignDraft(
        slug=_text(form, "slug"),
        starts_on=date.fromisoformat(_text(form, "starts_on")),
        ends_on=date.fromisoformat(_text(form, "ends_on")),
        **_bilingual(form),
    )


def _event_draft(form: FormData) -> programme.EventDraft:
    """An event from the form; the date and time are Pakistan time."""
    return programme.EventDraft(
        starts_at=datetime.fromisoformat(_text(form, "starts_at")).replace(tzinfo=None),
        minutes=_number(form, "minutes"),
        capacity=_number(form, "capacity"),
        city=_text(form, "city"),
        venue=_text(form, "venue"),
        online_url=_text(form, "online_url"),
        campaign=_text(form, "campaign") or None,
        speakers=_names(_text(form, "speakers")),
        materials=tuple(str(v) for v in form.getlist("materials")),
        **_bilingual(form),
    )


def _material_draft(form: FormData) -> programme.MaterialDraft:
    return programme.MaterialDraft(
        slug=_text(form, "slug"),
        audience=_text(form, "audience"),
        language=_text(form, "language"),
        body=_text(form, "body"),
        link=_text(form, "link"),
        **_bilingual(form),
    )


@router.post("/ambassadors/admin/campaigns", response_class=HTMLResponse)
async def new_campaign(request: Request, page: PageDep, me: Admin) -> Response:
    def work(stores: Stores, form: FormData) -> None:
        programme.save_campaign(stores=stores, actor=me, draft=_campaign_draft(form))

    return await _act(request, page, me, "campaign", work)


@router.post("/ambassadors/admin/materials", response_class=HTMLResponse)
async def new_material(request: Request, page: PageDep, me: Admin) -> Response:
    def work(stores: Stores, form: FormData) -> None:
        programme.save_material(stores=stores, actor=me, draft=_material_draft(form))

    return await _act(request, page, me, "material", work)


@router.post("/ambassadors/admin/events", response_class=HTMLResponse)
async def new_event(request: Request, page: PageDep, me: Admin) -> Response:
    def work(stores: Stores, form: FormData) -> None:
        programme.save_event(stores=stores, actor=me, draft=_event_draft(form))

    return await _act(request, page, me, "event", work)


@router.post("/ambassadors/admin/events/{event_id}/attendance", response_class=HTMLResponse)
async def attendance(event_id: int, request: Request, page: PageDep, me: Admin) -> Response:
    def work(stores: Stores, form: FormData) -> None:
        programme.record_attendance(
            stores=stores, actor=me, event_id=event_id, attendance=_number(form, "attendance")
        )

    return await _act(request, page, me, "attendance", work)


# ---- editing -----------------------------------------------------------------------------------------------

HEADINGS = {
    "campaign": N_("Edit campaign"),
    "event": N_("Edit event"),
    "material": N_("Edit teaching material"),
}


def _edit_page(
    page: Page, kind: str, action: str, values: dict[str, Any], *, problem: str = "", status: int = 200
) -> HTMLResponse:
    with web_database(page.request).read() as stores:
        campaigns, materials = stores.programme.campaigns(), stores.programme.materials()
    return page.render(
        "pages/ambassadors/edit.html",
        status=status,
        kind=kind,
        heading=page.gettext(HEADINGS[kind]),
        action=action,
        values=values,
        problem=problem,
        campaigns=campaigns,
        materials=materials,
        audiences=programme.AUDIENCES,
        csrf_field=CSRF_FIELD,
        **helpers(page),
    )


def _event_values(stores: Stores, event: Event) -> dict[str, Any]:
    values: dict[str, Any] = asdict(event)
    values["starts_at"] = event.starts_at.astimezone(programme.KARACHI).strftime("%Y-%m-%dT%H:%M")
    handles = []
    for speaker in event.speakers:
        account = stores.accounts.find(speaker.account_id) if speaker.account_id else None
        handles.append("@" + account.handle if account is not None else speaker.name)
    values["speakers"] = ", ".join(handles)
    slugs = {m.id: m.slug for m in stores.programme.materials()}
    values["materials"] = [slugs[i] for i in event.material_ids if i in slugs]
    campaign = next((c for c in stores.programme.campaigns() if c.id == event.campaign_id), None)
    values["campaign"] = campaign.slug if campaign is not None else ""
    return values


@router.get("/ambassadors/admin/{kind}/{key}", response_class=HTMLResponse)
def edit_form(kind: str, key: str, page: PageDep, me: Admin) -> HTMLResponse:
    """The form to edit a campaign (by slug), an event (by number) or a teaching material (by slug)."""
    with web_database(page.request).read() as stores:
        if kind == "campaigns":
            values = asdict(stores.programme.campaign(key))
        elif kind == "materials":
            values = asdict(stores.programme.material(key))
        elif kind == "events" and key.isdigit():
            values = _event_values(stores, stores.programme.event(int(key)))
        else:
            raise HTTPException(404)
    return _edit_page(page, kind.removesuffix("s"), f"/ambassadors/admin/{kind}/{key}", values)


@router.post("/ambassadors/admin/{kind}/{key}", response_class=HTMLResponse)
async def edit_save(kind: str, key: str, request: Request, page: PageDep, me: Admin) -> Response:
    """Save an edited campaign, event or teaching material."""
    form = await _form(request, page)
    if form is None:
        return error_page(request, 403)
    if kind not in ("campaigns", "events", "materials") or (kind == "events" and not key.isdigit()):
        raise HTTPException(404)
    try:
        with web_database(request).write() as stores:
            if kind == "campaigns":
                found = stores.programme.campaign(key)
                programme.save_campaign(
                    stores=stores, actor=me, draft=_campaign_draft(form), campaign_id=found.id
                )
            elif kind == "materials":
                material = stores.programme.material(key)
                programme.save_material(
                    stores=stores, actor=me, draft=_material_draft(form), material_id=material.id
                )
            else:
                programme.save_event(stores=stores, actor=me, draft=_event_draft(form), event_id=int(key))
    except NotFoundError:
        raise
    except (HifazatError, ValueError) as problem:
        message = problem.message if isinstance(problem, HifazatError) else str(problem)
        values: dict[str, Any] = {name: _text(form, name) for name in form}
        values["materials"] = [str(v) for v in form.getlist("materials")]
        return _edit_page(
            page,
            kind.removesuffix("s"),
            f"/ambassadors/admin/{kind}/{key}",
            values,
            problem=message,
            status=422,
        )
    return RedirectResponse(f"/ambassadors/admin?done={kind.removesuffix('s')}", status_code=303)
