"""Comments under comment controls over a real database."""

from __future__ import annotations

import pytest
from safety_fixtures import make_service
from sqlalchemy import Engine

from hifazat.core.safety.errors import SafetyRefusal
from hifazat.services.safety import SafetyService


@pytest.fixture
def service(engine: Engine) -> SafetyService:
    return make_service(engine)


def post(service: SafetyService, author: str, text: str, confirmed: bool = True) -> str:
    result = service.post_comment(
        content_id="v1", creator_id="creator", author_id=author, text=text, confirmed=confirmed
    )
    assert result.comment is not None
    return result.comment.id


def test_nudge_then_post_anyway(service: SafetyService) -> None:
    assert service.review_draft(text="you idiot")["nudge"] is True
    first = service.post_comment(
        content_id="v1", creator_id="creator", author_id="stranger", text="you idiot"
    )
    assert not first.posted and first.nudge and "message_ur" in first.to_dict()
    second = service.post_comment(
        content_id="v1", creator_id="creator", author_id="stranger", text="you idiot", confirmed=True
    )
    assert second.posted and second.comment is not None and second.comment.state == "held"


def test_what_each_viewer_sees(service: SafetyService) -> None:
    service.add_keyword(owner_id="creator", keyword="bakwas")
    service.add_relation(kind="restrict", owner_id="creator", other_id="teen17")
    kind_id = post(service, "stranger", "lovely video")
    keyword_id = post(service, "stranger", "BAKWAAS")
    spam_id = post(service, "parent", "free followers here")
    restricted_id = post(service, "teen17", "nice one")
    removed = service.post_comment(
        content_id="v1", creator_id="creator", author_id="parent", text="I will kill"
    )
    assert removed.comment is not None and removed.comment.state == "removed"
    shown = {c.id for c in service.comments_for(content_id="v1", viewer_id="creator")}
    assert shown == {kind_id}
    assert {c.id for c in service.comments_for(content_id="v1", viewer_id="teen17")} == {
        kind_id,
        restricted_id,
    }
    assert {c.id for c in service.comments_for(content_id="v1", viewer_id="stranger")} == {
        kind_id,
        keyword_id,
    }
    held = {c.id for c in service.held_comments(content_id="v1", creator_id="creator")}
    assert held == {keyword_id, spam_id, restricted_id}
    service.approve_comment(comment_id=spam_id, by="creator")
    assert spam_id in {c.id for c in service.comments_for(content_id="v1", viewer_id="creator")}


def test_filter_all_holds_everything_but_the_creators_own(service: SafetyService) -> None:
    service.update_settings(account_id="creator", by="creator", changes={"filter_all_comments": True})
    other = post(service, "stranger", "hello")
    own = post(service, "creator", "thanks all")
    assert [c.id for c in service.comments_for(content_id="v1", viewer_id="parent")] == [own]
    assert [c.id for c in service.held_comments(content_id="v1", creator_id="creator")] == [other]


def test_blocks_hide_comments_and_refuse_commenting(service: SafetyService) -> None:
    troll = post(service, "stranger", "first")
    service.add_relation(kind="block", owner_id="parent", other_id="stranger")
    assert troll not in {c.id for c in service.comments_for(content_id="v1", viewer_id="parent")}
    service.add_relation(kind="block", owner_id="creator", other_id="stranger")
    with pytest.raises(SafetyRefusal) as caught:
        post(service, "stranger", "again")
    assert caught.value.reason == "block"
    with pytest.raises(SafetyRefusal) as caught:
        service.comments_for(content_id="v1", viewer_id="stranger")
    assert caught.value.reason == "block"


def test_private_creator_refuses_strangers(service: SafetyService) -> None:
    with pytest.raises(SafetyRefusal) as caught:
        service.post_comment(content_id="t1", creator_id="teen14", author_id="stranger", text="hi")
    assert caught.value.reason == "age"


def test_bulk_delete_and_block(service: SafetyService) -> None:
    ids = [post(service, "stranger", f"spam {i}") for i in range(3)] + [post(service, "parent", "spam")]
    result = service.bulk_moderate(by="creator", comment_ids=ids[:3], action="delete")
    assert result == {"deleted": 3, "blocked": 0}
    result = service.bulk_moderate(by="creator", comment_ids=[ids[3]], action="block")
    assert result == {"deleted": 1, "blocked": 1}
    assert service.relations(kind="block", owner_id="creator") == ["parent"]
    assert service.comments_for(content_id="v1", viewer_id="creator") == []


@pytest.mark.parametrize(
    ("by", "ids", "reason"),
    [
        ("creator", [], "bulk_size"),  # nothing to do
        ("creator", [f"c{i}" for i in range(101)], "bulk_size"),  # more than 100
        ("creator", ["missing"], "not_found"),  # an unknown comment
        ("stranger", None, "not_creator"),  # someone else's comments
    ],
)
def test_bulk_refusals_change_nothing(
    service: SafetyService, by: str, ids: list[str] | None, reason: str
) -> None:
    mine = post(service, "teen17", "hello")
    with pytest.raises(SafetyRefusal) as caught:
        service.bulk_moderate(by=by, comment_ids=[mine] if ids is None else ids, action="block")
    assert caught.value.reason == reason
    assert [c.id for c in service.comments_for(content_id="v1", viewer_id="creator")] == [mine]
    assert service.relations(kind="block", owner_id=by) == []


def test_only_creator_or_author_deletes(service: SafetyService) -> None:
    cid = post(service, "teen17", "hello")
    with pytest.raises(SafetyRefusal):
        service.delete_comment(comment_id=cid, by="stranger")
    service.delete_comment(comment_id=cid, by="teen17")
    assert service.comments_for(content_id="v1", viewer_id="teen17") == []


def test_content_belongs_to_one_creator(service: SafetyService) -> None:
    post(service, "stranger", "hello")
    with pytest.raises(SafetyRefusal) as caught:
        service.post_comment(content_id="v1", creator_id="parent", author_id="stranger", text="hi")
    assert caught.value.reason == "wrong_creator"


@pytest.mark.parametrize("text", ["", "   ", "x" * 2201])  # empty, blank, too long
def test_bad_comment_text(service: SafetyService, text: str) -> None:
    with pytest.raises(SafetyRefusal) as caught:
        service.post_comment(content_id="v1", creator_id="creator", author_id="stranger", text=text)
    assert caught.value.reason == "bad_comment"
    assert service.held_comments(content_id="v1", creator_id="creator") == []
