"""Reporting from every surface: what a person points at (a video, caption, comment, direct message,
profile or LIVE chat message) becomes the content item the enforcement workflow reviews.

- video, caption, message, live_chat: the item with that content id (its kind must match the surface);
- comment: the comment id, which is also its content item's id (a comment stored before the link
  existed is linked now, see `hifazat.services.comment_enforcement.link_comment`);
- profile: the account id; its newest `profile` item, or one made now from its handle and display name.

Refusals carry their message in English and Urdu (`SafetyRefusal`), so the app can show them as they are.
A report never echoes the reported text back: reporting a direct message shows its words only to the
moderator who reviews it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from hifazat.core.decide.verdict import Verdict
from hifazat.core.enforcement.vocabulary import CONTENT_KINDS, ContentKind, queue_for
from hifazat.core.errors import NotFoundError
from hifazat.core.guidelines import Catalogue
from hifazat.core.guidelines.model import Policy
from hifazat.core.safety.errors import (
    SafetyConflictError,
    SafetyInvalidError,
    SafetyNotFoundError,
)
from hifazat.services.clock import utcnow
from hifazat.services.comment_enforcement import link_comment
from hifazat.services.content import CONTENT_ID_CHARS
from hifazat.services.ports import ReportStores
from hifazat.services.reports import MAX_NOTE, Filed, file_report
from hifazat.storage.accounts import Account
from hifazat.storage.content import ContentItem
from hifazat.storage.safety import StoredComment

Surface = ContentKind
SURFACES: tuple[Surface, ...] = CONTENT_KINDS
SURFACE_UR: dict[str, str] = {
    "video": "ویڈیو",
    "caption": "کیپشن",
    "comment": "تبصرہ",
    "message": "پیغام",
    "profile": "پروفائل",
    "live_chat": "لائیو چیٹ کا پیغام",
}
ENGINE_SURFACE: dict[str, str] = {"live_chat": "live"}
"""The engine's name for a surface where it differs from the content kind."""

EngineCheck = Callable[[str, str], Verdict]
"""Runs the engine on (text, engine surface); used when an item has to be made at report time."""


class CommentLookup(Protocol):
    """Finding a comment stored by the safety features (`hifazat.storage.safety.SafetyStore`)."""

    def comment(self, comment_id: str) -> StoredComment | None: ...


@dataclass(frozen=True, slots=True)
class Target:
    """What a report is about, resolved."""

    item: ContentItem
    route: Literal["content", "account"]


def unknown_surface(surface: str) -> SafetyInvalidError:
    return SafetyInvalidError(
        f"unknown surface {surface[:40]!r}",
        message_ur=f"«{surface[:40]}» رپورٹ کی کوئی معلوم جگہ نہیں۔",
        reason="unknown_surface",
        hint=f"use one of: {', '.join(SURFACES)}",
    )


def unknown_target(surface: str, target_id: str) -> SafetyNotFoundError:
    what = "account" if surface == "profile" else surface.replace("_", " ")
    what_ur = "اکاؤنٹ" if surface == "profile" else SURFACE_UR.get(surface, "مواد")
    return SafetyNotFoundError(
        f"no {what} {target_id[:70]!r}",
        message_ur=f"«{target_id[:70]}» نام کا کوئی {what_ur} موجود نہیں۔",
        reason="unknown_target",
    )


def check_policy(catalogue: Catalogue, policy_id: str) -> Policy:
    """The guideline a report names; a bilingual refusal with a "did you mean" otherwise."""
    try:
        return catalogue.policy(policy_id)
    except NotFoundError as exc:
        raise SafetyInvalidError(
            exc.message,
            message_ur=f"«{policy_id[:64]}» نام کی کوئی گائیڈ لائن موجود نہیں۔ فہرست میں سے ایک وجہ چنیں۔",
            reason="unknown_policy",
            hint=exc.hint,
        ) from None


def check_note(note: str) -> str:
    if len(note) > MAX_NOTE:
        raise SafetyInvalidError(
            f"note is {len(note)} characters; the limit is {MAX_NOTE}",
            message_ur=f"نوٹ زیادہ سے زیادہ {MAX_NOTE} حروف کا ہو سکتا ہے۔",
            reason="note_too_long",
        )
    return note


def check_reportable(item: ContentItem, reporter: Account | None) -> None:
    """Refuse reporting one's own item or an item already removed (in English and Urdu)."""
    if reporter is not None and reporter.id == item.author_id:
        raise SafetyInvalidError(
            "you cannot report your own content",
            message_ur="آپ اپنا ہی مواد رپورٹ نہیں کر سکتے؛ اسے حذف کر دیں۔",
            reason="own_content",
            hint="delete it instead",
        )
    if item.status == "removed":
        raise SafetyConflictError(
            f"content {item.id} has already been removed",
            message_ur="یہ مواد پہلے ہی ہٹایا جا چکا ہے۔",
            reason="already_removed",
        )


def _valid_id(target_id: str) -> bool:
    return 1 <= len(target_id) <= 64 and set(target_id) <= CONTENT_ID_CHARS


