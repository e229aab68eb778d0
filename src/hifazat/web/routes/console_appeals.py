"""The appeals queue and appeal decisions.

`hifazat.services.appeals.resolve_appeal` makes sure the reviewer is not the moderator who took the
original decision (nor the appellant); the page only says so up front instead of offering a form that
would be refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from starlette.background import BackgroundTask
from starlette.responses import HTMLResponse, RedirectResponse, Response

from hifazat.core.enforcement.permissions import allowed
from hifazat.core.errors import HifazatError
from hifazat.core.guidelines import default_catalogue
from hifazat.services.appeals import resolve_appeal, view_appeal
from hifazat.services.webhooks import deliver_due
from hifazat.storage.accounts import Account
from hifazat.storage.appeals import Appeal
from hifazat.storage.decisions import Decision
from hifazat.web.errors import error_page
from hifazat.web.i18n import N_
from hifazat.web.rendering import PageDep
from hifazat.web.routes.console_common import Staff, flash, problem_code, render
from hifazat.web.routes.console_evidence import has_controls, segments
from hifazat.web.routes.console_tasks import OUTCOME_LABELS, is_severe
from hifazat.web.security import CSRF_FIELD
from hifazat.web.sessions import web_database

router = APIRouter(include_in_schema=False)
SHOWN = 100
APPEAL_STATES = {
    "pending": N_("waiting for a decision"),
    "upheld": N_("upheld: the decision stands"),
    "overturned": N_("overturned: the content was restored"),
}


@dataclass(frozen=True, slots=True)
class AppealRow:
    """One appeal with its decision, as the queue lists it."""

    appeal: Appeal
    decision: Decision
    appellant: str
    mine: bool
    """True when the viewer took the original decision (so cannot review the appeal)."""


def _rows(request: Request, viewer: Account, appeals: list[Appeal]) -> list[AppealRow]:
    rows = []
    with web_database(request).read() as stores:
        for appeal in appeals:
            decision = stores.decisions.get(appeal.decision_id)
            found = stores.accounts.find(appeal.appellant_id)
            handle = found.handle if found else appeal.appellant_id
            rows.append(AppealRow(appeal, decision, handle, decision.moderator_id == viewer.id))
    return rows


@router.get("/console/appeals", response_class=HTMLResponse)
def appeals_queue(
    request: Request, page: PageDep, viewer: Staff, done: str = "", problem: str = ""
) -> Response:
    """Pending appeals, oldest first, and the latest resolved ones."""
    with web_database(request).read() as stores:
        pending = stores.appeals.listing(state="pending", limit=SHOWN)
        upheld = stores.appeals.listing(state="upheld", limit=10)
        overturned = stores.appeals.listing(state="overturned", limit=10)
    resolved = sorted(upheld + overturned, key=lambda a: a.resolved_at or a.created_at, reverse=True)[:10]
    return render(
        page,
        viewer,
        "pages/console/appeals.html",
        pending=_rows(request, viewer, pending),
        resolved=_rows(request, viewer, resolved),
        outcome_labels=OUTCOME_LABELS,
        state_labels=APPEAL_STATES,
        flash=flash(page, done=done, problem=problem),
    )


@router.get("/console/appeals/{appeal_id}", response_class=HTMLResponse)
def appeal_page(
    request: Request, appeal_id: int, page: PageDep, viewer: Staff, done: str = "", problem: str = ""
) -> Response:
    """One appeal: the content, the original decision, the author's reason and the form."""
    catalogue = default_catalogue()
    with web_database(request).read() as stores:
        appeal = view_appeal(stores=stores, viewer=viewer, appeal_id=appeal_id, staff=True)
        decision = stores.decisions.get(appeal.decision_id)
        item = stores.content.get(decision.content_id)
        appellant = stores.accounts.get(appeal.appellant_id)
        decider = stores.accounts.find(decision.moderator_id)
        reviewer = stores.accounts.find(appeal.reviewer_id) if appeal.reviewer_id else None
    policy = catalogue.policies.get(decision.policy)
    return render(
        page,
        viewer,
        "pages/console/appeal.html",
        appeal=appeal,
        decision=decision,
        item=item,
        appellant=appellant,
        decider=decider,
        appeal_reviewer=reviewer,
        policy=policy,
        segments=segments(item.text, ()),
        controls=has_controls(item.text),
        severe=is_severe(policy, policy.tier if policy else 4),
        may_resolve=allowed(viewer.role, "appeal.resolve"),
        own_decision=decision.moderator_id == viewer.id,
        outcome_labels=OUTCOME_LABELS,
        state_labels=APPEAL_STATES,
        flash=flash(page, done=done, problem=problem),
    )


@router.post("/console/appeals/{appeal_id}/resolve")
async def appeal_resolve(request: Request, appeal_id: int, page: PageDep, viewer: Staff) -> Response:
    """Uphold or overturn the appeal (reviewers only; never the original decision's moderator)."""
    form = await request.form(max_files=0, max_fields=10)
    values = {name: str(value) for name, value in form.items() if isinstance(value, str)}
    if not page.csrf_ok(values.get(CSRF_FIELD)):
        return error_page(request, 403)
    back = f"/console/appeals/{appeal_id}"
    if not allowed(viewer.role, "appeal.resolve"):
        return RedirectResponse(f"{back}?problem=forbidden", status_code=303)
    try:
        db = web_database(request)
        with db.write() as stores:
            result = resolve_appeal(
                stores=stores,
                catalogue=default_catalogue(),
                reviewer=viewer,
                appeal_id=appeal_id,
                outcome=values.get("outcome", ""),
                rationale=values.get("rationale", ""),
            )
    except HifazatError as exc:
        return RedirectResponse(f"{back}?problem={problem_code(exc)}", status_code=303)
    response = RedirectResponse(f"{back}?done=resolved", status_code=303)
    if result.webhooks:  # sent once the page is answered, as the API does
        response.background = BackgroundTask(deliver_due, db=db, secret=page.state.settings.secret_key)
    return response
