"""Safety Centre articles: draft → review → publish (now or at a set time), with versions and events.

Transitions are checked here, once:

    draft ──submit──► review ──publish──► published      (the reviewer is not the author)
      ▲                 │  └──publish(at)─► scheduled ──time passes──► published
      └─────return──────┘
    any ──revise──► draft (a new version; the live version stays live until the next publish)
    published ──withdraw──► draft (nothing live)

Readers call `published_articles` / `published_article`, which first release any scheduled
article whose time has come, so no background job is needed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from hifazat.core.errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from hifazat.storage.articles import (
    Article,
    ArticleChange,
    ArticleEvent,
    ArticleStore,
    ArticleText,
    ArticleVersion,
)
from hifazat.storage.database import transaction

__all__ = [
    "Article",
    "ArticleEvent",
    "ArticleHistory",
    "ArticleText",
    "ArticleVersion",
    "PackagedArticle",
    "PublishedArticle",
    "create_draft",
    "editor_overview",
    "history",
    "import_packaged",
    "publish",
    "published_article",
    "published_articles",
    "release_due",
    "return_to_draft",
    "revise",
    "submit_for_review",
    "withdraw",
]

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
LIMITS = {"title": 200, "summary": 500, "body": 50_000}
PACKAGED_AUTHOR = "hifazat:content"
"""Author of articles imported from the repository (reviewed there, by pull request)."""


@dataclass(frozen=True, slots=True)
class PublishedArticle:
    """What the public sees of an article: its live text and dates."""

    slug: str
    version: int
    text: ArticleText
    published_at: datetime
    """When the article first went public."""
    updated_at: datetime
    """When the live version went public."""


@dataclass(frozen=True, slots=True)
class ArticleHistory:
    """An article with every version and event, for editors."""

    article: Article
    versions: list[ArticleVersion]
    events: list[ArticleEvent]


@dataclass(frozen=True, slots=True)
class PackagedArticle:
    """An article shipped with Hifazat (the seed safety updates), already reviewed in the repository."""

    slug: str
    text: ArticleText
    published: datetime


def _now(now: datetime | None) -> datetime:
    moment = now or datetime.now(UTC)
    if moment.tzinfo is None:
        raise InvalidInputError("times must carry a time zone", hint="use datetime.now(UTC)")
    return moment


def _check_slug(slug: str) -> None:
    if not SLUG.match(slug) or len(slug) > 120:
        raise InvalidInputError(
            f"slug {slug!r} is not valid",
            hint="use lower-case letters, digits and single hyphens, e.g. 'scam-alert-bisp'",
        )


def _check_text(text: ArticleText, *, complete: bool) -> None:
    """Length limits always; with `complete`, every field in both languages must be filled."""
    for field in ("title", "summary", "body"):
        for lang in ("en", "ur"):
            value: str = getattr(text, f"{field}_{lang}")
            if len(value) > LIMITS[field]:
                raise InvalidInputError(
                    f"{field} ({lang}) is {len(value)} characters; the limit is {LIMITS[field]}",
                    hint="shorten it",
                )
            if complete and not value.strip():
                raise InvalidInputError(
                    f"{field} ({lang}) is empty",
                    hint="every article is published in English and Urdu; fill in both before review",
                )


def _existing(store: ArticleStore, slug: str, *, lock: bool = False) -> Article:
    article = store.get(slug, lock=lock)
    if article is None:
        raise NotFoundError(f"no article {slug!r}", hint="list articles with editor_overview()")
    return article


def _expect(article: Article, *states: str, doing: str) -> None:
    if article.status not in states:
        raise ConflictError(
            f"cannot {doing} article {article.slug!r}: it is {article.status}",
            hint=f"it must be {' or '.join(states)} first",
        )


def create_draft(
    sessions: sessionmaker[Session], *, slug: str, text: ArticleText, author: str, now: datetime | None = None
) -> Article:
    """Start a new article in `draft` (version 1). The text may be incomplete while drafting."""
    _check_slug(slug)
    _check_text(text, complete=False)
    moment = _now(now)
    with transaction(sessions) as session:
        store = ArticleStore(session)
        if store.get(slug) is not None:
            raise ConflictError(f"an article {slug!r} already exists", hint="revise it, or pick another slug")
        article = store.create(slug, text, author=author, note="", now=moment)
        store.record(slug, "created", version=1, actor=author, note="", now=moment)
        return article


def revise(
    sessions: sessionmaker[Session],
    *,
    slug: str,
    text: ArticleText,
    author: str,
    note: str = "",
    now: datetime | None = None,
) -> Article:
    """Write a new version. The article goes back to `draft`; a live version stays live."""
    _check_text(text, complete=False)
    moment = _now(now)
    with transaction(sessions) as session:
        store = ArticleStore(session)
        _existing(store, slug, lock=True)
        article = store.add_version(slug, text, author=author, note=note, now=moment)
        store.record(slug, "revised", version=article.current_version, actor=author, note=note, now=moment)
        return article


def submit_for_review(
    sessions: sessionmaker[Session], *, slug: str, by: str, now: datetime | None = None
) -> Article:
    """draft → review. Both languages must be complete."""
    moment = _now(now)
    with transaction(sessions) as session:
        store = ArticleStore(session)
        article = _existing(store, slug, lock=True)
        _expect(article, "draft", doing="submit")
        current = store.version(slug, article.current_version)
        assert current is not None
        _check_text(current.text, complete=True)
        article = store.update(slug, ArticleChange(status="review"), now=moment)
        store.record(slug, "submitted", version=article.current_version, actor=by, note="", now=moment)
        return article


def return_to_draft(
    sessions: sessionmaker[Session], *, slug: str, by: str, note: str, now: datetime | None = None
) -> Article:
    """review → draft, with the reviewer's reason (required)."""
    if not note.strip():
        raise InvalidInputError("say why the article goes back", hint="the author reads this note")
    moment = _now(now)
    with transaction(sessions) as session:
        store = ArticleStore(session)
        article = _existing(store, slug, lock=True)
        _expect(article, "review", doing="return")
        article = store.update(slug, ArticleChange(status="draft"), now=moment)
        store.record(slug, "returned", version=article.current_version, actor=by, note=note, now=moment)
        return article