def profile_id(account_id: str) -> str:
    """The content id of an account's profile item made at report time (stable, at most 64 chars)."""
    plain = f"profile:{account_id}"
    if len(plain) <= 64 and set(plain) <= CONTENT_ID_CHARS:
        return plain
    return "profile:" + hashlib.sha256(account_id.encode()).hexdigest()[:40]


def profile_item(
    *, stores: ReportStores, account: Account, check: EngineCheck | None, now: datetime
) -> ContentItem:
    """The account's newest profile item, or one made now from its handle and display name."""
    made = stores.content.find(profile_id(account.id))
    posted = [i for i in stores.content.by_author(account.id, limit=200) if i.kind == "profile"]
    if posted:
        return posted[0]
    if made is not None:
        return made
    text = f"@{account.handle} {account.display_name}".strip()
    verdict = None if check is None else check(text, "profile")
    language = "unknown" if verdict is None else verdict.language
    item = stores.content.add(
        id=profile_id(account.id),
        author_id=account.id,
        kind="profile",
        text=text,
        language=language,
        queue=queue_for(language),
        now=now,
    )
    if verdict is not None:
        stores.content.add_verdict(item.id, verdict, now)
    return item


def content_target(
    *,
    stores: ReportStores,
    comments: CommentLookup,
    content_id: str,
    check: EngineCheck | None,
    now: datetime,
) -> ContentItem | None:
    """The content item with this id, linking a safety comment of that id if needed; None if neither."""
    if not _valid_id(content_id):
        return None
    item = stores.content.find(content_id)
    if item is not None:
        return item
    comment = comments.comment(content_id)
    if comment is None:
        return None
    verdict = None if check is None else check(comment.text, "comment")
    return link_comment(content=stores.content, comment=comment, verdict=verdict, now=now)


def resolve_target(
    *,
    stores: ReportStores,
    comments: CommentLookup,
    surface: str,
    target_id: str,
    check: EngineCheck | None = None,
    now: datetime | None = None,
) -> Target:
    """The content item behind (surface, target id); bilingual refusals for anything unknown."""
    now = now or utcnow()
    chosen = next((s for s in SURFACES if s == surface), None)
    if chosen is None:
        raise unknown_surface(surface)
    if chosen == "profile":
        account = stores.accounts.find(target_id) if len(target_id) <= 64 else None
        if account is None:
            raise unknown_target(chosen, target_id)
        return Target(profile_item(stores=stores, account=account, check=check, now=now), "account")
    item = content_target(stores=stores, comments=comments, content_id=target_id, check=check, now=now)
    if item is None:
        raise unknown_target(chosen, target_id)
    if item.kind != chosen:
        raise SafetyInvalidError(
            f"{target_id} is a {item.kind.replace('_', ' ')}, not a {chosen.replace('_', ' ')}",
            message_ur=f"«{target_id}» ایک {SURFACE_UR[item.kind]} ہے، {SURFACE_UR[chosen]} نہیں۔",
            reason="wrong_surface",
            hint=f"report it with surface {item.kind}",
        )
    return Target(item, "content")


def report_from_surface(
    *,
    stores: ReportStores,
    comments: CommentLookup,
    catalogue: Catalogue,
    reporter: Account,
    surface: str,
    target_id: str,
    policy_id: str,
    note: str = "",
    check: EngineCheck | None = None,
    now: datetime | None = None,
) -> Filed:
    """A signed-in person (or ambassador) reports what they see on any surface; it joins the item's
    review task like any report (duplicates merge, ambassadors weigh by their accuracy)."""
    now = now or utcnow()
    check_policy(catalogue, policy_id)
    check_note(note)
    target = resolve_target(
        stores=stores, comments=comments, surface=surface, target_id=target_id, check=check, now=now
    )
    check_reportable(target.item, reporter)
    return file_report(
        stores=stores,
        catalogue=catalogue,
        reporter=reporter,
        content_id=target.item.id,
        policy_id=policy_id,
        note=note,
        now=now,
    )


def report_content(
    *,
    stores: ReportStores,
    comments: CommentLookup,
    catalogue: Catalogue,
    reporter: Account | None,
    content_id: str,
    policy_id: str,
    note: str = "",
    source: Literal["proactive"] | None = None,
    score: float | None = None,
    check: EngineCheck | None = None,
    now: datetime | None = None,
) -> Filed:
    """`POST /v1/reports`: a report on a content id of any kind (a comment id works too), with the same
    bilingual refusals as the surface form; `source="proactive"` is the engine's report (no reporter)."""
    now = now or utcnow()
    check_policy(catalogue, policy_id)
    check_note(note)
    item = content_target(stores=stores, comments=comments, content_id=content_id, check=check, now=now)
    if item is None:
        raise unknown_target("content", content_id)
    check_reportable(item, reporter)
    return file_report(
        stores=stores,
        catalogue=catalogue,
        reporter=reporter,
        content_id=item.id,
        policy_id=policy_id,
        note=note,
        source=source,
        score=score,
        now=now,
    )
