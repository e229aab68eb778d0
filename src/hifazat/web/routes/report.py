"""The public report form (anyone, signed in or not) and the report status look-up.

POST is protected by a CSRF token and a per-address rate limit; a good report is stored (and filed into
the enforcement workflow when its location names content or an account we know) and the browser is
redirected (303) to a page showing its reference number. The status page follows the review task.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from hifazat.core.decide.verdict import Verdict
from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.core.guidelines import default_catalogue
from hifazat.services.moderation import context_from
from hifazat.services.public_reports import (
    LIMITS,
    PublicReport,
    ReportDraft,
    check_report,
    normalise_reference,
    report_progress,
    submit_report,
)
from hifazat.services.public_routing import Progress
from hifazat.services.report_targets import EngineCheck
from hifazat.web.errors import error_page
from hifazat.web.i18n import N_
from hifazat.web.rendering import Page, PageDep
from hifazat.web.security import CSRF_FIELD

router = APIRouter(include_in_schema=False)

PROBLEMS = {
    ("reason", "required"): N_("Choose what the problem is."),
    ("reason", "unknown_reason"): N_("Choose a reason from the list."),
    ("location", "required"): N_("Tell us where you saw it: a link, an @username or a short description."),
    ("contact", "bad_contact"): N_("Enter an email address or a phone number, or leave this empty."),
}
TOO_LONG = N_("This is too long. Please keep it under %(limit)s characters.")
CONTROL = N_("This contains characters we cannot accept. Please type it again.")
UNMATCHED = N_(
    "We could not match the place you told us about to a video or an account, so a member of our "
    "safety team will look at your report by hand."
)
STATUS_LABELS = {
    "received": N_("Received: waiting for a reviewer"),
    "in_review": N_("A reviewer is looking at it"),
    "actioned": N_("Reviewed: we took action"),
    "no_violation": N_("Reviewed: it did not break our guidelines"),
}


def _form(page: Page, *, values: dict[str, str], errors: dict[str, str], status: int = 200) -> HTMLResponse:
    catalogue = default_catalogue()
    groups = [
        (area.title.get(page.lang), [catalogue.policies[pid] for pid in area.policy_ids])
        for area in catalogue.areas.values()
    ]
    return page.render(
        "pages/report.html",
        status=status,
        groups=groups,
        values=values,
        errors=errors,
        limits=LIMITS,
        csrf_field=CSRF_FIELD,
    )


@router.get("/report", response_class=HTMLResponse)
def report_form(page: PageDep, reason: str = "") -> HTMLResponse:
    """The empty form (`?reason=<policy id>` preselects a reason)."""
    known = default_catalogue().policies
    values = {"reason": reason if reason in known else "", "location": "", "details": "", "contact": ""}
    return _form(page, values=values, errors={})


@router.post("/report", response_class=HTMLResponse)
async def report_submit(request: Request, page: PageDep) -> Response:
    """Check the token and the rate limit, then store the report or show what to fix."""
    client = request.client.host if request.client else "unknown"
    wait = page.state.report_limiter.hit(client)
    if wait is not None:
        return error_page(request, 429, headers={"Retry-After": str(int(wait) + 1)})
    form = await request.form(max_files=0, max_fields=20)
    values = {
        name: str(form.get(name, "")) for name in ("reason", "location", "details", "contact", CSRF_FIELD)
    }
    if not page.csrf_ok(values.pop(CSRF_FIELD)):
        return error_page(request, 403)
    catalogue = default_catalogue()
    draft = ReportDraft(
        policy_id=values["reason"],
        location=values["location"],
        details=values["details"],
        contact=values["contact"],
        language=page.lang,
    )
    problems = check_report(draft, known_policies=catalogue.policies)
    if problems:
        errors: dict[str, str] = {}
        for problem in problems:
            if problem.code == "too_long":
                errors[problem.field] = page.gettext(TOO_LONG, limit=str(LIMITS[problem.field]))
            elif problem.code == "control_characters":
                errors[problem.field] = page.gettext(CONTROL)
            else:
                errors[problem.field] = page.gettext(PROBLEMS[(problem.field, problem.code)])
        return _form(page, values=values, errors=errors, status=422)
    report = submit_report(
        page.state.sessions,
        draft,
        known_policies=catalogue.policies,
        guideline_version=catalogue.version,
        check=_engine(request),
    )
    return RedirectResponse(f"/report/received/{report.reference}", status_code=303)


def _engine(request: Request) -> EngineCheck | None:
    """The app's moderation engine, loaded only if a report needs an item made (an account's profile)."""
    runtime = getattr(request.app.state, "runtime", None)
    if runtime is None:
        return None

    def check(text: str, surface: str) -> Verdict:
        verdict: Verdict = runtime.moderator.check(text, context_from({"surface": surface}))
        return verdict

    return check


def _status_context(page: Page, found: tuple[PublicReport, Progress]) -> dict[str, Any]:
    report, live = found
    policy = default_catalogue().policies.get(report.policy_id)
    return {
        "report": report,
        "reason": policy.title.get(page.lang) if policy else report.policy_id,
        "status_label": page.gettext(STATUS_LABELS.get(report.status, STATUS_LABELS["received"])),
        "status_note": None if live.matched else page.gettext(UNMATCHED),
    }


@router.get("/report/received/{reference}", response_class=HTMLResponse)
def report_received(reference: str, page: PageDep) -> HTMLResponse:
    """Thanks, and the reference number to keep."""
    found = report_progress(page.state.sessions, reference=reference)
    return page.render("pages/report_received.html", **_status_context(page, found))


@router.get("/report/status", response_class=HTMLResponse)
def report_lookup(page: PageDep, ref: str = "") -> HTMLResponse:
    """Look up a report by its reference; only the status is shown, never what was reported."""
    context: dict[str, Any] = {"ref": ref, "problem": None, "report": None}
    if ref.strip():
        try:
            context.update(_status_context(page, report_progress(page.state.sessions, reference=ref)))
        except InvalidInputError:
            context["problem"] = page.gettext("That does not look like a report reference.")
        except NotFoundError:
            reference = normalise_reference(ref) or ref
            context["problem"] = page.gettext(
                "We have no report with the reference %(reference)s.", reference=reference
            )
    return page.render("pages/report_status.html", **context)
