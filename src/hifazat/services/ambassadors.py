"""The Safety Ambassadors programme: applying, approval or decline, stepping down and removal.

Approval makes the account an `ambassador` (through `services.accounts.change_role`, audited) and opens
its public profile; the applicant is told in their language. One open application per account; after a
decline the applicant waits `COOLING_OFF` before applying again. Profiles, accuracy and recognition are in
`hifazat.services.ambassador_profiles`; campaigns, events and the library in
`hifazat.services.ambassador_programme`.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from hifazat.core.enforcement.chain import AuditEvent, EventType
from hifazat.core.enforcement.permissions import require
from hifazat.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from hifazat.services.accounts import change_role
from hifazat.services.ambassador_notices import Happening, programme_notice
from hifazat.services.clock import utcnow
from hifazat.storage.accounts import Account, AccountStore
from hifazat.storage.ambassador_programme import ProgrammeStore
from hifazat.storage.ambassadors import AmbassadorStore, Application, Platform
from hifazat.storage.audit import AuditLog
from hifazat.storage.content import ContentStore
from hifazat.storage.decisions import DecisionStore
from hifazat.storage.notifications import NotificationStore
from hifazat.storage.queue import TaskStore
from hifazat.storage.reports import ReportStore

COOLING_OFF = timedelta(days=90)
"""How long a declined applicant waits before applying again."""
LANGUAGE_CHOICES: tuple[str, ...] = ("ur", "en", "roman-ur", "pa", "sd", "ps", "bal", "skr")
"""Languages an ambassador can teach in: Urdu, English, Roman Urdu, Punjabi, Sindhi, Pashto, Balochi, Saraiki."""
PLATFORM_CHOICES: tuple[str, ...] = ("tiktok", "youtube", "instagram", "facebook", "x", "other")
REGION_CHOICES: tuple[str, ...] = (
    "punjab", "sindh", "khyber-pakhtunkhwa", "balochistan", "islamabad", "gilgit-baltistan",
    "azad-kashmir", "overseas",
)  # fmt: skip
MOTIVATION_LIMITS = (50, 2000)
REASON_LIMITS = (5, 1000)
MAX_FOLLOWERS = 2_000_000_000


class AmbassadorStores(Protocol):
    """What the programme's services touch (reading reports' outcomes needs the queue's stores too)."""

    @property
    def accounts(self) -> AccountStore: ...
    @property
    def content(self) -> ContentStore: ...
    @property
    def tasks(self) -> TaskStore: ...
    @property
    def ambassadors(self) -> AmbassadorStore: ...
    @property
    def programme(self) -> ProgrammeStore: ...
    @property
    def reports(self) -> ReportStore: ...
    @property
    def decisions(self) -> DecisionStore: ...
    @property
    def notifications(self) -> NotificationStore: ...
    @property
    def audit(self) -> AuditLog: ...


