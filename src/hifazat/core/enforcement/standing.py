"""Strikes and account standing, as the reference platform runs them.

A violating item that is removed gives its author a strike under the policy and the product feature
(track) it was posted on. Strikes expire after 90 days. Counting happens at the moment each strike is
issued, over the strikes alive then, so a ban stays a ban after its strikes expire, while a strike removed
on appeal is as if it never happened:

- the first strike is a warning;
- `TRACK_RESTRICTIONS`: repeated strikes on one feature restrict that feature for a while
  (2 on comments: no commenting for 24 h; 2 on LIVE: no LIVE for 7 days; ...);
- `SUSPEND_AT` total weight over at least `SUSPEND_MIN_STRIKES` strikes suspends the account (view-only)
  for `SUSPENSION`;
- a tier-1 (zero tolerance) strike, `POLICY_BAN_AT[tier]` strikes under one policy, `TRACK_BAN_AT` weight
  on one feature or `BAN_AT` weight in total ban the account permanently.

Weights come from the guidelines (`strike_weight`: 1 for low-harm spam, 3 for scams and hate, 5 for
zero-tolerance policies), so thresholds bite sooner for more harmful behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Literal

from hifazat.core.enforcement.vocabulary import TRACKS, Track

STRIKE_LIFETIME = timedelta(days=90)
"""How long a strike counts."""

Feature = Literal["posting", "commenting", "live", "messaging"]
FEATURES: tuple[Feature, ...] = ("posting", "commenting", "live", "messaging")
FEATURE_OF_TRACK: dict[Track, Feature] = {
    "content": "posting",
    "comments": "commenting",
    "live": "live",
    "messages": "messaging",
}

TRACK_RESTRICTIONS: dict[Track, tuple[int, timedelta]] = {
    "comments": (2, timedelta(hours=24)),
    "messages": (2, timedelta(hours=48)),
    "live": (2, timedelta(days=7)),
    "content": (3, timedelta(hours=24)),
}
"""Track → (number of active strikes on that track that restricts it, for how long from the strike)."""
SUSPEND_AT = 6
"""Total active strike weight that suspends the account..."""
SUSPEND_MIN_STRIKES = 3
"""...once it has at least this many active strikes (a single heavy strike is still a warning)."""
SUSPENSION = timedelta(hours=72)
"""How long a temporary suspension (view-only mode) lasts."""
POLICY_BAN_AT: dict[int, int] = {2: 3, 3: 5}
"""Guideline tier → number of active strikes under one policy that bans (tier 1 bans at once)."""
TRACK_BAN_AT = 10
"""Active strike weight on one feature that bans."""
BAN_AT = 12
"""Total active strike weight that bans."""

Level = Literal["good", "warning", "restricted", "suspended", "banned"]
LEVELS: tuple[Level, ...] = ("good", "warning", "restricted", "suspended", "banned")
BanReason = Literal["zero_tolerance", "policy", "feature", "total"]


@dataclass(frozen=True, slots=True)
class Strike:
    """One strike on an account, from one decision."""

    id: int
    account_id: str
    decision_id: int
    policy: str
    track: Track
    tier: int
    weight: int
    issued_at: datetime
    expires_at: datetime | None
    """None for a zero-tolerance strike, which never expires."""
    removed_at: datetime | None = None
    """Set when an appeal overturned the decision; a removed strike never counts."""

    def alive_at(self, moment: datetime) -> bool:
        """True when the strike counts at `moment`."""
        if self.removed_at is not None or self.issued_at > moment:
            return False
        return self.expires_at is None or self.expires_at > moment


@dataclass(frozen=True, slots=True)
class Restriction:
    """A feature the account may not use until a time."""

    feature: Feature
    since: datetime
    until: datetime
    track: Track


@dataclass(frozen=True, slots=True)
class Ban:
    """A permanent ban and the reason, with the policy or feature that reached the threshold."""

    since: datetime
    reason: BanReason
    policy: str | None = None
    track: Track | None = None


@dataclass(frozen=True, slots=True)
class Standing:
    """An account's status at one moment: what its account-status page shows."""

    level: Level
    active: tuple[Strike, ...]
    restrictions: tuple[Restriction, ...]
    suspended_until: datetime | None
    ban: Ban | None
    per_track: dict[str, int] = field(default_factory=dict)
    per_policy: dict[str, int] = field(default_factory=dict)

    def may(self, feature: Feature) -> bool:
        """True when the account may use `feature` now."""
        if self.ban is not None or self.suspended_until is not None:
            return False
        return all(r.feature != feature for r in self.restrictions)

    @property
    def total(self) -> int:
        """Total weight of the active strikes."""
        return sum(s.weight for s in self.active)


