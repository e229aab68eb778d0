"""The narrow views of storage that the enforcement services need, as protocols.

A unit of work (`hifazat.storage.unit.Stores`) satisfies all of them; each service names only the stores it
touches, so a reader sees at a glance what a function can change.
"""

from __future__ import annotations

from typing import Protocol

from hifazat.storage.accounts import AccountStore
from hifazat.storage.appeals import AppealStore
from hifazat.storage.audit import AuditLog
from hifazat.storage.content import ContentStore
from hifazat.storage.decisions import DecisionStore
from hifazat.storage.notifications import NotificationStore
from hifazat.storage.queue import TaskStore
from hifazat.storage.reports import ReportStore
from hifazat.storage.strikes import StrikeStore
from hifazat.storage.webhooks import WebhookStore


class EffectStores(Protocol):
    """What carrying out a decision touches."""

    @property
    def accounts(self) -> AccountStore: ...
    @property
    def content(self) -> ContentStore: ...
    @property
    def decisions(self) -> DecisionStore: ...
    @property
    def strikes(self) -> StrikeStore: ...
    @property
    def reports(self) -> ReportStore: ...
    @property
    def notifications(self) -> NotificationStore: ...
    @property
    def audit(self) -> AuditLog: ...
    @property
    def webhooks(self) -> WebhookStore: ...


class DecisionStores(EffectStores, Protocol):
    """Deciding a review task: the effects plus the queue."""

    @property
    def tasks(self) -> TaskStore: ...


class ReportStores(Protocol):
    """Filing a report: the item, its author, the queue and the reporters' track record."""

    @property
    def accounts(self) -> AccountStore: ...
    @property
    def content(self) -> ContentStore: ...
    @property
    def tasks(self) -> TaskStore: ...
    @property
    def reports(self) -> ReportStore: ...
    @property
    def decisions(self) -> DecisionStore: ...
    @property
    def audit(self) -> AuditLog: ...


class SubmissionStores(DecisionStores, ReportStores, Protocol):
    """Posting content: moderation may decide automatically or open a proactive report."""


class AppealStores(EffectStores, Protocol):
    """Filing and resolving appeals."""

    @property
    def appeals(self) -> AppealStore: ...
