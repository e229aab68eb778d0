"""Ambassador profiles, trusted-flagging accuracy, the dashboard and recognition.

Accuracy is the share of an ambassador's decided reports that reviewers upheld as violations, read from
the same place the review queue weights their reports from (`DecisionStore.reporter_accuracy`). Below
`MIN_DECIDED_FOR_ACCURACY` decisions it is "not enough decisions yet". Recognition ranks by accuracy
alone, among ambassadors with at least `RECOGNITION_MIN_DECIDED` decided flags: volume never ranks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hifazat.core.errors import InvalidInputError, NotFoundError, PermissionDeniedError
from hifazat.services.ambassadors import LANGUAGE_CHOICES, REGION_CHOICES, AmbassadorStores, clean_text
from hifazat.services.reports import MIN_DECIDED_FOR_ACCURACY, ReportStatus, report_outcome
from hifazat.storage.accounts import Account
from hifazat.storage.ambassador_programme import Campaign
from hifazat.storage.ambassadors import Profile

RECOGNITION_MIN_DECIDED = 10
"""Decided flags an ambassador needs before appearing on the recognition list."""
BIO_LIMIT = 600


@dataclass(frozen=True, slots=True)
class Accuracy:
    """Upheld ÷ decided, with the counts; `ratio` is None below the minimum number of decisions."""

    decided: int
    upheld: int
    minimum: int = MIN_DECIDED_FOR_ACCURACY

    @property
    def enough(self) -> bool:
        return self.decided >= self.minimum

    @property
    def ratio(self) -> float | None:
        return self.upheld / self.decided if self.enough else None

    @property
    def percent(self) -> int | None:
        """The ratio as a whole percentage, for display."""
        return None if self.ratio is None else round(100 * self.ratio)

    @property
    def badge(self) -> str:
        """`gold` (≥ 90 %), `silver` (≥ 75 %), `bronze` (≥ 60 %), `none`, or `new` without enough decisions."""
        if self.ratio is None:
            return "new"
        for name, floor in (("gold", 0.9), ("silver", 0.75), ("bronze", 0.6)):
            if self.ratio >= floor:
                return name
        return "none"


@dataclass(frozen=True, slots=True)
class PublicProfile:
    """What anyone may see about an ambassador: never an email, phone number or birth date."""

    handle: str
    display_name: str
    bio_en: str
    bio_ur: str
    languages: tuple[str, ...]
    region: str
    since: datetime
    campaigns: tuple[Campaign, ...]
    accuracy: Accuracy


@dataclass(frozen=True, slots=True)
class Flag:
    """One of an ambassador's reports and what became of it."""

    report_id: int
    content_id: str
    policy: str
    filed_at: datetime
    status: ReportStatus


@dataclass(frozen=True, slots=True)
class Dashboard:
    profile: PublicProfile
    flags: tuple[Flag, ...]


@dataclass(frozen=True, slots=True)
class Recognised:
    """One place on the recognition list; ties share a rank."""

    rank: int
    profile: PublicProfile


def accuracy_of(*, stores: AmbassadorStores, account_id: str) -> Accuracy:
    """An ambassador's trusted-flagging accuracy so far."""
    decided, upheld = stores.decisions.reporter_accuracy(account_id)
    return Accuracy(decided, upheld)


def _campaigns_by_speaker(stores: AmbassadorStores) -> dict[str, tuple[Campaign, ...]]:
    """Account id → the campaigns in whose events that ambassador spoke (read once for every profile)."""
    campaigns = stores.programme.campaigns()
    ids: dict[str, set[int]] = {}
    for event in stores.programme.events():
        if event.campaign_id is not None:
            for speaker in event.speakers:
                if speaker.account_id:
                    ids.setdefault(speaker.account_id, set()).add(event.campaign_id)
    return {account: tuple(c for c in campaigns if c.id in found) for account, found in ids.items()}


def _public(
    stores: AmbassadorStores,
    account: Account,
    profile: Profile,
    campaigns: dict[str, tuple[Campaign, ...]],
) -> PublicProfile:
    return PublicProfile(
        handle=account.handle,
        display_name=account.display_name or account.handle,
        bio_en=profile.bio_en,
        bio_ur=profile.bio_ur,
        languages=profile.languages,
        region=profile.region,
        since=profile.since,
        campaigns=campaigns.get(account.id, ()),
        accuracy=accuracy_of(stores=stores, account_id=account.id),
    )


