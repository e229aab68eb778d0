"""Decisions on review tasks, and carrying out any decision's effects exactly once.

A decision closes its task, sets the content's state, issues at most one strike (the strike is unique per
decision in the database), tells the author and every reporter in their own language, queues signed
webhooks and records audit events, all in the caller's transaction. Retrying a decision that already
happened returns it unchanged, so a client that lost the response never doubles a strike.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.enforcement.effects import DecisionEffects, check_outcome, plan_decision
from hifazat.core.enforcement.standing import Standing, Strike
from hifazat.core.enforcement.vocabulary import OUTCOMES, Language, Outcome, pick
from hifazat.core.errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.core.guidelines.model import Policy
from hifazat.services.clock import utcnow
from hifazat.services.ports import DecisionStores, EffectStores
from hifazat.storage.accounts import SYSTEM, Account
from hifazat.storage.content import ContentItem
from hifazat.storage.decisions import Decision

MAX_RATIONALE = 2000


@dataclass(frozen=True, slots=True)
class DecisionResult:
    """A decision and what it did."""

    decision: Decision
    strike: Strike | None
    standing: Standing | None
    """The author's standing after the decision (None when replayed)."""
    notified: int
    webhooks: int = 0
    """Webhook deliveries queued (one per active endpoint)."""
    replayed: bool = False
    """True when this was a retry of a decision already taken: nothing was done twice."""


def lookup_policy(catalogue: Catalogue, policy_id: str) -> Policy:
    """The policy, or an `InvalidInputError` with a "did you mean" (a bad id in a request is bad input)."""
    try:
        return catalogue.policy(policy_id)
    except NotFoundError as exc:
        raise InvalidInputError(exc.message, hint=exc.hint) from None


def carry_out(
    *,
    stores: EffectStores,
    decision: Decision,
    policy: Policy,
    item: ContentItem,
    task_id: int | None,
    now: datetime,
) -> DecisionResult:
    """Apply a freshly stored decision's effects (content state, strike, notices, webhooks, audit)."""
    author = stores.accounts.get(item.author_id)
    reporters = _reporters(stores, task_id, exclude=author.id)
    effects = plan_decision(
        policy=policy,
        outcome=decision.outcome,
        kind=item.kind,
        author_language=author.language,
        strikes_before=stores.strikes.for_account(author.id),
        decided_at=now,
        reporter_languages=[r.language for r in reporters],
    )
    actor = decision.moderator_id
    subject = f"decision:{decision.id}"
    stores.audit.record(
        AuditEvent(
            "decision.made",
            actor,
            subject,
            {
                "content": item.id,
                "task": task_id,
                "policy": policy.id,
                "outcome": decision.outcome,
                "automated": decision.automated,
                "rationale": decision.rationale,
            },
        )
    )
    if effects.status != item.status:
        stores.content.set_status(item.id, effects.status, now)
        stores.audit.record(
            AuditEvent(
                "content.actioned", actor, f"content:{item.id}", {"from": item.status, "to": effects.status}
            )
        )
    strike = _strike(stores, decision, effects, author.id)
    notified = _notify(stores, decision, effects, author, reporters, now)
    queued = stores.webhooks.enqueue(
        event_key=f"decision.made:{decision.id}",
        payload=webhook_payload(decision, strike),
        now=now,
    )
    return DecisionResult(decision, strike, effects.standing, notified, queued)


def _reporters(stores: EffectStores, task_id: int | None, *, exclude: str) -> list[Account]:
    if task_id is None:
        return []
    ids = sorted(
        {
            r.reporter_id
            for r in stores.reports.for_task(task_id)
            if r.reporter_id and r.reporter_id != exclude
        }
    )
    return [stores.accounts.get(i) for i in ids]


def _strike(
    stores: EffectStores, decision: Decision, effects: DecisionEffects, author_id: str
) -> Strike | None:
    plan = effects.strike
    if plan is None:
        return None
    strike = stores.strikes.add(
        decision_id=decision.id,
        account_id=author_id,
        policy=plan.policy,
        track=plan.track,
        tier=plan.tier,
        weight=plan.weight,
        issued_at=plan.issued_at,
        expires_at=plan.expires_at,
    )
    stores.audit.record(
        AuditEvent(
            "strike.issued",
            decision.moderator_id,
            f"account:{author_id}",
            {
                "decision": decision.id,
                "policy": plan.policy,
                "track": plan.track,
                "weight": plan.weight,
                "level": effects.standing.level,
            },
        )
    )
    return strike


