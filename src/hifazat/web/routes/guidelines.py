"""The Community Guidelines, rendered from the catalogue, with the change history between releases."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, HTTPException
from starlette.responses import HTMLResponse

from hifazat.core.errors import NotFoundError
from hifazat.core.guidelines import (
    CatalogueDiff,
    Helpline,
    Policy,
    default_catalogue,
    diff_catalogues,
    load_version,
    packaged_versions,
    previous_version,
)
from hifazat.core.guidelines.export import confirmed_helplines
from hifazat.web.i18n import N_
from hifazat.web.rendering import Page, PageDep

router = APIRouter(include_in_schema=False)

TIERS = {
    1: N_("Zero tolerance: one violation bans the account"),
    2: N_("Severe: removed, and strikes add up quickly"),
    3: N_("Moderate: removed or limited, and counts as a strike"),
    4: N_("Label only: filtered or labelled, never removed automatically"),
}
OUTCOMES = {
    "remove": N_("Removed"),
    "restrict_adults": N_("Shown to adults only"),
    "not_recommended": N_("Not recommended in feeds"),
    "label": N_("Labelled"),
}
EXCEPTIONS = {
    "news": N_("news reporting"),
    "education": N_("education"),
    "documentary": N_("documentary"),
    "satire": N_("satire"),
    "counter_speech": N_("speaking out against harm"),
    "art": N_("art"),
}
FIELD_NAMES = {
    "title": N_("title"),
    "summary": N_("description"),
    "tier": N_("severity tier"),
    "actions": N_("automatic actions"),
    "thresholds": N_("confidence thresholds"),
    "examples": N_("examples"),
    "outcomes": N_("possible outcomes"),
    "exceptions": N_("exceptions"),
    "law": N_("law references"),
    "strike_weight": N_("strike weight"),
    "feature_tracks": N_("features covered"),
    "support": N_("support shown"),
}


def _labels(page: Page) -> dict[str, Any]:
    return {
        "tiers": {tier: page.gettext(text) for tier, text in TIERS.items()},
        "outcomes": {key: page.gettext(text) for key, text in OUTCOMES.items()},
        "exceptions": {key: page.gettext(text) for key, text in EXCEPTIONS.items()},
    }


@router.get("/guidelines", response_class=HTMLResponse)
def overview(page: PageDep) -> HTMLResponse:
    """The areas of the guidelines and the policies in each."""
    catalogue = default_catalogue()
    return page.render("pages/guidelines.html", catalogue=catalogue, labels=_labels(page))


def _field_label(page: Page, field: str) -> str:
    """`summary.ur` → "description (Urdu)"; `actions.medium` → "automatic actions (medium)"."""
    head, _, tail = field.partition(".")
    name = page.gettext(FIELD_NAMES[head]) if head in FIELD_NAMES else head
    if tail in ("en", "ur"):
        language = page.gettext("English") if tail == "en" else page.gettext("Urdu")
        return f"{name} ({language})"
    return f"{name} ({tail})" if tail else name


def _visible_changes(page: Page, diff: CatalogueDiff) -> list[tuple[str, list[str]]]:
    """Changed policies with the names of the fields that moved, in the reader's language."""
    other = "ur" if page.lang == "en" else "en"
    result: list[tuple[str, list[str]]] = []
    for change in diff.changed:
        names = [_field_label(page, f.field) for f in change.fields if not f.field.endswith("." + other)]
        if names:
            result.append((change.policy_id, names))
    return result


@router.get("/guidelines/changes", response_class=HTMLResponse)
def changes(page: PageDep, since: str = "", until: str = "") -> HTMLResponse:
    """Every release's notes, and what changed between two releases (`?since=&until=`)."""
    versions = packaged_versions()
    newest = versions[-1]
    until = until if until in versions else newest
    older = previous_version(until)
    since = since if since in versions and since != until else (older or until)
    try:
        old, new = load_version(since), load_version(until)
    except NotFoundError as exc:  # pragma: no cover - both names were checked against the list
        raise HTTPException(404) from exc
    diff = diff_catalogues(old, new) if since != until else None
    return page.render(
        "pages/guideline_changes.html",
        catalogue=new,
        versions=list(reversed(versions)),
        since=since,
        until=until,
        diff=diff,
        changed=_visible_changes(page, diff) if diff else [],
        history=list(reversed(new.changelog)),
    )


@router.get("/guidelines/{area_id}", response_class=HTMLResponse)
def area(area_id: str, page: PageDep) -> HTMLResponse:
    """One area: each policy with what is not allowed, examples, exceptions and the law."""
    catalogue = default_catalogue()
    found = catalogue.areas.get(area_id)
    if found is None:
        raise HTTPException(404)
    policies = [catalogue.policies[pid] for pid in found.policy_ids]
    return page.render(
        "pages/guideline_area.html",
        catalogue=catalogue,
        area=found,
        policies=policies,
        labels=_labels(page),
        support=_confirmed_support(policies),
    )


def _confirmed_support(policies: list[Policy]) -> dict[str, tuple[Helpline, ...]]:
    """Each policy's support helplines, keeping only numbers the Resources page has confirmed.

    The catalogue may name a service whose number is still being verified (e.g. a mental-health
    line from a single source); the public site never shows such a number as fact.
    """
    return {
        policy.id: confirmed_helplines(policy.support) for policy in policies if policy.support is not None
    }
