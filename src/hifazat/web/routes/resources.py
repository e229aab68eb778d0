"""Helplines and reporting channels, and the transparency dashboard (SVG charts and CSV)."""

from __future__ import annotations

import csv
import io

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from hifazat.core.guidelines import default_catalogue
from hifazat.services.public_reports import transparency_figures
from hifazat.web.charts import bar_chart
from hifazat.web.i18n import N_
from hifazat.web.rendering import Page, PageDep

router = APIRouter(include_in_schema=False)

CATEGORY_TITLES = {
    "emergency": N_("Emergencies"),
    "cyber_crime": N_("Online crime and unlawful content"),
    "harassment": N_("Online harassment and blackmail"),
    "children": N_("Children in danger"),
    "women": N_("Support for women"),
    "human_rights": N_("Human rights and legal advice"),
    "mental_health": N_("Mental health and emotional support"),
    "scam_check": N_("Check whether a message is a scam"),
    "fact_check": N_("Check a claim with fact-checkers"),
}
CONTACT_LABELS = {
    "phone": N_("Call"),
    "sms": N_("Official SMS sender"),
    "email": N_("Email"),
    "web": N_("Website"),
}
LANGUAGE_NAMES = {"en": N_("English"), "ur": N_("Urdu")}


@router.get("/resources", response_class=HTMLResponse)
def resources_page(page: PageDep) -> HTMLResponse:
    """Confirmed helplines, grouped by need, each with its sources and the date it was last checked."""
    directory = page.state.directory
    groups = [
        (
            page.gettext(CATEGORY_TITLES[category]),
            tuple(entry for entry in entries if not entry.needs_verification),
            sum(1 for entry in entries if entry.needs_verification),
        )
        for category, entries in directory.by_category(directory.entries)
    ]
    return page.render(
        "pages/resources.html",
        groups=groups,
        contact_labels={kind: page.gettext(label) for kind, label in CONTACT_LABELS.items()},
    )


def _policy_title(policy_id: str, lang: str) -> str:
    policy = default_catalogue().policies.get(policy_id)
    return policy.title.get(lang) if policy else policy_id


def _quarter_label(page: Page, quarter: str) -> str:
    """`2026-Q4` → "Q4 2026" (English) or its Urdu form, so no bidi reordering garbles it."""
    year, _, number = quarter.partition("-Q")
    return page.gettext("Quarter %(number)s, %(year)s", number=number, year=year)


@router.get("/transparency", response_class=HTMLResponse)
def transparency(page: PageDep) -> HTMLResponse:
    """Counts per quarter, policy and language, as server-drawn bar charts with data tables."""
    figures = transparency_figures(page.state.sessions)
    rtl = page.lang == "ur"
    fmt = page.state.envs[page.lang].filters["number"]

    def chart(chart_id: str, title: str, items: list[tuple[str, int]]) -> object:
        return bar_chart(chart_id, title, items, rtl=rtl, shown=[fmt(v) for _, v in items])

    quarters = [(_quarter_label(page, quarter), n) for quarter, n in figures.by_quarter()]
    charts = [
        chart("by-quarter", page.gettext("Reports per quarter"), quarters),
        chart(
            "by-policy",
            page.gettext("Reports per guideline"),
            [(_policy_title(p, page.lang), n) for p, n in figures.by_policy()],
        ),
        chart(
            "by-language",
            page.gettext("Reports per language"),
            [(page.gettext(LANGUAGE_NAMES.get(code, code)), n) for code, n in figures.by_language()],
        ),
    ]
    return page.render("pages/transparency.html", figures=figures, charts=charts)


@router.get("/transparency.csv")
def transparency_csv(page: PageDep) -> Response:
    """The dashboard's numbers as CSV (quarter, policy, language, count, source)."""
    figures = transparency_figures(page.state.sessions)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["quarter", "policy", "language", "count", "source"])
    for row in figures.rows:
        writer.writerow([row.quarter, row.policy_id, row.language, row.count, figures.source])
    return Response(
        buffer.getvalue(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="hifazat-transparency.csv"'},
    )
