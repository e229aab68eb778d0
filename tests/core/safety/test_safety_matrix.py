"""The interaction matrix: actor age band × target (band, settings) × relationship × active penalty ×
parent controls × interaction kind, with the expected answer for every cell.

Expectations come from the readable spec tables below, written from the issue and the feature survey
(anchors-features.md §1.5–1.6), not from the code under test. A few literal cells at the end anchor the
tables themselves.
"""

from __future__ import annotations

import itertools
from typing import Any

import pytest

from hifazat.core.safety import (
    ActivePenalties,
    AgeBand,
    Audience,
    ParentalControls,
    Party,
    Relationship,
    SafetySettings,
    decide_interaction,
)

# ---- the spec ------------------------------------------------------------------------------------------

KINDS = ("comment", "message", "duet", "stitch", "mention", "follow", "view", "live", "gift")
ACTOR_BANDS = ("under_13", "13_15", "16_17", "adult", "unknown")
TARGET_BANDS = ("13_15", "16_17", "adult", "unknown")
RELATIONSHIPS = ("stranger", "follower", "friend", "blocked", "restricted")

# Who each audience setting admits (blocked never gets this far; restricted people count as strangers).
ADMITS = {
    "everyone": {"stranger", "follower", "friend", "restricted"},
    "followers": {"follower", "friend"},
    "friends": {"friend"},
    "no_one": set(),
}
APPROVED_FOLLOWERS = {"follower", "friend"}

# Settings that govern each kind; a private account shows its videos only to approved followers.
AUDIENCE_KINDS = {"comment", "message", "duet", "stitch", "mention"}
NEEDS_TO_SEE_VIDEOS = {"comment", "duet", "stitch", "view"}

# The target's own settings, four presets (private flag + one audience for all five audience kinds).
PRESETS: dict[str, dict[str, Any]] = {
    "open": {"private_account": False, **{k: "everyone" for k in AUDIENCE_KINDS}},
    "followers": {"private_account": False, **{k: "followers" for k in AUDIENCE_KINDS}},
    "friends": {"private_account": False, **{k: "friends" for k in AUDIENCE_KINDS}},
    "closed": {"private_account": True, **{k: "no_one" for k in AUDIENCE_KINDS}},
}

# What age imposes on a target, whatever it chose (under 16: private, no DMs, no Duet/Stitch, comments
# and mentions friends only; 16-17 and unknown age: messages friends at most).
AGE_LIMITS: dict[str, dict[str, Any]] = {
    "13_15": {
        "private_account": True,
        "comment": "friends",
        "message": "no_one",
        "duet": "no_one",
        "stitch": "no_one",
        "mention": "friends",
    },
    "16_17": {"message": "friends"},
    "unknown": {"message": "friends"},
    "adult": {},
}
MINOR_TARGETS = {"13_15", "16_17", "unknown"}

# What each actor band may not do at all (under 13: only view and follow; under 16: no DMs;
# under 18 or unknown: no gifts).
ACTOR_AGE_DENIES = {
    "under_13": {"comment", "message", "duet", "stitch", "mention", "live", "gift"},
    "13_15": {"message", "gift"},
    "16_17": {"gift"},
    "unknown": {"gift"},
    "adult": set(),
}
# Minors neither host LIVE nor receive gifts.
TARGET_MINOR_DENIES = {"live", "gift"}

# Parent controls (teen targets only): none; DMs off + comments from followers; private account.
PARENT_OPTIONS: dict[str, dict[str, Any]] = {
    "none": {},
    "dm_off_comments_followers": {"message": "no_one", "comment": "followers"},
    "private": {"private_account": True},
}

# Active penalties of the actor and the kinds each stops.
PENALTY_STOPS = {
    "none": set(),
    "comments": {"comment", "mention"},
    "live": {"live", "gift"},
    "view_only": set(KINDS) - {"view"},
}

# A restricted actor may not mention, Duet or Stitch; their comments go through but only they see them.
RESTRICTED_DENIES = {"mention", "duet", "stitch"}


def expected(
    actor: str, target: str, preset: str, rel: str, penalty: str, parent: str, kind: str
) -> tuple[bool, str]:
    """The spec's answer for one cell: (allowed, reason_code)."""
    if kind in PENALTY_STOPS[penalty]:
        return False, "penalty"
    if rel == "blocked":
        return False, "block"
    if kind in ACTOR_AGE_DENIES[actor]:
        return False, "age"
    if target in MINOR_TARGETS and kind in TARGET_MINOR_DENIES:
        return False, "age"
    layers = [
        ("age", AGE_LIMITS[target]),
        ("parent_control", PARENT_OPTIONS[parent]),
        ("privacy", PRESETS[preset]),
    ]
    for reason, values in layers:
        if kind in AUDIENCE_KINDS and kind in values and rel not in ADMITS[values[kind]]:
            return False, reason
        if kind in NEEDS_TO_SEE_VIDEOS and values.get("private_account") and rel not in APPROVED_FOLLOWERS:
            return False, reason
    if rel == "restricted" and kind in RESTRICTED_DENIES:
        return False, "restricted"
    if rel == "restricted" and kind == "comment":
        return True, "comment_hidden"
    if (
        kind == "follow"
        and rel not in APPROVED_FOLLOWERS
        and any(v.get("private_account") for _r, v in layers)
    ):
        return True, "approval_required"
    return True, "ok"


