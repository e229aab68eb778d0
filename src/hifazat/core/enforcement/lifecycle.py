"""The life cycles of review tasks, decisions and appeals, each transition checked in one place.

A decision goes `decided → appealed → upheld | overturned`; a task goes `open → claimed → decided`
(and back to `open` when released or when its lease runs out).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from hifazat.core.enforcement.vocabulary import DecisionState, Outcome, TaskState
from hifazat.core.errors import ConflictError, InvalidInputError

DECISION_MOVES: dict[DecisionState, tuple[DecisionState, ...]] = {
    "decided": ("appealed",),
    "appealed": ("upheld", "overturned"),
    "upheld": (),
    "overturned": (),
}
TASK_MOVES: dict[TaskState, tuple[TaskState, ...]] = {
    "open": ("claimed",),
    "claimed": ("open", "claimed", "decided"),
    "decided": (),
}

APPEAL_WINDOW = timedelta(days=30)
"""How long after a decision its subject may appeal."""
DEFAULT_LEASE = timedelta(minutes=15)
"""How long a claimed task stays with its moderator before it returns to the queue."""
MAX_LEASE = timedelta(hours=2)
MIN_LEASE = timedelta(seconds=1)


def move_decision(current: DecisionState, target: DecisionState) -> DecisionState:
    """`target` when a decision in `current` may move there; otherwise a `ConflictError` saying why."""
    if target not in DECISION_MOVES[current]:
        raise ConflictError(
            f"a decision that is {current} cannot become {target}",
            hint="only a decided item can be appealed, and only once; an appeal is resolved once",
        )
    return target


def move_task(current: TaskState, target: TaskState) -> TaskState:
    """`target` when a task in `current` may move there; otherwise a `ConflictError`."""
    if target not in TASK_MOVES[current]:
        raise ConflictError(f"a review task that is {current} cannot become {target}")
    return target


def appeal_deadline(decided_at: datetime) -> datetime:
    """The last moment an appeal against a decision taken at `decided_at` is accepted."""
    return decided_at + APPEAL_WINDOW


def check_appealable(*, state: DecisionState, outcome: Outcome, decided_at: datetime, now: datetime) -> None:
    """Raise unless a decision in this state, with this outcome and age, may be appealed now."""
    if outcome == "no_violation":
        raise InvalidInputError("nothing to appeal: the decision found no violation")
    move_decision(state, "appealed")
    deadline = appeal_deadline(decided_at)
    if now > deadline:
        raise ConflictError(
            f"the appeal window closed at {deadline.isoformat(timespec='minutes')}",
            hint=f"decisions can be appealed for {APPEAL_WINDOW.days} days",
        )


def lease_length(seconds: float | None) -> timedelta:
    """A lease length from a caller's seconds (default 15 minutes), within [1 s, 2 h]."""
    if seconds is None:
        return DEFAULT_LEASE
    length = timedelta(seconds=seconds)
    if not MIN_LEASE <= length <= MAX_LEASE:
        raise InvalidInputError(
            f"lease of {seconds} s is out of range",
            hint=f"use between {int(MIN_LEASE.total_seconds())} and {int(MAX_LEASE.total_seconds())} seconds",
        )
    return length
