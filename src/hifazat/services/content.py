"""Posting content: check the author may post, moderate, persist the item and its verdict, then act.

The engine's verdict drives what happens at once: `remove`, `restrict` and `label` become automatic
decisions (appealable, recorded under the `system` account, counted as proactive); `review` files a
proactive report so the item joins the review queue; `allow` just stores the item.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from hifazat.core.decide.verdict import Finding, Verdict
from hifazat.core.enforcement import priority as rank
from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.enforcement.standing import FEATURE_OF_TRACK, standing
from hifazat.core.enforcement.vocabulary import (
    CONTENT_KINDS,
    TRACK_OF_KIND,
    ContentKind,
    Outcome,
    pick,
    queue_for,
)
from hifazat.core.errors import (
    ConflictError,
    HifazatError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
)
from hifazat.core.guidelines import Catalogue
from hifazat.core.guidelines.model import Policy
from hifazat.services.clock import utcnow
from hifazat.services.decisions import DecisionResult, decide_automatically, lookup_policy
from hifazat.services.ports import SubmissionStores
from hifazat.services.reports import Filed, file_report, reporter_weight
from hifazat.storage.accounts import Account
from hifazat.storage.content import ContentItem, StoredVerdict
from hifazat.storage.queue import Task
from hifazat.storage.reports import Report
from hifazat.storage.strikes import StrikeStore

CONTENT_ID_CHARS = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:")


@dataclass(frozen=True, slots=True)
class Submission:
    """A stored item, its verdict and what followed."""

    item: ContentItem
    verdict: StoredVerdict
    decision: DecisionResult | None
    report: Filed | None


def check_content_id(content_id: str) -> str:
    if not 1 <= len(content_id) <= 64 or not set(content_id) <= CONTENT_ID_CHARS:
        raise InvalidInputError(
            f"content id {content_id[:70]!r} is not valid",
            hint="1 to 64 letters, digits, '-', '_', '.' or ':'",
        )
    return content_id


def check_may_post(*, strikes: StrikeStore, author: Account, kind: ContentKind, now: datetime) -> None:
    """Refuse posting by a banned or suspended account, or on a feature it is restricted from."""
    if not strikes.any_standing(author.id):
        return
    status = standing(strikes.for_account(author.id), now)
    if status.ban is not None:
        raise PermissionDeniedError("this account is permanently banned")
    if status.suspended_until is not None:
        raise PermissionDeniedError(f"this account is suspended until {status.suspended_until.isoformat()}")
    feature = FEATURE_OF_TRACK[TRACK_OF_KIND[kind]]
    for restriction in status.restrictions:
        if restriction.feature == feature:
            raise PermissionDeniedError(
                f"{feature} is restricted for this account until {restriction.until.isoformat()}"
            )


def _automatic_outcome(policy: Policy, finding: Finding) -> Outcome | None:
    if finding.action == "remove" and "remove" in policy.outcomes:
        return "remove"
    if finding.action == "restrict":
        for outcome in ("restrict_adults", "not_recommended"):
            if outcome in policy.outcomes:
                return "restrict_adults" if outcome == "restrict_adults" else "not_recommended"
    if finding.action == "label" and "label" in policy.outcomes:
        return "label"
    return None


def submit_content(
    *,
    stores: SubmissionStores,
    catalogue: Catalogue,
    author: Account,
    kind: str,
    text: str,
    verdict: Verdict,
    content_id: str | None = None,
    now: datetime | None = None,
) -> Submission:
    """Store one posted item with its verdict and act on the verdict (see the module notes)."""
    now = now or utcnow()
    chosen: ContentKind = pick(kind, CONTENT_KINDS, "content kind")
    identifier = check_content_id(content_id) if content_id is not None else _new_id()
    check_may_post(strikes=stores.strikes, author=author, kind=chosen, now=now)
    item = stores.content.add(
        id=identifier,
        author_id=author.id,
        kind=chosen,
        text=text,
        language=verdict.language,
        queue=queue_for(verdict.language),
        now=now,
    )
    stored = stores.content.add_verdict(item.id, verdict, now)
    acting = [f for f in verdict.findings if f.action != "allow"]
    if not acting:
        return Submission(item, stored, None, None)
    finding = acting[0]
    policy = catalogue.policy(finding.policy)
    if verdict.action == "review" or finding.action == "review":
        filed = file_report(
            stores=stores,
            catalogue=catalogue,
            reporter=None,
            content_id=item.id,
            policy_id=policy.id,
            note="; ".join(verdict.reasons_en)[:500],
            source="proactive",
            score=finding.score,
            now=now,
        )
        return Submission(item, stored, None, filed)
    outcome = _automatic_outcome(policy, finding)
    if outcome is None:
        return Submission(item, stored, None, None)
    result = decide_automatically(
        stores=stores,
        policy=policy,
        outcome=outcome,
        item=item,
        rationale="; ".join(verdict.reasons_en)[:500],
        now=now,
    )
    stores.audit.record(
        AuditEvent("content.submitted", author.id, f"content:{item.id}", {"action": verdict.action})
    )
    return Submission(stores.content.get(item.id), stored, result, None)


@dataclass(frozen=True, slots=True)
class NewContent:
    """One item to post through `submit_quietly`."""

    author_id: str
    kind: str
    text: str
    verdict: Verdict
    content_id: str | None = None


def is_quiet(verdict: Verdict) -> bool:
    """True when the verdict asks for nothing but storing the item (the common case)."""
    return all(f.action == "allow" for f in verdict.findings)


def submit_quietly(
    *, stores: SubmissionStores, posts: Sequence[NewContent], now: datetime | None = None
) -> list[Submission | HifazatError]:
    """`submit_content` for many items whose verdicts ask for nothing but storing them (`is_quiet`):
    every check is made for all of them first (authors, standing, ids), then the good ones are stored
    with two statements. One result per post: its submission, or the error that refused it."""
    now = now or utcnow()
    admitted = _admit(stores, posts, now, _check_quiet)
    if admitted.items:
        stored = stores.content.add_many(admitted.items, [p.verdict for p in admitted.posts])
        for slot, item, verdict in zip(admitted.slots, admitted.items, stored, strict=True):
            admitted.results[slot] = Submission(item, verdict, None, None)
    return admitted.done()


def review_finding(verdict: Verdict) -> Finding | None:
    """The finding a verdict sends to human review when that is all it asks for (`submit_content` then
    files a proactive report on it); None when the verdict asks for nothing or for a decision."""
    acting = [f for f in verdict.findings if f.action != "allow"]
    if acting and (verdict.action == "review" or acting[0].action == "review"):
        return acting[0]
    return None


def submit_many(
    *,
    stores: SubmissionStores,
    catalogue: Catalogue,
    posts: Sequence[NewContent],
    now: datetime | None = None,
) -> list[Submission | HifazatError]:
    """`submit_content` for many items whose verdicts ask for nothing but storing them (`is_quiet`) or for
    review (`review_finding`): every check is made for all of them first, then items, verdicts, review
    tasks and proactive reports are stored with one statement each, with the audit events
    `submit_content` records. The items are new, so no task can exist for them yet: each task is opened
    with the priority its one report gives it. One result per post: its submission, or the error that
    refused it."""
    now = now or utcnow()
    weight = reporter_weight(stores, None, "proactive")

    def check(post: NewContent) -> None:
        if is_quiet(post.verdict):
            return
        finding = review_finding(post.verdict)
        if finding is None:
            raise InvalidInputError("this verdict needs a decision: post it with submit_content")
        lookup_policy(catalogue, finding.policy)
        if not 0.0 <= finding.score <= 1.0:
            raise InvalidInputError(f"score {finding.score} is outside [0, 1]")

    admitted = _admit(stores, posts, now, check)
    if not admitted.items:
        return admitted.done()
    stored = stores.content.add_many(admitted.items, [p.verdict for p in admitted.posts])
    reviewed: list[tuple[int, ContentItem, StoredVerdict, NewContent, Finding]] = []
    for slot, item, verdict, post in zip(admitted.slots, admitted.items, stored, admitted.posts, strict=True):
        finding = None if is_quiet(post.verdict) else review_finding(post.verdict)
        if finding is None:
            admitted.results[slot] = Submission(item, verdict, None, None)
        else:
            reviewed.append((slot, item, verdict, post, finding))
    if not reviewed:
        return admitted.done()
    tasks = stores.tasks.add_many(
        [
            _new_task(item, lookup_policy(catalogue, finding.policy), finding.score,
                      admitted.authors[item.author_id], weight, now)
            for _, item, _, _, finding in reviewed
        ]
    )  # fmt: skip
    reports = stores.reports.add_many(
        [
            Report(
                0, task.content_id, task.id, None, "proactive", task.policy,
                "; ".join(post.verdict.reasons_en)[:500].strip(), task.top_score, weight, None, None,
                False, None, now,
            )
            for task, (_, _, _, post, _) in zip(tasks, reviewed, strict=True)
        ]
    )  # fmt: skip
    for (slot, item, verdict, _, _), task, report in zip(reviewed, tasks, reports, strict=True):
        stores.audit.record(AuditEvent("task.opened", "system", f"task:{task.id}", {"content": item.id}))
        stores.audit.record(
            AuditEvent(
                "report.filed",
                "system",
                f"report:{report.id}",
                {
                    "content": item.id,
                    "task": task.id,
                    "policy": task.policy,
                    "source": "proactive",
                    "priority": task.priority,
                },
            )
        )
        admitted.results[slot] = Submission(item, verdict, None, Filed(report, task, merged=False))
    return admitted.done()


def _new_task(
    item: ContentItem, policy: Policy, score: float, author: Account, weight: float, now: datetime
) -> Task:
    """The task `file_report` leaves behind for a new item and its one proactive report."""
    value = rank.priority(
        tier=policy.tier,
        views=item.views,
        followers=author.follower_count,
        score=score,
        report_weight=weight,
        legal=False,
    )
    due = rank.due_at(tier=policy.tier, opened=now, legal_due=None)
    return Task(
        0, item.id, "open", "standard", item.queue, policy.id, policy.tier, value, due, 1, weight, score,
        False, None, None, 0, "", now, now, None,
    )  # fmt: skip


@dataclass(slots=True)
class _Admitted:
    """The posts of a batch that passed every check, and a result slot for each post."""

    results: list[Submission | HifazatError | None]
    slots: list[int]
    items: list[ContentItem]
    posts: list[NewContent]
    authors: dict[str, Account]

    def done(self) -> list[Submission | HifazatError]:
        return [result for result in self.results if result is not None]


def _check_quiet(post: NewContent) -> None:
    if not is_quiet(post.verdict):
        raise InvalidInputError("this verdict needs effects: post it with submit_content")


def _admit(
    stores: SubmissionStores, posts: Sequence[NewContent], now: datetime, check: Callable[[NewContent], None]
) -> _Admitted:
    """Check every post (`check`, kind, id, author, standing, id free) with three queries for the batch."""
    authors = stores.accounts.find_many(p.author_id for p in posts)
    flagged = stores.strikes.standing_among(authors)
    wanted = [p.content_id for p in posts if p.content_id is not None]
    taken = stores.content.taken(wanted)
    admitted = _Admitted([], [], [], [], authors)
    for post in posts:
        try:
            check(post)
            kind: ContentKind = pick(post.kind, CONTENT_KINDS, "content kind")
            identifier = check_content_id(post.content_id) if post.content_id is not None else _new_id()
            author = authors.get(post.author_id)
            if author is None:
                raise NotFoundError(f"no account {post.author_id!r}")
            if author.id in flagged:
                check_may_post(strikes=stores.strikes, author=author, kind=kind, now=now)
            if identifier in taken:
                raise ConflictError(f"content {identifier!r} already exists", hint="content ids are unique")
        except HifazatError as error:
            admitted.results.append(error)
            continue
        taken.add(identifier)
        language = post.verdict.language
        admitted.slots.append(len(admitted.results))
        admitted.results.append(None)  # the submission, once stored
        admitted.items.append(
            ContentItem(
                identifier, author.id, kind, post.text, language, queue_for(language), "visible", 0, now, None
            )
        )
        admitted.posts.append(post)
    return admitted


def _new_id() -> str:
    return f"c_{secrets.token_hex(8)}"


def record_views(*, stores: SubmissionStores, content_id: str, count: int, actor_id: str) -> int:
    """Add views to an item (reported by the platform); returns the new total."""
    if not 1 <= count <= 1_000_000_000:
        raise InvalidInputError("count must be between 1 and 1,000,000,000")
    return stores.content.add_views(content_id, count)
