"""Public Safety Centre reports into the enforcement workflow, and their status from the review task.

When a report from the public form is stored, its location is read:

1. a content id (`c_12ab…`), a comment id, or a link whose path ends in one → that content item;
2. an @handle (alone, or as a path segment of a link) → that account's profile item;
3. anything else → *unmatched*.

A match is filed as an enforcement report with source `public` (no reporter account, weight 0.5 against
a signed-in user's 1, see `hifazat.core.enforcement.priority`), in the same transaction as the public
report, so it joins the item's review task and merges with every other report on it. The reporter's
contact details never leave the public report; the reviewer sees the policy and the details typed.

Unmatched reports stay `received` and wait in a triage list (`unmatched_references`) for a person to
find what was meant, because a vague description ("a video about fake BISP money") is still worth
reading, while a guessed match could put an innocent account in front of a reviewer. The status page
tells the reporter so.

The status a reporter sees follows the task: waiting in the queue → `received`; claimed by a reviewer
→ `in_review`; decided → `actioned` or `no_violation` (and `no_violation` when an appeal overturned the
decision). Nothing about the reported account is shown.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import unquote, urlsplit

from sqlalchemy.orm import Session

from hifazat.core.guidelines import Catalogue
from hifazat.services.report_targets import EngineCheck, Target, content_target, profile_item
from hifazat.services.reports import MAX_NOTE, file_report
from hifazat.storage.public_report_links import PublicReportLink, PublicReportLinkStore
from hifazat.storage.public_reports import PublicReport
from hifazat.storage.safety import SafetyStore
from hifazat.storage.unit import Stores

HANDLE = re.compile(r"^@?([A-Za-z0-9_.]{3,32})$")
LINK = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Pointer:
    """What a location may name: a content id and/or an @handle."""

    content_id: str | None
    handle: str | None


@dataclass(frozen=True, slots=True)
class Progress:
    """What the status page may say about a public report."""

    status: str
    """received, in_review, actioned or no_violation."""
    matched: bool
    """False when no content or account was found for the location (a person triages it)."""


def read_location(location: str) -> Pointer:
    """The content id and @handle a location names, if any (nothing is looked up here)."""
    text = location.strip()
    if LINK.match(text):
        parts = urlsplit(text)
        segments = [unquote(s) for s in parts.path.split("/") if s]
        handle = next((s[1:] for s in segments if s.startswith("@") and HANDLE.match(s)), None)
        last = segments[-1] if segments and not segments[-1].startswith("@") else None
        return Pointer(last, handle.lower() if handle else None)
    if " " in text:
        return Pointer(None, None)
    if text.startswith("@"):
        found = HANDLE.match(text)
        return Pointer(None, found.group(1).lower() if found else None)
    return Pointer(text, None)


def locate(*, stores: Stores, location: str, check: EngineCheck | None, now: datetime) -> Target | None:
    """The content item a location points at (a content id first, then an account's profile)."""
    pointer = read_location(location)
    if pointer.content_id is not None:
        item = content_target(
            stores=stores,
            comments=SafetyStore(stores.session),
            content_id=pointer.content_id,
            check=check,
            now=now,
        )
        if item is not None:
            return Target(item, "content")
    if pointer.handle is not None:
        account = stores.accounts.by_handle(pointer.handle)
        if account is not None and account.role not in ("service",):
            return Target(profile_item(stores=stores, account=account, check=check, now=now), "account")
    return None


def route_public_report(
    *,
    session: Session,
    catalogue: Catalogue,
    report: PublicReport,
    check: EngineCheck | None,
    now: datetime,
) -> PublicReportLink:
    """File a freshly stored public report into the enforcement workflow (same transaction)."""
    stores = Stores(session)
    links = PublicReportLinkStore(session)
    target = locate(stores=stores, location=report.location, check=check, now=now)
    if target is None:
        return links.add(PublicReportLink(report.reference, "unmatched", None, None, now))
    if target.item.status == "removed":
        return links.add(PublicReportLink(report.reference, target.route, target.item.id, None, now))
    note = f"Public report {report.reference}: {report.details}".strip().rstrip(":")
    filed = file_report(
        stores=stores,
        catalogue=catalogue,
        reporter=None,
        content_id=target.item.id,
        policy_id=report.policy_id,
        note=note[:MAX_NOTE],
        source="public",
        now=now,
    )
    stores.audit.flush()
    return links.add(PublicReportLink(report.reference, target.route, target.item.id, filed.report.id, now))


def progress(session: Session, report: PublicReport) -> Progress:
    """The live status of a public report (see the module notes)."""
    link = PublicReportLinkStore(session).get(report.reference)
    if link is None:
        return Progress(report.status, True)  # stored before reports were routed
    if link.route == "unmatched":
        return Progress("received", False)
    if link.report_id is None:
        return Progress("actioned", True)  # the item had already been removed when it arrived
    stores = Stores(session)
    filed = stores.reports.get(link.report_id)
    decision = stores.decisions.for_task(filed.task_id)
    if decision is not None:
        violated = decision.outcome != "no_violation" and decision.state != "overturned"
        return Progress("actioned" if violated else "no_violation", True)
    task = stores.tasks.get(filed.task_id)
    return Progress("in_review" if task.state == "claimed" else "received", True)


def unmatched_references(session: Session, limit: int = 100) -> list[str]:
    """Public reports waiting for a person to find what they meant, oldest first."""
    return PublicReportLinkStore(session).unmatched(limit)
