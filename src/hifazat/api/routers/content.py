"""`/v1/content`: post an item (moderated and stored at once), read it, count its views."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.exc import IntegrityError
from starlette.background import BackgroundTask

from hifazat.api.auth import (
    DbDep,
    Submitter,
    ViewCounter,
    current_account,
    get_catalogue,
    get_db,
    is_staff,
)
from hifazat.api.deps import Runtime
from hifazat.api.json_bodies import PlainJSONResponse, plain
from hifazat.api.lean_routes import lean_route
from hifazat.api.writes import (
    IdempotencyKey,
    batched_write,
    keyed_write,
    request_fingerprint,
    write_batcher,
)
from hifazat.core.enforcement.permissions import require
from hifazat.core.enforcement.vocabulary import CONTENT_KINDS, pick
from hifazat.core.errors import PermissionDeniedError
from hifazat.core.guidelines import Catalogue
from hifazat.services.bulk_posting import NewContent, submit_many
from hifazat.services.check_batches import CheckBatcher
from hifazat.services.claim_enforcement import claim_notice
from hifazat.services.clock import utcnow
from hifazat.services.content import Submission, record_views, submit_content
from hifazat.services.idempotency import Keyed, Outcome, check_key, once_many
from hifazat.services.moderation import context_from
from hifazat.services.private_content import HIDDEN_NOTE, may_read, shown_verdict
from hifazat.services.webhooks import deliver_due
from hifazat.services.write_batches import Bulk
from hifazat.settings import Settings
from hifazat.storage.accounts import Account
from hifazat.storage.content import ContentItem
from hifazat.storage.unit import Database, Stores

router = APIRouter(prefix="/v1/content", tags=["content"])

SURFACE = {
    "video": "video",
    "caption": "caption",
    "comment": "comment",
    "message": "message",
    "profile": "profile",
    "live_chat": "live",
}


class ContentIn(BaseModel):
    """A posted item."""

    model_config = ConfigDict(extra="forbid")
    id: str | None = Field(
        default=None, description="Your id for the item (1–64 URL-safe characters); made up when omitted."
    )
    kind: str = Field(description="video, caption, comment, message, profile or live_chat")
    text: str = Field(description="The text: caption, comment, bio, message or transcript.")
    author_id: str | None = Field(default=None, description="Service clients post on behalf of this account.")
    context: dict[str, Any] | None = Field(
        default=None, description="As for POST /v1/moderate (surface is set from kind)."
    )


class ViewsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    count: int = Field(ge=1, le=1_000_000_000, description="Views to add.")


_ITEM_FIELDS = tuple(f.name for f in fields(ContentItem))


def item_json(item: ContentItem) -> dict[str, Any]:
    """`dataclasses.asdict` without its deep copy (every field is a plain value)."""
    return {name: getattr(item, name) for name in _ITEM_FIELDS}


def submission_json(submission: Submission) -> dict[str, Any]:
    decision = submission.decision
    report = submission.report
    return {
        "item": item_json(submission.item),
        "verdict": submission.verdict.payload,
        "decision": None
        if decision is None
        else {
            "id": decision.decision.id,
            "outcome": decision.decision.outcome,
            "policy": decision.decision.policy,
            "strike": decision.strike is not None,
        },
        "review_task": None if report is None else report.task.id,
    }


@dataclass(frozen=True, slots=True)
class _Post:
    """One post for the bulk writer, with its idempotency key when it has one."""

    new: NewContent
    keyed: Keyed | None


@dataclass(frozen=True, slots=True)
class _Posted:
    """The answer to one post, and how many webhook deliveries its decision queued."""

    outcome: Outcome
    webhooks: int


_WRITERS: dict[int, tuple[Catalogue, Bulk]] = {}


def _bulk_writer(catalogue: Catalogue) -> Bulk:
    """The bulk write of posts (`submit_many` inside `once_many`), one function per catalogue: the write
    batcher joins the items of one function into one call."""
    found = _WRITERS.get(id(catalogue))
    if found is None or found[0] is not catalogue:

        def store(stores: Stores, posts: list[Any]) -> list[Any]:
            webhooks: dict[int, int] = {}

            def work(indices: list[int]) -> list[tuple[int, Any] | Exception]:
                made = submit_many(stores=stores, catalogue=catalogue, posts=[posts[i].new for i in indices])
                answers: list[tuple[int, Any] | Exception] = []
                for index, submission in zip(indices, made, strict=True):
                    if isinstance(submission, Exception):
                        answers.append(submission)
                        continue
                    webhooks[index] = submission.decision.webhooks if submission.decision else 0
                    body = submission_json(submission)
                    answers.append((201, body if posts[index].keyed is None else plain(body)))
                return answers

            outcomes = once_many(stores, requests=[p.keyed for p in posts], work=work)
            return [
                o if isinstance(o, Exception) else _Posted(o, webhooks.get(i, 0))
                for i, o in enumerate(outcomes)
            ]

        found = _WRITERS[id(catalogue)] = (catalogue, store)
    return found[1]


@dataclass(frozen=True, slots=True)
class Posting:
    """What posting needs from the app, gathered by one dependency (each dependency costs FastAPI work on
    every request, and this is the busiest write route)."""

    actor: Account
    db: Database
    catalogue: Catalogue
    checks: CheckBatcher
    settings: Settings


async def posting(request: Request) -> Posting:
    """The caller (401 without a valid key, 403 without `content.submit`) and the app's parts."""
    db = await get_db(request)
    actor = await current_account(request, db)
    require(actor.role, "content.submit")
    runtime: Runtime = request.app.state.runtime
    return Posting(actor, db, await get_catalogue(), runtime.checks, runtime.settings)


