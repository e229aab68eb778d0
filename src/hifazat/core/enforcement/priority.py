"""Review priority and due times.

priority = severity(tier) × reach(views, followers) × uncertainty(model score) × reporters(weight), with
legal requests first among equals. Every factor is bounded, so no single input (least of all a flood of
reports from one coordinated group) can push an item to the top on its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from hifazat.core.enforcement.vocabulary import ReportSource

SEVERITY: dict[int, float] = {1: 8.0, 2: 4.0, 3: 2.0, 4: 1.0}
"""Weight of each guideline tier (1 = zero tolerance)."""

SLA: dict[int, timedelta] = {
    1: timedelta(hours=1),
    2: timedelta(hours=4),
    3: timedelta(hours=24),
    4: timedelta(hours=72),
}
"""How soon a report about a policy of each tier must be reviewed."""

LEGAL_DEADLINE = timedelta(hours=24)
"""A regulator's takedown order: the strictest figure in any version of the Pakistani rules (24 h)."""
LEGAL_DEADLINE_EXPEDITED = timedelta(hours=6)
"""An order marked as an emergency (the 2020 rules' 6 h)."""

LEGAL_BOOST = 2.0
"""Legal requests rank above ordinary reports of the same tier and reach."""
MAX_REPORTER_FACTOR = 4.0
"""Cap of the reporter factor: a thousand reports weigh at most four times one."""


PUBLIC_WEIGHT = 0.5
"""A report from the public form: anyone may send one, signed out, so it counts half a signed-in user's."""


@dataclass(frozen=True, slots=True)
class ReporterWeight:
    """How much one report counts: 1 for a user, more for an accurate trusted flagger or the engine."""

    source: ReportSource
    accuracy: float | None = None
    """For ambassadors: the share of their decided reports that were upheld as violations."""

    @property
    def weight(self) -> float:
        if self.source == "ambassador":
            accuracy = 0.5 if self.accuracy is None else min(max(self.accuracy, 0.0), 1.0)
            return 1.0 + 2.0 * accuracy
        if self.source in ("proactive", "legal"):
            return 2.0
        if self.source == "public":
            return PUBLIC_WEIGHT
        return 1.0


def severity(tier: int) -> float:
    """The weight of a guideline tier; unknown tiers count as the least severe."""
    return SEVERITY.get(tier, 1.0)


def reach(views: int, followers: int) -> float:
    """1 for an unseen item by an unknown account, growing with the logarithm of views and followers."""
    return 1.0 + math.log10(1 + max(views, 0)) + 0.5 * math.log10(1 + max(followers, 0))


def uncertainty(score: float | None) -> float:
    """1.5 when the model is unsure (score 0.5), 0.5 when it is certain either way, 1 without a model."""
    if score is None:
        return 1.0
    clamped = min(max(score, 0.0), 1.0)
    return 0.5 + (1.0 - abs(2.0 * clamped - 1.0))


def reporters(total_weight: float) -> float:
    """The reporter factor: grows with the log of the summed weights, capped at `MAX_REPORTER_FACTOR`."""
    if total_weight <= 0:
        return 1.0
    return min(1.0 + math.log2(1.0 + total_weight) / 2.0, MAX_REPORTER_FACTOR)


def priority(
    *, tier: int, views: int, followers: int, score: float | None, report_weight: float, legal: bool = False
) -> float:
    """The review priority of a task; larger is reviewed first."""
    value = severity(tier) * reach(views, followers) * uncertainty(score) * reporters(report_weight)
    return round(value * (LEGAL_BOOST if legal else 1.0), 6)


def due_at(*, tier: int, opened: datetime, legal_due: datetime | None = None) -> datetime:
    """When a task must be decided: the tier's SLA, or the legal deadline when that is sooner."""
    due = opened + SLA.get(tier, SLA[4])
    return min(due, legal_due) if legal_due is not None else due


def legal_due(received: datetime, *, expedited: bool) -> datetime:
    """The statutory deadline of a legal request received at `received`."""
    return received + (LEGAL_DEADLINE_EXPEDITED if expedited else LEGAL_DEADLINE)
