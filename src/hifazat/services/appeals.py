"""Appeals: filed by the content's author within the window, resolved once by a different moderator.

Overturning restores the content, removes the strike and tells the author; upholding tells the author the
decision stands. Both are audited and both send a webhook.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hifazat.core.enforcement.chain import AuditEvent, EventType
from hifazat.core.enforcement.effects import plan_appeal, titles
from hifazat.core.enforcement.lifecycle import check_appealable, move_decision
from hifazat.core.enforcement.notices import appeal_notice
from hifazat.core.enforcement.vocabulary import APPEAL_OUTCOMES, AppealOutcome, pick
from hifazat.core.errors import ConflictError, InvalidInputError, PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.services.clock import utcnow
from hifazat.services.decisions import lookup_policy
from hifazat.services.ports import AppealStores
from hifazat.storage.accounts import Account
from hifazat.storage.appeals import Appeal
from hifazat.storage.decisions import Decision

MAX_TEXT = 2000


@dataclass(frozen=True, slots=True)
class AppealResult:
    """An appeal after it was resolved, with what changed."""

    appeal: Appeal
    decision: Decision
    restored: bool
    strike_removed: bool
    webhooks: int = 0
    """Webhook deliveries queued."""


def _text(value: str, what: str, *, required: bool) -> str:
    value = value.strip()
    if required and not value:
        raise InvalidInputError(f"{what} is required")
    if len(value) > MAX_TEXT:
        raise InvalidInputError(f"{what} is {len(value)} characters; the limit is {MAX_TEXT}")
    return value


def file_appeal(
    *,
    stores: AppealStores,
    catalogue: Catalogue,
    appellant: Account,
    decision_id: int,
    reason: str,
    now: datetime | None = None,
) -> Appeal:
    """Appeal a decision on one's own content, once, within the appeal window."""
    now = now or utcnow()
    reason = _text(reason, "reason", required=True)
    decision = stores.decisions.get(decision_id)
    if decision.author_id != appellant.id:
        raise PermissionDeniedError("only the author of the content can appeal this decision")
    check_appealable(state=decision.state, outcome=decision.outcome, decided_at=decision.decided_at, now=now)
    appeal = stores.appeals.add(decision_id=decision.id, appellant_id=appellant.id, reason=reason, now=now)
    if not stores.decisions.move(decision.id, current=decision.state, target="appealed"):
        raise ConflictError(f"decision {decision.id} changed while appealing; try again")
    item = stores.content.get(decision.content_id)
    notice = appeal_notice(
        language=appellant.language,
        kind=item.kind,
        stage="appeal_received",
        policy=titles(lookup_policy(catalogue, decision.policy)),
    )
    stores.notifications.add(account_id=appellant.id, notice=notice, subject=f"appeal:{appeal.id}", now=now)
    stores.audit.record(
        AuditEvent(
            "appeal.filed", appellant.id, f"appeal:{appeal.id}", {"decision": decision.id, "reason": reason}
        )
    )
    return appeal


def resolve_appeal(
    *,
    stores: AppealStores,
    catalogue: Catalogue,
    reviewer: Account,
    appeal_id: int,
    outcome: str,
    rationale: str,
    now: datetime | None = None,
) -> AppealResult:
    """Uphold or overturn a pending appeal; the reviewer must not be who took the decision."""
    now = now or utcnow()
    result: AppealOutcome = pick(outcome, APPEAL_OUTCOMES, "appeal outcome")
    rationale = _text(rationale, "rationale", required=True)
    appeal = stores.appeals.get(appeal_id)
    decision = stores.decisions.get(appeal.decision_id)
    if reviewer.id == decision.moderator_id:
        raise PermissionDeniedError(
            "you took the original decision, so another moderator must review this appeal"
        )
    if reviewer.id == appeal.appellant_id:
        raise PermissionDeniedError("you cannot review your own appeal")
    if appeal.state != "pending":
        raise ConflictError(f"appeal {appeal_id} has already been resolved ({appeal.state})")
    move_decision(decision.state, result)
    if not stores.appeals.resolve(
        appeal_id, reviewer_id=reviewer.id, outcome=result, rationale=rationale, now=now
    ):
        raise ConflictError(f"appeal {appeal_id} has already been resolved")
    if not stores.decisions.move(decision.id, current=decision.state, target=result):
        raise ConflictError(f"decision {decision.id} changed while resolving the appeal; try again")
    item = stores.content.get(decision.content_id)
    author = stores.accounts.get(decision.author_id)
    strike = stores.strikes.for_decision(decision.id)
    had_strike = strike is not None and strike.removed_at is None
    effects = plan_appeal(
        policy=lookup_policy(catalogue, decision.policy),
        result=result,
        kind=item.kind,
        language=author.language,
        had_strike=had_strike,
    )
    restored = False
    if effects.status is not None and item.status != effects.status:
        stores.content.set_status(item.id, effects.status, now)
        restored = True
        stores.audit.record(
            AuditEvent(
                "content.restored",
                reviewer.id,
                f"content:{item.id}",
                {"from": item.status, "appeal": appeal_id},
            )
        )
    removed = effects.remove_strike and stores.strikes.remove(decision.id, now)
    if removed:
        stores.audit.record(
            AuditEvent(
                "strike.removed",
                reviewer.id,
                f"account:{author.id}",
                {"decision": decision.id, "appeal": appeal_id},
            )
        )
    stores.notifications.add(
        account_id=author.id, notice=effects.notice, subject=f"appeal:{appeal_id}", now=now
    )
    event: EventType = "appeal.overturned" if result == "overturned" else "appeal.upheld"
    stores.audit.record(
        AuditEvent(
            event, reviewer.id, f"appeal:{appeal_id}", {"decision": decision.id, "rationale": rationale}
        )
    )
    queued = stores.webhooks.enqueue(
        event_key=f"{event}:{appeal_id}",
        payload={
            "event": event,
            "appeal": {"id": appeal_id, "decision_id": decision.id, "content_id": item.id},
        },
        now=now,
    )
    return AppealResult(
        stores.appeals.get(appeal_id), stores.decisions.get(decision.id), restored, removed, queued
    )


def view_appeal(*, stores: AppealStores, viewer: Account, appeal_id: int, staff: bool) -> Appeal:
    """An appeal, for its appellant or staff."""
    appeal = stores.appeals.get(appeal_id)
    if not staff and appeal.appellant_id != viewer.id:
        raise PermissionDeniedError("you can only see your own appeals")
    return appeal
