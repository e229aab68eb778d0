"""Campaigns and events (#SaferTogether-style sessions) and the teaching library with its reach.

Admins create and edit; anyone reads. Event times are kept in UTC and shown in Pakistan time
(Asia/Karachi, UTC+5, no daylight saving). A view of a material is counted once per visitor per day: the
visitor is known only by SHA-256(daily random salt + visitor key), and each day's salt is deleted when the
next day's is made, so no stored hash can be linked back to an address.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.enforcement.notices import PKT
from hifazat.core.enforcement.permissions import require
from hifazat.core.errors import ConflictError, InvalidInputError
from hifazat.services.ambassadors import AmbassadorStores, clean_text
from hifazat.services.clock import utcnow
from hifazat.storage.accounts import Account
from hifazat.storage.ambassador_programme import Campaign, Event, Material, Speaker

KARACHI = PKT
"""Asia/Karachi: UTC+5 all year."""
SLUG = re.compile(r"^[a-z0-9](?:[a-z0-9-]{1,58}[a-z0-9])$")
AUDIENCES: tuple[str, ...] = ("teens", "parents", "creators", "teachers")
MATERIAL_LANGUAGES: tuple[str, ...] = ("en", "ur", "both")
TITLE_LIMIT, SUMMARY_LIMIT, BODY_LIMIT = 200, 2000, 20_000
MAX_SPEAKERS, MAX_CAPACITY = 12, 100_000


@dataclass(frozen=True, slots=True)
class CampaignDraft:
    slug: str
    title_en: str
    title_ur: str
    summary_en: str
    summary_ur: str
    starts_on: date
    ends_on: date


@dataclass(frozen=True, slots=True)
class EventDraft:
    """An event; `speakers` are `@handle` for ambassadors or a guest's name; `materials` are slugs."""

    title_en: str
    title_ur: str
    summary_en: str
    summary_ur: str
    starts_at: datetime
    """Aware, or naive meaning Pakistan time."""
    minutes: int
    capacity: int
    city: str = ""
    venue: str = ""
    online_url: str = ""
    campaign: str | None = None
    speakers: tuple[str, ...] = ()
    materials: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class MaterialDraft:
    slug: str
    title_en: str
    title_ur: str
    summary_en: str
    summary_ur: str
    audience: str
    language: str
    body: str = ""
    link: str = ""


@dataclass(frozen=True, slots=True)
class Reach:
    """How many distinct visitor-days saw one material."""

    material: Material
    views: int


def _text(value: str, what: str, limit: int, *, required: bool = True) -> str:
    text = clean_text(value)
    if required and not text:
        raise InvalidInputError(f"{what} is required")
    if len(text) > limit:
        raise InvalidInputError(f"{what} is {len(text)} characters; the limit is {limit}")
    return text


def _slug(slug: str) -> str:
    if not SLUG.match(slug):
        raise InvalidInputError(f"slug {slug!r} is not valid", hint="3 to 60 of a-z, 0-9 and '-'")
    return slug


def _link(url: str, what: str) -> str:
    url = url.strip()
    if url and (not url.startswith("https://") or len(url) > 300 or any(c.isspace() for c in url)):
        raise InvalidInputError(f"{what} must be an https:// address of at most 300 characters")
    return url


def _bilingual(draft: Any) -> dict[str, str]:
    return {
        "title_en": _text(draft.title_en, "title_en", TITLE_LIMIT),
        "title_ur": _text(draft.title_ur, "title_ur", TITLE_LIMIT),
        "summary_en": _text(draft.summary_en, "summary_en", SUMMARY_LIMIT),
        "summary_ur": _text(draft.summary_ur, "summary_ur", SUMMARY_LIMIT),
    }


def _edited(stores: AmbassadorStores, actor: Account, subject: str, change: str) -> None:
    stores.audit.record(AuditEvent("ambassador.programme_edited", actor.id, subject, {"change": change}))


