"""Request bodies and response shapes of `/v1/ambassadors` (see `hifazat.api.routers.ambassadors`)."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from hifazat.services import ambassador_profiles as profiles
from hifazat.services import ambassador_programme as programme
from hifazat.services import ambassadors as applying
from hifazat.storage.ambassador_programme import Event
from hifazat.storage.ambassadors import Application


class PlatformIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(description="tiktok, youtube, instagram, facebook, x or other")
    followers: int = Field(ge=0, le=applying.MAX_FOLLOWERS)


class ApplicationIn(BaseModel):
    """An application: why, in which languages, where you reach people, your region, and your agreement."""

    model_config = ConfigDict(extra="forbid")
    motivation: str = Field(
        max_length=4000, description="Why you want to be an ambassador (50–2,000 characters)."
    )
    languages: list[str] = Field(max_length=8, description=", ".join(applying.LANGUAGE_CHOICES))
    platforms: list[PlatformIn] = Field(max_length=6)
    region: str = Field(description=", ".join(applying.REGION_CHOICES))
    agrees_to_code: bool = Field(description="You agree to the ambassador code of conduct.")


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    approve: bool
    reason: str = Field(
        default="", max_length=2000, description="Required when declining; shown to the applicant."
    )


class ReasonIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    reason: str = Field(max_length=2000)


class ProfileIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    bio_en: str = Field(default="", max_length=2000)
    bio_ur: str = Field(default="", max_length=2000)
    languages: list[str] | None = None
    region: str | None = None


class CampaignIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slug: str
    title_en: str
    title_ur: str
    summary_en: str
    summary_ur: str
    starts_on: date
    ends_on: date


class EventIn(BaseModel):
    """An event; `starts_at` without an offset is Pakistan time. Give a city and venue, or an online_url."""

    model_config = ConfigDict(extra="forbid")
    title_en: str
    title_ur: str
    summary_en: str
    summary_ur: str
    starts_at: datetime
    minutes: int
    capacity: int
    city: str = ""
    venue: str = ""
    online_url: str = ""
    campaign: str | None = Field(default=None, description="A campaign slug.")
    speakers: list[str] = Field(default=[], description="`@handle` for ambassadors, a name for guests.")
    materials: list[str] = Field(default=[], description="Library material slugs.")


class AttendanceIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    attendance: int = Field(ge=0)


class MaterialIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    slug: str
    title_en: str
    title_ur: str
    summary_en: str
    summary_ur: str
    audience: str = Field(description="teens, parents, creators or teachers")
    language: str = Field(description="en, ur or both: the language of the material itself")
    body: str = ""
    link: str = ""


def application_json(application: Application) -> dict[str, Any]:
    body = asdict(application)
    body["reach"] = application.reach
    return body


def profile_json(profile: profiles.PublicProfile) -> dict[str, Any]:
    accuracy = profile.accuracy
    return {
        "handle": profile.handle,
        "display_name": profile.display_name,
        "bio": {"en": profile.bio_en, "ur": profile.bio_ur},
        "languages": list(profile.languages),
        "region": profile.region,
        "since": profile.since,
        "campaigns": [c.slug for c in profile.campaigns],
        "accuracy": {
            "decided": accuracy.decided,
            "upheld": accuracy.upheld,
            "ratio": accuracy.ratio,
            "enough_decisions": accuracy.enough,
            "minimum": accuracy.minimum,
            "badge": accuracy.badge,
        },
    }


def event_json(event: Event) -> dict[str, Any]:
    body = asdict(event)
    body["starts_at_karachi"] = event.starts_at.astimezone(programme.KARACHI).isoformat()
    body["online"] = event.online
    return body
