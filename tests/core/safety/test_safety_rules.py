"""Age bands, settings layers, changes, penalties and the decision's special cases."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, date, datetime, timedelta

import pytest

from hifazat.core.errors import InvalidInputError
from hifazat.core.safety import (
    DEFAULTS,
    ActivePenalties,
    AgeBand,
    Audience,
    ContentRating,
    ParentalControls,
    Party,
    Relationship,
    Restriction,
    SafetySettings,
    band_for,
    decide_interaction,
    effective,
)
from hifazat.core.safety.changes import apply_own_changes, apply_parent_changes, describe, parse_changes
from hifazat.core.safety.errors import SafetyForbiddenError
from hifazat.core.safety.settings import AGE_LIMITS, PARENT_CONTROLLED, SETTINGS, parse_value

TODAY = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("birth", "band"),
    [
        (None, AgeBand.UNKNOWN),  # no birth date on record
        (date(2014, 1, 1), AgeBand.UNDER_13),  # 12
        (date(2013, 11, 25), AgeBand.TEEN_13_15),  # 13 today
        (date(2010, 11, 26), AgeBand.TEEN_13_15),  # 16 tomorrow
        (date(2010, 11, 25), AgeBand.TEEN_16_17),  # 16 today
        (date(2008, 11, 26), AgeBand.TEEN_16_17),  # 18 tomorrow
        (date(2008, 11, 25), AgeBand.ADULT),  # 18 today
        (date(2008, 2, 29), AgeBand.ADULT),  # leap-day birthday, 18 since 1 March
    ],
)
def test_age_band(birth: date | None, band: AgeBand) -> None:
    assert band_for(birth, TODAY) is band


def test_settings_table_lists_every_field_with_both_labels() -> None:
    assert list(SETTINGS) == [f.name for f in fields(SafetySettings)]
    for spec in SETTINGS.values():
        assert spec.label_en and spec.label_ur
    assert set(PARENT_CONTROLLED) == {
        "daily_limit_minutes",
        "restricted_mode",
        "message",
        "search_enabled",
        "comment",
        "private_account",
    }


@pytest.mark.parametrize("band", list(AgeBand))
def test_defaults_are_within_age_limits(band: AgeBand) -> None:
    assert effective(DEFAULTS[band], band) == DEFAULTS[band]


def test_under_16_defaults() -> None:
    young = DEFAULTS[AgeBand.TEEN_13_15]
    assert young.private_account and not young.suggest_account and not young.allow_downloads
    assert (young.message, young.duet, young.stitch) == (Audience.NO_ONE,) * 3
    assert young.daily_limit_minutes == 60


def test_16_17_defaults() -> None:
    older = DEFAULTS[AgeBand.TEEN_16_17]
    assert older.message is Audience.NO_ONE and older.daily_limit_minutes == 60 and not older.private_account


def test_stale_loose_settings_are_clamped_to_age() -> None:
    # Settings saved while the account looked adult, then the birth date was corrected to 14.
    loose = SafetySettings(private_account=False, message=Audience.EVERYONE, daily_limit_minutes=None)
    clamped = effective(loose, AgeBand.TEEN_13_15)
    assert (
        clamped.private_account and clamped.message is Audience.NO_ONE and clamped.daily_limit_minutes == 60
    )


def test_parent_values_bind_but_teen_may_be_stricter() -> None:
    own = SafetySettings(comment=Audience.NO_ONE, restricted_mode=False)
    parent = ParentalControls({"comment": Audience.FOLLOWERS, "restricted_mode": True}, "p")
    in_force = effective(own, AgeBand.TEEN_16_17, parent)
    assert in_force.comment is Audience.NO_ONE  # the teen's stricter choice wins
    assert in_force.restricted_mode  # the parent's value binds


@pytest.mark.parametrize(
    ("band", "parent", "changes", "reason"),
    [
        # A 14-year-old can't make the account public: age.
        (AgeBand.TEEN_13_15, None, {"private_account": False}, "age"),
        # A 17-year-old can't open DMs to everyone: age (friends at most).
        (AgeBand.TEEN_16_17, None, {"message": "everyone"}, "age"),
        # A teen can't drop the 60-minute limit: age.
        (AgeBand.TEEN_16_17, None, {"daily_limit_minutes": None}, "age"),
        # A teen can't loosen what the parent set: parent_control.
        (AgeBand.TEEN_16_17, {"comment": Audience.FRIENDS}, {"comment": "followers"}, "parent_control"),
        (AgeBand.TEEN_16_17, {"restricted_mode": True}, {"restricted_mode": False}, "parent_control"),
    ],
)
def test_own_changes_refused(
    band: AgeBand, parent: dict[str, object] | None, changes: dict[str, object], reason: str
) -> None:
    parental = ParentalControls(parent, "p") if parent else None  # type: ignore[arg-type]
    with pytest.raises(SafetyForbiddenError) as caught:
        apply_own_changes(DEFAULTS[band], parse_changes(changes), band=band, parental=parental)
    assert caught.value.reason == reason
    assert caught.value.message and "ی" in caught.value.message_ur


@pytest.mark.parametrize(
    ("band", "changes"),
    [
        (AgeBand.TEEN_13_15, {"comment": "no_one", "daily_limit_minutes": 30}),  # stricter is always fine
        (AgeBand.TEEN_16_17, {"message": "friends", "private_account": False}),  # within age limits
        (AgeBand.ADULT, {"message": "everyone", "daily_limit_minutes": None}),  # adults: anything
    ],
)
def test_own_changes_accepted(band: AgeBand, changes: dict[str, object]) -> None:
    updated = apply_own_changes(DEFAULTS[band], parse_changes(changes), band=band)
    for name, value in parse_changes(changes).items():
        assert updated.get(name) == value


def test_parent_changes_limited_to_controlled_settings_and_age() -> None:
    empty = ParentalControls({}, "p")
    with pytest.raises(SafetyForbiddenError) as caught:
        apply_parent_changes(empty, {"duet": Audience.NO_ONE}, band=AgeBand.TEEN_16_17)
    assert caught.value.reason == "not_parent_controlled"
    with pytest.raises(SafetyForbiddenError) as caught:
        apply_parent_changes(empty, {"message": Audience.EVERYONE}, band=AgeBand.TEEN_16_17)
    assert caught.value.reason == "age"
    ok = apply_parent_changes(empty, {"daily_limit_minutes": 30}, band=AgeBand.TEEN_13_15)
    assert ok.values == {"daily_limit_minutes": 30}


def test_describe_shows_who_decides() -> None:
    parent = ParentalControls({"restricted_mode": True}, "p")
    views = {v.name: v for v in describe(DEFAULTS[AgeBand.TEEN_13_15], AgeBand.TEEN_13_15, parent)}
    assert views["restricted_mode"].source == "parent_control" and views["restricted_mode"].parent_controlled
    assert views["private_account"].source == "age" and views["private_account"].age_limit is True
    assert views["see_likes"].source == "own" and not views["see_likes"].parent_controlled


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("message", "strangers"),  # not an audience
        ("private_account", "yes"),  # not a boolean
        ("daily_limit_minutes", 5),  # below 15 minutes
        ("daily_limit_minutes", True),  # a boolean is not minutes
        ("nickname", "x"),  # not a setting
    ],
)
def test_bad_values_are_refused(name: str, raw: object) -> None:
    with pytest.raises(InvalidInputError):
        parse_value(name, raw)


def test_parent_cannot_hold_uncontrolled_settings() -> None:
    with pytest.raises(InvalidInputError):
        ParentalControls({"duet": Audience.NO_ONE})


def test_age_limits_only_name_real_settings() -> None:
    for limits in AGE_LIMITS.values():
        assert set(limits) <= set(SETTINGS)


# ---- penalties -------------------------------------------------------------------------------------------

NOW = datetime(2026, 11, 25, 10, tzinfo=UTC)


def test_expired_restrictions_are_dropped() -> None:
    penalties = ActivePenalties.active_at(
        [Restriction("comments", NOW - timedelta(hours=1)), Restriction("live", NOW + timedelta(days=1))], NOW
    )
    assert penalties.stopping("comment") is None
    stopping = penalties.stopping("gift")
    assert stopping is not None and stopping.feature == "live"


def test_penalty_message_names_the_end() -> None:
    until = NOW + timedelta(days=2)
    decision = decide_interaction(
        Party("a", AgeBand.ADULT),
        Party("b", AgeBand.ADULT),
        "message",
        Relationship(follows=True, followed_by=True),
        SafetySettings(),
        ActivePenalties.of(Restriction("messages", until)),
    )
    assert decision.reason_code == "penalty"
    assert "2026-11-27 10:00" in decision.message_en and "2026-11-27 10:00" in decision.message_ur


def test_suspended_account_cannot_even_view() -> None:
    decision = decide_interaction(
        Party("a", AgeBand.ADULT), Party("b", AgeBand.ADULT), "view", Relationship(), SafetySettings(),
        ActivePenalties.of("all"),
    )  # fmt: skip
    assert (decision.allowed, decision.reason_code) == (False, "penalty")


# ---- self, LIVE hosting and content levels ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("band", "penalty", "want"),
    [
        (AgeBand.ADULT, None, (True, "ok")),  # adults may go LIVE
        (AgeBand.TEEN_16_17, None, (False, "age")),  # no LIVE hosting under 18
        (AgeBand.UNKNOWN, None, (False, "age")),  # nor without a known age
        (AgeBand.ADULT, "live", (False, "penalty")),  # a LIVE strike stops hosting
    ],
)
def test_hosting_live(band: AgeBand, penalty: str | None, want: tuple[bool, str]) -> None:
    me = Party("me", band)
    penalties = ActivePenalties.of(penalty) if penalty else ActivePenalties()
    decision = decide_interaction(me, me, "live", Relationship(), SafetySettings(), penalties)
    assert (decision.allowed, decision.reason_code) == want
    assert "LIVE" in decision.message_en or decision.allowed


@pytest.mark.parametrize(
    ("viewer", "rating", "want"),
    [
        (Party("v", AgeBand.ADULT), ContentRating.ADULT_ONLY, (True, "ok")),  # adults see adult-only
        (Party("v", AgeBand.TEEN_16_17), ContentRating.ADULT_ONLY, (False, "age")),  # minors don't
        (Party("v", AgeBand.TEEN_16_17), ContentRating.MATURE, (True, "ok")),  # mature, no Restricted Mode
        (Party("v", AgeBand.ADULT, restricted_mode=True), ContentRating.MATURE, (False, "restricted_mode")),
        # Restricted Mode set by a parent is a parent control.
        (
            Party("v", AgeBand.TEEN_13_15, restricted_mode=True, restricted_mode_by_parent=True),
            ContentRating.MATURE,
            (False, "parent_control"),
        ),
        (
            Party("v", AgeBand.ADULT, restricted_mode=True),
            ContentRating.GENERAL,
            (True, "ok"),
        ),  # general: fine
    ],
)
def test_content_levels(viewer: Party, rating: ContentRating, want: tuple[bool, str]) -> None:
    decision = decide_interaction(
        viewer, Party("c", AgeBand.ADULT), "view", Relationship(), SafetySettings(), ActivePenalties(),
        content=rating,
    )  # fmt: skip
    assert (decision.allowed, decision.reason_code) == want


def test_unknown_kind_is_refused_with_the_list() -> None:
    with pytest.raises(InvalidInputError) as caught:
        decide_interaction(
            Party("a", AgeBand.ADULT), Party("b", AgeBand.ADULT), "poke", Relationship(), SafetySettings(),
            ActivePenalties(),
        )  # fmt: skip
    assert "comment" in (caught.value.hint or "")