# ---- building the inputs ------------------------------------------------------------------------------

REL_OBJECTS = {
    "stranger": Relationship(),
    "follower": Relationship(follows=True),
    "friend": Relationship(follows=True, followed_by=True),
    "blocked": Relationship(blocked=True),
    "restricted": Relationship(restricted=True),
}


def settings_of(preset: str) -> SafetySettings:
    values = PRESETS[preset]
    return SafetySettings(
        private_account=values["private_account"], **{k: Audience(values[k]) for k in AUDIENCE_KINDS}
    )


def parental_of(parent: str) -> ParentalControls | None:
    values = PARENT_OPTIONS[parent]
    if not values:
        return None
    return ParentalControls(
        {k: v if isinstance(v, bool) else Audience(v) for k, v in values.items()}, "parent"
    )


def cells(actor: str, kind: str) -> list[tuple[str, str, str, str, str]]:
    """Every (target band, preset, relationship, penalty, parent) for one actor band and kind."""
    out = []
    for target, preset, rel, penalty in itertools.product(
        TARGET_BANDS, PRESETS, RELATIONSHIPS, PENALTY_STOPS
    ):
        parents = PARENT_OPTIONS if target in MINOR_TARGETS else ["none"]
        out.extend((target, preset, rel, penalty, parent) for parent in parents)
    return out


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("actor", ACTOR_BANDS)
def test_every_cell_matches_the_spec(actor: str, kind: str) -> None:
    mismatches = []
    grid = cells(actor, kind)
    for target, preset, rel, penalty, parent in grid:
        decision = decide_interaction(
            Party("actor", AgeBand(actor)),
            Party("target", AgeBand(target)),
            kind,
            REL_OBJECTS[rel],
            settings_of(preset),
            ActivePenalties.of(*(() if penalty == "none" else (penalty,))),
            parental_of(parent),
        )
        want = expected(actor, target, preset, rel, penalty, parent, kind)
        if (decision.allowed, decision.reason_code) != want:
            mismatches.append((target, preset, rel, penalty, parent, want, decision.reason_code))
        assert decision.message_en and decision.message_ur
    assert len(grid) == 4 * 5 * 4 * (3 * 3 + 1)  # presets × relationships × penalties × (band, parent)
    assert mismatches == [], f"{len(mismatches)} cells differ, e.g. {mismatches[:5]}"


# ---- literal anchors for the spec ------------------------------------------------------------------------

ANCHORS = [
    # An adult stranger can't message a 14-year-old even if the teen's stored setting says everyone: age.
    ("adult", "13_15", "open", "stranger", "none", "none", "message", (False, "age")),
    # A 17-year-old's friend can message them when the teen allows friends.
    ("16_17", "16_17", "friends", "friend", "none", "none", "message", (True, "ok")),
    # A parent's DM-off binds even for a friend of a 17-year-old.
    (
        "adult",
        "16_17",
        "open",
        "friend",
        "none",
        "dm_off_comments_followers",
        "message",
        (False, "parent_control"),
    ),
    # Nobody may Duet a 15-year-old's video, not even a friend.
    ("13_15", "13_15", "open", "friend", "none", "none", "duet", (False, "age")),
    # A creator who limits comments to followers refuses a stranger: privacy.
    ("adult", "adult", "followers", "stranger", "none", "none", "comment", (False, "privacy")),
    # Blocked beats everything except the actor's own penalty.
    ("adult", "adult", "open", "blocked", "none", "none", "view", (False, "block")),
    ("adult", "adult", "open", "blocked", "view_only", "none", "comment", (False, "penalty")),
    # A comment strike stops comments even on an open account.
    ("adult", "adult", "open", "follower", "comments", "none", "comment", (False, "penalty")),
    # Following a private account is a request.
    ("adult", "adult", "closed", "stranger", "none", "none", "follow", (True, "approval_required")),
    # A restricted person's comment is accepted but hidden from others; a mention is refused.
    ("adult", "adult", "open", "restricted", "none", "none", "comment", (True, "comment_hidden")),
    ("adult", "adult", "open", "restricted", "none", "none", "mention", (False, "restricted")),
    # 16-17: no gifts to send, and a minor can't receive them either.
    ("16_17", "adult", "open", "friend", "none", "none", "gift", (False, "age")),
    ("adult", "16_17", "open", "friend", "none", "none", "gift", (False, "age")),
    # Adults may join an adult's LIVE and gift.
    ("adult", "adult", "open", "stranger", "none", "none", "live", (True, "ok")),
    ("adult", "adult", "open", "stranger", "none", "none", "gift", (True, "ok")),
]


@pytest.mark.parametrize(("actor", "target", "preset", "rel", "penalty", "parent", "kind", "want"), ANCHORS)
def test_anchor_cells(
    actor: str,
    target: str,
    preset: str,
    rel: str,
    penalty: str,
    parent: str,
    kind: str,
    want: tuple[bool, str],
) -> None:
    assert expected(actor, target, preset, rel, penalty, parent, kind) == want
    decision = decide_interaction(
        Party("a", AgeBand(actor)),
        Party("t", AgeBand(target)),
        kind,
        REL_OBJECTS[rel],
        settings_of(preset),
        ActivePenalties.of(*(() if penalty == "none" else (penalty,))),
        parental_of(parent),
    )
    assert (decision.allowed, decision.reason_code) == want
