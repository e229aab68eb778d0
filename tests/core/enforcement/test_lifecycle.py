"""The decision and task life cycles, and the appeal window."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from hifazat.core.enforcement.lifecycle import (
    APPEAL_WINDOW,
    check_appealable,
    lease_length,
    move_decision,
    move_task,
)
from hifazat.core.errors import ConflictError, InvalidInputError

T0 = datetime(2026, 10, 1, tzinfo=UTC)


@pytest.mark.parametrize(
    ("current", "target", "ok"),
    [
        ("decided", "appealed", True),  # the author appeals
        ("appealed", "upheld", True),  # a second moderator agrees
        ("appealed", "overturned", True),  # or does not
        ("decided", "overturned", False),  # no overturn without an appeal
        ("upheld", "appealed", False),  # one appeal per decision
        ("overturned", "upheld", False),  # resolved once
    ],
)
def test_decision_moves(current: str, target: str, ok: bool) -> None:
    if ok:
        assert move_decision(current, target) == target  # type: ignore[arg-type]
    else:
        with pytest.raises(ConflictError):
            move_decision(current, target)  # type: ignore[arg-type]


def test_task_moves() -> None:
    assert move_task("open", "claimed") == "claimed"
    with pytest.raises(ConflictError):
        move_task("decided", "open")


def test_appeal_window() -> None:
    check_appealable(state="decided", outcome="remove", decided_at=T0, now=T0 + APPEAL_WINDOW)
    with pytest.raises(ConflictError, match="appeal window closed"):
        check_appealable(
            state="decided", outcome="remove", decided_at=T0, now=T0 + APPEAL_WINDOW + timedelta(seconds=1)
        )
    with pytest.raises(InvalidInputError, match="nothing to appeal"):
        check_appealable(state="decided", outcome="no_violation", decided_at=T0, now=T0)


@pytest.mark.parametrize(
    ("seconds", "ok"), [(None, True), (1, True), (7200, True), (0, False), (7201, False)]
)
def test_lease_lengths(seconds: float | None, ok: bool) -> None:
    if ok:
        assert lease_length(seconds) > timedelta(0)
    else:
        with pytest.raises(InvalidInputError):
            lease_length(seconds)