def save_campaign(
    *, stores: AmbassadorStores, actor: Account, draft: CampaignDraft, campaign_id: int | None = None
) -> Campaign:
    """Create a campaign, or edit campaign `campaign_id` (admins)."""
    require(actor.role, "ambassador.manage")
    if draft.ends_on < draft.starts_on:
        raise InvalidInputError("a campaign cannot end before it starts")
    values: dict[str, Any] = {
        "slug": _slug(draft.slug),
        "starts_on": draft.starts_on,
        "ends_on": draft.ends_on,
    }
    values.update(_bilingual(draft))
    now = utcnow()
    if campaign_id is None:
        campaign = stores.programme.add_campaign(now=now, **values)
    else:
        campaign = stores.programme.edit_campaign(campaign_id, now=now, **values)
    _edited(stores, actor, f"campaign:{campaign.id}", "created" if campaign_id is None else "edited")
    return campaign


def _speakers(stores: AmbassadorStores, names: tuple[str, ...]) -> tuple[Speaker, ...]:
    if len(names) > MAX_SPEAKERS:
        raise InvalidInputError(f"an event has at most {MAX_SPEAKERS} speakers")
    found: list[Speaker] = []
    for raw in names:
        name = _text(raw, "a speaker", 120)
        if name.startswith("@"):
            account = stores.accounts.by_handle(name[1:])
            if account is None or account.role != "ambassador":
                raise InvalidInputError(
                    f"{name} is not a Safety Ambassador", hint="write a guest's name without @"
                )
            found.append(Speaker(account.id, account.display_name or account.handle))
        else:
            found.append(Speaker(None, name))
    return tuple(found)


def save_event(
    *, stores: AmbassadorStores, actor: Account, draft: EventDraft, event_id: int | None = None
) -> Event:
    """Create an event, or edit event `event_id` (admins). Attendance is recorded separately."""
    require(actor.role, "ambassador.manage")
    starts = draft.starts_at if draft.starts_at.tzinfo else draft.starts_at.replace(tzinfo=KARACHI)
    if not 15 <= draft.minutes <= 24 * 60:
        raise InvalidInputError("an event lasts 15 minutes to 24 hours")
    if not 1 <= draft.capacity <= MAX_CAPACITY:
        raise InvalidInputError(f"capacity must be between 1 and {MAX_CAPACITY}")
    city, venue = (
        _text(draft.city, "city", 80, required=False),
        _text(draft.venue, "venue", 200, required=False),
    )
    online_url = _link(draft.online_url, "online_url")
    if bool(city) == bool(online_url) or (city and not venue):
        raise InvalidInputError("an event has either a city and venue, or an online address (not both)")
    campaign_id = None if not draft.campaign else stores.programme.campaign(draft.campaign).id
    known = {m.slug: m.id for m in stores.programme.materials()}
    missing = [slug for slug in draft.materials if slug not in known]
    if missing:
        raise InvalidInputError(f"no teaching material {missing[0]!r}", hint="add it to the library first")
    values: dict[str, Any] = dict(
        campaign_id=campaign_id,
        starts_at=starts.astimezone(KARACHI),
        minutes=draft.minutes,
        capacity=draft.capacity,
        city=city,
        venue=venue,
        online_url=online_url,
        speakers=_speakers(stores, draft.speakers),
        material_ids=[known[slug] for slug in dict.fromkeys(draft.materials)],
        **_bilingual(draft),
    )
    now = utcnow()
    if event_id is None:
        event = stores.programme.add_event(now=now, **values)
    else:
        if values["capacity"] < (stores.programme.event(event_id).attendance or 0):
            raise ConflictError("the capacity is below the attendance already recorded")
        event = stores.programme.edit_event(event_id, now=now, **values)
    _edited(stores, actor, f"event:{event.id}", "created" if event_id is None else "edited")
    return event