def _notify(
    stores: EffectStores,
    decision: Decision,
    effects: DecisionEffects,
    author: Account,
    reporters: list[Account],
    now: datetime,
) -> int:
    sent = 0
    if effects.author_notice is not None:
        stores.notifications.add(
            account_id=author.id, notice=effects.author_notice, subject=f"decision:{decision.id}", now=now
        )
        sent += 1
    for reporter in reporters:
        language: Language = reporter.language
        stores.notifications.add(
            account_id=reporter.id,
            notice=effects.reporter_notices[language],
            subject=f"decision:{decision.id}",
            now=now,
        )
        sent += 1
    if sent:
        stores.audit.record(
            AuditEvent(
                "notification.queued", decision.moderator_id, f"decision:{decision.id}", {"count": sent}
            )
        )
    return sent


def webhook_payload(decision: Decision, strike: Strike | None) -> dict[str, object]:
    """What a decision webhook carries: the decision, not the people's private details."""
    return {
        "event": "decision.made",
        "decision": {
            "id": decision.id,
            "content_id": decision.content_id,
            "policy": decision.policy,
            "outcome": decision.outcome,
            "automated": decision.automated,
            "decided_at": decision.decided_at.isoformat(),
        },
        "strike": None if strike is None else {"policy": strike.policy, "track": strike.track},
    }


def decide_task(
    *,
    stores: DecisionStores,
    catalogue: Catalogue,
    moderator: Account,
    task_id: int,
    policy_id: str,
    outcome: str,
    rationale: str = "",
    now: datetime | None = None,
) -> DecisionResult:
    """Decide a task the moderator holds. A retry of the same decision returns it (`replayed`)."""
    now = now or utcnow()
    chosen: Outcome = pick(outcome, OUTCOMES, "outcome")
    policy = lookup_policy(catalogue, policy_id)
    check_outcome(policy, chosen)
    if len(rationale) > MAX_RATIONALE:
        raise InvalidInputError(f"rationale is {len(rationale)} characters; the limit is {MAX_RATIONALE}")
    task = stores.tasks.lock(task_id)
    if task.state == "decided":
        earlier = stores.decisions.for_task(task_id)
        if (
            earlier is not None
            and earlier.moderator_id == moderator.id
            and (earlier.policy, earlier.outcome) == (policy.id, chosen)
        ):
            return DecisionResult(earlier, stores.strikes.for_decision(earlier.id), None, 0, 0, replayed=True)
        raise ConflictError(f"review task {task_id} has already been decided")
    if not task.held_by(moderator.id, now):
        if task.state == "claimed" and task.claimed_by == moderator.id:
            raise ConflictError(
                f"your lease on review task {task_id} has expired",
                hint="claim the task again before deciding",
            )
        raise PermissionDeniedError(
            f"you do not hold review task {task_id}",
            hint="claim it from the queue first (POST /v1/queue/claim)",
        )
    item = stores.content.get(task.content_id)
    if not stores.tasks.close(task_id, moderator_id=moderator.id, now=now):
        raise ConflictError(f"review task {task_id} changed while deciding; try again")
    reports = stores.reports.for_task(task_id)
    decision = stores.decisions.add(
        task_id=task_id,
        content_id=item.id,
        author_id=item.author_id,
        moderator_id=moderator.id,
        policy=policy.id,
        outcome=chosen,
        rationale=rationale.strip(),
        automated=False,
        proactive=bool(reports) and reports[0].source == "proactive",
        views=item.views,
        now=now,
    )
    if decision is None:
        raise ConflictError(f"review task {task_id} has already been decided")
    return carry_out(stores=stores, decision=decision, policy=policy, item=item, task_id=task_id, now=now)


def decide_automatically(
    *,
    stores: EffectStores,
    policy: Policy,
    outcome: Outcome,
    item: ContentItem,
    rationale: str,
    now: datetime,
) -> DecisionResult:
    """A decision taken by the engine when content is posted (recorded under the `system` account)."""
    decision = stores.decisions.add(
        task_id=None,
        content_id=item.id,
        author_id=item.author_id,
        moderator_id=SYSTEM,
        policy=policy.id,
        outcome=outcome,
        rationale=rationale,
        automated=True,
        proactive=True,
        views=item.views,
        now=now,
    )
    if decision is None:  # pragma: no cover - automatic decisions have no task to collide on
        raise ConflictError(f"content {item.id} already has an automatic decision")
    return carry_out(stores=stores, decision=decision, policy=policy, item=item, task_id=None, now=now)