def public_profile(*, stores: AmbassadorStores, handle: str) -> PublicProfile:
    """The public profile of an active ambassador, by handle; `NotFoundError` for anyone else."""
    account = stores.accounts.by_handle(handle)
    profile = None if account is None else stores.ambassadors.profile(account.id)
    if account is None or profile is None or not profile.active or account.role != "ambassador":
        raise NotFoundError(f"no ambassador @{handle}")
    return _public(stores, account, profile, _campaigns_by_speaker(stores))


def ambassadors(*, stores: AmbassadorStores) -> list[PublicProfile]:
    """Every active ambassador, longest-serving first."""
    found = []
    campaigns = _campaigns_by_speaker(stores)
    for profile in stores.ambassadors.profiles():
        account = stores.accounts.get(profile.account_id)
        if account.role == "ambassador":
            found.append(_public(stores, account, profile, campaigns))
    return found


def recognition(*, stores: AmbassadorStores, minimum: int = RECOGNITION_MIN_DECIDED) -> list[Recognised]:
    """Active ambassadors with at least `minimum` decided flags, ranked by accuracy alone (ties share a
    rank and are listed by handle): how many flags someone filed never moves them up."""
    if minimum < MIN_DECIDED_FOR_ACCURACY:
        raise InvalidInputError(f"the minimum must be at least {MIN_DECIDED_FOR_ACCURACY} decided flags")
    eligible = [p for p in ambassadors(stores=stores) if p.accuracy.decided >= minimum]
    eligible.sort(key=lambda p: (-(p.accuracy.ratio or 0.0), p.handle))
    ranked: list[Recognised] = []
    for position, profile in enumerate(eligible, start=1):
        tied = ranked and ranked[-1].profile.accuracy.ratio == profile.accuracy.ratio
        ranked.append(Recognised(ranked[-1].rank if tied else position, profile))
    return ranked


def dashboard(*, stores: AmbassadorStores, ambassador: Account, limit: int = 50) -> Dashboard:
    """An ambassador's own view: their profile and accuracy, and their latest flags with outcomes."""
    if ambassador.role != "ambassador":
        raise PermissionDeniedError("only Safety Ambassadors have a dashboard")
    profile = public_profile(stores=stores, handle=ambassador.handle)
    flags = []
    for report in stores.reports.by_reporter(ambassador.id, limit):
        outcome = report_outcome(stores=stores, viewer=ambassador, report_id=report.id, staff=False)
        flags.append(Flag(report.id, report.content_id, report.policy, report.created_at, outcome.status))
    return Dashboard(profile, tuple(flags))


def edit_profile(
    *,
    stores: AmbassadorStores,
    ambassador: Account,
    bio_en: str,
    bio_ur: str,
    languages: tuple[str, ...] | None = None,
    region: str | None = None,
) -> PublicProfile:
    """An ambassador edits their own public profile."""
    texts = {"bio_en": clean_text(bio_en), "bio_ur": clean_text(bio_ur)}
    for name, text in texts.items():
        if len(text) > BIO_LIMIT:
            raise InvalidInputError(f"{name} is {len(text)} characters; the limit is {BIO_LIMIT}")
    values: dict[str, object] = dict(texts)
    if languages is not None:
        if not languages or any(lang not in LANGUAGE_CHOICES for lang in languages):
            raise InvalidInputError("choose at least one known language", hint=", ".join(LANGUAGE_CHOICES))
        values["languages"] = tuple(dict.fromkeys(languages))
    if region is not None:
        if region not in REGION_CHOICES:
            raise InvalidInputError(f"unknown region {region!r}", hint=", ".join(REGION_CHOICES))
        values["region"] = region
    if ambassador.role != "ambassador":
        raise PermissionDeniedError("only Safety Ambassadors have a public profile to edit")
    stores.ambassadors.edit_profile(ambassador.id, **values)
    return public_profile(stores=stores, handle=ambassador.handle)
