"""The quarterly Community Guidelines enforcement report, computed from plain records.

Per quarter, per policy and per content language: items removed; the share found proactively (by the
engine before any person reported them); the share removed before any view; the share removed within
24 hours of posting; appeals filed; items reinstated; legal requests received, complied with, median hours
to comply and the share handled within the statutory deadline. The quarter runs in UTC.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta

from hifazat.core.errors import InvalidInputError

QUARTER = re.compile(r"^(\d{4})-?Q([1-4])$")
ALL = "*"
"""The policy or language of a total row."""
FAST = timedelta(hours=24)


@dataclass(frozen=True, slots=True)
class Quarter:
    """A calendar quarter in UTC, half-open `[start, end)`."""

    year: int
    number: int

    @property
    def start(self) -> datetime:
        return datetime(self.year, 3 * self.number - 2, 1, tzinfo=UTC)

    @property
    def end(self) -> datetime:
        if self.number == 4:
            return datetime(self.year + 1, 1, 1, tzinfo=UTC)
        return datetime(self.year, 3 * self.number + 1, 1, tzinfo=UTC)

    def __str__(self) -> str:
        return f"{self.year}Q{self.number}"

    def holds(self, moment: datetime) -> bool:
        return self.start <= moment < self.end


def parse_quarter(text: str) -> Quarter:
    """`2026Q4` (or `2026-Q4`) as a `Quarter`; a clear error for anything else."""
    found = QUARTER.match(text.strip().upper())
    if found is None or not 2000 <= int(found.group(1)) <= 2100:
        raise InvalidInputError(f"not a quarter: {text!r}", hint="write the year and quarter, e.g. 2026Q4")
    return Quarter(int(found.group(1)), int(found.group(2)))


def quarter_of(moment: datetime) -> Quarter:
    """The quarter `moment` falls in."""
    return Quarter(moment.year, (moment.month - 1) // 3 + 1)


@dataclass(frozen=True, slots=True)
class Removal:
    """One item removed by a decision."""

    policy: str
    language: str
    posted_at: datetime
    decided_at: datetime
    views: int
    """Views when it was removed."""
    proactive: bool
    """Found by the engine before any person reported it."""


@dataclass(frozen=True, slots=True)
class AppealFact:
    """One appeal: filed when, resolved how."""

    policy: str
    language: str
    filed_at: datetime
    resolved_at: datetime | None
    overturned: bool


@dataclass(frozen=True, slots=True)
class LegalFact:
    """One legal request from a regulator."""

    policy: str
    language: str
    received_at: datetime
    due_at: datetime
    decided_at: datetime | None
    complied: bool
    """The content was removed or restricted as requested."""


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the report."""

    quarter: str
    policy: str
    language: str
    removed: int = 0
    proactive_rate: float | None = None
    before_view_rate: float | None = None
    within_24h_rate: float | None = None
    appeals: int = 0
    reinstated: int = 0
    legal_requests: int = 0
    legal_complied: int = 0
    legal_median_hours: float | None = None
    legal_within_deadline_rate: float | None = None


COLUMNS: tuple[str, ...] = tuple(f.name for f in fields(Row))


def _rate(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def _row(
    quarter: Quarter,
    policy: str,
    language: str,
    removals: list[Removal],
    appeals: list[AppealFact],
    legal: list[LegalFact],
) -> Row:
    removed = len(removals)
    hours = [
        (f.decided_at - f.received_at).total_seconds() / 3600 for f in legal if f.decided_at and f.complied
    ]
    on_time = sum(1 for f in legal if f.decided_at is not None and f.decided_at <= f.due_at)
    return Row(
        quarter=str(quarter),
        policy=policy,
        language=language,
        removed=removed,
        proactive_rate=_rate(sum(r.proactive for r in removals), removed),
        before_view_rate=_rate(sum(r.views == 0 for r in removals), removed),
        within_24h_rate=_rate(sum(r.decided_at - r.posted_at <= FAST for r in removals), removed),
        appeals=sum(1 for a in appeals if quarter.holds(a.filed_at)),
        reinstated=sum(1 for a in appeals if a.overturned and a.resolved_at and quarter.holds(a.resolved_at)),
        legal_requests=len(legal),
        legal_complied=sum(1 for f in legal if f.complied),
        legal_median_hours=round(statistics.median(hours), 2) if hours else None,
        legal_within_deadline_rate=_rate(on_time, len(legal)),
    )


def report(
    quarter: Quarter, removals: Iterable[Removal], appeals: Iterable[AppealFact], legal: Iterable[LegalFact]
) -> list[Row]:
    """Rows per (policy, language) with any activity in `quarter`, then a total row (`*`, `*`)."""
    kept_removals = [r for r in removals if quarter.holds(r.decided_at)]
    kept_appeals = [
        a
        for a in appeals
        if quarter.holds(a.filed_at) or (a.resolved_at is not None and quarter.holds(a.resolved_at))
    ]
    kept_legal = [f for f in legal if quarter.holds(f.received_at)]
    keys = sorted(
        {(r.policy, r.language) for r in kept_removals}
        | {(a.policy, a.language) for a in kept_appeals}
        | {(f.policy, f.language) for f in kept_legal}
    )
    rows = [
        _row(
            quarter,
            policy,
            language,
            [r for r in kept_removals if (r.policy, r.language) == (policy, language)],
            [a for a in kept_appeals if (a.policy, a.language) == (policy, language)],
            [f for f in kept_legal if (f.policy, f.language) == (policy, language)],
        )
        for policy, language in keys
    ]
    rows.append(_row(quarter, ALL, ALL, kept_removals, kept_appeals, kept_legal))
    return rows
