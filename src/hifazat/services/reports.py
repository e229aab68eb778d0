"""Reports and legal requests, merged into one review task per item.

Every report on an item that is under review joins the same task; a reporter who reports again is not
counted twice. The task's priority is recomputed from all its reports, with the reporter factor growing only
with the logarithm of their summed weight, so a coordinated mass-report raises an item in the queue but
can never remove it: only a reviewer's decision removes content.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from hifazat.core.enforcement import priority as rank
from hifazat.core.enforcement.chain import AuditEvent, EventType
from hifazat.core.enforcement.vocabulary import ReportSource, TaskLevel
from hifazat.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.services.clock import utcnow
from hifazat.services.decisions import lookup_policy
from hifazat.services.ports import ReportStores
from hifazat.storage.accounts import Account
from hifazat.storage.content import ContentItem
from hifazat.storage.queue import Task
from hifazat.storage.reports import Report

MAX_NOTE = 2000
MIN_DECIDED_FOR_ACCURACY = 5
"""An ambassador's accuracy counts once this many of their reports were decided."""

ReportStatus = Literal["under_review", "action_taken", "no_violation"]


@dataclass(frozen=True, slots=True)
class Filed:
    """A filed report and the task it joined."""

    report: Report
    task: Task
    merged: bool
    """True when the item was already under review (the report joined an existing task)."""
    duplicate: bool = False
    """True when this reporter had already reported the item: nothing new was stored."""


@dataclass(frozen=True, slots=True)
class ReportOutcome:
    """What a reporter may know about their report: never anything private about the other account."""

    report: Report
    status: ReportStatus
    decided_at: datetime | None


def _check_note(note: str) -> str:
    if len(note) > MAX_NOTE:
        raise InvalidInputError(f"note is {len(note)} characters; the limit is {MAX_NOTE}")
    return note.strip()


def source_for(reporter: Account) -> ReportSource:
    """Ambassadors' reports are trusted flags; everyone else's are user reports."""
    return "ambassador" if reporter.role == "ambassador" else "user"


def reporter_weight(stores: ReportStores, reporter: Account | None, source: ReportSource) -> float:
    """How much one report counts, from its source and (for ambassadors) their accuracy so far."""
    accuracy: float | None = None
    if source == "ambassador" and reporter is not None:
        decided, violating = stores.decisions.reporter_accuracy(reporter.id)
        if decided >= MIN_DECIDED_FOR_ACCURACY:
            accuracy = violating / decided
    return rank.ReporterWeight(source, accuracy).weight


def _open_task(
    stores: ReportStores,
    item: ContentItem,
    *,
    policy: str,
    tier: int,
    legal: bool,
    due: datetime,
    now: datetime,
) -> tuple[Task, bool]:
    existing = stores.tasks.open_for(item.id)
    if existing is not None:
        return existing, True
    level: TaskLevel = "senior" if legal else "standard"
    for _ in range(3):
        created = stores.tasks.create(
            content_id=item.id,
            queue=item.queue,
            level=level,
            policy=policy,
            tier=tier,
            priority=0.0,
            due_at=due,
            top_score=None,
            legal=legal,
            now=now,
        )
        if created is not None:
            stores.audit.record(
                AuditEvent("task.opened", "system", f"task:{created.id}", {"content": item.id})
            )
            return created, False
        existing = stores.tasks.open_for(item.id)
        if existing is not None:
            return existing, True
    raise ConflictError(f"could not open a review task for content {item.id}; try again")


def _reprioritise(
    stores: ReportStores, catalogue: Catalogue, task: Task, item: ContentItem, now: datetime
) -> Task:
    reports = stores.reports.for_task(task.id)
    author = stores.accounts.get(item.author_id)
    policies = [lookup_policy(catalogue, r.policy) for r in reports]
    worst = min(policies, key=lambda p: (p.tier, p.id))
    legal = any(r.source == "legal" for r in reports)
    scores = [r.score for r in reports if r.score is not None]
    score = max(scores) if scores else None
    weight = sum(r.weight for r in reports)
    legal_dues = [r.due_at for r in reports if r.due_at is not None]
    due = rank.due_at(
        tier=worst.tier, opened=task.created_at, legal_due=min(legal_dues) if legal_dues else None
    )
    level: TaskLevel = "senior" if legal or task.level == "senior" else "standard"
    value = rank.priority(
        tier=worst.tier,
        views=item.views,
        followers=author.follower_count,
        score=score,
        report_weight=weight,
        legal=legal,
    )
    stores.tasks.reprioritise(
        task.id,
        policy=worst.id,
        tier=worst.tier,
        level=level,
        priority=value,
        due_at=due,
        report_count=len(reports),
        report_weight=weight,
        top_score=score,
        legal=legal,
        now=now,
    )
    return stores.tasks.get(task.id)