def expiry(issued_at: datetime, tier: int) -> datetime | None:
    """When a strike issued at `issued_at` under a policy of `tier` expires (never for tier 1)."""
    return None if tier == 1 else issued_at + STRIKE_LIFETIME


def _ban_for(alive: list[Strike], newest: Strike) -> Ban | None:
    moment = newest.issued_at
    if any(s.tier == 1 for s in alive):
        first = next(s for s in alive if s.tier == 1)
        return Ban(moment, "zero_tolerance", policy=first.policy)
    same_policy = sum(1 for s in alive if s.policy == newest.policy)
    limit = POLICY_BAN_AT.get(newest.tier)
    if limit is not None and same_policy >= limit:
        return Ban(moment, "policy", policy=newest.policy)
    if sum(s.weight for s in alive if s.track == newest.track) >= TRACK_BAN_AT:
        return Ban(moment, "feature", track=newest.track)
    if sum(s.weight for s in alive) >= BAN_AT:
        return Ban(moment, "total")
    return None


def standing(strikes: list[Strike] | tuple[Strike, ...], now: datetime) -> Standing:
    """The standing at `now` implied by an account's strikes (in any order, removed ones included)."""
    history = sorted((s for s in strikes if s.removed_at is None and s.issued_at <= now), key=_order)
    restrictions: list[Restriction] = []
    suspended_until: datetime | None = None
    ban: Ban | None = None
    for index, newest in enumerate(history):
        moment = newest.issued_at
        alive = [s for s in history[: index + 1] if s.alive_at(moment)]
        ban = _ban_for(alive, newest)
        if ban is not None:
            break
        threshold, duration = TRACK_RESTRICTIONS[newest.track]
        if sum(1 for s in alive if s.track == newest.track) >= threshold:
            restrictions.append(
                Restriction(FEATURE_OF_TRACK[newest.track], moment, moment + duration, newest.track)
            )
        if sum(s.weight for s in alive) >= SUSPEND_AT and len(alive) >= SUSPEND_MIN_STRIKES:
            suspended_until = max(suspended_until or moment, moment + SUSPENSION)
    active = tuple(s for s in history if s.alive_at(now))
    current = tuple(r for r in _merge(restrictions) if r.until > now)
    if suspended_until is not None and suspended_until <= now:
        suspended_until = None
    level: Level = "good"
    if ban is not None:
        level = "banned"
    elif suspended_until is not None:
        level = "suspended"
    elif current:
        level = "restricted"
    elif active:
        level = "warning"
    per_track: dict[str, int] = {track: sum(1 for s in active if s.track == track) for track in TRACKS}
    per_policy: dict[str, int] = {}
    for strike in active:
        per_policy[strike.policy] = per_policy.get(strike.policy, 0) + 1
    return Standing(level, active, current, suspended_until, ban, per_track, per_policy)


def _order(strike: Strike) -> tuple[datetime, int]:
    return (strike.issued_at, strike.id)


def _merge(restrictions: list[Restriction]) -> list[Restriction]:
    """One restriction per feature: the one that ends last."""
    latest: dict[Feature, Restriction] = {}
    for item in restrictions:
        held = latest.get(item.feature)
        if held is None or item.until > held.until:
            latest[item.feature] = item
    return [latest[f] for f in FEATURES if f in latest]
