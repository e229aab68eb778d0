"""Fact-checked claims through the enforcement workflow.

`enforce_claims` matches stored content items against the fact-checks and carries out what a match
calls for (`core.claims.outcomes`): a harmful false claim is removed with a strike, any other false,
misleading or unverified one is labelled (not recommended, with a share prompt). Precision first: only a
match at or above `AUTO_SCORE` is decided by the system; a weaker confident match goes to a person
as a proactive report. Every decision is an ordinary one — the author is notified, may appeal, and an
overturn restores the post. The item remembers the fact-check it matched (`content_claims`), so the
app can show the label, the link and the share prompt.

`decide_cluster` lets a reviewer decide a whole rumour cluster at once: one decision per post (each
author can appeal their own), open review tasks closed, reporters told the outcome.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hifazat.core.claims.model import ClaimMatch
from hifazat.core.claims.outcomes import SHARE_PROMPT, ClaimOutcome, label_text, outcome_for
from hifazat.core.enforcement.chain import AuditEvent
from hifazat.core.enforcement.effects import check_outcome
from hifazat.core.enforcement.vocabulary import OUTCOMES, Outcome, pick
from hifazat.core.errors import InvalidInputError, NotFoundError
from hifazat.core.guidelines import Catalogue
from hifazat.services.clock import utcnow
from hifazat.services.decisions import MAX_RATIONALE, carry_out, decide_automatically, lookup_policy
from hifazat.services.reports import file_report
from hifazat.storage.accounts import Account
from hifazat.storage.claim_links import ClaimLink, ClaimLinkStore
from hifazat.storage.content import ContentItem
from hifazat.storage.unit import Database, Stores

AUTO_SCORE = 0.9
"""Calibrated match probability from which the system decides by itself; below it a person does."""
MAX_ITEMS = 1_000
"""Most content items one call may check or decide."""


@dataclass(frozen=True, slots=True)
class ClaimCheck:
    """What happened to one item: `none` (no confident match, or a claim rated true), `label`,
    `remove`, `review` (sent to a person), or `skipped` (already linked, removed or decided)."""

    content_id: str
    result: str
    match: ClaimMatch | None = None
    decision_id: int | None = None
    task_id: int | None = None
    note: str = ""
    webhooks: int = 0
    """Webhook deliveries queued by its decision (the caller sends them)."""


def check_ids(content_ids: Sequence[str]) -> list[str]:
    """The ids, each once, in order; bad input raises before anything is done."""
    if not content_ids:
        raise InvalidInputError("give at least one content id")
    if len(content_ids) > MAX_ITEMS:
        raise InvalidInputError(f"{len(content_ids)} content ids; the limit is {MAX_ITEMS} per call")
    return list(dict.fromkeys(content_ids))


def items_to_check(stores: Stores, content_ids: Sequence[str]) -> list[ContentItem]:
    """The items, all of which must exist (`NotFoundError` names every missing id)."""
    found = {cid: stores.content.find(cid) for cid in check_ids(content_ids)}
    missing = [cid for cid, item in found.items() if item is None]
    if missing:
        shown = ", ".join(repr(m) for m in missing[:5])
        raise NotFoundError(f"no content with id {shown}" + (" …" if len(missing) > 5 else ""))
    return [item for item in found.values() if item is not None]


def _rationale(outcome: ClaimOutcome) -> str:
    return f"{outcome.reasons['en']} | {outcome.reasons['ur']}"[:MAX_RATIONALE]


def enforce_claims(
    *,
    stores: Stores,
    catalogue: Catalogue,
    items: Sequence[ContentItem],
    matches: Sequence[Sequence[ClaimMatch]],
    now: datetime | None = None,
) -> list[ClaimCheck]:
    """Carry out the best confident match of each item (see the module notes); idempotent per item."""
    now = now or utcnow()
    links = ClaimLinkStore(stores.session)
    out: list[ClaimCheck] = []
    for item, found in zip(items, matches, strict=True):
        out.append(_enforce_one(stores, catalogue, links, item, list(found), now))
    return out


def _enforce_one(
    stores: Stores,
    catalogue: Catalogue,
    links: ClaimLinkStore,
    item: ContentItem,
    found: list[ClaimMatch],
    now: datetime,
) -> ClaimCheck:
    if links.get(item.id) is not None:
        return ClaimCheck(item.id, "skipped", note="already checked against this fact-check store")
    if item.status == "removed":
        return ClaimCheck(item.id, "skipped", note="already removed")
    if not found:
        return ClaimCheck(item.id, "none")
    best = found[0]
    outcome = outcome_for(best)
    if outcome.action == "none":
        return ClaimCheck(item.id, "none", best, note="the matched claim was rated true")
    policy = lookup_policy(catalogue, outcome.policy)
    decided = bool(stores.decisions.for_content(item.id))
    decision_id: int | None = None
    task_id: int | None = None
    webhooks = 0
    action: str
    if best.score >= AUTO_SCORE and not decided:
        result = decide_automatically(
            stores=stores,
            policy=policy,
            outcome=outcome.decision_outcome,  # type: ignore[arg-type]
            item=item,
            rationale=_rationale(outcome),
            now=now,
        )
        decision_id, action, webhooks = result.decision.id, outcome.action, result.webhooks
    else:
        filed = file_report(
            stores=stores,
            catalogue=catalogue,
            reporter=None,
            content_id=item.id,
            policy_id=policy.id,
            note=_rationale(outcome)[:500],
            source="proactive",
            score=best.score,
            now=now,
        )
        task_id, action = filed.task.id, "review"
    fc = best.factcheck
    links.add(
        ClaimLink(
            content_id=item.id,
            factcheck_key=fc.key,
            url=fc.url,
            claim=fc.claim,
            rating=fc.rating,
            organisation=fc.organisation,
            label=outcome.label,
            harm=outcome.harm,
            policy=policy.id,
            action=action,
            score=best.score,
            decision_id=decision_id,
            task_id=task_id,
            created_at=now,
        )
    )
    return ClaimCheck(item.id, action, best, decision_id, task_id, webhooks=webhooks)


def sweep(
    *,
    db: Database,
    catalogue: Catalogue,
    match_many: Callable[[list[str]], list[list[ClaimMatch]]],
    since: datetime,
    batch: int = 200,
    now: datetime | None = None,
) -> list[ClaimCheck]:
    """Check every item posted since `since` that is not linked to a fact-check yet, `batch` items per
    transaction (matching runs outside it). What a scheduled job runs: `hifazat claims enforce`. Items
    that matched nothing stay unlinked, so a later sweep checks them against newer fact-checks."""
    out: list[ClaimCheck] = []
    cursor = (since, "")
    while True:
        with db.read() as stores:
            ids = ClaimLinkStore(stores.session).unlinked_after(cursor, limit=batch)
            items = items_to_check(stores, ids) if ids else []
        if not items:
            return out
        found = match_many([item.text for item in items])
        with db.write() as stores:
            current = items_to_check(stores, [item.id for item in items])
            out.extend(
                enforce_claims(stores=stores, catalogue=catalogue, items=current, matches=found, now=now)
            )
        cursor = (items[-1].created_at, items[-1].id)


def claim_notice(stores: Stores, item: ContentItem) -> dict[str, Any] | None:
    """What the app shows with an item that repeats a fact-checked claim: the label (while the item is
    labelled), the fact-check and the share prompt; None when the item matched nothing."""
    link = ClaimLinkStore(stores.session).get(item.id)
    if link is None:
        return None
    shown = item.status in ("labelled", "not_recommended")
    return {
        "url": link.url,
        "claim": link.claim,
        "rating": link.rating,
        "organisation": link.organisation,
        "label": (
            {"en": label_text(link.label, "en"), "ur": label_text(link.label, "ur")}  # type: ignore[arg-type]
            if shown and link.label
            else None
        ),
        "share_prompt": dict(SHARE_PROMPT) if shown else None,
        "action": link.action,
    }


def decide_cluster(
    *,
    stores: Stores,
    catalogue: Catalogue,
    moderator: Account,
    content_ids: Sequence[str],
    policy_id: str,
    outcome: str,
    rationale: str,
    now: datetime | None = None,
) -> list[ClaimCheck]:
    """One reviewer's decision for every post of a rumour cluster (see the module notes).

    Posts already decided are skipped (their decision stands and may be appealed); every other post
    gets its own decision, so each author is notified and can appeal their own."""
    now = now or utcnow()
    chosen: Outcome = pick(outcome, OUTCOMES, "outcome")
    policy = lookup_policy(catalogue, policy_id)
    check_outcome(policy, chosen)
    rationale = rationale.strip()
    if not rationale:
        raise InvalidInputError("give a rationale: the authors and any appeal reviewer will read it")
    if len(rationale) > MAX_RATIONALE:
        raise InvalidInputError(f"rationale is {len(rationale)} characters; the limit is {MAX_RATIONALE}")
    items = items_to_check(stores, content_ids)
    out: list[ClaimCheck] = []
    for item in items:
        task = stores.tasks.open_for(item.id)
        if task is None and stores.decisions.for_content(item.id):
            out.append(ClaimCheck(item.id, "skipped", note="already decided"))
            continue
        if task is not None:
            stores.tasks.close(task.id, moderator_id=None, now=now)
        decision = stores.decisions.add(
            task_id=None if task is None else task.id,
            content_id=item.id,
            author_id=item.author_id,
            moderator_id=moderator.id,
            policy=policy.id,
            outcome=chosen,
            rationale=rationale,
            automated=False,
            proactive=task is None,
            views=item.views,
            now=now,
        )
        if decision is None:  # pragma: no cover - the task was closed above, in this transaction
            out.append(ClaimCheck(item.id, "skipped", note="already decided"))
            continue
        task_id = None if task is None else task.id
        done = carry_out(stores=stores, decision=decision, policy=policy, item=item, task_id=task_id, now=now)
        out.append(
            ClaimCheck(item.id, chosen, decision_id=decision.id, task_id=task_id, webhooks=done.webhooks)
        )
    stores.audit.record(
        AuditEvent(
            "cluster.decided",
            moderator.id,
            f"cluster:{len(items)}",
            {"policy": policy.id, "outcome": chosen, "content": [c.content_id for c in out if c.decision_id]},
        )
    )
    return out
