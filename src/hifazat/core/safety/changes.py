"""Changing settings: an account's own changes and a parent's controls, checked against every layer.

Nothing is changed when any requested value is refused; the refusal names the first offending setting.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from hifazat.core.safety.age import AgeBand
from hifazat.core.safety.errors import SafetyForbiddenError
from hifazat.core.safety.settings import (
    AGE_LIMITS,
    PARENT_CONTROLLED,
    SETTINGS,
    ParentalControls,
    SafetySettings,
    SettingValue,
    effective,
    looseness,
    parse_value,
    show,
    source_of,
)


def parse_changes(raw: Mapping[str, object]) -> dict[str, SettingValue]:
    """Typed values for a JSON object of setting changes (unknown names and bad values refused)."""
    return {name: parse_value(name, value) for name, value in raw.items()}


def _too_loose_for_age(name: str, value: SettingValue, band: AgeBand) -> SafetyForbiddenError | None:
    limit = AGE_LIMITS[band].get(name, value)
    if looseness(name, value) <= looseness(name, limit):
        return None
    spec = SETTINGS[name]
    return SafetyForbiddenError(
        f"{spec.label_en} can't be set to {show(name, value)} at this account's age; "
        f"the loosest allowed is {show(name, limit)}",
        message_ur=(
            f"اس عمر کے اکاؤنٹ میں «{spec.label_ur}» کو «{show(name, value, 'ur')}» پر نہیں رکھا جا سکتا؛ "
            f"زیادہ سے زیادہ «{show(name, limit, 'ur')}» کی اجازت ہے۔"
        ),
        reason="age",
        hint=f"choose {show(name, limit)} or something stricter",
    )


def apply_own_changes(
    own: SafetySettings,
    changes: Mapping[str, SettingValue],
    *,
    band: AgeBand,
    parental: ParentalControls | None = None,
) -> SafetySettings:
    """`own` with `changes` made by the account itself; refuses anything looser than age or parent allow."""
    for name, value in changes.items():
        refused = _too_loose_for_age(name, value, band)
        if refused is not None:
            raise refused
        if parental is not None and name in parental.values:
            bound = parental.values[name]
            if looseness(name, value) > looseness(name, bound):
                spec = SETTINGS[name]
                raise SafetyForbiddenError(
                    f"{spec.label_en} is set by a parent or guardian through Family Pairing "
                    f"({show(name, bound)}); it can only be made stricter",
                    message_ur=(
                        f"«{spec.label_ur}» کو والدین یا سرپرست نے فیملی پیئرنگ کے ذریعے "
                        f"«{show(name, bound, 'ur')}» پر رکھا ہے؛ اسے صرف مزید سخت کیا جا سکتا ہے۔"
                    ),
                    reason="parent_control",
                    hint="ask the parent or guardian who is linked to this account",
                )
    return replace(own, **changes)  # type: ignore[arg-type]


def apply_parent_changes(
    parental: ParentalControls, changes: Mapping[str, SettingValue], *, band: AgeBand
) -> ParentalControls:
    """New parental controls with `changes`; a parent controls only some settings, never beyond age limits.

    A value of None for a non-minute setting is not allowed; to hand a setting back to the teen use
    `release_parent_controls`.
    """
    for name, value in changes.items():
        if name not in PARENT_CONTROLLED:
            spec = SETTINGS[name]
            raise SafetyForbiddenError(
                f"a parent can't set {spec.label_en!r} through Family Pairing",
                message_ur=f"والدین فیملی پیئرنگ کے ذریعے «{spec.label_ur}» تبدیل نہیں کر سکتے۔",
                reason="not_parent_controlled",
                hint=f"parents control: {', '.join(PARENT_CONTROLLED)}",
            )
        refused = _too_loose_for_age(name, value, band)
        if refused is not None:
            raise refused
    return ParentalControls({**parental.values, **changes}, parent_id=parental.parent_id)


def release_parent_controls(parental: ParentalControls, names: list[str]) -> ParentalControls:
    """Parental controls without `names` (the teen decides these again, within age limits)."""
    return ParentalControls(
        {k: v for k, v in parental.values.items() if k not in names}, parent_id=parental.parent_id
    )


@dataclass(frozen=True, slots=True)
class SettingView:
    """One setting as the account sees it: value in force, own choice, and who decides."""

    name: str
    value: SettingValue
    own: SettingValue
    source: str
    """`own`, `age` (the band's limit is in force) or `parent_control`."""
    parent_controlled: bool
    """True when a paired parent has set this setting."""
    age_limit: SettingValue
    """The loosest value the account's age allows (None when there is no age limit, except minutes)."""
    has_age_limit: bool
    label_en: str
    label_ur: str

    def to_dict(self) -> dict[str, object]:
        def plain(v: SettingValue) -> object:
            return getattr(v, "value", v)

        return {
            "name": self.name,
            "value": plain(self.value),
            "own": plain(self.own),
            "source": self.source,
            "parent_controlled": self.parent_controlled,
            "age_limit": plain(self.age_limit) if self.has_age_limit else None,
            "label_en": self.label_en,
            "label_ur": self.label_ur,
        }


def describe(own: SafetySettings, band: AgeBand, parental: ParentalControls | None) -> list[SettingView]:
    """Every setting with its value in force and where it comes from (what a teen's settings page shows)."""
    in_force = effective(own, band, parental)
    limits = AGE_LIMITS[band]
    controlled = parental.values if parental is not None else {}
    return [
        SettingView(
            name=name,
            value=in_force.get(name),
            own=own.get(name),
            source=source_of(name, own, band, parental),
            parent_controlled=name in controlled,
            age_limit=limits.get(name),
            has_age_limit=name in limits,
            label_en=spec.label_en,
            label_ur=spec.label_ur,
        )
        for name, spec in SETTINGS.items()
    ]
