"""The console's queues: one per language, in priority order with SLA timers, and "claim next".

Reviewers (moderators and senior moderators) claim; admins see the queues but do not review, as the
enforcement workflow keeps reviewing apart from running the platform.
"""

from __future__ import annotations

from dataclasses import dataclass

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from hifazat.core.enforcement.vocabulary import QUEUES, QueueLang
from hifazat.core.errors import HifazatError, NotFoundError
from hifazat.core.guidelines import default_catalogue
from hifazat.services.clock import utcnow
from hifazat.services.review import claim_next, list_tasks
from hifazat.storage.accounts import Account
from hifazat.storage.queue import Task
from hifazat.web.errors import error_page
from hifazat.web.rendering import Page, PageDep
from hifazat.web.routes.console_common import (
    GREYSCALE_COOKIE,
    GREYSCALE_MAX_AGE,
    REVIEWER_ROLES,
    Staff,
    flash,
    problem_code,
    render,
    sla_left,
)
from hifazat.web.security import CSRF_FIELD, cookie_is_secure
from hifazat.web.sessions import safe_next, web_database

router = APIRouter(include_in_schema=False)
SHOWN = 50


@dataclass(frozen=True, slots=True)
class Row:
    """One task as a queue lists it."""

    task: Task
    policy_title: str
    overdue: bool
    hours: int
    minutes: int
    seconds: int
    """Seconds left when the page was drawn (negative when overdue)."""


@dataclass(frozen=True, slots=True)
class QueueSummary:
    """One language's queue."""

    lang: QueueLang
    open: tuple[Row, ...]
    claimed: tuple[Row, ...]
    overdue: int


def _rows(page: Page, tasks: list[Task]) -> tuple[Row, ...]:
    catalogue = default_catalogue()
    now = utcnow()
    rows = []
    for task in tasks:
        policy = catalogue.policies.get(task.policy)
        title = policy.title.get(page.lang) if policy else task.policy
        rows.append(Row(task, title, *sla_left(task.due_at, now)))
    return tuple(rows)


def _summary(request: Request, page: Page, lang: QueueLang, viewer: Account) -> QueueSummary:
    with web_database(request).read() as stores:
        opened = list_tasks(tasks=stores.tasks, viewer=viewer, queue=lang, state="open", limit=SHOWN)
        held = list_tasks(tasks=stores.tasks, viewer=viewer, queue=lang, state="claimed", limit=SHOWN)
    rows = _rows(page, opened)
    return QueueSummary(lang, rows, _rows(page, held), sum(1 for r in rows if r.overdue))


@router.get("/console", response_class=HTMLResponse)
def console_home(
    request: Request, page: PageDep, viewer: Staff, done: str = "", problem: str = ""
) -> Response:
    """Both queues at a glance, with the tasks this moderator holds."""
    queues = [_summary(request, page, lang, viewer) for lang in QUEUES]
    with web_database(request).read() as stores:
        mine = stores.tasks.held_by(viewer.id, utcnow())
    return render(
        page,
        viewer,
        "pages/console/queues.html",
        queues=queues,
        mine=_rows(page, mine),
        reviewer=viewer.role in REVIEWER_ROLES,
        flash=flash(page, done=done, problem=problem),
        only=None,
    )


@router.get("/console/queue/{lang}", response_class=HTMLResponse)
def console_queue(
    request: Request, lang: str, page: PageDep, viewer: Staff, done: str = "", problem: str = ""
) -> Response:
    """One language's queue in full (up to 50 open and 50 claimed tasks)."""
    if lang not in QUEUES:
        raise NotFoundError(f"no queue {lang!r}")
    chosen: QueueLang = "ur" if lang == "ur" else "en"
    return render(
        page,
        viewer,
        "pages/console/queues.html",
        queues=[_summary(request, page, chosen, viewer)],
        mine=(),
        reviewer=viewer.role in REVIEWER_ROLES,
        flash=flash(page, done=done, problem=problem),
        only=chosen,
    )


@router.post("/console/claim")
async def console_claim(request: Request, page: PageDep, viewer: Staff) -> Response:
    """Lease the most urgent task of a queue (or of both) and open it."""
    form = await request.form(max_files=0, max_fields=5)
    if not page.csrf_ok(str(form.get(CSRF_FIELD, ""))):
        return error_page(request, 403)
    queue = str(form.get("queue", ""))
    back = f"/console/queue/{queue}" if queue in QUEUES else "/console"
    try:
        with web_database(request).write() as stores:
            task = claim_next(
                tasks=stores.tasks,
                audit=stores.audit,
                moderator=viewer,
                queue=queue if queue in QUEUES else None,
            )
    except HifazatError as exc:
        return RedirectResponse(f"{back}?problem={problem_code(exc)}", status_code=303)
    if task is None:
        return RedirectResponse(f"{back}?done=empty", status_code=303)
    return RedirectResponse(f"/console/tasks/{task.id}?done=claimed", status_code=303)


@router.post("/console/preferences")
async def console_preferences(request: Request, page: PageDep, viewer: Staff) -> Response:
    """Switch the greyscale display on or off (remembered in a cookie for a year)."""
    form = await request.form(max_files=0, max_fields=5)
    if not page.csrf_ok(str(form.get(CSRF_FIELD, ""))):
        return error_page(request, 403)
    back = safe_next(str(form.get("next", "")))
    response = RedirectResponse(back, status_code=303)
    on = str(form.get("greyscale", "")) == "1"
    response.set_cookie(
        GREYSCALE_COOKIE,
        "1" if on else "0",
        max_age=GREYSCALE_MAX_AGE,
        httponly=True,
        samesite="strict",
        secure=cookie_is_secure(request),
    )
    return response
