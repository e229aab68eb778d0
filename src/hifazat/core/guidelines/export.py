"""Plain JSON-ready dictionaries of guideline objects, for the API, the CLI and the web pages.

With `lang` given, every bilingual text becomes a plain string in that language; an example becomes
`{"text": ..., "roman_ur": ...}`. Without it, both languages are kept side by side as `{en, ur}`.
"""

from __future__ import annotations

from typing import Any

from hifazat.core.guidelines.model import (
    Area,
    Catalogue,
    ChangelogEntry,
    Example,
    Helpline,
    Localised,
    Policy,
    Support,
    parse_lang,
)
from hifazat.core.resources.helplines import default_directory

JSON = dict[str, Any]


def localised(text: Localised, lang: str | None) -> str | JSON:
    """A bilingual text as a string in `lang`, or as `{en, ur}` when `lang` is None."""
    if lang is None:
        return {"en": text.en, "ur": text.ur}
    return text.get(lang)


def example_dict(example: Example, lang: str | None) -> JSON:
    """An example in one language (`text`) or both (`en`, `ur`), with its Roman Urdu form."""
    if lang is None:
        return {"en": example.en, "ur": example.ur, "roman_ur": example.roman_ur}
    return {"text": example.get(lang), "roman_ur": example.roman_ur}


def support_dict(support: Support | None, lang: str | None) -> JSON | None:
    """The support block (message and the helplines whose numbers are confirmed), or None."""
    if support is None:
        return None
    return {
        "message": localised(support.message, lang),
        "helplines": [
            {"name": localised(h.name, lang), "contact": h.contact} for h in confirmed_helplines(support)
        ],
    }


def confirmed_helplines(support: Support) -> tuple[Helpline, ...]:
    """The support helplines whose numbers the packaged helpline directory confirms (see `Directory.confirms`)."""
    directory = default_directory()
    return tuple(line for line in support.helplines if directory.confirms(line.contact))


def policy_dict(policy: Policy, lang: str | None = None) -> JSON:
    """Every field of a policy; the shape `GET /v1/guidelines/{id}` returns."""
    if lang is not None:
        parse_lang(lang)
    return {
        "id": policy.id,
        "area": policy.area,
        "tier": policy.tier,
        "title": localised(policy.title, lang),
        "summary": localised(policy.summary, lang),
        "outcomes": list(policy.outcomes),
        "actions": dict(policy.actions),
        "thresholds": {"high": policy.thresholds.high, "medium": policy.thresholds.medium},
        "strike_weight": policy.strike_weight,
        "feature_tracks": list(policy.feature_tracks),
        "exceptions": list(policy.exceptions),
        "examples": {
            "violating": [example_dict(e, lang) for e in policy.examples.violating],
            "allowed": [example_dict(e, lang) for e in policy.examples.allowed],
        },
        "law": [{"ref": law.ref, "note": localised(law.note, lang)} for law in policy.law],
        "support": support_dict(policy.support, lang),
    }


def area_dict(area: Area, lang: str | None = None) -> JSON:
    """An area with the ids of its policies."""
    return {
        "id": area.id,
        "title": localised(area.title, lang),
        "summary": localised(area.summary, lang),
        "policies": list(area.policy_ids),
    }


def changelog_dict(entry: ChangelogEntry, lang: str | None = None) -> JSON:
    """One release's changes."""
    return {
        "version": entry.version,
        "published": entry.published.isoformat(),
        "changes": [{"note": localised(c.note, lang), "policies": list(c.policies)} for c in entry.changes],
    }


def catalogue_dict(catalogue: Catalogue, lang: str | None = None) -> JSON:
    """A whole release; the shape `GET /v1/guidelines` returns."""
    if lang is not None:
        parse_lang(lang)
    return {
        "version": catalogue.version,
        "published": catalogue.published.isoformat(),
        "default_thresholds": {
            "high": catalogue.default_thresholds.high,
            "medium": catalogue.default_thresholds.medium,
        },
        "areas": [area_dict(a, lang) for a in catalogue.areas.values()],
        "policies": [policy_dict(p, lang) for p in catalogue.policies.values()],
        "changelog": [changelog_dict(e, lang) for e in catalogue.changelog],
    }
