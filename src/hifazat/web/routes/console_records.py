"""Records a reviewer reads: an account's history (standing, strikes, earlier decisions, appeals) and,
for admins, the audit trail with its hash-chain verification."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from fastapi import APIRouter, Request
from starlette.responses import HTMLResponse, Response

from hifazat.core.enforcement.standing import Strike
from hifazat.services.audit import audit_entries, verify_chain
from hifazat.services.clock import utcnow
from hifazat.services.private_content import PRIVATE_KINDS
from hifazat.services.standing import account_standing
from hifazat.storage.content import ContentItem
from hifazat.storage.decisions import Decision
from hifazat.web.i18n import N_
from hifazat.web.rendering import Page, PageDep
from hifazat.web.routes.console_appeals import APPEAL_STATES
from hifazat.web.routes.console_common import ROLE_LABELS, Admin, Staff, render
from hifazat.web.routes.console_tasks import OUTCOME_LABELS
from hifazat.web.sessions import web_database

router = APIRouter(include_in_schema=False)
PAGE = 50
LEVEL_LABELS = {
    "good": N_("In good standing"),
    "warning": N_("Warned"),
    "restricted": N_("Some features restricted"),
    "suspended": N_("Suspended (view only)"),
    "banned": N_("Banned"),
}
STRIKE_STATES = {
    "active": N_("active"),
    "expired": N_("expired"),
    "removed": N_("removed on appeal"),
}
FEATURE_LABELS = {
    "posting": N_("posting"),
    "commenting": N_("commenting"),
    "live": N_("LIVE"),
    "messaging": N_("messaging"),
}


@dataclass(frozen=True, slots=True)
class StrikeLine:
    strike: Strike
    state: str


@dataclass(frozen=True, slots=True)
class DecisionLine:
    decision: Decision
    excerpt: str


def _strike_state(strike: Strike) -> str:
    if strike.removed_at is not None:
        return "removed"
    return "active" if strike.alive_at(utcnow()) else "expired"


@router.get("/console/accounts/{account_id}", response_class=HTMLResponse)
def account_history(request: Request, account_id: str, page: PageDep, viewer: Staff) -> Response:
    """Standing now, every strike (active, expired, removed), decisions on their content, their appeals."""
    with web_database(request).read() as stores:
        account, standing = account_standing(
            accounts=stores.accounts, strikes=stores.strikes, viewer=viewer, account_id=account_id, staff=True
        )
        strikes = sorted(stores.strikes.for_account(account_id), key=lambda s: s.issued_at, reverse=True)
        items = {item.id: item for item in stores.content.by_author(account_id, limit=PAGE)}
        decisions = [d for content_id in items for d in stores.decisions.for_content(content_id)]
        appeals = stores.appeals.by_appellant(account_id, limit=PAGE)
    decisions.sort(key=lambda d: d.decided_at, reverse=True)
    return render(
        page,
        viewer,
        "pages/console/account.html",
        account=account,
        standing=standing,
        account_role=page.gettext(ROLE_LABELS.get(account.role, account.role)),
        level_label=page.gettext(LEVEL_LABELS[standing.level]),
        strikes=[StrikeLine(s, _strike_state(s)) for s in strikes],
        decisions=[DecisionLine(d, _excerpt(items[d.content_id], page)) for d in decisions],
        appeals=appeals,
        outcome_labels=OUTCOME_LABELS,
        strike_states=STRIKE_STATES,
        feature_labels=FEATURE_LABELS,
        state_labels=APPEAL_STATES,
    )


def _details(data: Mapping[str, Any]) -> str:
    """An entry's data as `key: value` pairs (values as JSON, Urdu kept readable)."""
    return "; ".join(
        f"{key}: {json.dumps(value, ensure_ascii=False, default=str)}" for key, value in sorted(data.items())
    )


@router.get("/console/audit", response_class=HTMLResponse)
def audit_trail(
    request: Request, page: PageDep, viewer: Admin, after: int | None = None, subject: str = ""
) -> Response:
    """Audit entries (the newest page by default), and whether the hash chain verifies."""
    subject = subject.strip()[:80]
    with web_database(request).read() as stores:
        report = verify_chain(audit=stores.audit)
        head, _ = stores.audit.head()
        default = 0 if subject else max(0, head - PAGE)
        start = default if after is None else after
        entries = audit_entries(audit=stores.audit, after=start, limit=PAGE, subject=subject or None)
    return render(
        page,
        viewer,
        "pages/console/audit.html",
        report=report,
        entries=[(entry, _details(entry.data)) for entry in entries],
        head=head,
        start=start,
        subject=subject,
        previous=max(0, start - PAGE) if start > 0 else None,
        following=entries[-1].seq if entries and entries[-1].seq < head else None,
    )


def _excerpt(item: ContentItem, page: Page) -> str:
    """The start of an item's text for the history list; a direct message's words stay private here."""
    if item.kind in PRIVATE_KINDS:
        return page.gettext("(a private message: its words are shown only in its review task)")
    return item.text[:140]
