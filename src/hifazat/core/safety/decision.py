"""`decide_interaction`: may this actor comment on, message, Duet, Stitch, mention, follow, view, join the
LIVE of, or send a gift to this target? One pure function, consistent with every setting, block,
penalty and pairing.

Checks run in a fixed order and the first that refuses names the reason:

1. `penalty`: the actor's active penalties stop this feature.
2. `block`: either account blocked the other.
3. `age` (actor): under 13 only view and follow; under 16 no messages; under 18 no gifts and no LIVE
   hosting; `restricted_mode`/`parent_control`/`age` for mature or adults-only content the actor views.
4. `age` (target): minors neither host LIVE nor receive gifts.
5. Setting layers of the target, strictest authority first: `age` (the band's limits), `parent_control`
   (Family Pairing values), `privacy` (the target's own choice). A layer refuses when its audience for
   the kind does not admit the relationship, or it makes the account private and the actor is not an
   approved follower (comment, Duet, Stitch, view).
6. `restricted`: a restricted actor may not mention, Duet or Stitch; their comments are accepted but shown
   only to them (`comment_hidden`).
7. Follow of a private account: allowed as a request (`approval_required`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from hifazat.core.errors import InvalidInputError
from hifazat.core.safety.age import AgeBand
from hifazat.core.safety.messages import ALLOWED, refusal
from hifazat.core.safety.penalties import ActivePenalties
from hifazat.core.safety.settings import (
    AGE_LIMITS,
    NO_PARENT,
    Audience,
    ParentalControls,
    SafetySettings,
    SettingValue,
)


class Kind(StrEnum):
    """Interaction kinds the app asks about."""

    COMMENT = "comment"
    MESSAGE = "message"
    DUET = "duet"
    STITCH = "stitch"
    MENTION = "mention"
    FOLLOW = "follow"
    VIEW = "view"
    LIVE = "live"
    """Join the target's LIVE; with actor == target, host a LIVE."""
    GIFT = "gift"


AUDIENCE_SETTING: dict[Kind, str] = {
    Kind.COMMENT: "comment",
    Kind.MESSAGE: "message",
    Kind.DUET: "duet",
    Kind.STITCH: "stitch",
    Kind.MENTION: "mention",
}
"""The audience setting that governs each kind."""

PRIVATE_KINDS: frozenset[Kind] = frozenset({Kind.COMMENT, Kind.DUET, Kind.STITCH, Kind.VIEW})
"""Kinds that need to see the target's videos, so a private account admits only approved followers."""


class ContentRating(StrEnum):
    """Content level of one video."""

    GENERAL = "general"
    MATURE = "mature"
    """Labelled mature: hidden by Restricted Mode."""
    ADULT_ONLY = "adult_only"
    """Restricted to adults: hidden from minors and by Restricted Mode."""


@dataclass(frozen=True, slots=True)
class Party:
    """One side of an interaction, as far as the decision needs it."""

    id: str
    band: AgeBand
    restricted_mode: bool = False
    """Restricted Mode in force for this account (matters when it views)."""
    restricted_mode_by_parent: bool = False
    """True when a paired parent set Restricted Mode."""


@dataclass(frozen=True, slots=True)
class Relationship:
    """How the actor stands towards the target."""

    follows: bool = False
    """The actor is an approved follower of the target."""
    followed_by: bool = False
    """The target follows the actor (both together: friends)."""
    blocked: bool = False
    """Either account blocked the other."""
    restricted: bool = False
    """The target restricted the actor."""

    @property
    def friends(self) -> bool:
        return self.follows and self.followed_by

    def admitted_by(self, audience: Audience) -> bool:
        """Whether an audience setting admits this actor."""
        if audience is Audience.EVERYONE:
            return True
        if audience is Audience.FOLLOWERS:
            return self.follows
        if audience is Audience.FRIENDS:
            return self.friends
        return False


STRANGER = Relationship()
FOLLOWER = Relationship(follows=True)
FRIEND = Relationship(follows=True, followed_by=True)
BLOCKED = Relationship(blocked=True)
RESTRICTED = Relationship(restricted=True)


@dataclass(frozen=True, slots=True)
class Decision:
    """The answer: allowed or not, a stable reason code, and what the actor reads."""

    allowed: bool
    reason_code: str
    """ok, approval_required, comment_hidden, penalty, block, age, parent_control, privacy, restricted,
    restricted_mode."""
    message_en: str
    message_ur: str

    def to_dict(self) -> dict[str, object]:
        return {
            "allowed": self.allowed,
            "reason_code": self.reason_code,
            "message_en": self.message_en,
            "message_ur": self.message_ur,
        }


