"""What changed between two guideline releases: policies added, removed, and fields changed."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hifazat.core.guidelines.export import JSON, area_dict, changelog_dict, policy_dict
from hifazat.core.guidelines.loader import version_key
from hifazat.core.guidelines.model import Catalogue, ChangelogEntry

_SPLIT_FIELDS = ("title", "summary", "actions", "thresholds", "examples")
"""Mapping fields compared key by key (`actions.medium`), so a diff names exactly what moved."""


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of one policy, before and after, as JSON values."""

    field: str
    """Dotted name, e.g. `tier`, `summary.ur`, `actions.medium`, `examples.violating`."""
    old: Any
    new: Any


@dataclass(frozen=True, slots=True)
class PolicyChange:
    """The changed fields of a policy present in both releases."""

    policy_id: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class AreaChange:
    """The changed fields of an area present in both releases (title, summary, its policy list)."""

    area_id: str
    fields: tuple[FieldChange, ...]


@dataclass(frozen=True, slots=True)
class CatalogueDiff:
    """The difference between an old and a new release."""

    old_version: str
    new_version: str
    added: tuple[str, ...]
    removed: tuple[str, ...]
    changed: tuple[PolicyChange, ...]
    """Policies in both releases whose fields differ, in the new release's order."""
    areas_added: tuple[str, ...]
    areas_removed: tuple[str, ...]
    areas_changed: tuple[AreaChange, ...]
    """Areas whose title, summary or list of policies differ."""
    notes: tuple[ChangelogEntry, ...]
    """The new release's changelog entries after the old version: the human explanation."""

    @property
    def empty(self) -> bool:
        """True when no policy or area differs."""
        return not (
            self.added
            or self.removed
            or self.changed
            or self.areas_added
            or self.areas_removed
            or self.areas_changed
        )


def _flatten(policy: JSON) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in policy.items():
        if name in _SPLIT_FIELDS and isinstance(value, dict):
            for key, inner in value.items():
                flat[f"{name}.{key}"] = inner
        else:
            flat[name] = value
    return flat


def _field_changes(old: JSON, new: JSON) -> tuple[FieldChange, ...]:
    before, after = _flatten(old), _flatten(new)
    return tuple(
        FieldChange(name, before.get(name), after.get(name))
        for name in dict.fromkeys([*before, *after])
        if before.get(name) != after.get(name)
    )


def diff_catalogues(old: Catalogue, new: Catalogue) -> CatalogueDiff:
    """Compare two releases field by field (both languages)."""
    changed = []
    for policy_id, policy in new.policies.items():
        if policy_id in old.policies:
            fields = _field_changes(policy_dict(old.policies[policy_id]), policy_dict(policy))
            if fields:
                changed.append(PolicyChange(policy_id, fields))
    areas_changed = []
    for area_id, area in new.areas.items():
        if area_id in old.areas:
            fields = _field_changes(area_dict(old.areas[area_id]), area_dict(area))
            if fields:
                areas_changed.append(AreaChange(area_id, fields))
    notes = tuple(e for e in new.changelog if version_key(e.version) > version_key(old.version))
    return CatalogueDiff(
        old_version=old.version,
        new_version=new.version,
        added=tuple(p for p in new.policies if p not in old.policies),
        removed=tuple(p for p in old.policies if p not in new.policies),
        changed=tuple(changed),
        areas_added=tuple(a for a in new.areas if a not in old.areas),
        areas_removed=tuple(a for a in old.areas if a not in new.areas),
        areas_changed=tuple(areas_changed),
        notes=notes,
    )


def diff_dict(diff: CatalogueDiff, lang: str | None = None) -> JSON:
    """The diff as JSON; the shape `GET /v1/guidelines/changes` returns."""
    return {
        "from": diff.old_version,
        "to": diff.new_version,
        "added": list(diff.added),
        "removed": list(diff.removed),
        "changed": [_change_dict(c.policy_id, c.fields) for c in diff.changed],
        "areas_added": list(diff.areas_added),
        "areas_removed": list(diff.areas_removed),
        "areas_changed": [_change_dict(c.area_id, c.fields) for c in diff.areas_changed],
        "notes": [changelog_dict(e, lang) for e in diff.notes],
    }


def _change_dict(item_id: str, fields: tuple[FieldChange, ...]) -> JSON:
    return {"id": item_id, "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in fields]}
