"""What the public transparency dashboard shows: the enforcement report (`transparency_report`) of one
quarter, its totals, sums per guideline and per language, and the items removed in the quarters before.

The dashboard and `GET /v1/transparency` read the same decisions, appeals and legal requests, so the
Safety Centre never publishes figures of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from hifazat.core.enforcement.transparency import Quarter, Row, parse_quarter, quarter_of
from hifazat.services.clock import utcnow
from hifazat.services.transparency import transparency_report
from hifazat.storage.transparency import TransparencyStore

HISTORY = 4
"""Quarters shown in the "per quarter" chart and offered in the quarter menu (this one included)."""


@dataclass(frozen=True, slots=True)
class Dashboard:
    """One quarter of the enforcement report, ready to draw."""

    quarter: Quarter
    rows: list[Row]
    """One row per (policy, content language) with any activity, without the total row."""
    total: Row
    recent: list[tuple[Quarter, int]]
    """Items removed in each of the recent quarters, oldest first (this quarter last)."""

    @property
    def empty(self) -> bool:
        """True when nothing was removed, appealed or requested in the quarter."""
        return not self.rows

    def removed_by_policy(self) -> list[tuple[str, int]]:
        """Items removed per policy id, largest first."""
        return _sums(self.rows, lambda row: row.policy)

    def removed_by_language(self) -> list[tuple[str, int]]:
        """Items removed per content language (engine ids: en, ur, roman-ur, mixed), largest first."""
        return _sums(self.rows, lambda row: row.language)


def _sums(rows: list[Row], key: Callable[[Row], str]) -> list[tuple[str, int]]:
    tally: dict[str, int] = {}
    for row in rows:
        tally[key(row)] = tally.get(key(row), 0) + row.removed
    return sorted(((k, n) for k, n in tally.items() if n), key=lambda item: (-item[1], item[0]))


def previous(quarter: Quarter) -> Quarter:
    """The quarter before `quarter`."""
    if quarter.number == 1:
        return Quarter(quarter.year - 1, 4)
    return Quarter(quarter.year, quarter.number - 1)


def recent_quarters(now: datetime, count: int = HISTORY) -> list[Quarter]:
    """The current quarter and the `count - 1` before it, newest first."""
    quarters = [quarter_of(now)]
    while len(quarters) < count:
        quarters.append(previous(quarters[-1]))
    return quarters


def dashboard(
    sessions: sessionmaker[Session], *, quarter: str | None = None, now: datetime | None = None
) -> Dashboard:
    """The dashboard of `quarter` (e.g. `2026Q4`; the current quarter when omitted). A quarter that is
    not one raises `InvalidInputError` with a hint."""
    now = now or utcnow()
    chosen = parse_quarter(quarter) if quarter else quarter_of(now)
    earlier = [chosen]
    while len(earlier) < HISTORY:
        earlier.append(previous(earlier[-1]))
    with sessions() as session:
        store = TransparencyStore(session)
        rows = transparency_report(transparency=store, quarter=str(chosen))
        recent = [
            (q, transparency_report(transparency=store, quarter=str(q))[-1].removed)
            for q in reversed(earlier[1:])
        ]
    total = rows[-1]  # the (*, *) total row comes last
    return Dashboard(chosen, rows[:-1], total, [*recent, (chosen, total.removed)])