@dataclass(frozen=True, slots=True)
class ApplicationDraft:
    """What an applicant fills in."""

    motivation: str
    languages: tuple[str, ...]
    platforms: tuple[Platform, ...]
    region: str
    agrees_to_code: bool


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a form: the field and a stable code the interfaces translate."""

    field: str
    code: str


@dataclass(frozen=True, slots=True)
class ApplicationStatus:
    """Where an account stands with the programme."""

    account: Account
    application: Application | None
    can_apply: bool
    apply_from: datetime | None = None
    """Set while a declined applicant is cooling off."""


def clean_text(text: str) -> str:
    """`text` stripped, in NFC, with control and bidi-override characters rejected."""
    text = unicodedata.normalize("NFC", text).strip()
    for char in text:
        if char in "\n\r\t":
            continue
        if (
            unicodedata.category(char) in ("Cc", "Cs")
            or char in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
        ):
            raise InvalidInputError("the text contains control characters", hint="type it again without them")
    return text


def check_application(draft: ApplicationDraft) -> list[Problem]:
    """Every problem with an application form (empty when it can be filed)."""
    problems: list[Problem] = []
    try:
        motivation = clean_text(draft.motivation)
        low, high = MOTIVATION_LIMITS
        if len(motivation) < low:
            problems.append(Problem("motivation", "too_short"))
        elif len(motivation) > high:
            problems.append(Problem("motivation", "too_long"))
    except InvalidInputError:
        problems.append(Problem("motivation", "control_characters"))
    if not draft.languages:
        problems.append(Problem("languages", "required"))
    elif any(lang not in LANGUAGE_CHOICES for lang in draft.languages) or len(set(draft.languages)) != len(
        draft.languages
    ):
        problems.append(Problem("languages", "unknown"))
    if not draft.platforms or len(draft.platforms) > len(PLATFORM_CHOICES):
        problems.append(Problem("platforms", "required"))
    elif any(p.name not in PLATFORM_CHOICES for p in draft.platforms) or len(
        {p.name for p in draft.platforms}
    ) != len(draft.platforms):
        problems.append(Problem("platforms", "unknown"))
    elif any(not 0 <= p.followers <= MAX_FOLLOWERS for p in draft.platforms):
        problems.append(Problem("platforms", "bad_followers"))
    if draft.region not in REGION_CHOICES:
        problems.append(Problem("region", "unknown"))
    if not draft.agrees_to_code:
        problems.append(Problem("agrees_to_code", "required"))
    return problems


def _reason(reason: str) -> str:
    text = clean_text(reason)
    low, high = REASON_LIMITS
    if not low <= len(text) <= high:
        raise InvalidInputError(f"a reason must be {low} to {high} characters; it is {len(text)}")
    return text


def _notify(
    stores: AmbassadorStores,
    account: Account,
    happening: Happening,
    subject: str,
    now: datetime,
    *,
    reason: str = "",
    again: date | None = None,
) -> None:
    notice = programme_notice(happening, account.language, reason=reason, again=again)
    stores.notifications.add(account_id=account.id, notice=notice, subject=subject, now=now)


def _audit(stores: AmbassadorStores, event: EventType, actor: str, subject: str, **data: object) -> None:
    stores.audit.record(AuditEvent(event, actor, subject, data))


def status_of(
    *, stores: AmbassadorStores, account: Account, now: datetime | None = None
) -> ApplicationStatus:
    """The account's latest application and whether it may apply now."""
    now = now or utcnow()
    latest = stores.ambassadors.latest_application(account.id)
    if account.role != "user":
        return ApplicationStatus(account, latest, False)
    if latest is not None and latest.state == "pending":
        return ApplicationStatus(account, latest, False)
    if latest is not None and latest.state == "declined" and latest.decided_at is not None:
        again = latest.decided_at + COOLING_OFF
        if again > now:
            return ApplicationStatus(account, latest, False, apply_from=again)
    return ApplicationStatus(account, latest, True)


def apply(
    *, stores: AmbassadorStores, applicant: Account, draft: ApplicationDraft, now: datetime | None = None
) -> Application:
    """File an application (the applicant agrees to the code of conduct now)."""
    now = now or utcnow()
    if applicant.role == "ambassador":
        raise ConflictError("you are already a Safety Ambassador")
    if applicant.role != "user":
        raise PermissionDeniedError(
            f"a {applicant.role} account cannot apply", hint="apply from your personal account"
        )
    problems = check_application(draft)
    if problems:
        listed = ", ".join(f"{p.field} ({p.code})" for p in problems)
        raise InvalidInputError(f"the application is not complete: {listed}")
    status = status_of(stores=stores, account=applicant, now=now)
    if status.apply_from is not None:
        raise ConflictError(
            "your last application was declined recently",
            hint=f"you can apply again from {status.apply_from.date().isoformat()}",
        )
    application = stores.ambassadors.add_application(
        account_id=applicant.id,
        motivation=clean_text(draft.motivation),
        languages=draft.languages,
        platforms=draft.platforms,
        region=draft.region,
        now=now,
    )
    _audit(
        stores, "ambassador.applied", applicant.id, f"application:{application.id}", reach=application.reach
    )
    return application


