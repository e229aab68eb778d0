"""Comments posted through the safety features are also enforcement content items.

A comment and its content item share one id. Posting stores both in one transaction: the comment (where
comment controls put it) and the item with the engine's verdict, which acts as for any posted item
(automatic removal, or a proactive report that queues it for review). From then on reports, decisions,
strikes and appeals apply to the item, and what a viewer sees follows the item's status:

- `removed` by a decision: hidden from everyone (the author too), and out of the creator's held queue;
- restored on appeal: shown again, even when the engine had removed it at posting;
- `restricted_adults`: hidden from viewers under 18.

Comments stored without an item (by a service running a stand-in assessor, or before this link existed)
are linked when first reported: the item is created then, with the engine's verdict when one is at hand.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from hifazat.core.decide.verdict import Verdict
from hifazat.core.enforcement.vocabulary import ContentStatus, queue_for
from hifazat.core.errors import PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.core.safety.errors import SafetyForbiddenError
from hifazat.services.content import Submission, submit_content
from hifazat.services.ports import SubmissionStores
from hifazat.storage.content import ContentItem, ContentStore
from hifazat.storage.safety import StoredComment

HIDDEN_FROM_MINORS: frozenset[ContentStatus] = frozenset({"restricted_adults"})


def enforce_comment(
    *,
    stores: SubmissionStores,
    catalogue: Catalogue,
    comment: StoredComment,
    verdict: Verdict,
    now: datetime,
) -> tuple[StoredComment, Submission]:
    """Store `comment`'s content item with its verdict and act on it; returns the comment in the state
    to store (removed only when enforcement removed the item; an engine removal that the guidelines do not
    carry out automatically is held for the creator instead) and the submission."""
    author = stores.accounts.get(comment.author_id)
    try:
        submission = submit_content(
            stores=stores,
            catalogue=catalogue,
            author=author,
            kind="comment",
            text=comment.text,
            verdict=verdict,
            content_id=comment.id,
            now=now,
        )
    except PermissionDeniedError as exc:
        raise SafetyForbiddenError(
            exc.message,
            message_ur="آپ کے اکاؤنٹ پر پابندی کی وجہ سے آپ ابھی تبصرہ نہیں کر سکتے۔",
            reason="penalty",
        ) from None
    if submission.item.status == "removed":
        return replace(comment, state="removed", hold_reason="engine"), submission
    if comment.state == "removed":
        return replace(comment, state="held", hold_reason="engine"), submission
    return comment, submission


def link_comment(
    *, content: ContentStore, comment: StoredComment, verdict: Verdict | None, now: datetime
) -> ContentItem:
    """The content item of a comment stored without one, created now (visible, with `verdict` when
    given). Nothing is decided here: a report puts the item in front of a reviewer."""
    found = content.find(comment.id)
    if found is not None:
        return found
    language = verdict.language if verdict is not None else "unknown"
    item = content.add(
        id=comment.id,
        author_id=comment.author_id,
        kind="comment",
        text=comment.text,
        language=language,
        queue=queue_for(language),
        now=now,
    )
    if verdict is not None:
        content.add_verdict(item.id, verdict, now)
    return item


def effective_state(comment: StoredComment, status: ContentStatus | None) -> str:
    """The comment's state once enforcement is taken into account (`status` of its content item, None
    when it has none): removal by a decision wins; a restored item shows again."""
    if status is None or comment.state == "deleted":
        return comment.state
    if status == "removed":
        return "removed"
    if comment.state == "removed":
        return "visible"
    return comment.state


def with_enforcement(
    comments: list[StoredComment], statuses: dict[str, ContentStatus], *, viewer_is_minor: bool
) -> list[StoredComment]:
    """`comments` in their effective states; items restricted to adults count as removed for minors."""
    out: list[StoredComment] = []
    for comment in comments:
        status = statuses.get(comment.id)
        state = effective_state(comment, status)
        if viewer_is_minor and status in HIDDEN_FROM_MINORS and comment.state != "deleted":
            state = "removed"
        out.append(comment if state == comment.state else replace(comment, state=state))
    return out
