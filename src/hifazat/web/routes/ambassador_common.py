"""What the Safety Ambassadors pages share: the names of languages, regions, platforms and audiences in
both languages, event times in Pakistan time, and the application form's rate limit."""

from __future__ import annotations

from typing import Any

from babel.dates import format_datetime
from fastapi import Request

from hifazat.core.guidelines import default_catalogue
from hifazat.services.ambassador_profiles import Accuracy
from hifazat.services.ambassador_programme import KARACHI
from hifazat.services.rate_limits import SharedRateLimiter
from hifazat.storage.ambassador_programme import Event
from hifazat.web.i18n import BABEL_LOCALE, N_
from hifazat.web.rendering import Page

APPLICATIONS_PER_WINDOW = 5
APPLICATION_WINDOW_SECONDS = 3600.0
"""The application form: at most 5 submissions per client address an hour."""

LANGUAGE_NAMES = {
    "ur": N_("Urdu"),
    "en": N_("English"),
    "roman-ur": N_("Roman Urdu"),
    "pa": N_("Punjabi"),
    "sd": N_("Sindhi"),
    "ps": N_("Pashto"),
    "bal": N_("Balochi"),
    "skr": N_("Saraiki"),
}
REGION_NAMES = {
    "punjab": N_("Punjab"),
    "sindh": N_("Sindh"),
    "khyber-pakhtunkhwa": N_("Khyber Pakhtunkhwa"),
    "balochistan": N_("Balochistan"),
    "islamabad": N_("Islamabad"),
    "gilgit-baltistan": N_("Gilgit-Baltistan"),
    "azad-kashmir": N_("Azad Kashmir"),
    "overseas": N_("Outside Pakistan"),
}
PLATFORM_NAMES = {
    "tiktok": "TikTok",
    "youtube": "YouTube",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "x": "X",
    "other": N_("Another platform"),
}
AUDIENCE_NAMES = {
    "teens": N_("Teens"),
    "parents": N_("Parents"),
    "creators": N_("Creators"),
    "teachers": N_("Teachers"),
}
MATERIAL_LANGUAGE_NAMES = {"en": N_("English"), "ur": N_("Urdu"), "both": N_("English and Urdu")}
BADGE_NAMES = {
    "gold": N_("Gold: at least 90% of flags upheld"),
    "silver": N_("Silver: at least 75% of flags upheld"),
    "bronze": N_("Bronze: at least 60% of flags upheld"),
    "none": N_("No accuracy badge yet"),
    "new": N_("New: not enough decided flags yet"),
}
STATE_NAMES = {
    "pending": N_("Waiting for a decision"),
    "approved": N_("Approved"),
    "declined": N_("Not approved"),
    "withdrawn": N_("Withdrawn"),
}
FLAG_STATUS = {
    "under_review": N_("Under review"),
    "action_taken": N_("Upheld: action taken"),
    "no_violation": N_("Not upheld: no violation found"),
}


def label(page: Page, names: dict[str, str], key: str) -> str:
    """The name of `key` in the page's language (the key itself when unknown)."""
    return page.gettext(names[key]) if key in names else key


def accuracy_text(page: Page, accuracy: Accuracy) -> str:
    """`92% (23 of 25 decided flags upheld)`, or why there is no figure yet."""
    if accuracy.ratio is None:
        return page.gettext(
            "Not enough decisions yet (%(decided)s of the %(minimum)s decided flags needed)",
            decided=str(accuracy.decided),
            minimum=str(accuracy.minimum),
        )
    return page.gettext(
        "%(percent)s%% (%(upheld)s of %(decided)s decided flags upheld)",
        percent=str(accuracy.percent),
        upheld=str(accuracy.upheld),
        decided=str(accuracy.decided),
    )


def event_time(page: Page, event: Event) -> str:
    """When an event starts, in Pakistan time, in the page's language."""
    local = event.starts_at.astimezone(KARACHI)
    when = format_datetime(local, "EEEE d MMMM y, HH:mm", tzinfo=KARACHI, locale=BABEL_LOCALE[page.lang])
    return page.gettext("%(when)s (Pakistan time)", when=when)


def policy_title(page: Page, policy_id: str) -> str:
    """A guideline policy's title in the page's language (its id when unknown)."""
    policy = default_catalogue().policies.get(policy_id)
    return policy.title.get(page.lang) if policy is not None else policy_id


def helpers(page: Page) -> dict[str, Any]:
    """Functions the ambassador templates call."""
    return {
        "language_name": lambda key: label(page, LANGUAGE_NAMES, key),
        "region_name": lambda key: label(page, REGION_NAMES, key),
        "platform_name": lambda key: label(page, PLATFORM_NAMES, key),
        "audience_name": lambda key: label(page, AUDIENCE_NAMES, key),
        "material_language": lambda key: label(page, MATERIAL_LANGUAGE_NAMES, key),
        "badge_name": lambda key: label(page, BADGE_NAMES, key),
        "state_name": lambda key: label(page, STATE_NAMES, key),
        "flag_status": lambda key: label(page, FLAG_STATUS, key),
        "accuracy_text": lambda accuracy: accuracy_text(page, accuracy),
        "event_time": lambda event: event_time(page, event),
        "policy_title": lambda policy_id: policy_title(page, policy_id),
        "pick": lambda en, ur: ur if page.lang == "ur" and ur else en,
        "languages_text": lambda codes: ("، " if page.lang == "ur" else ", ").join(
            label(page, LANGUAGE_NAMES, code) for code in codes
        ),
    }


def application_limiter(request: Request) -> SharedRateLimiter:
    """The application form's rate limit for this app (made on first use)."""
    state = request.app.state
    found: SharedRateLimiter | None = getattr(state, "ambassador_application_limiter", None)
    if found is None:
        found = SharedRateLimiter(
            state.runtime.sessions,
            scope="ambassador-application",
            limit=APPLICATIONS_PER_WINDOW,
            window_seconds=APPLICATION_WINDOW_SECONDS,
            secret=state.runtime.settings.secret_key,
        )
        state.ambassador_application_limiter = found
    return found


def client_address(request: Request) -> str:
    return request.client.host if request.client else "unknown"
