"""One review task: the text with its evidence, the guideline beside it, and one-key decisions.

Deciding, releasing and escalating call `hifazat.services.review` and `hifazat.services.decisions`;
their rules (you must hold the task, the lease must be alive, the outcome must suit the policy) are
theirs. A refusal comes back as a friendly message on the task page (`?problem=`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from starlette.background import BackgroundTask
from starlette.responses import HTMLResponse, RedirectResponse, Response

from hifazat.core.enforcement.permissions import allowed
from hifazat.core.enforcement.vocabulary import OUTCOMES
from hifazat.core.errors import HifazatError
from hifazat.core.guidelines import default_catalogue
from hifazat.core.guidelines.model import Policy
from hifazat.services.clock import utcnow
from hifazat.services.decisions import decide_task
from hifazat.services.private_content import may_read
from hifazat.services.review import escalate_task, release_task, view_task
from hifazat.services.webhooks import deliver_due
from hifazat.storage.accounts import Account
from hifazat.web.errors import error_page
from hifazat.web.i18n import N_
from hifazat.web.rendering import Page, PageDep
from hifazat.web.routes.console_common import Staff, flash, problem_code, render, sla_left
from hifazat.web.routes.console_evidence import has_controls, segments, spans_of
from hifazat.web.security import CSRF_FIELD
from hifazat.web.sessions import web_database

router = APIRouter(include_in_schema=False)

OUTCOME_CHOICES: tuple[tuple[str, str, str, str], ...] = (
    # outcome, key, label, what it does
    ("remove", "r", N_("Remove content"), N_("Take it down; a strike when the policy carries one.")),
    ("restrict_adults", "a", N_("Adults only"), N_("Only people 18 and over can see it.")),
    ("not_recommended", "n", N_("Not recommended"), N_("It stays up but is not shown in For You.")),
    ("label", "l", N_("Label"), N_("It stays up with a warning label.")),
    ("no_violation", "v", N_("No violation"), N_("It breaks no guideline; it stays as it is.")),
)
OUTCOME_LABELS: dict[str, str] = {o: label for o, _, label, _ in OUTCOME_CHOICES}
SOURCE_LABELS: dict[str, str] = {
    "user": N_("a user"),
    "ambassador": N_("a Safety Ambassador"),
    "proactive": N_("the engine (proactive)"),
    "legal": N_("a legal request"),
}
SENSITIVE_AREAS = ("mature", "youth")
SENSITIVE_POLICIES = ("health.self_harm", "safety.violence", "health.disordered_eating")


def is_severe(policy: Policy | None, tier: int) -> bool:
    """Items a reviewer should not see unasked: zero tolerance, sexual, graphic, youth and self-harm."""
    if tier == 1:
        return True
    return policy is not None and (policy.area in SENSITIVE_AREAS or policy.id in SENSITIVE_POLICIES)


@dataclass(frozen=True, slots=True)
class Choice:
    """One decision button."""

    outcome: str
    key: str
    label: str
    help: str
    allowed: bool


def _choices(page: Page, policy: Policy | None) -> list[Choice]:
    allowed_here = set(policy.outcomes) | {"no_violation"} if policy else set(OUTCOMES)
    return [
        Choice(o, k, page.gettext(label), page.gettext(text), o in allowed_here)
        for o, k, label, text in OUTCOME_CHOICES
    ]


def _policy_groups(page: Page) -> list[tuple[str, list[Policy]]]:
    catalogue = default_catalogue()
    return [
        (area.title.get(page.lang), [catalogue.policies[pid] for pid in area.policy_ids])
        for area in catalogue.areas.values()
    ]


def _context(request: Request, page: Page, viewer: Account, task_id: int) -> dict[str, Any]:
    catalogue = default_catalogue()
    now = utcnow()
    with web_database(request).read() as stores:
        view = view_task(tasks=stores.tasks, content=stores.content, reports=stores.reports, task_id=task_id)
        author = stores.accounts.get(view.item.author_id)
        decision = stores.decisions.for_task(task_id) if view.task.state == "decided" else None
        strike = stores.strikes.for_decision(decision.id) if decision else None
        decider = stores.accounts.find(decision.moderator_id) if decision else None
    policy = catalogue.policies.get(view.task.policy)
    payloads = [v.payload for v in view.verdicts]
    reasons = [r for p in payloads for r in (p.get("reasons") or {}).get(page.lang, [])]
    held = view.task.held_by(viewer.id, now)
    readable = may_read(item=view.item, viewer=viewer, task=view.task, now=now)
    lease_minutes = (
        max(0, int((view.task.lease_until - now).total_seconds() // 60))
        if held and view.task.lease_until
        else 0
    )
    return {
        "view": view,
        "author": author,
        "policy": policy,
        "readable": readable,
        "segments": segments(view.item.text, spans_of(payloads)) if readable else [],
        "controls": readable and has_controls(view.item.text),
        "reasons": reasons if readable else [],
        "severe": is_severe(policy, view.task.tier),
        "held": held,
        "lease_minutes": lease_minutes,
        "reviewer": allowed(viewer.role, "queue.work"),
        "sla": sla_left(view.task.due_at, now),
        "choices": _choices(page, policy),
        "groups": _policy_groups(page),
        "decision": decision,
        "decider": decider,
        "strike": strike,
        "outcome_labels": OUTCOME_LABELS,
        "source_labels": SOURCE_LABELS,
    }


@router.get("/console/tasks/{task_id}", response_class=HTMLResponse)
def task_page(
    request: Request, task_id: int, page: PageDep, viewer: Staff, done: str = "", problem: str = ""
) -> Response:
    """The task: content, evidence, guideline, reports and — for its holder — the decision form."""
    context = _context(request, page, viewer, task_id)
    return render(
        page, viewer, "pages/console/task.html", flash=flash(page, done=done, problem=problem), **context
    )


async def _form(request: Request, page: Page) -> dict[str, str] | None:
    form = await request.form(max_files=0, max_fields=10)
    values = {name: str(value) for name, value in form.items() if isinstance(value, str)}
    return values if page.csrf_ok(values.get(CSRF_FIELD)) else None


def _back(task_id: int, *, done: str = "", problem: str = "") -> RedirectResponse:
    query = f"problem={problem}" if problem else f"done={done}"
    return RedirectResponse(f"/console/tasks/{task_id}?{query}", status_code=303)


@router.post("/console/tasks/{task_id}/decide")
async def task_decide(request: Request, task_id: int, page: PageDep, viewer: Staff) -> Response:
    """Decide the held task with one outcome, under the chosen policy, with an optional rationale."""
    values = await _form(request, page)
    if values is None:
        return error_page(request, 403)
    try:
        db = web_database(request)
        with db.write() as stores:
            result = decide_task(
                stores=stores,
                catalogue=default_catalogue(),
                moderator=viewer,
                task_id=task_id,
                policy_id=values.get("policy", ""),
                outcome=values.get("outcome", ""),
                rationale=values.get("rationale", ""),
            )
    except HifazatError as exc:
        return _back(task_id, problem=problem_code(exc))
    response = _back(task_id, done="decided")
    if result.webhooks:  # sent once the page is answered, as the API does
        response.background = BackgroundTask(deliver_due, db=db, secret=page.state.settings.secret_key)
    return response


@router.post("/console/tasks/{task_id}/release")
async def task_release(request: Request, task_id: int, page: PageDep, viewer: Staff) -> Response:
    """Give the task back to the queue."""
    values = await _form(request, page)
    if values is None:
        return error_page(request, 403)
    try:
        with web_database(request).write() as stores:
            release_task(tasks=stores.tasks, audit=stores.audit, moderator=viewer, task_id=task_id)
    except HifazatError as exc:
        return _back(task_id, problem=problem_code(exc))
    return RedirectResponse("/console?done=released", status_code=303)


@router.post("/console/tasks/{task_id}/escalate")
async def task_escalate(request: Request, task_id: int, page: PageDep, viewer: Staff) -> Response:
    """Send the task to senior moderators with a note."""
    values = await _form(request, page)
    if values is None:
        return error_page(request, 403)
    try:
        with web_database(request).write() as stores:
            escalate_task(
                tasks=stores.tasks,
                audit=stores.audit,
                moderator=viewer,
                task_id=task_id,
                note=values.get("note", ""),
            )
    except HifazatError as exc:
        return _back(task_id, problem=problem_code(exc))
    return RedirectResponse("/console?done=escalated", status_code=303)
