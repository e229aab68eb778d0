"""Strikes → standing: warning, feature restrictions, suspension, bans, 90-day expiry, appeals."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hifazat.core.enforcement.standing import STRIKE_LIFETIME, Strike, expiry, standing
from hifazat.core.enforcement.vocabulary import Track

T0 = datetime(2026, 10, 1, 12, tzinfo=UTC)
HOUR = timedelta(hours=1)


def strike(
    n: int,
    policy: str = "safety.harassment",
    track: Track = "comments",
    *,
    tier: int = 2,
    weight: int = 2,
    at: datetime | None = None,
    removed: bool = False,
) -> Strike:
    issued = at or T0 + n * HOUR
    return Strike(
        n, "acc", n, policy, track, tier, weight, issued, expiry(issued, tier), issued if removed else None
    )


@pytest.mark.parametrize(
    ("strikes", "level", "restricted"),
    [
        ([], "good", ()),  # nothing on record
        ([strike(1)], "warning", ()),  # the first strike is a warning
        ([strike(1), strike(2)], "restricted", ("commenting",)),  # 2 on comments: no commenting
        (
            [strike(1, track="live"), strike(2, "safety.hate", "live", weight=3)],
            "restricted",
            ("live",),
        ),  # LIVE
        ([strike(1, track="comments"), strike(2, track="live")], "warning", ()),  # different features
        ([strike(1), strike(2, removed=True)], "warning", ()),  # removed on appeal: never counted
    ],
)
def test_levels_and_restrictions(strikes: list[Strike], level: str, restricted: tuple[str, ...]) -> None:
    result = standing(strikes, T0 + 3 * HOUR)
    assert result.level == level
    assert tuple(r.feature for r in result.restrictions) == restricted


@pytest.mark.parametrize(
    ("track", "hours"),
    [
        ("comments", 24),  # no commenting for 24 h
        ("messages", 48),  # no messages for 48 h
        ("live", 24 * 7),  # no LIVE for 7 days
    ],
)
def test_restriction_lengths(track: Track, hours: int) -> None:
    strikes = [strike(1, track=track), strike(2, "integrity.spam", track, tier=3, weight=1)]
    last = strikes[-1].issued_at
    assert standing(strikes, last + timedelta(hours=hours) - HOUR).level == "restricted"
    assert standing(strikes, last + timedelta(hours=hours) + HOUR).level == "warning"


def test_tier_one_bans_at_once_and_forever() -> None:
    result = standing([strike(1, "safety.threats", "content", tier=1, weight=5)], T0 + 2 * HOUR)
    assert result.level == "banned" and result.ban is not None and result.ban.reason == "zero_tolerance"
    assert not result.may("posting")
    assert (
        standing([strike(1, "safety.threats", tier=1, weight=5)], T0 + 5 * STRIKE_LIFETIME).level == "banned"
    )


def test_repeat_policy_violations_ban() -> None:
    strikes = [
        strike(i, "regulated.scams", ("content", "comments", "messages")[i - 1], weight=3) for i in (1, 2, 3)
    ]
    result = standing(strikes, T0 + 4 * HOUR)
    assert result.ban is not None and (result.ban.reason, result.ban.policy) == ("policy", "regulated.scams")


def test_a_ban_outlives_the_strikes_that_caused_it() -> None:
    strikes = [strike(i, "safety.hate", "content", weight=3) for i in (1, 2, 3)]
    later = T0 + STRIKE_LIFETIME + 10 * HOUR
    result = standing(strikes, later)
    assert result.level == "banned" and result.active == ()


def test_mixed_policies_suspend_then_ban() -> None:
    mixed = [
        strike(1, "safety.harassment", "content", weight=2),
        strike(2, "safety.hate", "comments", weight=3),
        strike(3, "regulated.drugs", "live", weight=2),
    ]
    suspended = standing(mixed, T0 + 4 * HOUR)
    assert suspended.level == "suspended" and suspended.suspended_until == mixed[-1].issued_at + timedelta(
        hours=72
    )
    assert not suspended.may("commenting")
    more = [
        *mixed,
        strike(4, "mature.sexual", "messages", weight=2),
        strike(5, "regulated.weapons", "content", weight=3),
    ]
    assert standing(more, T0 + 6 * HOUR).ban is not None  # total weight 12


def test_strikes_expire_after_90_days() -> None:
    first = strike(1)
    assert standing([first], first.issued_at + STRIKE_LIFETIME - HOUR).level == "warning"
    assert standing([first], first.issued_at + STRIKE_LIFETIME).level == "good"
    # an expired strike no longer counts towards a restriction
    second = strike(2, at=first.issued_at + STRIKE_LIFETIME + HOUR)
    assert standing([first, second], second.issued_at + HOUR).level == "warning"


def test_counts_per_track_and_policy() -> None:
    result = standing([strike(1), strike(2, "integrity.spam", "messages", tier=3, weight=1)], T0 + 3 * HOUR)
    assert result.per_track == {"content": 0, "comments": 1, "live": 0, "messages": 1}
    assert result.per_policy == {"safety.harassment": 1, "integrity.spam": 1}
    assert result.total == 3
