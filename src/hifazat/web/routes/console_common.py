"""What every console page shares: who may open it, the menu, preferences, messages and rendering.

Errors from the enforcement services (a task decided by someone else, a lease that ran out, an appeal
of one's own decision) become one short, friendly message in the reader's language: `problem_code`
turns an exception into a code that travels in the redirect, `flash` turns the code into the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Annotated, Any

from fastapi import Depends
from starlette.responses import HTMLResponse

from hifazat.core.errors import ConflictError, HifazatError, InvalidInputError, NotFoundError
from hifazat.core.guidelines import default_catalogue
from hifazat.storage.accounts import Account
from hifazat.web.i18n import N_
from hifazat.web.rendering import Page
from hifazat.web.routes.console_evidence import reveal
from hifazat.web.sessions import require_account

STAFF_ROLES = ("moderator", "senior_moderator", "admin")
REVIEWER_ROLES = ("moderator", "senior_moderator")
GREYSCALE_COOKIE = "hz_console_grey"
GREYSCALE_MAX_AGE = 365 * 24 * 3600

Staff = Annotated[Account, Depends(require_account(*STAFF_ROLES))]
"""Moderators, senior moderators and admins: everyone who may open the console."""
Admin = Annotated[Account, Depends(require_account("admin"))]

ROLE_LABELS: dict[str, str] = {
    "user": N_("user"),
    "ambassador": N_("ambassador"),
    "moderator": N_("moderator"),
    "senior_moderator": N_("senior moderator"),
    "admin": N_("administrator"),
    "service": N_("service"),
}
NAV: tuple[tuple[str, str, str], ...] = (
    ("queues", "/console", N_("Queues")),
    ("appeals", "/console/appeals", N_("Appeals")),
    ("audit", "/console/audit", N_("Audit trail")),
)

DONE: dict[str, str] = {
    "claimed": N_("The task is yours for the next 15 minutes."),
    "empty": N_("Nothing to claim: this queue is empty for your role. Well done."),
    "released": N_("The task went back to the queue."),
    "escalated": N_("The task went to the senior moderators with your note."),
    "decided": N_("Decision recorded. The author and the reporters have been told."),
    "resolved": N_("Appeal resolved. The author has been told."),
    "greyscale": N_("Display preference saved."),
}
PROBLEMS: dict[str, str] = {
    "decided": N_("This task has already been decided, so nothing was changed."),
    "lease": N_("Your time on this task ran out and it went back to the queue. Claim it again to decide it."),
    "not_holder": N_("You do not hold this task. Claim it from the queue first."),
    "own_decision": N_(
        "You took the original decision, so another moderator must review this appeal. "
        "This keeps appeals fair."
    ),
    "own_appeal": N_("You cannot review your own appeal."),
    "resolved": N_("This appeal has already been resolved, so nothing was changed."),
    "note": N_("Write a short note saying why you are escalating (up to 2,000 characters)."),
    "rationale": N_("Write a rationale for the author (up to 2,000 characters)."),
    "outcome": N_("That outcome is not possible under this policy. Choose another outcome."),
    "not_found": N_("We could not find that. It may have been removed."),
    "forbidden": N_("Your role cannot do this."),
    "invalid": N_("Something in the form was not right. Check it and try again."),
    "conflict": N_("Someone else changed this at the same time. Reload the page and check."),
}


def problem_code(exc: HifazatError) -> str:
    """The `PROBLEMS` key that explains `exc` to a moderator."""
    text = exc.message.lower()
    if isinstance(exc, NotFoundError):
        return "not_found"
    keyed = (
        ("original decision", "own_decision"),
        ("your own appeal", "own_appeal"),
        ("already been decided", "decided"),
        ("lease", "lease"),
        ("do not hold", "not_holder"),
        ("already been resolved", "resolved"),
        ("escalation needs a note", "note"),
        ("rationale", "rationale"),
        ("outcome", "outcome"),
    )
    for needle, code in keyed:
        if needle in text:
            return code
    if isinstance(exc, ConflictError):
        return "conflict"
    if isinstance(exc, InvalidInputError):
        return "invalid"
    return "forbidden"


@dataclass(frozen=True, slots=True)
class Flash:
    """A one-line message at the top of a page."""

    kind: str
    """`ok` or `error`."""
    text: str


def flash(page: Page, *, done: str = "", problem: str = "") -> Flash | None:
    """The message named by a redirect's `?done=` or `?problem=` (unknown codes show nothing)."""
    if problem in PROBLEMS:
        return Flash("error", page.gettext(PROBLEMS[problem]))
    if done in DONE:
        return Flash("ok", page.gettext(DONE[done]))
    return None


@dataclass(frozen=True, slots=True)
class Preferences:
    """Reviewer wellbeing choices, remembered in a cookie."""

    greyscale: bool


def preferences(page: Page) -> Preferences:
    return Preferences(greyscale=page.request.cookies.get(GREYSCALE_COOKIE) == "1")


def sla_left(due: datetime, now: datetime) -> tuple[bool, int, int, int]:
    """(overdue, hours, minutes, seconds left) between `now` and `due`; the seconds are negative when
    overdue and let `console.js` count the timer down in the open page."""
    seconds = int((due - now).total_seconds())
    overdue = seconds < 0
    minutes = abs(seconds) // 60
    return overdue, minutes // 60, minutes % 60, seconds


def _policy_title(page: Page, policy_id: str) -> str:
    """A policy's title in the page's language (its id when the catalogue does not know it)."""
    policy = default_catalogue().policies.get(policy_id)
    return policy.title.get(page.lang) if policy else policy_id


def render(page: Page, viewer: Account, template: str, *, status: int = 200, **context: Any) -> HTMLResponse:
    """Render a console page with the menu (the audit trail only for admins) and the viewer's choices."""
    nav = [item for item in NAV if item[0] != "audit" or viewer.role == "admin"]
    context.setdefault("flash", flash(page))
    response = page.render(
        template,
        status=status,
        viewer=viewer,
        console_nav=nav,
        role_label=page.gettext(ROLE_LABELS.get(viewer.role, viewer.role)),
        console_prefs=preferences(page),
        reveal=reveal,
        policy_title=lambda policy_id: _policy_title(page, policy_id),
        **context,
    )
    response.headers["Cache-Control"] = "no-store"
    return response