def publish(
    sessions: sessionmaker[Session],
    *,
    slug: str,
    by: str,
    at: datetime | None = None,
    now: datetime | None = None,
) -> Article:
    """review → published (or scheduled when `at` is in the future). The reviewer is not the author."""
    moment = _now(now)
    when = _now(at) if at is not None else moment
    with transaction(sessions) as session:
        store = ArticleStore(session)
        article = _existing(store, slug, lock=True)
        _expect(article, "review", doing="publish")
        current = store.version(slug, article.current_version)
        assert current is not None
        if current.author == by:
            raise PermissionDeniedError(
                f"{by!r} wrote version {current.number} and cannot also publish it",
                hint="another editor reviews and publishes (four eyes)",
            )
        if when > moment:
            change = ArticleChange(
                status="scheduled", scheduled_version=article.current_version, scheduled_for=when
            )
            article = store.update(slug, change, now=moment)
            note = when.isoformat()
            store.record(slug, "scheduled", version=article.current_version, actor=by, note=note, now=moment)
            return article
        article = store.update(slug, _going_live(article, moment), now=moment)
        store.record(slug, "published", version=article.current_version, actor=by, note="", now=moment)
        return article


def _going_live(article: Article, moment: datetime, version: int | None = None) -> ArticleChange:
    return ArticleChange(
        status="published",
        live_version=version or article.current_version,
        live_since=moment,
        first_published_at=article.first_published_at or moment,
        clear=("scheduled_version", "scheduled_for"),
    )


