"""The Safety Ambassadors programme's public pages: home, profiles, recognition, events and campaigns,
and the teaching library (a material's page counts one view per visitor per day)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse

from hifazat.core.enforcement.permissions import allowed
from hifazat.services import ambassador_profiles as profiles
from hifazat.services import ambassador_programme as programme
from hifazat.services.ambassador_profiles import RECOGNITION_MIN_DECIDED
from hifazat.services.clock import utcnow
from hifazat.storage.ambassador_programme import Event
from hifazat.storage.unit import Stores
from hifazat.web.rendering import PageDep
from hifazat.web.routes.ambassador_common import client_address, helpers
from hifazat.web.sessions import OptionalAccount, web_database

router = APIRouter(include_in_schema=False)


def speaker_names(stores: Stores, events: list[Event]) -> dict[str, tuple[str, str]]:
    """Account id → (handle, display name) of the ambassadors speaking at `events`."""
    names: dict[str, tuple[str, str]] = {}
    for event in events:
        for speaker in event.speakers:
            if speaker.account_id and speaker.account_id not in names:
                account = stores.accounts.find(speaker.account_id)
                if account is not None:
                    names[account.id] = (account.handle, account.display_name or account.handle)
    return names


@router.get("/ambassadors", response_class=HTMLResponse)
def programme_home(request: Request, page: PageDep, me: OptionalAccount) -> HTMLResponse:
    """What the programme is, who the ambassadors are, upcoming events and how to apply."""
    with web_database(request).read() as stores:
        people = profiles.ambassadors(stores=stores)
        upcoming, _past = programme.split_events(stores.programme.events(), utcnow())
        names = speaker_names(stores, upcoming)
    return page.render(
        "pages/ambassadors/home.html",
        me=me,
        people=people,
        upcoming=upcoming[:3],
        names=names,
        **helpers(page),
    )


@router.get("/ambassadors/people/{handle}", response_class=HTMLResponse)
def profile(handle: str, request: Request, page: PageDep) -> HTMLResponse:
    """An ambassador's public profile: bio, languages, region, campaigns and accuracy badge."""
    with web_database(request).read() as stores:
        found = profiles.public_profile(stores=stores, handle=handle)
    return page.render("pages/ambassadors/profile.html", profile=found, **helpers(page))


@router.get("/ambassadors/recognition", response_class=HTMLResponse)
def recognition(request: Request, page: PageDep) -> HTMLResponse:
    """Ambassadors ranked by the accuracy of their flags, never by how many they filed."""
    with web_database(request).read() as stores:
        ranked = profiles.recognition(stores=stores)
    return page.render(
        "pages/ambassadors/recognition.html", ranked=ranked, minimum=RECOGNITION_MIN_DECIDED, **helpers(page)
    )


@router.get("/ambassadors/events", response_class=HTMLResponse)
def events(request: Request, page: PageDep) -> HTMLResponse:
    """Campaigns, upcoming events and past events."""
    with web_database(request).read() as stores:
        every = stores.programme.events()
        upcoming, past = programme.split_events(every, utcnow())
        campaigns = stores.programme.campaigns()
        names = speaker_names(stores, every)
    return page.render(
        "pages/ambassadors/events.html",
        upcoming=upcoming,
        past=past,
        campaigns=campaigns,
        names=names,
        **helpers(page),
    )


@router.get("/ambassadors/events/{event_id}", response_class=HTMLResponse)
def event(event_id: int, request: Request, page: PageDep) -> HTMLResponse:
    """One event: when (Pakistan time), where, speakers, attendance and its teaching materials."""
    with web_database(request).read() as stores:
        found, campaign = programme.event_with_campaign(stores=stores, event_id=event_id)
        materials = programme.materials_for(stores=stores, event=found)
        names = speaker_names(stores, [found])
    past = programme.split_events([found], utcnow())[1] != []
    return page.render(
        "pages/ambassadors/event.html",
        event=found,
        campaign=campaign,
        materials=materials,
        names=names,
        past=past,
        **helpers(page),
    )


@router.get("/ambassadors/campaigns/{slug}", response_class=HTMLResponse)
def campaign(slug: str, request: Request, page: PageDep) -> HTMLResponse:
    """One campaign and its events."""
    with web_database(request).read() as stores:
        found = stores.programme.campaign(slug)
        its_events = stores.programme.events(campaign_id=found.id)
        names = speaker_names(stores, its_events)
    return page.render(
        "pages/ambassadors/campaign.html", campaign=found, events=its_events, names=names, **helpers(page)
    )


@router.get("/ambassadors/library", response_class=HTMLResponse)
def library(request: Request, page: PageDep, me: OptionalAccount, audience: str = "") -> HTMLResponse:
    """Teaching materials, optionally for one audience; ambassadors and admins also see each one's reach."""
    chosen = audience if audience in programme.AUDIENCES else ""
    with web_database(request).read() as stores:
        materials = [m for m in stores.programme.materials() if not chosen or m.audience == chosen]
        views = None
        if me is not None and allowed(me.role, "ambassador.reach"):
            views = {r.material.id: r.views for r in programme.reach(stores=stores, viewer=me)}
    return page.render(
        "pages/ambassadors/library.html",
        materials=materials,
        audiences=programme.AUDIENCES,
        chosen=chosen,
        views=views,
        **helpers(page),
    )


@router.get("/ambassadors/library/{slug}", response_class=HTMLResponse)
def material(slug: str, request: Request, page: PageDep) -> HTMLResponse:
    """One teaching material; the visit counts towards its reach (once per visitor per day)."""
    visitor = client_address(request) + "|" + request.headers.get("user-agent", "")[:300]
    with web_database(request).write() as stores:
        programme.record_view(stores=stores, slug=slug, visitor_key=visitor)
        found = stores.programme.material(slug)
    return page.render("pages/ambassadors/material.html", material=found, **helpers(page))
