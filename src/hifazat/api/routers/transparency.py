"""`/v1/transparency`: the quarterly enforcement report, public, as JSON or CSV."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import PlainTextResponse

from hifazat.api.auth import DbDep
from hifazat.core.errors import InvalidInputError
from hifazat.services.transparency import as_csv, as_json, transparency_report

router = APIRouter(prefix="/v1/transparency", tags=["transparency"])


@router.get("", response_model=None)
def get_transparency(
    db: DbDep,
    quarter: Annotated[str | None, Query(description="e.g. 2026Q4; the current quarter when omitted")] = None,
    format: Annotated[str, Query(description="json or csv")] = "json",
) -> dict[str, Any] | PlainTextResponse:
    """Per policy and language: removed, proactive share, removed before any view, within 24 h, appeals,
    reinstatements, legal requests and compliance time."""
    if format not in ("json", "csv"):
        raise InvalidInputError(f"unknown format {format!r}", hint="use json or csv")
    with db.read() as stores:
        rows = transparency_report(transparency=stores.transparency, quarter=quarter)
    if format == "csv":
        return PlainTextResponse(as_csv(rows), media_type="text/csv; charset=utf-8")
    return as_json(rows)
