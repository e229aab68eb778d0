"""Posting many items at once: `submit_content` for a batch, one statement per table.

The API's group-commit writer hands every post that arrived together to `submit_many`. Whatever the
verdict asks for — nothing, human review, or an automatic decision (remove, restrict, label) — the batch
is checked first with three queries (authors, their strikes, ids already taken), then items, verdicts,
review tasks, proactive reports, decisions, strikes, notifications and webhook deliveries are stored with
one `INSERT` each, and the audit events `submit_content` records are recorded in the same order per post.

Posts are taken in order, as if posted one by one: a strike issued by an earlier post of the batch counts
when a later post of the same author is checked (a restricted or banned author's later posts are refused),
and when a later decision plans that author's standing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from hifazat.core.decide.verdict import Finding, Verdict
from hifazat.core.enforcement import priority as rank
from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.enforcement.effects import DecisionEffects, plan_decision
from hifazat.core.enforcement.standing import Strike
from hifazat.core.enforcement.vocabulary import CONTENT_KINDS, ContentKind, Outcome, pick, queue_for
from hifazat.core.errors import ConflictError, HifazatError, InvalidInputError, NotFoundError
from hifazat.core.guidelines import Catalogue
from hifazat.core.guidelines.model import Policy
from hifazat.services.clock import utcnow
from hifazat.services.content import (
    Submission,
    automatic_outcome,
    check_content_id,
    check_standing,
    new_content_id,
)
from hifazat.services.decisions import DecisionResult, lookup_policy, webhook_payload
from hifazat.services.ports import SubmissionStores
from hifazat.services.reports import Filed, reporter_weight
from hifazat.storage.accounts import SYSTEM, Account
from hifazat.storage.content import ContentItem
from hifazat.storage.decisions import Decision
from hifazat.storage.queue import Task
from hifazat.storage.reports import Report

MAX_NOTE = 500
"""Characters of the verdict's reasons kept as a proactive report's note or a decision's rationale."""


@dataclass(frozen=True, slots=True)
class NewContent:
    """One item to post through `submit_many`."""

    author_id: str
    kind: str
    text: str
    verdict: Verdict
    content_id: str | None = None


def is_quiet(verdict: Verdict) -> bool:
    """True when the verdict asks for nothing but storing the item (the common case)."""
    return all(f.action == "allow" for f in verdict.findings)


def acting_finding(verdict: Verdict) -> Finding | None:
    """The finding `submit_content` acts on (the first that does not allow), or None."""
    return next((f for f in verdict.findings if f.action != "allow"), None)


def review_finding(verdict: Verdict) -> Finding | None:
    """The finding a verdict sends to human review when that is all it asks for (`submit_content` then
    files a proactive report on it); None when the verdict asks for nothing or for a decision."""
    acting = acting_finding(verdict)
    if acting is not None and (verdict.action == "review" or acting.action == "review"):
        return acting
    return None


@dataclass(frozen=True, slots=True)
class _Review:
    policy: Policy
    score: float


@dataclass(frozen=True, slots=True)
class _Decide:
    policy: Policy
    outcome: Outcome
    effects: DecisionEffects


@dataclass(frozen=True, slots=True)
class _Admitted:
    """One post that passed every check: its result slot, the item as it will be stored, what follows."""

    slot: int
    item: ContentItem
    author: Account
    post: NewContent
    then: _Review | _Decide | None


def submit_many(
    *,
    stores: SubmissionStores,
    catalogue: Catalogue,
    posts: Sequence[NewContent],
    now: datetime | None = None,
) -> list[Submission | HifazatError]:
    """`submit_content` for many posts (see the module notes). One result per post, in order: its
    submission, or the error that refused it (a refused post leaves nothing behind)."""
    now = now or utcnow()
    results: list[Submission | HifazatError | None] = []
    admitted = _admit(stores, catalogue, posts, now, results)
    if not admitted:
        return _done(results)
    stored = stores.content.add_many([a.item for a in admitted], [a.post.verdict for a in admitted])
    reviewed = [a for a in admitted if isinstance(a.then, _Review)]
    filed = _file_reports(stores, reviewed, now)
    decided = [a for a in admitted if isinstance(a.then, _Decide)]
    decisions = _decide(stores, decided, now)
    for entry, verdict in zip(admitted, stored, strict=True):
        result = Submission(entry.item, verdict, decisions.get(entry.slot), filed.get(entry.slot))
        results[entry.slot] = result
        if result.report is not None:
            _audit_report(stores, result.report)
        elif result.decision is not None:
            _audit_decision(stores, entry, result.decision)
    return _done(results)


