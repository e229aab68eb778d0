"""The review queue as moderators use it: claim the most urgent task, release it, escalate it.

Moderators claim standard tasks; senior moderators claim senior ones (legal requests and escalations)
first and standard ones after. A lease runs out after `lease_seconds` (15 minutes by default); the task
then returns to the queue for the next moderator.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.enforcement.lifecycle import lease_length
from hifazat.core.enforcement.vocabulary import QUEUES, QueueLang, TaskLevel, TaskState, pick
from hifazat.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from hifazat.services.clock import utcnow
from hifazat.storage.accounts import Account
from hifazat.storage.audit import AuditLog
from hifazat.storage.content import ContentItem, ContentStore, StoredVerdict
from hifazat.storage.queue import Task, TaskStore
from hifazat.storage.reports import Report, ReportStore

MAX_NOTE = 2000
ESCALATION_BOOST = 2.0


@dataclass(frozen=True, slots=True)
class TaskView:
    """What a reviewer sees: the task, the item, its verdicts and the reports (without reporters' ids)."""

    task: Task
    item: ContentItem
    verdicts: tuple[StoredVerdict, ...]
    reports: tuple[Report, ...]


def levels_for(moderator: Account) -> tuple[TaskLevel, ...]:
    """The task levels a moderator may claim, senior first."""
    if moderator.role == "senior_moderator":
        return ("senior", "standard")
    if moderator.role == "moderator":
        return ("standard",)
    raise PermissionDeniedError(f"a {moderator.role} does not review content")


def queues_for(queue: str | None) -> tuple[QueueLang, ...]:
    """One named queue, or every queue."""
    return QUEUES if queue is None else (pick(queue, QUEUES, "queue"),)


def claim_next(
    *,
    tasks: TaskStore,
    audit: AuditLog,
    moderator: Account,
    queue: str | None = None,
    lease_seconds: float | None = None,
    now: datetime | None = None,
) -> Task | None:
    """Lease the most urgent free task the moderator may take, or None when the queue is empty."""
    now = now or utcnow()
    lease = lease_length(lease_seconds)
    levels = levels_for(moderator)
    queues = queues_for(queue)
    for level in levels:
        task = tasks.claim(moderator_id=moderator.id, queues=queues, levels=(level,), now=now, lease=lease)
        if task is not None:
            audit.record(
                AuditEvent(
                    "task.claimed",
                    moderator.id,
                    f"task:{task.id}",
                    {
                        "lease_until": task.lease_until.isoformat() if task.lease_until else None,
                        "claims": task.claims,
                    },
                )
            )
            return task
    return None


def release_task(
    *, tasks: TaskStore, audit: AuditLog, moderator: Account, task_id: int, now: datetime | None = None
) -> Task:
    """Give a held task back to the queue."""
    now = now or utcnow()
    task = tasks.get(task_id)
    if not tasks.release(task_id, moderator_id=moderator.id, now=now):
        raise _not_holder(task, moderator)
    audit.record(AuditEvent("task.released", moderator.id, f"task:{task_id}", {}))
    return tasks.get(task_id)


def escalate_task(
    *,
    tasks: TaskStore,
    audit: AuditLog,
    moderator: Account,
    task_id: int,
    note: str,
    now: datetime | None = None,
) -> Task:
    """Hand a held task to senior moderators with a note saying why."""
    now = now or utcnow()
    note = note.strip()
    if not note or len(note) > MAX_NOTE:
        raise InvalidInputError(f"an escalation needs a note (1 to {MAX_NOTE} characters) saying why")
    task = tasks.get(task_id)
    if task.level == "senior":
        raise ConflictError(f"review task {task_id} is already with senior moderators")
    if not tasks.escalate(
        task_id, moderator_id=moderator.id, note=note, priority=task.priority * ESCALATION_BOOST, now=now
    ):
        raise _not_holder(task, moderator)
    audit.record(AuditEvent("task.escalated", moderator.id, f"task:{task_id}", {"note": note}))
    return tasks.get(task_id)


def _not_holder(task: Task, moderator: Account) -> Exception:
    if task.state == "decided":
        return ConflictError(f"review task {task.id} has already been decided")
    return PermissionDeniedError(
        f"you do not hold review task {task.id}", hint="claim it from the queue first"
    )


def view_task(*, tasks: TaskStore, content: ContentStore, reports: ReportStore, task_id: int) -> TaskView:
    """Everything a reviewer needs to decide one task."""
    task = tasks.get(task_id)
    return TaskView(
        task,
        content.get(task.content_id),
        tuple(content.verdicts(task.content_id)),
        tuple(reports.for_task(task_id)),
    )


def list_tasks(
    *, tasks: TaskStore, viewer: Account, queue: str | None = None, state: str = "open", limit: int = 50
) -> list[Task]:
    """Tasks in priority order (staff only)."""
    states: tuple[TaskState, ...] = ("open", "claimed", "decided")
    chosen = pick(state, states, "task state")
    if not 1 <= limit <= 500:
        raise InvalidInputError("limit must be between 1 and 500")
    levels: tuple[TaskLevel, ...] = ("senior", "standard")
    return tasks.listing(queues=queues_for(queue), levels=levels, states=(chosen,), limit=limit)


def expire_leases(*, tasks: TaskStore, now: datetime | None = None) -> int:
    """Return every task whose lease ran out to its queue."""
    return tasks.expire_leases(now or utcnow())
