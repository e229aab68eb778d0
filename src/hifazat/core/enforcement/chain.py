"""The audit log's event types and its hash chain.

Each entry stores the hash of the entry before it and a hash over its own canonical JSON plus that
previous hash, so editing any entry, deleting one from the middle, or reordering entries breaks the
chain at that point. The head (last sequence number and hash) is stored apart, so cutting entries off the
end is detected too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

EventType = Literal[
    "account.created",
    "api_key.created",
    "content.submitted",
    "content.views",
    "report.filed",
    "report.merged",
    "legal.received",
    "task.opened",
    "task.claimed",
    "task.released",
    "task.escalated",
    "decision.made",
    "cluster.decided",
    "strike.issued",
    "strike.removed",
    "content.actioned",
    "content.restored",
    "appeal.filed",
    "appeal.upheld",
    "appeal.overturned",
    "notification.queued",
    "webhook.registered",
    "account.role_changed",
    "account.password_set",
    "session.signed_in",
    "session.signed_out",
    "ambassador.applied",
    "ambassador.approved",
    "ambassador.declined",
    "ambassador.withdrawn",
    "ambassador.ended",
    "ambassador.programme_edited",
]
EVENT_TYPES: tuple[EventType, ...] = EventType.__args__  # type: ignore[attr-defined]
"""Every typed audit event; each reviewer or enforcement action emits one."""

GENESIS = "0" * 64
"""The previous hash of the first entry."""


@dataclass(frozen=True, slots=True)
class AuditEvent:
    """One thing that happened, before it is placed in the chain."""

    event: EventType
    actor: str
    """Account id of who did it (`system` for automatic actions)."""
    subject: str
    """What it happened to, `kind:id` (e.g. `decision:12`)."""
    data: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One entry of the chain as stored."""

    seq: int
    at: datetime
    event: str
    actor: str
    subject: str
    data: Mapping[str, Any]
    prev_hash: str
    hash: str


def canonical(seq: int, at: datetime, event: str, actor: str, subject: str, data: Mapping[str, Any]) -> str:
    """The exact text that is hashed for an entry (sorted keys, no spaces, UTC timestamp to microseconds)."""
    body = {"seq": seq, "at": at.isoformat(timespec="microseconds"), "event": event, "actor": actor}
    body.update({"subject": subject, "data": data})
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(prev_hash: str, text: str) -> str:
    """SHA-256 over the previous hash, a newline and the canonical text."""
    return hashlib.sha256(f"{prev_hash}\n{text}".encode()).hexdigest()


def seal(prev: tuple[int, str], at: datetime, event: AuditEvent) -> AuditEntry:
    """The entry that follows `prev` (its sequence number and hash) for `event`."""
    seq = prev[0] + 1
    data = json.loads(json.dumps(dict(event.data), default=str))
    text = canonical(seq, at, event.event, event.actor, event.subject, data)
    return AuditEntry(
        seq, at, event.event, event.actor, event.subject, data, prev[1], entry_hash(prev[1], text)
    )


@dataclass(frozen=True, slots=True)
class ChainReport:
    """What `verify` found."""

    checked: int
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify(entries: Iterable[AuditEntry], head: tuple[int, str] | None, *, limit: int = 20) -> ChainReport:
    """Check every entry in sequence order against its predecessor and the stored head."""
    problems: list[str] = []
    previous = (0, GENESIS)
    checked = 0
    for entry in entries:
        checked += 1
        if entry.seq != previous[0] + 1:
            problems.append(
                f"entry {previous[0] + 1}..{entry.seq - 1} missing (deleted?) before entry {entry.seq}"
            )
        if entry.prev_hash != previous[1]:
            problems.append(f"entry {entry.seq}: previous-hash does not match entry {previous[0]}")
        text = canonical(entry.seq, entry.at, entry.event, entry.actor, entry.subject, entry.data)
        if entry_hash(entry.prev_hash, text) != entry.hash:
            problems.append(f"entry {entry.seq}: contents do not match its hash (edited?)")
        previous = (entry.seq, entry.hash)
        if len(problems) >= limit:
            break
    if len(problems) < limit:
        expected = head or (0, GENESIS)
        if previous != expected:
            problems.append(
                f"the log ends at entry {previous[0]} but the head says {expected[0]}"
                " (entries cut off the end?)"
            )
    return ChainReport(checked, tuple(problems))
