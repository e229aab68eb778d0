"""`/v1/guidelines`: the Community Guidelines as JSON, one policy, the releases and their changes.

With `lang` (`en` or `ur`) every bilingual text is a plain string in that language; without it both
languages are returned side by side as `{"en": ..., "ur": ...}`. Only packaged releases are served.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from hifazat.core.guidelines import (
    LATEST,
    Catalogue,
    catalogue_dict,
    diff_catalogues,
    diff_dict,
    load_version,
    packaged_versions,
    parse_lang,
    policy_dict,
    previous_version,
)

router = APIRouter(prefix="/v1/guidelines", tags=["guidelines"])

LangQuery = Annotated[
    str | None,
    Query(description="`en` or `ur`: texts as plain strings in that language. Omit for both languages."),
]
VersionQuery = Annotated[str, Query(description="A packaged release, e.g. `2026.1`, or `latest`.")]


def _lang(lang: str | None) -> str | None:
    return None if lang is None else parse_lang(lang)


def _release(version: str) -> Catalogue:
    return load_version(version)


@router.get("")
def guidelines(lang: LangQuery = None, version: VersionQuery = LATEST) -> dict[str, Any]:
    """A whole release: version, date, areas, every policy and the changelog."""
    return catalogue_dict(_release(version), _lang(lang))


@router.get("/versions")
def versions() -> dict[str, Any]:
    """The packaged releases, oldest first; `latest` names the one enforced by default."""
    known = packaged_versions()
    releases = []
    for version in known:
        catalogue = load_version(version)
        releases.append(
            {
                "version": version,
                "published": catalogue.published.isoformat(),
                "areas": len(catalogue.areas),
                "policies": len(catalogue.policies),
            }
        )
    return {"latest": known[-1], "versions": releases}


@router.get("/changes")
def changes(
    since: Annotated[
        str | None, Query(alias="from", description="Older release; default: the one before `to`.")
    ] = None,
    until: Annotated[str, Query(alias="to", description="Newer release; default: the latest.")] = LATEST,
    lang: LangQuery = None,
) -> dict[str, Any]:
    """What changed between two releases: policies added, removed, and changed field by field."""
    language = _lang(lang)
    new = _release(until)
    old = _release(since) if since is not None else _release(previous_version(new.version) or new.version)
    return diff_dict(diff_catalogues(old, new), language)


@router.get("/{policy_id}")
def policy(policy_id: str, lang: LangQuery = None, version: VersionQuery = LATEST) -> dict[str, Any]:
    """One policy by id; 404 with a "did you mean" for unknown ids."""
    language = _lang(lang)
    catalogue = _release(version)
    body = policy_dict(catalogue.policy(policy_id), language)
    body["version"] = catalogue.version
    return body