def _done(results: list[Submission | HifazatError | None]) -> list[Submission | HifazatError]:
    return [result for result in results if result is not None]


def _admit(
    stores: SubmissionStores,
    catalogue: Catalogue,
    posts: Sequence[NewContent],
    now: datetime,
    results: list[Submission | HifazatError | None],
) -> list[_Admitted]:
    """Check every post in order (verdict, kind, id, author, standing, id free) with three queries for the
    batch, and plan the decisions; `results` gets the error of each refused post and a slot for the rest."""
    authors = stores.accounts.find_many(p.author_id for p in posts)
    deciding = {p.author_id for p in posts if not is_quiet(p.verdict) and review_finding(p.verdict) is None}
    ledgers = stores.strikes.for_accounts(stores.strikes.standing_among(authors) | (deciding & set(authors)))
    taken = stores.content.taken(p.content_id for p in posts if p.content_id is not None)
    admitted: list[_Admitted] = []
    for post in posts:
        try:
            then = _what_follows(catalogue, post.verdict)
            kind: ContentKind = pick(post.kind, CONTENT_KINDS, "content kind")
            identifier = (
                check_content_id(post.content_id) if post.content_id is not None else new_content_id()
            )
            author = authors.get(post.author_id)
            if author is None:
                raise NotFoundError(f"no account {post.author_id!r}")
            ledger = ledgers.get(author.id, [])
            if ledger:
                check_standing(ledger, kind=kind, now=now)
            if identifier in taken:
                raise ConflictError(f"content {identifier!r} already exists", hint="content ids are unique")
        except HifazatError as error:
            results.append(error)
            continue
        taken.add(identifier)
        language = post.verdict.language
        item = ContentItem(
            identifier, author.id, kind, post.text, language, queue_for(language), "visible", 0, now, None
        )
        follows: _Review | _Decide | None = then if not isinstance(then, tuple) else None
        if isinstance(then, tuple):
            policy, outcome = then
            effects = plan_decision(
                policy=policy,
                outcome=outcome,
                kind=kind,
                author_language=author.language,
                strikes_before=ledger,
                decided_at=now,
            )
            if effects.strike is not None:  # later posts of this batch see it, as if posted one by one
                ledgers[author.id] = [*ledger, _planned_strike(ledger, author.id, effects)]
            if effects.status != item.status:
                item = replace(item, status=effects.status, status_at=now)
            follows = _Decide(policy, outcome, effects)
        admitted.append(_Admitted(len(results), item, author, post, follows))
        results.append(None)  # the submission, once stored
    return admitted


def _what_follows(catalogue: Catalogue, verdict: Verdict) -> _Review | tuple[Policy, Outcome] | None:
    """What a verdict asks for once its item is stored: nothing, a review, or a decision."""
    finding = acting_finding(verdict)
    if finding is None:
        return None
    policy = lookup_policy(catalogue, finding.policy)
    if verdict.action == "review" or finding.action == "review":
        if not 0.0 <= finding.score <= 1.0:
            raise InvalidInputError(f"score {finding.score} is outside [0, 1]")
        return _Review(policy, finding.score)
    outcome = automatic_outcome(policy, finding)
    return None if outcome is None else (policy, outcome)


def _planned_strike(ledger: list[Strike], author_id: str, effects: DecisionEffects) -> Strike:
    plan = effects.strike
    assert plan is not None
    return Strike(
        max((s.id for s in ledger), default=0) + 1, author_id, 0, plan.policy, plan.track, plan.tier,
        plan.weight, plan.issued_at, plan.expires_at,
    )  # fmt: skip


def _file_reports(stores: SubmissionStores, reviewed: list[_Admitted], now: datetime) -> dict[int, Filed]:
    """A review task and its one proactive report per post sent to review (the items are new, so no task
    can exist for them yet: each task is opened with the priority its one report gives it)."""
    if not reviewed:
        return {}
    weight = reporter_weight(stores, None, "proactive")
    tasks = stores.tasks.add_many([_new_task(a, weight, now) for a in reviewed])
    reports = stores.reports.add_many(
        [
            Report(
                0, task.content_id, task.id, None, "proactive", task.policy, _reasons(a.post.verdict).strip(),
                task.top_score, weight, None, None, False, None, now,
            )
            for task, a in zip(tasks, reviewed, strict=True)
        ]
    )  # fmt: skip
    return {
        a.slot: Filed(report, task, merged=False)
        for a, task, report in zip(reviewed, tasks, reports, strict=True)
    }