def record_attendance(
    *, stores: AmbassadorStores, actor: Account, event_id: int, attendance: int, now: datetime | None = None
) -> Event:
    """Record how many people came, once the event has started (admins)."""
    require(actor.role, "ambassador.manage")
    event = stores.programme.event(event_id)
    if event.starts_at > (now or utcnow()):
        raise ConflictError("attendance can be recorded once the event has started")
    if not 0 <= attendance <= event.capacity:
        raise InvalidInputError(
            f"attendance must be between 0 and the capacity ({event.capacity})",
            hint="raise the capacity first",
        )
    updated = stores.programme.edit_event(event_id, now=utcnow(), attendance=attendance)
    _edited(stores, actor, f"event:{event_id}", f"attendance {attendance}")
    return updated


def split_events(events: list[Event], now: datetime) -> tuple[list[Event], list[Event]]:
    """(upcoming or running, soonest first; past, latest first)."""
    upcoming = [e for e in events if e.starts_at + timedelta(minutes=e.minutes) >= now]
    past = [e for e in events if e.starts_at + timedelta(minutes=e.minutes) < now]
    return upcoming, past[::-1]


def save_material(
    *, stores: AmbassadorStores, actor: Account, draft: MaterialDraft, material_id: int | None = None
) -> Material:
    """Add teaching material to the library, or edit it (admins)."""
    require(actor.role, "ambassador.manage")
    if draft.audience not in AUDIENCES:
        raise InvalidInputError(f"unknown audience {draft.audience!r}", hint=", ".join(AUDIENCES))
    if draft.language not in MATERIAL_LANGUAGES:
        raise InvalidInputError(f"unknown language {draft.language!r}", hint=", ".join(MATERIAL_LANGUAGES))
    body = _text(draft.body, "body", BODY_LIMIT, required=False)
    link = _link(draft.link, "link")
    if not body and not link:
        raise InvalidInputError("teaching material needs a body or a link")
    values: dict[str, Any] = {
        "slug": _slug(draft.slug),
        "audience": draft.audience,
        "language": draft.language,
    }
    values.update(_bilingual(draft), body=body, link=link)
    now = utcnow()
    if material_id is None:
        material = stores.programme.add_material(now=now, **values)
    else:
        material = stores.programme.edit_material(material_id, now=now, **values)
    _edited(stores, actor, f"material:{material.id}", "created" if material_id is None else "edited")
    return material


def materials_for(*, stores: AmbassadorStores, event: Event) -> list[Material]:
    """The library materials linked from an event, in the order given."""
    by_id = {m.id: m for m in stores.programme.materials()}
    return [by_id[i] for i in event.material_ids if i in by_id]


def visitor_hash(salt: str, visitor_key: str) -> str:
    """What is stored for a visitor: SHA-256 over the day's salt and their key (never the key itself)."""
    return hashlib.sha256(f"{salt}\n{visitor_key}".encode()).hexdigest()


def record_view(
    *, stores: AmbassadorStores, slug: str, visitor_key: str, now: datetime | None = None
) -> bool:
    """Count a view of material `slug` by a visitor (e.g. address + browser); False when that visitor was
    already counted today."""
    material = stores.programme.material(slug)
    day = (now or utcnow()).astimezone(KARACHI).date()
    salt = stores.programme.salt(day, secrets.token_hex(32))
    return stores.programme.add_view(
        material_id=material.id, day=day, visitor=visitor_hash(salt, visitor_key)
    )


def reach(*, stores: AmbassadorStores, viewer: Account) -> list[Reach]:
    """Every material with its views, most seen first (ambassadors and admins)."""
    require(viewer.role, "ambassador.reach")
    counts = stores.programme.reach()
    found = [Reach(m, counts.get(m.id, 0)) for m in stores.programme.materials()]
    return sorted(found, key=lambda r: (-r.views, r.material.id))


def event_with_campaign(*, stores: AmbassadorStores, event_id: int) -> tuple[Event, Campaign | None]:
    event = stores.programme.event(event_id)
    campaign = next((c for c in stores.programme.campaigns() if c.id == event.campaign_id), None)
    return event, campaign