def file_report(
    *,
    stores: ReportStores,
    catalogue: Catalogue,
    reporter: Account | None,
    content_id: str,
    policy_id: str,
    note: str = "",
    source: ReportSource | None = None,
    score: float | None = None,
    legal: tuple[str, str, bool, datetime] | None = None,
    now: datetime | None = None,
) -> Filed:
    """File a report: a user's, an ambassador's, a proactive one (`source`) or a legal one (`legal` =
    (authority, reference, expedited, received at))."""
    now = now or utcnow()
    policy = lookup_policy(catalogue, policy_id)
    note = _check_note(note)
    if source is None:
        if reporter is None:
            raise InvalidInputError("a report needs a reporter or a source")
        source = source_for(reporter)
    if score is not None and not 0.0 <= score <= 1.0:
        raise InvalidInputError(f"score {score} is outside [0, 1]")
    item = stores.content.get(content_id)
    if item.status == "removed":
        raise ConflictError(f"content {content_id} has already been removed")
    if reporter is not None and reporter.id == item.author_id and source in ("user", "ambassador"):
        raise InvalidInputError("you cannot report your own content", hint="delete it instead")
    legal_due: datetime | None = None
    if legal is not None:
        legal_due = rank.legal_due(legal[3], expedited=legal[2])
    due = rank.due_at(tier=policy.tier, opened=now, legal_due=legal_due)
    task, merged = _open_task(
        stores, item, policy=policy.id, tier=policy.tier, legal=legal is not None, due=due, now=now
    )
    if reporter is not None and source in ("user", "ambassador"):
        earlier = stores.reports.by_reporter_on_task(task.id, reporter.id)
        if earlier is not None:
            return Filed(earlier, task, merged=True, duplicate=True)
    report = stores.reports.add(
        content_id=item.id,
        task_id=task.id,
        reporter_id=None if reporter is None else reporter.id,
        source=source,
        policy=policy.id,
        note=note,
        weight=reporter_weight(stores, reporter, source),
        score=score,
        authority=None if legal is None else legal[0],
        reference=None if legal is None else legal[1],
        expedited=False if legal is None else legal[2],
        due_at=legal_due,
        now=now if legal is None else legal[3],
    )
    task = _reprioritise(stores, catalogue, task, item, now)
    event: EventType = (
        "legal.received" if source == "legal" else ("report.merged" if merged else "report.filed")
    )
    actor = "system" if reporter is None else reporter.id
    stores.audit.record(
        AuditEvent(
            event,
            actor,
            f"report:{report.id}",
            {
                "content": item.id,
                "task": task.id,
                "policy": policy.id,
                "source": source,
                "priority": task.priority,
            },
        )
    )
    return Filed(report, task, merged)


def file_legal_request(
    *,
    stores: ReportStores,
    catalogue: Catalogue,
    filer: Account,
    content_id: str,
    policy_id: str,
    authority: str,
    reference: str,
    expedited: bool = False,
    received_at: datetime | None = None,
    note: str = "",
    now: datetime | None = None,
) -> Filed:
    """Record a regulator's takedown request: senior reviewers get it, due by the statutory deadline."""
    now = now or utcnow()
    authority, reference = authority.strip(), reference.strip()
    if not authority or not reference or len(authority) > 120 or len(reference) > 120:
        raise InvalidInputError(
            "a legal request needs an authority and a reference (each up to 120 characters)"
        )
    received = received_at or now
    if received > now:
        raise InvalidInputError("received_at is in the future")
    return file_report(
        stores=stores,
        catalogue=catalogue,
        reporter=filer,
        content_id=content_id,
        policy_id=policy_id,
        note=note,
        source="legal",
        legal=(authority, reference, expedited, received),
        now=now,
    )


def report_outcome(*, stores: ReportStores, viewer: Account, report_id: int, staff: bool) -> ReportOutcome:
    """The status of a report, for its reporter (or staff)."""
    report = stores.reports.get(report_id)
    if not staff and report.reporter_id != viewer.id:
        raise PermissionDeniedError("you can only see your own reports")
    decision = stores.decisions.for_task(report.task_id)
    if decision is None:
        return ReportOutcome(report, "under_review", None)
    status: ReportStatus = "no_violation" if decision.outcome == "no_violation" else "action_taken"
    return ReportOutcome(report, status, decision.decided_at)