async def post_content(
    body: ContentIn,
    request: Request,
    parts: Annotated[Posting, Depends(posting)],
    key: IdempotencyKey = None,
) -> Response:
    """Moderate and store one item: the verdict acts at once (remove, restrict, label) or queues it."""
    actor, db, catalogue, checks, settings = (
        parts.actor,
        parts.db,
        parts.catalogue,
        parts.checks,
        parts.settings,
    )
    kind = pick(body.kind, CONTENT_KINDS, "content kind")
    context = dict(body.context or {})
    context["surface"] = SURFACE[kind]
    verdict = await checks.check(body.text, context_from(context))
    if body.author_id is not None and actor.role != "service" and body.author_id != actor.id:
        raise PermissionDeniedError("only service clients post on behalf of another account")
    post = NewContent(body.author_id or actor.id, kind, body.text, verdict, body.id)
    keyed = None if key is None else Keyed(actor.id, check_key(key), request_fingerprint(request, body))
    try:  # stored with the other posts that arrived together, whatever the verdict asks for
        posted: _Posted | None = await write_batcher(request, db).run_bulk(
            _bulk_writer(catalogue), _Post(post, keyed)
        )
    except IntegrityError:  # the same key raced in from another process: nothing of this batch was stored
        posted = None
    if posted is not None:
        headers = {"Idempotency-Replayed": "true"} if posted.outcome.replayed else {}
        answer = PlainJSONResponse(posted.outcome.body, status_code=posted.outcome.status, headers=headers)
        if posted.webhooks:  # an automatic decision: its webhooks go out now, not at the next delivery run
            answer.background = BackgroundTask(deliver_due, db=db, secret=settings.secret_key)
        return answer

    queued: list[int] = []

    def work(stores: Stores) -> dict[str, Any]:
        author = actor if body.author_id in (None, actor.id) else stores.accounts.get(body.author_id)
        submission = submit_content(
            stores=stores,
            catalogue=catalogue,
            author=author,
            kind=kind,
            text=body.text,
            verdict=verdict,
            content_id=body.id,
        )
        queued.append(submission.decision.webhooks if submission.decision else 0)
        return submission_json(submission)

    response = await batched_write(
        request=request, db=db, actor=actor, key=key, body=body, work=work, status=201
    )
    if sum(queued):  # an automatic decision: its webhooks go out now, not at the next `webhooks deliver`
        response.background = BackgroundTask(deliver_due, db=db, secret=settings.secret_key)
    return response


async def _lean_post(request: Request, body: ContentIn) -> Response:
    """`post_content` for a valid JSON body, its dependencies called directly (see `lean_routes`)."""
    return await post_content(body, request, await posting(request), request.headers.get("idempotency-key"))


router.add_api_route(
    "",
    post_content,
    methods=["POST"],
    status_code=201,
    route_class_override=lean_route(ContentIn, _lean_post),
)


@router.get("/{content_id}")
def get_content(content_id: str, actor: Submitter, db: DbDep) -> dict[str, Any]:
    """An item with its verdict history and decisions (its author, staff and service clients); the words
    of a direct message only for its author and the moderator holding its review task."""
    with db.read() as stores:
        item = stores.content.get(content_id)
        if item.author_id != actor.id and not is_staff(actor, "content.read_any"):
            raise PermissionDeniedError("you can only see your own content here")
        verdicts = stores.content.verdicts(content_id)
        decisions = stores.decisions.for_content(content_id)
        readable = may_read(item=item, viewer=actor, task=stores.tasks.open_for(content_id), now=utcnow())
        factcheck = claim_notice(stores, item)
    shown = item_json(item) | ({} if readable else {"text": None, "text_hidden": HIDDEN_NOTE})
    return {
        "item": shown,
        "verdicts": [shown_verdict(v.payload, readable=readable) | {"at": v.created_at} for v in verdicts],
        "decisions": [asdict(d) for d in decisions],
        "factcheck": factcheck,
    }


@router.post("/{content_id}/views")
def add_views(
    content_id: str,
    body: ViewsIn,
    request: Request,
    actor: ViewCounter,
    db: DbDep,
    key: IdempotencyKey = None,
) -> Response:
    """Add views reported by the platform (they feed review priority and "removed before any view")."""

    def work(stores: Stores) -> dict[str, Any]:
        return {
            "id": content_id,
            "views": record_views(stores=stores, content_id=content_id, count=body.count, actor_id=actor.id),
        }

    return keyed_write(request=request, db=db, actor=actor, key=key, body=body, work=work)