def withdraw(*, stores: AmbassadorStores, applicant: Account, now: datetime | None = None) -> Application:
    """Withdraw one's own pending application (no cooling-off period follows)."""
    latest = stores.ambassadors.latest_application(applicant.id)
    if latest is None or latest.state != "pending":
        raise ConflictError("you have no application waiting for a decision")
    stores.ambassadors.close_application(
        latest.id, state="withdrawn", reason="", by=applicant.id, now=now or utcnow()
    )
    _audit(stores, "ambassador.withdrawn", applicant.id, f"application:{latest.id}")
    return stores.ambassadors.application(latest.id)


def decide(
    *,
    stores: AmbassadorStores,
    reviewer: Account,
    application_id: int,
    approve: bool,
    reason: str = "",
    now: datetime | None = None,
) -> Application:
    """Approve (the account becomes an ambassador) or decline (a reason is required) an application."""
    require(reviewer.role, "ambassador.review")
    now = now or utcnow()
    application = stores.ambassadors.application(application_id)
    if application.account_id == reviewer.id:
        raise PermissionDeniedError("you cannot decide your own application")
    if application.state != "pending":
        raise ConflictError(f"application {application_id} is already {application.state}")
    applicant = stores.accounts.get(application.account_id)
    subject = f"application:{application.id}"
    if not approve:
        text = _reason(reason)
        stores.ambassadors.close_application(
            application.id, state="declined", reason=text, by=reviewer.id, now=now
        )
        _audit(stores, "ambassador.declined", reviewer.id, subject, reason=text)
        _notify(stores, applicant, "declined", subject, now, reason=text, again=(now + COOLING_OFF).date())
        return stores.ambassadors.application(application.id)
    if applicant.role != "user":
        raise ConflictError(f"the applicant's account is now a {applicant.role}; decline the application")
    note = clean_text(reason)[: REASON_LIMITS[1]]
    if not stores.ambassadors.close_application(
        application.id, state="approved", reason=note, by=reviewer.id, now=now
    ):
        raise ConflictError(f"application {application_id} was decided by someone else just now")
    change_role(
        accounts=stores.accounts,
        audit=stores.audit,
        actor_id=reviewer.id,
        account_id=applicant.id,
        role="ambassador",
        reason=f"ambassador application {application.id} approved",
    )
    stores.ambassadors.start_profile(
        account_id=applicant.id, languages=application.languages, region=application.region, now=now
    )
    _audit(stores, "ambassador.approved", reviewer.id, subject, account=applicant.id)
    _notify(stores, applicant, "approved", subject, now)
    return stores.ambassadors.application(application.id)


def _end(
    stores: AmbassadorStores, *, actor: Account, account: Account, how: Happening, reason: str
) -> Account:
    if account.role != "ambassador":
        raise ConflictError(f"{account.handle} is not a Safety Ambassador")
    changed = change_role(
        accounts=stores.accounts,
        audit=stores.audit,
        actor_id=actor.id,
        account_id=account.id,
        role="user",
        reason=f"ambassador {how.replace('_', ' ')}",
    )
    now = utcnow()
    stores.ambassadors.end_profile(account.id, now=now)
    _audit(stores, "ambassador.ended", actor.id, f"account:{account.id}", how=how, reason=reason)
    _notify(stores, changed, how, f"account:{account.id}", now, reason=reason)
    return changed


def step_down(*, stores: AmbassadorStores, ambassador: Account) -> Account:
    """An ambassador leaves the programme: the role returns to `user` and the profile is hidden."""
    return _end(stores, actor=ambassador, account=ambassador, how="stepped_down", reason="")


def remove(*, stores: AmbassadorStores, reviewer: Account, account_id: str, reason: str) -> Account:
    """Staff remove an ambassador from the programme, with a reason the ambassador is told."""
    require(reviewer.role, "ambassador.review")
    text = _reason(reason)
    return _end(stores, actor=reviewer, account=stores.accounts.get(account_id), how="removed", reason=text)


def pending_applications(
    *, stores: AmbassadorStores, reviewer: Account, limit: int = 100
) -> list[Application]:
    """Applications waiting for a decision, oldest first (for reviewers)."""
    require(reviewer.role, "ambassador.review")
    if not 1 <= limit <= 500:
        raise InvalidInputError("limit must be between 1 and 500")
    return stores.ambassadors.applications(state="pending", limit=limit)