def _new_task(entry: _Admitted, weight: float, now: datetime) -> Task:
    """The task `file_report` leaves behind for a new item and its one proactive report."""
    assert isinstance(entry.then, _Review)
    policy, score, item = entry.then.policy, entry.then.score, entry.item
    value = rank.priority(
        tier=policy.tier,
        views=item.views,
        followers=entry.author.follower_count,
        score=score,
        report_weight=weight,
        legal=False,
    )
    due = rank.due_at(tier=policy.tier, opened=now, legal_due=None)
    return Task(
        0, item.id, "open", "standard", item.queue, policy.id, policy.tier, value, due, 1, weight, score,
        False, None, None, 0, "", now, now, None,
    )  # fmt: skip


def _decide(stores: SubmissionStores, decided: list[_Admitted], now: datetime) -> dict[int, DecisionResult]:
    """The automatic decisions (`decide_automatically`) of the batch: decisions, strikes, the authors'
    notifications and the webhook deliveries, one statement each."""
    if not decided:
        return {}
    plans = [a.then for a in decided if isinstance(a.then, _Decide)]
    decisions = stores.decisions.add_many(
        [
            Decision(
                0, None, a.item.id, a.item.author_id, SYSTEM, plan.policy.id, plan.outcome,
                _reasons(a.post.verdict), "decided", True, True, a.item.views, now,
            )
            for a, plan in zip(decided, plans, strict=True)
        ]
    )  # fmt: skip
    struck = [(d, p) for d, p in zip(decisions, plans, strict=True) if p.effects.strike is not None]
    strikes = stores.strikes.add_many(
        [
            Strike(
                0, decision.author_id, decision.id, s.policy, s.track, s.tier, s.weight, s.issued_at,
                s.expires_at,
            )
            for decision, plan in struck
            if (s := plan.effects.strike) is not None
        ]
    )  # fmt: skip
    strike_of = {strike.decision_id: strike for strike in strikes}
    stores.notifications.add_many(
        [
            (decision.author_id, notice, f"decision:{decision.id}")
            for decision, plan in zip(decisions, plans, strict=True)
            if (notice := plan.effects.author_notice) is not None
        ],
        now,
    )
    webhooks = stores.webhooks.enqueue_new(
        [(f"decision.made:{d.id}", webhook_payload(d, strike_of.get(d.id))) for d in decisions], now=now
    )
    return {
        a.slot: DecisionResult(
            decision,
            strike_of.get(decision.id),
            plan.effects.standing,
            0 if plan.effects.author_notice is None else 1,
            webhooks,
        )
        for a, decision, plan in zip(decided, decisions, plans, strict=True)
    }


def _reasons(verdict: Verdict) -> str:
    return "; ".join(verdict.reasons_en)[:MAX_NOTE]


def _audit_report(stores: SubmissionStores, filed: Filed) -> None:
    task, report = filed.task, filed.report
    stores.audit.record(AuditEvent("task.opened", "system", f"task:{task.id}", {"content": task.content_id}))
    stores.audit.record(
        AuditEvent(
            "report.filed",
            "system",
            f"report:{report.id}",
            {
                "content": task.content_id,
                "task": task.id,
                "policy": task.policy,
                "source": "proactive",
                "priority": task.priority,
            },
        )
    )


def _audit_decision(stores: SubmissionStores, entry: _Admitted, result: DecisionResult) -> None:
    """The events `carry_out` and `submit_content` record for an automatic decision, in their order."""
    decision, item = result.decision, entry.item
    assert isinstance(entry.then, _Decide)
    effects = entry.then.effects
    actor, subject = decision.moderator_id, f"decision:{decision.id}"
    stores.audit.record(
        AuditEvent(
            "decision.made",
            actor,
            subject,
            {
                "content": item.id,
                "task": None,
                "policy": decision.policy,
                "outcome": decision.outcome,
                "automated": True,
                "rationale": decision.rationale,
            },
        )
    )
    if item.status != "visible":
        stores.audit.record(
            AuditEvent(
                "content.actioned", actor, f"content:{item.id}", {"from": "visible", "to": item.status}
            )
        )
    if result.strike is not None:
        stores.audit.record(
            AuditEvent(
                "strike.issued",
                actor,
                f"account:{decision.author_id}",
                {
                    "decision": decision.id,
                    "policy": result.strike.policy,
                    "track": result.strike.track,
                    "weight": result.strike.weight,
                    "level": effects.standing.level,
                },
            )
        )
    if result.notified:
        stores.audit.record(AuditEvent("notification.queued", actor, subject, {"count": result.notified}))
    stores.audit.record(
        AuditEvent(
            "content.submitted",
            decision.author_id,
            f"content:{item.id}",
            {"action": entry.post.verdict.action},
        )
    )