REASON_CODES: tuple[str, ...] = (
    "ok",
    "approval_required",
    "comment_hidden",
    "penalty",
    "block",
    "age",
    "parent_control",
    "privacy",
    "restricted",
    "restricted_mode",
)


def _allow(code: str) -> Decision:
    en, ur = ALLOWED[code]
    return Decision(True, code, en, ur)


def _deny(code: str, action: str, why: str) -> Decision:
    en, ur = refusal(action, why)
    return Decision(False, code, en, ur)


def parse_kind(kind: str) -> Kind:
    """`kind` as a `Kind`, or an error listing the kinds."""
    try:
        return Kind(kind)
    except ValueError:
        raise InvalidInputError(
            f"unknown interaction kind {kind!r}", hint=f"use one of: {', '.join(k.value for k in Kind)}"
        ) from None


def _actor_age(actor: Party, kind: Kind, own: bool, content: ContentRating | None) -> Decision | None:
    band = actor.band
    if band is AgeBand.UNDER_13 and kind not in (Kind.VIEW, Kind.FOLLOW):
        return _deny("age", "host_live" if own and kind is Kind.LIVE else kind.value, "age_actor")
    if kind is Kind.MESSAGE and band.under_16:
        return _deny("age", "message", "age_actor")
    if kind is Kind.GIFT and band.is_minor:
        return _deny("age", "gift", "age_actor")
    if kind is Kind.LIVE and own and band.is_minor:
        return _deny("age", "host_live", "age_actor")
    if kind is Kind.VIEW and content is not None and content is not ContentRating.GENERAL:
        if content is ContentRating.ADULT_ONLY and band.is_minor:
            return _deny("age", "view_content", "adult_only")
        if actor.restricted_mode:
            if actor.restricted_mode_by_parent:
                return _deny("parent_control", "view_content", "restricted_mode_parent")
            return _deny("restricted_mode", "view_content", "restricted_mode")
    return None


def _layer_refuses(kind: Kind, values: Mapping[str, SettingValue], rel: Relationship) -> bool:
    name = AUDIENCE_SETTING.get(kind)
    if name is not None and name in values and not rel.admitted_by(Audience(values[name])):  # type: ignore[arg-type]
        return True
    return kind in PRIVATE_KINDS and values.get("private_account") is True and not rel.follows


_LAYER_WHY = {"age": "age_target", "parent_control": "parent_control", "privacy": "privacy"}


def decide_interaction(
    actor: Party,
    target: Party,
    kind: Kind | str,
    relationship: Relationship,
    settings: SafetySettings,
    penalties: ActivePenalties,
    parental: ParentalControls | None = None,
    *,
    content: ContentRating | None = None,
) -> Decision:
    """May `actor` do `kind` to `target`? `settings` and `parental` are the target's own choice and its
    parent's controls (age limits come from `target.band`); `penalties` are the actor's; `content` is the
    rating of the one video being viewed, if any."""
    kind = parse_kind(kind) if not isinstance(kind, Kind) else kind
    own = actor.id == target.id
    stopping = penalties.stopping(kind.value)
    if stopping is not None:
        en, ur = refusal(
            "host_live" if own and kind is Kind.LIVE else kind.value, "", stopping.until, penalty=True
        )
        return Decision(False, "penalty", en, ur)
    if relationship.blocked and not own:
        return _deny("block", kind.value, "block")
    refused = _actor_age(actor, kind, own, content)
    if refused is not None:
        return refused
    if own:
        return _allow("ok")
    if kind in (Kind.GIFT, Kind.LIVE) and target.band.is_minor:
        return _deny("age", kind.value, "age_target")
    own_values = {name: settings.get(name) for name in ("private_account", *AUDIENCE_SETTING.values())}
    layers: tuple[tuple[str, Mapping[str, SettingValue]], ...] = (
        ("age", AGE_LIMITS[target.band]),
        ("parent_control", (parental or NO_PARENT).values),
        ("privacy", own_values),
    )
    for code, values in layers:
        if _layer_refuses(kind, values, relationship):
            return _deny(code, kind.value, _LAYER_WHY[code])
    if relationship.restricted:
        if kind in (Kind.MENTION, Kind.DUET, Kind.STITCH):
            return _deny("restricted", kind.value, "restricted")
        if kind is Kind.COMMENT:
            return _allow("comment_hidden")
    private = any(values.get("private_account") is True for _code, values in layers)
    if kind is Kind.FOLLOW and not relationship.follows and private:
        return _allow("approval_required")
    return _allow("ok")
