"""The quarterly transparency report, as rows, JSON or CSV."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from datetime import datetime
from typing import Any

from hifazat.core.enforcement.transparency import COLUMNS, Row, parse_quarter, quarter_of, report
from hifazat.services.clock import utcnow
from hifazat.storage.transparency import TransparencyStore


def transparency_report(
    *, transparency: TransparencyStore, quarter: str | None = None, now: datetime | None = None
) -> list[Row]:
    """Rows per policy and language for `quarter` (e.g. `2026Q4`; the current quarter when omitted)."""
    period = parse_quarter(quarter) if quarter else quarter_of(now or utcnow())
    return report(
        period,
        transparency.removals(period.start, period.end),
        transparency.appeals(period.start, period.end),
        transparency.legal(period.start, period.end),
    )


def as_json(rows: list[Row]) -> dict[str, Any]:
    """The machine-readable report: the quarter, column names and one object per row."""
    return {
        "quarter": rows[-1].quarter if rows else None,
        "columns": list(COLUMNS),
        "rows": [asdict(r) for r in rows],
    }


def as_csv(rows: list[Row]) -> str:
    """The report as CSV with a header row (empty cells for rates with nothing to divide)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in rows:
        writer.writerow(["" if v is None else v for v in asdict(row).values()])
    return out.getvalue()