def withdraw(
    sessions: sessionmaker[Session], *, slug: str, by: str, note: str, now: datetime | None = None
) -> Article:
    """Take an article off the public site; its versions stay for the record."""
    if not note.strip():
        raise InvalidInputError("say why the article is withdrawn", hint="the note is kept in its history")
    moment = _now(now)
    with transaction(sessions) as session:
        store = ArticleStore(session)
        article = _existing(store, slug, lock=True)
        if article.live_version is None and article.status != "scheduled":
            raise ConflictError(f"article {slug!r} is not published", hint="nothing to withdraw")
        change = ArticleChange(
            status="draft", clear=("live_version", "live_since", "scheduled_version", "scheduled_for")
        )
        article = store.update(slug, change, now=moment)
        store.record(slug, "withdrawn", version=article.current_version, actor=by, note=note, now=moment)
        return article


def release_due(sessions: sessionmaker[Session], *, now: datetime | None = None) -> list[str]:
    """Publish every scheduled article whose time has come; returns their slugs."""
    moment = _now(now)
    released: list[str] = []
    with transaction(sessions) as session:
        store = ArticleStore(session)
        for article in store.due(moment):
            assert article.scheduled_version is not None and article.scheduled_for is not None
            when = article.scheduled_for
            store.update(article.slug, _going_live(article, when, article.scheduled_version), now=moment)
            version = article.scheduled_version
            store.record(article.slug, "released", version=version, actor="scheduler", note="", now=moment)
            released.append(article.slug)
    return released


def published_articles(
    sessions: sessionmaker[Session], *, limit: int = 20, now: datetime | None = None
) -> list[PublishedArticle]:
    """The live articles, most recently first published first."""
    release_due(sessions, now=now)
    with transaction(sessions) as session:
        store = ArticleStore(session)
        return [_public(store, article) for article in store.live()[:limit]]


def published_article(
    sessions: sessionmaker[Session], *, slug: str, now: datetime | None = None
) -> PublishedArticle:
    """One live article; NotFoundError when it does not exist or is not public."""
    release_due(sessions, now=now)
    with transaction(sessions) as session:
        store = ArticleStore(session)
        article = store.get(slug)
        if article is None or article.live_version is None:
            raise NotFoundError(f"no published article {slug!r}")
        return _public(store, article)


def _public(store: ArticleStore, article: Article) -> PublishedArticle:
    assert article.live_version is not None
    version = store.version(article.slug, article.live_version)
    assert version is not None and article.first_published_at and article.live_since
    return PublishedArticle(
        slug=article.slug,
        version=version.number,
        text=version.text,
        published_at=article.first_published_at,
        updated_at=article.live_since,
    )


def editor_overview(sessions: sessionmaker[Session]) -> list[Article]:
    """Every article in any state, most recently changed first."""
    with transaction(sessions) as session:
        return ArticleStore(session).all()


def history(sessions: sessionmaker[Session], *, slug: str) -> ArticleHistory:
    """An article with all its versions and events."""
    with transaction(sessions) as session:
        store = ArticleStore(session)
        article = _existing(store, slug)
        return ArticleHistory(article=article, versions=store.versions(slug), events=store.events(slug))


def import_packaged(
    sessions: sessionmaker[Session], articles: Iterable[PackagedArticle], *, now: datetime | None = None
) -> list[str]:
    """Publish packaged articles that are not in the database yet (idempotent); returns new slugs.

    An editor's later revision of a packaged article is never overwritten.
    """
    moment = _now(now)
    items = list(articles)
    try:
        return _import(sessions, items, moment)
    except IntegrityError:  # another replica imported the same slug at the same moment
        return _import(sessions, items, moment)


def _import(sessions: sessionmaker[Session], articles: list[PackagedArticle], moment: datetime) -> list[str]:
    added: list[str] = []
    with transaction(sessions) as session:
        store = ArticleStore(session)
        for item in articles:
            _check_slug(item.slug)
            _check_text(item.text, complete=True)
            if store.get(item.slug) is not None:
                continue
            article = store.create(item.slug, item.text, author=PACKAGED_AUTHOR, note="", now=moment)
            store.update(item.slug, _going_live(article, item.published), now=moment)
            store.record(item.slug, "imported", version=1, actor=PACKAGED_AUTHOR, note="", now=moment)
            added.append(item.slug)
    return added
