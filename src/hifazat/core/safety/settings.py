"""Privacy, comment and well-being settings, with age limits, parental controls and strictness clamping.

Three layers decide what is in force for an account, and the strictest wins field by field:
the **age limit** of its band, the **parent's value** set through Family Pairing, and the **own choice**.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Literal

from hifazat.core.errors import InvalidInputError
from hifazat.core.safety.age import AgeBand


class Audience(StrEnum):
    """Who may do something, from strictest to loosest."""

    NO_ONE = "no_one"
    FRIENDS = "friends"
    """Friends are mutual followers."""
    FOLLOWERS = "followers"
    EVERYONE = "everyone"


AUDIENCE_RANK: dict[Audience, int] = {a: i for i, a in enumerate(Audience)}
"""0 for `no_one` up to 3 for `everyone`: a higher rank is looser."""

SettingValue = bool | Audience | int | None
FieldKind = Literal["audience", "on_is_strict", "off_is_strict", "minutes"]

MIN_LIMIT_MINUTES = 15
MAX_LIMIT_MINUTES = 600


@dataclass(frozen=True, slots=True)
class SafetySettings:
    """One account's settings (its own choice, or the values in force after clamping)."""

    private_account: bool = False
    """Only approved followers see the videos; new followers need approval."""
    comment: Audience = Audience.EVERYONE
    """Who can comment on the account's videos."""
    message: Audience = Audience.FRIENDS
    """Who can send the account direct messages."""
    duet: Audience = Audience.EVERYONE
    """Who can Duet with the account's videos."""
    stitch: Audience = Audience.EVERYONE
    """Who can Stitch the account's videos."""
    mention: Audience = Audience.EVERYONE
    """Who can mention (tag) the account."""
    see_likes: Audience = Audience.NO_ONE
    """Who can see the videos the account liked (`no_one` = only the account)."""
    see_following: Audience = Audience.EVERYONE
    """Who can see the list of accounts it follows."""
    suggest_account: bool = True
    """Whether the account is suggested to people who do not know it."""
    allow_downloads: bool = True
    """Whether others may download the account's videos."""
    search_enabled: bool = True
    """Whether the account may use search (a Family Pairing control)."""
    restricted_mode: bool = False
    """Hide content restricted to adults or labelled mature from this account."""
    daily_limit_minutes: int | None = None
    """Daily screen-time limit; past it a passcode is needed to keep watching. None: no limit."""
    filter_all_comments: bool = False
    """Hold every new comment until the account approves it."""
    filter_spam_offensive: bool = True
    """Hold comments the moderation engine finds spammy or offensive."""

    def get(self, name: str) -> SettingValue:
        """The value of setting `name` (see `SETTINGS`)."""
        value: SettingValue = getattr(self, name)
        return value

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-ready values."""
        return {f.name: _plain(getattr(self, f.name)) for f in fields(self)}


def _plain(value: SettingValue) -> object:
    return value.value if isinstance(value, Audience) else value


@dataclass(frozen=True, slots=True)
class SettingSpec:
    """What one setting is, how strictness is measured, and what people read about it."""

    name: str
    kind: FieldKind
    label_en: str
    label_ur: str
    parent_controlled: bool = False
    """Whether a paired parent may set it (it then binds the teen)."""


SETTINGS: dict[str, SettingSpec] = {
    s.name: s
    for s in (
        SettingSpec("private_account", "on_is_strict", "Private account", "نجی اکاؤنٹ", True),
        SettingSpec("comment", "audience", "Who can comment", "کون تبصرہ کر سکتا ہے", True),
        SettingSpec(
            "message", "audience", "Who can send direct messages", "کون براہِ راست پیغام بھیج سکتا ہے", True
        ),
        SettingSpec("duet", "audience", "Who can Duet", "کون ڈوئٹ بنا سکتا ہے"),
        SettingSpec("stitch", "audience", "Who can Stitch", "کون اسٹچ کر سکتا ہے"),
        SettingSpec("mention", "audience", "Who can mention you", "کون آپ کو مینشن کر سکتا ہے"),
        SettingSpec(
            "see_likes", "audience", "Who can see liked videos", "پسند کی گئی ویڈیوز کون دیکھ سکتا ہے"
        ),
        SettingSpec(
            "see_following",
            "audience",
            "Who can see your following list",
            "آپ کی فالوونگ لسٹ کون دیکھ سکتا ہے",
        ),
        SettingSpec(
            "suggest_account",
            "off_is_strict",
            "Suggest your account to others",
            "اپنا اکاؤنٹ دوسروں کو تجویز کریں",
        ),
        SettingSpec(
            "allow_downloads",
            "off_is_strict",
            "Allow downloads of your videos",
            "اپنی ویڈیوز ڈاؤن لوڈ کرنے کی اجازت",
        ),
        SettingSpec("search_enabled", "off_is_strict", "Search", "تلاش", True),
        SettingSpec("restricted_mode", "on_is_strict", "Restricted Mode", "محدود موڈ", True),
        SettingSpec(
            "daily_limit_minutes", "minutes", "Daily screen-time limit", "روزانہ اسکرین ٹائم کی حد", True
        ),
        SettingSpec(
            "filter_all_comments", "on_is_strict", "Filter all comments", "تمام تبصرے منظوری تک روکیں"
        ),
        SettingSpec(
            "filter_spam_offensive",
            "on_is_strict",
            "Filter spam and offensive comments",
            "اسپام اور نازیبا تبصرے فلٹر کریں",
        ),
    )
}
"""Every setting, in display order. A test checks it lists exactly the fields of `SafetySettings`."""

PARENT_CONTROLLED: tuple[str, ...] = tuple(n for n, s in SETTINGS.items() if s.parent_controlled)
"""Screen time, Restricted Mode, who can message, search, comment audience and account privacy."""

_AUDIENCE_UR = {
    Audience.EVERYONE: "سب",
    Audience.FOLLOWERS: "فالوورز",
    Audience.FRIENDS: "دوست",
    Audience.NO_ONE: "کوئی نہیں",
}


def looseness(name: str, value: SettingValue) -> float:
    """How loose `value` is for setting `name`: a larger number is looser."""
    kind = SETTINGS[name].kind
    if kind == "audience":
        return float(AUDIENCE_RANK[Audience(value)])  # type: ignore[arg-type]
    if kind == "minutes":
        return math.inf if value is None else float(value)
    on = bool(value)
    return float(not on) if kind == "on_is_strict" else float(on)


def strictest(name: str, *values: SettingValue) -> SettingValue:
    """The strictest of `values` for setting `name`."""
    return min(values, key=lambda v: looseness(name, v))


def show(name: str, value: SettingValue, lang: str = "en") -> str:
    """A value as people read it, in `lang` (en or ur)."""
    kind = SETTINGS[name].kind
    if kind == "audience":
        audience = Audience(value)  # type: ignore[arg-type]
        return _AUDIENCE_UR[audience] if lang == "ur" else audience.value.replace("_", " ")
    if kind == "minutes":
        if value is None:
            return "کوئی حد نہیں" if lang == "ur" else "no limit"
        return f"{value} منٹ" if lang == "ur" else f"{value} minutes"
    if lang == "ur":
        return "آن" if value else "آف"
    return "on" if value else "off"


def parse_value(name: str, raw: object) -> SettingValue:
    """`raw` (from JSON) as a value of setting `name`, or an `InvalidInputError` saying what is allowed."""
    spec = SETTINGS.get(name)
    if spec is None:
        raise InvalidInputError(f"unknown setting {name!r}", hint=f"settings: {', '.join(SETTINGS)}")
    if spec.kind == "audience":
        try:
            return Audience(str(raw))
        except ValueError:
            choices = ", ".join(a.value for a in Audience)
            raise InvalidInputError(f"{name} must be one of: {choices}", hint=f"got {raw!r}") from None
    if spec.kind == "minutes":
        if raw is None:
            return None
        if (
            isinstance(raw, bool)
            or not isinstance(raw, int)
            or not MIN_LIMIT_MINUTES <= raw <= MAX_LIMIT_MINUTES
        ):
            raise InvalidInputError(
                f"{name} must be null (no limit) or whole minutes "
                f"from {MIN_LIMIT_MINUTES} to {MAX_LIMIT_MINUTES}",
                hint=f"got {raw!r}",
            )
        return raw
    if not isinstance(raw, bool):
        raise InvalidInputError(f"{name} must be true or false", hint=f"got {raw!r}")
    return raw


# ---- age-aware defaults and limits -------------------------------------------------------------------

_YOUNG_TEEN = SafetySettings(
    private_account=True,
    comment=Audience.FRIENDS,
    message=Audience.NO_ONE,
    duet=Audience.NO_ONE,
    stitch=Audience.NO_ONE,
    mention=Audience.FRIENDS,
    see_likes=Audience.NO_ONE,
    see_following=Audience.FRIENDS,
    suggest_account=False,
    allow_downloads=False,
    daily_limit_minutes=60,
)
_OLDER_TEEN = SafetySettings(
    message=Audience.NO_ONE,
    duet=Audience.FRIENDS,
    stitch=Audience.FRIENDS,
    see_following=Audience.FOLLOWERS,
    allow_downloads=False,
    daily_limit_minutes=60,
)

DEFAULTS: dict[AgeBand, SafetySettings] = {
    AgeBand.UNDER_13: _YOUNG_TEEN,
    AgeBand.TEEN_13_15: _YOUNG_TEEN,
    AgeBand.TEEN_16_17: _OLDER_TEEN,
    AgeBand.UNKNOWN: _OLDER_TEEN,
    AgeBand.ADULT: SafetySettings(),
}
"""What a new account of each band starts with."""

_YOUNG_LIMITS: dict[str, SettingValue] = {
    "private_account": True,
    "comment": Audience.FRIENDS,
    "message": Audience.NO_ONE,
    "duet": Audience.NO_ONE,
    "stitch": Audience.NO_ONE,
    "mention": Audience.FRIENDS,
    "see_likes": Audience.FRIENDS,
    "see_following": Audience.FRIENDS,
    "suggest_account": False,
    "allow_downloads": False,
    "daily_limit_minutes": 60,
}
_OLDER_LIMITS: dict[str, SettingValue] = {"message": Audience.FRIENDS, "daily_limit_minutes": 60}

AGE_LIMITS: dict[AgeBand, dict[str, SettingValue]] = {
    AgeBand.UNDER_13: _YOUNG_LIMITS,
    AgeBand.TEEN_13_15: _YOUNG_LIMITS,
    AgeBand.TEEN_16_17: _OLDER_LIMITS,
    AgeBand.UNKNOWN: _OLDER_LIMITS,
    AgeBand.ADULT: {},
}
"""The loosest value each band may have, per setting; a setting not listed has no age limit."""


@dataclass(frozen=True, slots=True)
class ParentalControls:
    """Values a paired parent set for a teen; each binds as the loosest the teen may have."""

    values: Mapping[str, SettingValue]
    parent_id: str = ""

    def __post_init__(self) -> None:
        for name in self.values:
            if name not in PARENT_CONTROLLED:
                raise InvalidInputError(
                    f"a parent cannot control {name!r}",
                    hint=f"parents control: {', '.join(PARENT_CONTROLLED)}",
                )


NO_PARENT = ParentalControls({})


def layers(
    band: AgeBand, parental: ParentalControls | None
) -> tuple[tuple[str, Mapping[str, SettingValue]], ...]:
    """The binding layers above an account's own choice, in the order refusals name them."""
    return (("age", AGE_LIMITS[band]), ("parent_control", (parental or NO_PARENT).values))


def effective(own: SafetySettings, band: AgeBand, parental: ParentalControls | None = None) -> SafetySettings:
    """The settings in force: field by field the strictest of age limit, parent's value and own choice."""
    changes: dict[str, SettingValue] = {}
    for _layer, values in layers(band, parental):
        for name, bound in values.items():
            current = changes.get(name, own.get(name))
            tighter = strictest(name, current, bound)
            if tighter != current:
                changes[name] = tighter
    return replace(own, **changes) if changes else own  # type: ignore[arg-type]


def source_of(name: str, own: SafetySettings, band: AgeBand, parental: ParentalControls | None) -> str:
    """Which layer sets the value in force for `name`: `age`, `parent_control` or `own`."""
    value = effective(own, band, parental).get(name)
    for layer, values in layers(band, parental):
        bound = values.get(name, own.get(name))
        if name in values and looseness(name, bound) <= looseness(name, own.get(name)) and bound == value:
            return layer
    return "own"
