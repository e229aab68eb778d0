"""Decisions are data: what a decision or an appeal result does, planned here and carried out by services.

`plan_decision` says which state the content is left in, whether a strike is issued (on which feature
track, with which weight and expiry), the author's standing afterwards, and what the author and the
reporters are told. `plan_appeal` does the same for an appeal's result.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from hifazat.core.enforcement.lifecycle import appeal_deadline
from hifazat.core.enforcement.notices import Notice, appeal_notice, decision_notice, report_outcome_notice
from hifazat.core.enforcement.standing import Standing, Strike, expiry, standing
from hifazat.core.enforcement.vocabulary import (
    STATUS_OF_OUTCOME,
    TRACK_OF_KIND,
    TRACKS,
    AppealOutcome,
    ContentKind,
    ContentStatus,
    Language,
    Outcome,
    Track,
)
from hifazat.core.errors import InvalidInputError
from hifazat.core.guidelines.model import Policy

NO_STRIKE_TIER = 4
"""Tier-4 policies (label only) never give strikes."""


@dataclass(frozen=True, slots=True)
class StrikePlan:
    """The strike a decision issues."""

    policy: str
    track: Track
    tier: int
    weight: int
    issued_at: datetime
    expires_at: datetime | None


@dataclass(frozen=True, slots=True)
class DecisionEffects:
    """Everything one decision does."""

    status: ContentStatus
    strike: StrikePlan | None
    standing: Standing
    """The author's standing once the strike (if any) counts."""
    author_notice: Notice | None
    reporter_notices: dict[Language, Notice]
    appeal_until: datetime


@dataclass(frozen=True, slots=True)
class AppealEffects:
    """Everything one appeal result does."""

    status: ContentStatus | None
    """The content's new state (restored when overturned), or None to leave it."""
    remove_strike: bool
    notice: Notice


def titles(policy: Policy) -> tuple[str, str]:
    """A policy's title in English and Urdu."""
    return (policy.title.en, policy.title.ur)


def check_outcome(policy: Policy, outcome: Outcome) -> None:
    """Raise unless `outcome` is one the policy allows (`no_violation` always is)."""
    if outcome != "no_violation" and outcome not in policy.outcomes:
        allowed = ", ".join(("no_violation", *policy.outcomes))
        raise InvalidInputError(
            f"policy {policy.id} does not allow the outcome {outcome!r}",
            hint=f"for this policy use: {allowed}",
        )


def track_for(policy: Policy, kind: ContentKind) -> Track:
    """The feature track a violation of `policy` in `kind` of content counts against."""
    natural = TRACK_OF_KIND[kind]
    if not policy.feature_tracks or natural in policy.feature_tracks:
        return natural
    for track in TRACKS:
        if track in policy.feature_tracks:
            return track
    return natural


def plan_decision(
    *,
    policy: Policy,
    outcome: Outcome,
    kind: ContentKind,
    author_language: Language,
    strikes_before: Sequence[Strike],
    decided_at: datetime,
    reporter_languages: Iterable[Language] = (),
) -> DecisionEffects:
    """What a decision does; raises `InvalidInputError` when the policy does not allow the outcome."""
    check_outcome(policy, outcome)
    strike: StrikePlan | None = None
    after = list(strikes_before)
    if outcome == "remove" and policy.tier < NO_STRIKE_TIER and policy.strike_weight > 0:
        strike = StrikePlan(
            policy=policy.id,
            track=track_for(policy, kind),
            tier=policy.tier,
            weight=policy.strike_weight,
            issued_at=decided_at,
            expires_at=expiry(decided_at, policy.tier),
        )
        after.append(
            Strike(
                id=max((s.id for s in strikes_before), default=0) + 1,
                account_id="",
                decision_id=0,
                policy=strike.policy,
                track=strike.track,
                tier=strike.tier,
                weight=strike.weight,
                issued_at=strike.issued_at,
                expires_at=strike.expires_at,
            )
        )
    now_standing = standing(after, decided_at)
    until = appeal_deadline(decided_at)
    author_notice = None
    if outcome != "no_violation":
        author_notice = decision_notice(
            language=author_language,
            kind=kind,
            outcome=outcome,
            policy=titles(policy),
            appeal_until=until,
            strike_expires=None if strike is None else strike.expires_at,
            struck=strike is not None,
            standing=now_standing,
        )
    actioned = outcome != "no_violation"
    reporter_notices = {
        language: report_outcome_notice(
            language=language, kind=kind, actioned=actioned, policy=titles(policy) if actioned else None
        )
        for language in sorted(set(reporter_languages))
    }
    return DecisionEffects(
        STATUS_OF_OUTCOME[outcome], strike, now_standing, author_notice, reporter_notices, until
    )


def plan_appeal(
    *,
    policy: Policy,
    result: AppealOutcome,
    kind: ContentKind,
    language: Language,
    had_strike: bool,
) -> AppealEffects:
    """What an appeal's result does: overturning restores the content and removes the strike."""
    if result == "overturned":
        notice = appeal_notice(
            language=language,
            kind=kind,
            stage="appeal_overturned",
            policy=titles(policy),
            strike_removed=had_strike,
        )
        return AppealEffects("visible", had_strike, notice)
    notice = appeal_notice(language=language, kind=kind, stage="appeal_upheld", policy=titles(policy))
    return AppealEffects(None, False, notice)
