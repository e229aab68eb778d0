"""Posting content: check the author may post, moderate, persist the item and its verdict, then act.

The engine's verdict drives what happens at once: `remove`, `restrict` and `label` become automatic
decisions (appealable, recorded under the `system` account, counted as proactive); `review` files a
proactive report so the item joins the review queue; `allow` just stores the item.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from hifazat.core.decide.verdict import Finding, Verdict
from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.enforcement.standing import FEATURE_OF_TRACK, Strike, standing
from hifazat.core.enforcement.vocabulary import (
    CONTENT_KINDS,
    TRACK_OF_KIND,
    ContentKind,
    Outcome,
    pick,
    queue_for,
)
from hifazat.core.errors import (
    InvalidInputError,
    PermissionDeniedError,
)
from hifazat.core.guidelines import Catalogue
from hifazat.core.guidelines.model import Policy
from hifazat.services.clock import utcnow
from hifazat.services.decisions import DecisionResult, decide_automatically
from hifazat.services.ports import SubmissionStores
from hifazat.services.reports import Filed, file_report
from hifazat.storage.accounts import Account
from hifazat.storage.content import ContentItem, StoredVerdict
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
    if strikes.any_standing(author.id):
        check_standing(strikes.for_account(author.id), kind=kind, now=now)


def check_standing(history: Sequence[Strike], *, kind: ContentKind, now: datetime) -> None:
    """`check_may_post` on an account's strikes (removed ones may be among them)."""
    status = standing(tuple(history), now)
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


def automatic_outcome(policy: Policy, finding: Finding) -> Outcome | None:
    """The outcome the engine decides by itself for a finding, or None when the policy allows none."""
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
    identifier = check_content_id(content_id) if content_id is not None else new_content_id()
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
    outcome = automatic_outcome(policy, finding)
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


def new_content_id() -> str:
    """A new, random content id."""
    return f"c_{secrets.token_hex(8)}"


def record_views(*, stores: SubmissionStores, content_id: str, count: int, actor_id: str) -> int:
    """Add views to an item (reported by the platform); returns the new total."""
    if not 1 <= count <= 1_000_000_000:
        raise InvalidInputError("count must be between 1 and 1,000,000,000")
    return stores.content.add_views(content_id, count)
