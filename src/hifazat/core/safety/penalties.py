"""Active penalties as the safety features see them: which features an account may not use, until when.

The enforcement workflow owns strikes and standing; it hands over only this narrow view, through any
object that satisfies `PenaltySource`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

ALL_FEATURES = "all"
"""A suspended or banned account: nothing is allowed, not even viewing."""
VIEW_ONLY = "view_only"
"""View-only mode: the account may watch and nothing else."""

FEATURES_OF_KIND: dict[str, frozenset[str]] = {
    "comment": frozenset({"comments", "comment"}),
    "message": frozenset({"messages", "message"}),
    "duet": frozenset({"content", "upload", "duet"}),
    "stitch": frozenset({"content", "upload", "stitch"}),
    "mention": frozenset({"comments", "content", "mention"}),
    "follow": frozenset({"follow"}),
    "view": frozenset(),
    "live": frozenset({"live"}),
    "gift": frozenset({"live", "gifts", "gift"}),
}
"""Restricted feature names (the enforcement tracks `content`, `comments`, `live`, `messages`, and finer
names) that stop each interaction kind. `all` stops every kind; `view_only` every kind except `view`."""


@dataclass(frozen=True, slots=True)
class Restriction:
    """One feature an account may not use, until `until` (None: until lifted)."""

    feature: str
    until: datetime | None = None


@dataclass(frozen=True, slots=True)
class ActivePenalties:
    """The restrictions in force for one account at decision time."""

    restrictions: frozenset[Restriction] = frozenset()

    @classmethod
    def of(cls, *features: str | Restriction) -> ActivePenalties:
        """Penalties from feature names or restrictions."""
        return cls(frozenset(f if isinstance(f, Restriction) else Restriction(f) for f in features))

    @classmethod
    def active_at(cls, restrictions: Iterable[Restriction], now: datetime) -> ActivePenalties:
        """Only the restrictions that have not expired at `now`."""
        return cls(frozenset(r for r in restrictions if r.until is None or r.until > now))

    def stopping(self, kind: str) -> Restriction | None:
        """The restriction that stops interaction `kind`, or None (the longest-lasting when several do)."""
        features = FEATURES_OF_KIND[kind]
        hits = [
            r
            for r in self.restrictions
            if r.feature == ALL_FEATURES
            or (r.feature == VIEW_ONLY and kind != "view")
            or r.feature in features
        ]
        if not hits:
            return None
        return max(hits, key=lambda r: (r.until is None, r.until or datetime.min.replace(tzinfo=None)))


NO_PENALTIES = ActivePenalties()


class PenaltySource(Protocol):
    """Where the safety service reads active penalties (the enforcement workflow's strike ledger)."""

    def active_penalties(self, account_id: str, *, now: datetime) -> ActivePenalties:
        """The restrictions in force for `account_id` at `now`."""
        ...


class NoPenaltySource:
    """A source for installations without an enforcement workflow: nobody is restricted."""

    def active_penalties(self, account_id: str, *, now: datetime) -> ActivePenalties:
        return NO_PENALTIES
