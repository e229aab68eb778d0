"""`/v1/audit`: the append-only audit log and its verification (admins)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Query

from hifazat.api.auth import Auditor, DbDep
from hifazat.services.audit import audit_entries, verify_chain

router = APIRouter(prefix="/v1/audit", tags=["audit"])


@router.get("")
def get_audit(
    actor: Auditor,
    db: DbDep,
    after: Annotated[int, Query(ge=0, description="Entries after this sequence number.")] = 0,
    limit: Annotated[int, Query(ge=1, le=1000)] = 100,
    subject: Annotated[str | None, Query(description="Only about this, e.g. decision:3")] = None,
) -> dict[str, Any]:
    """Entries in order, each with its hash and the previous entry's hash."""
    with db.read() as stores:
        entries = audit_entries(audit=stores.audit, after=after, limit=limit, subject=subject)
        head = stores.audit.head()
    return {"head": {"seq": head[0], "hash": head[1]}, "entries": [asdict(e) for e in entries]}


@router.get("/verify")
def get_verify(actor: Auditor, db: DbDep) -> dict[str, Any]:
    """Recompute the chain: `ok` false with the problems found when any entry was edited or deleted."""
    with db.read() as stores:
        report = verify_chain(audit=stores.audit)
    return {"ok": report.ok, "checked": report.checked, "problems": list(report.problems)}
