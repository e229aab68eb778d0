"""Reading and verifying the audit log."""

from __future__ import annotations

from hifazat.core.enforcement.chain import AuditEntry, ChainReport, verify
from hifazat.core.errors import InvalidInputError
from hifazat.storage.audit import AuditLog


def verify_chain(*, audit: AuditLog) -> ChainReport:
    """Recompute every hash in order and compare with the stored head."""
    return verify(audit.scan(), audit.head())


def audit_entries(
    *, audit: AuditLog, after: int = 0, limit: int = 100, subject: str | None = None
) -> list[AuditEntry]:
    """Entries after a sequence number, optionally about one subject (`decision:3`)."""
    if after < 0:
        raise InvalidInputError("after must be ≥ 0")
    if not 1 <= limit <= 1000:
        raise InvalidInputError("limit must be between 1 and 1000")
    return audit.entries(after=after, limit=limit, subject=subject)
