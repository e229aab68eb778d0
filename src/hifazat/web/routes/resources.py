"""Helplines and reporting channels, and the transparency dashboard (SVG charts and CSV)."""

from __future__ import annotations

from fastapi import APIRouter
from starlette.responses import HTMLResponse, Response

from hifazat.core.enforcement.transparency import Quarter, Row
from hifazat.core.errors import InvalidInputError
from hifazat.core.guidelines import default_catalogue
from hifazat.services.clock import utcnow
from hifazat.services.transparency import as_csv
from hifazat.services.transparency_dashboard import Dashboard, dashboard, recent_quarters
from hifazat.web.charts import BarChart, bar_chart
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
LANGUAGE_NAMES = {
    "en": N_("English"),
    "ur": N_("Urdu"),
    "roman-ur": N_("Roman Urdu"),
    "mixed": N_("Urdu and English mixed"),
    "unknown": N_("Language not identified"),
}
FIGURES = (
    ("removed", N_("Items removed")),
    ("proactive_rate", N_("Found by our systems before anyone reported them")),
    ("before_view_rate", N_("Removed before anyone saw them")),
    ("within_24h_rate", N_("Removed within 24 hours of posting")),
    ("appeals", N_("Appeals")),
    ("reinstated", N_("Reinstated after an appeal")),
    ("legal_requests", N_("Legal requests from authorities")),
    ("legal_complied", N_("Legal requests we acted on")),
    ("legal_median_hours", N_("Median hours to act on a legal request")),
)
"""The report's columns as the dashboard names them, in the order shown (see `Row`)."""


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


def _quarter_label(page: Page, quarter: Quarter) -> str:
    """`2026Q4` → "Quarter 4, 2026" (English) or its Urdu form, so no bidi reordering garbles it."""
    return page.gettext("Quarter %(number)s, %(year)s", number=str(quarter.number), year=str(quarter.year))


def _figures(page: Page, row: Row) -> list[tuple[str, str]]:
    """(label, value as printed) for every figure of one report row; "—" where there is nothing."""
    fmt = page.state.envs[page.lang].filters["number"]
    out: list[tuple[str, str]] = []
    for name, label in FIGURES:
        value = getattr(row, name)
        if value is None:
            shown = "—"
        elif name.endswith("_rate"):
            shown = f"{fmt(round(value * 100))}%"
        else:
            shown = fmt(value)
        out.append((page.gettext(label), shown))
    return out


def _language(page: Page, code: str) -> str:
    return page.gettext(LANGUAGE_NAMES[code]) if code in LANGUAGE_NAMES else code


def _charts(page: Page, board: Dashboard) -> list[BarChart]:
    rtl = page.lang == "ur"
    fmt = page.state.envs[page.lang].filters["number"]

    def chart(chart_id: str, title: str, items: list[tuple[str, int]]) -> BarChart:
        return bar_chart(chart_id, title, items, rtl=rtl, shown=[fmt(v) for _, v in items])

    return [
        chart(
            "by-policy",
            page.gettext("Items removed per guideline"),
            [(_policy_title(p, page.lang), n) for p, n in board.removed_by_policy()],
        ),
        chart(
            "by-language",
            page.gettext("Items removed per language"),
            [(_language(page, code), n) for code, n in board.removed_by_language()],
        ),
        chart(
            "by-quarter",
            page.gettext("Items removed per quarter"),
            [(_quarter_label(page, q), n) for q, n in board.recent],
        ),
    ]


def _board(page: Page, quarter: str) -> tuple[Dashboard, str | None]:
    """The dashboard of the asked quarter, or of the current one with a note when it is not one."""
    try:
        return dashboard(page.state.sessions, quarter=quarter.strip() or None), None
    except InvalidInputError:
        note = page.gettext("That is not a quarter we publish, so this is the current quarter.")
        return dashboard(page.state.sessions), note


@router.get("/transparency", response_class=HTMLResponse)
def transparency(page: PageDep, quarter: str = "") -> HTMLResponse:
    """The enforcement report of one quarter (`?quarter=2026Q4`, default: this one): headline figures,
    server-drawn bar charts per guideline, language and quarter, and the full table."""
    board, problem = _board(page, quarter)
    table = [
        (_policy_title(row.policy, page.lang), _language(page, row.language), _figures(page, row))
        for row in board.rows
    ]
    return page.render(
        "pages/transparency.html",
        board=board,
        problem=problem,
        quarter_label=_quarter_label(page, board.quarter),
        quarters=[(str(q), _quarter_label(page, q)) for q in recent_quarters(utcnow())],
        headline=_figures(page, board.total),
        headers=[page.gettext(label) for _, label in FIGURES],
        table=table,
        charts=_charts(page, board),
    )


@router.get("/transparency.csv")
def transparency_csv(page: PageDep, quarter: str = "") -> Response:
    """The quarter's report as CSV: the same columns as `GET /v1/transparency` and `hifazat transparency`."""
    board, _problem = _board(page, quarter)
    return Response(
        as_csv([*board.rows, board.total]),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="hifazat-transparency-{board.quarter}.csv"'},
    )
