"""The article workflow: draft → review → publish (now or scheduled), versions, events, on every backend."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from hifazat.core.errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from hifazat.services import safety_centre as sc
from hifazat.storage.database import session_factory

T0 = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)


def text(tag: str = "v1", *, urdu: bool = True) -> sc.ArticleText:
    return sc.ArticleText(
        title_en=f"Scam alert {tag}",
        title_ur=f"فراڈ سے خبردار {tag}" if urdu else "",
        summary_en="Fake messages are going round.",
        summary_ur="جعلی میسجز گردش میں ہیں۔" if urdu else "",
        body_en="Never share a **code**.",
        body_ur="کوڈ کبھی کسی کو نہ بتائیں۔" if urdu else "",
    )


@pytest.fixture
def sessions(engine: Engine) -> sessionmaker[Session]:
    return session_factory(engine)


def published(sessions: sessionmaker[Session], slug: str = "scam-alert", *, at: datetime = T0) -> None:
    sc.create_draft(sessions, slug=slug, text=text(), author="ayesha", now=at)
    sc.submit_for_review(sessions, slug=slug, by="ayesha", now=at)
    sc.publish(sessions, slug=slug, by="bilal", now=at)


def test_draft_is_not_public_until_published(sessions: sessionmaker[Session]) -> None:
    sc.create_draft(sessions, slug="scam-alert", text=text(), author="ayesha", now=T0)
    assert sc.published_articles(sessions, now=T0) == []
    with pytest.raises(NotFoundError):
        sc.published_article(sessions, slug="scam-alert", now=T0)
    sc.submit_for_review(sessions, slug="scam-alert", by="ayesha", now=T0)
    assert sc.published_articles(sessions, now=T0) == []
    article = sc.publish(sessions, slug="scam-alert", by="bilal", now=T0)
    assert article.status == "published" and article.live_version == 1
    live = sc.published_article(sessions, slug="scam-alert", now=T0)
    assert live.text.title("ur") == "فراڈ سے خبردار v1"
    assert live.published_at == T0


def test_the_author_cannot_publish_their_own_version(sessions: sessionmaker[Session]) -> None:
    sc.create_draft(sessions, slug="scam-alert", text=text(), author="ayesha", now=T0)
    sc.submit_for_review(sessions, slug="scam-alert", by="ayesha", now=T0)
    with pytest.raises(PermissionDeniedError, match="four eyes"):
        sc.publish(sessions, slug="scam-alert", by="ayesha", now=T0)


def test_review_needs_both_languages(sessions: sessionmaker[Session]) -> None:
    sc.create_draft(sessions, slug="scam-alert", text=text(urdu=False), author="ayesha", now=T0)
    with pytest.raises(InvalidInputError, match=r"title \(ur\) is empty"):
        sc.submit_for_review(sessions, slug="scam-alert", by="ayesha", now=T0)


@pytest.mark.parametrize(
    ("action", "error"),
    [
        ("publish", ConflictError),  # a draft must be reviewed first
        ("return", ConflictError),  # only an article in review goes back
        ("withdraw", ConflictError),  # nothing is live yet
    ],
)
def test_wrong_transitions_are_refused(
    sessions: sessionmaker[Session], action: str, error: type[Exception]
) -> None:
    sc.create_draft(sessions, slug="scam-alert", text=text(), author="ayesha", now=T0)
    with pytest.raises(error):
        if action == "publish":
            sc.publish(sessions, slug="scam-alert", by="bilal", now=T0)
        elif action == "return":
            sc.return_to_draft(sessions, slug="scam-alert", by="bilal", note="needs work", now=T0)
        else:
            sc.withdraw(sessions, slug="scam-alert", by="bilal", note="old", now=T0)


@pytest.mark.parametrize(
    "slug",
    [
        "Scam Alert",  # spaces and capitals
        "scam--alert",  # double hyphen
        "-scam",  # leading hyphen
        "گھوٹالہ",  # not ASCII
        "",  # empty
    ],
)
def test_bad_slugs_are_refused(sessions: sessionmaker[Session], slug: str) -> None:
    with pytest.raises(InvalidInputError, match="slug"):
        sc.create_draft(sessions, slug=slug, text=text(), author="ayesha", now=T0)


def test_duplicate_slug_is_a_conflict(sessions: sessionmaker[Session]) -> None:
    sc.create_draft(sessions, slug="scam-alert", text=text(), author="ayesha", now=T0)
    with pytest.raises(ConflictError, match="already exists"):
        sc.create_draft(sessions, slug="scam-alert", text=text(), author="bilal", now=T0)


def test_revision_keeps_the_live_version_until_the_next_publish(sessions: sessionmaker[Session]) -> None:
    published(sessions)
    later = T0 + timedelta(days=2)
    sc.revise(sessions, slug="scam-alert", text=text("v2"), author="ayesha", note="new numbers", now=later)
    live = sc.published_article(sessions, slug="scam-alert", now=later)
    assert (live.version, live.text.title_en) == (1, "Scam alert v1")
    sc.submit_for_review(sessions, slug="scam-alert", by="ayesha", now=later)
    sc.publish(sessions, slug="scam-alert", by="bilal", now=later)
    live = sc.published_article(sessions, slug="scam-alert", now=later)
    assert (live.version, live.text.title_en) == (2, "Scam alert v2")
    assert live.published_at == T0 and live.updated_at == later
    history = sc.history(sessions, slug="scam-alert")
    assert [v.number for v in history.versions] == [1, 2]
    assert [e.action for e in history.events] == [
        "created",
        "submitted",
        "published",
        "revised",
        "submitted",
        "published",
    ]


def test_scheduled_article_goes_live_when_its_time_comes(sessions: sessionmaker[Session]) -> None:
    sc.create_draft(sessions, slug="ramzan-scams", text=text(), author="ayesha", now=T0)
    sc.submit_for_review(sessions, slug="ramzan-scams", by="ayesha", now=T0)
    when = T0 + timedelta(hours=6)
    article = sc.publish(sessions, slug="ramzan-scams", by="bilal", at=when, now=T0)
    assert article.status == "scheduled" and article.live_version is None
    assert sc.published_articles(sessions, now=when - timedelta(minutes=1)) == []
    live = sc.published_articles(sessions, now=when + timedelta(minutes=1))
    assert [a.slug for a in live] == ["ramzan-scams"]
    assert live[0].published_at == when
    events = [e.action for e in sc.history(sessions, slug="ramzan-scams").events]
    assert events[-2:] == ["scheduled", "released"]


def test_return_to_draft_needs_a_reason(sessions: sessionmaker[Session]) -> None:
    sc.create_draft(sessions, slug="scam-alert", text=text(), author="ayesha", now=T0)
    sc.submit_for_review(sessions, slug="scam-alert", by="ayesha", now=T0)
    with pytest.raises(InvalidInputError, match="say why"):
        sc.return_to_draft(sessions, slug="scam-alert", by="bilal", note="  ", now=T0)
    article = sc.return_to_draft(sessions, slug="scam-alert", by="bilal", note="add the helpline", now=T0)
    assert article.status == "draft"


def test_withdrawn_article_disappears(sessions: sessionmaker[Session]) -> None:
    published(sessions)
    sc.withdraw(sessions, slug="scam-alert", by="bilal", note="out of date", now=T0)
    assert sc.published_articles(sessions, now=T0) == []
    assert sc.editor_overview(sessions)[0].status == "draft"


def test_newest_first_and_limit(sessions: sessionmaker[Session]) -> None:
    for day, slug in enumerate(["first", "second", "third"]):
        published(sessions, slug, at=T0 + timedelta(days=day))
    later = T0 + timedelta(days=5)
    assert [a.slug for a in sc.published_articles(sessions, now=later)] == ["third", "second", "first"]
    assert [a.slug for a in sc.published_articles(sessions, limit=1, now=later)] == ["third"]


def test_packaged_import_is_idempotent_and_never_overwrites(sessions: sessionmaker[Session]) -> None:
    item = sc.PackagedArticle(slug="welcome", text=text("packaged"), published=T0)
    assert sc.import_packaged(sessions, [item], now=T0) == ["welcome"]
    sc.revise(sessions, slug="welcome", text=text("edited"), author="ayesha", now=T0)
    assert sc.import_packaged(sessions, [item], now=T0) == []
    assert [v.text.title_en for v in sc.history(sessions, slug="welcome").versions] == [
        "Scam alert packaged",
        "Scam alert edited",
    ]


def test_naive_times_are_refused(sessions: sessionmaker[Session]) -> None:
    with pytest.raises(InvalidInputError, match="time zone"):
        sc.create_draft(sessions, slug="x", text=text(), author="a", now=datetime(2026, 1, 1))
