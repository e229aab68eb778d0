"""Reporting from every surface: (surface, target id) → the content item under review, or a refusal in
English and Urdu."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from linked_world import World, build_world, engine_check
from safety_fixtures import NOW
from sqlalchemy import Engine

from builders import verdict
from hifazat.core.safety.errors import SafetyRefusal
from hifazat.services.content import submit_content
from hifazat.services.report_targets import report_content, report_from_surface
from hifazat.services.reports import Filed
from hifazat.storage.safety import SafetyStore

POSTED = [
    ("vid1", "creator", "video", "a cooking video"),
    ("cap1", "creator", "caption", "my first caption"),
    ("dm1", "stranger", "message", "a private message only two people saw"),
    ("live1", "stranger", "live_chat", "hello from the live"),
    ("prof-parent", "parent", "profile", "mother of two, Lahore"),
    ("vid2", "creator", "video", "another video"),
]


@pytest.fixture(scope="module")
def world(module_engine: Engine) -> Iterator[World]:
    made = build_world(module_engine)
    with made.db.write() as stores:
        for content_id, author, kind, text in POSTED:
            submit_content(
                stores=stores,
                catalogue=made.catalogue,
                author=stores.accounts.get(author),
                kind=kind,
                text=text,
                verdict=verdict(),
                content_id=content_id,
                now=NOW,
            )
    yield made


def file(world: World, reporter: str, surface: str, target: str, policy: str = "safety.harassment") -> Filed:
    with world.db.write() as stores:
        return report_from_surface(
            stores=stores,
            comments=SafetyStore(stores.session),
            catalogue=world.catalogue,
            reporter=stores.accounts.get(reporter),
            surface=surface,
            target_id=target,
            policy_id=policy,
            check=engine_check,
            now=NOW,
        )


@pytest.mark.parametrize(
    ("surface", "target", "item_id", "kind"),
    [
        ("video", "vid1", "vid1", "video"),  # a video by its content id
        ("caption", "cap1", "cap1", "caption"),  # a caption
        ("message", "dm1", "dm1", "message"),  # a direct message
        ("live_chat", "live1", "live1", "live_chat"),  # a LIVE chat message
        ("profile", "parent", "prof-parent", "profile"),  # an account's posted profile
        ("profile", "creator", "profile:creator", "profile"),  # no profile posted: made from the handle
    ],
)
def test_each_surface_reaches_its_item(
    world: World, surface: str, target: str, item_id: str, kind: str
) -> None:
    filed = file(world, "teen17", surface, target)
    assert filed.report.content_id == item_id and filed.report.source == "user"
    with world.db.read() as stores:
        assert stores.content.get(item_id).kind == kind
        assert stores.tasks.open_for(item_id) is not None


def test_a_comment_is_reported_by_its_comment_id(world: World) -> None:
    posted = world.service.post_comment(
        content_id="v9", creator_id="creator", author_id="stranger", text="hi"
    )
    assert posted.comment is not None
    filed = file(world, "parent", "comment", posted.comment.id)
    assert filed.report.content_id == posted.comment.id


@pytest.mark.parametrize(
    ("reporter", "surface", "target", "policy", "reason"),
    [
        ("teen17", "selfie", "vid1", "safety.harassment", "unknown_surface"),  # no such surface
        ("teen17", "video", "nope", "safety.harassment", "unknown_target"),  # no such content
        ("teen17", "profile", "ghost", "safety.harassment", "unknown_target"),  # no such account
        ("teen17", "video", "cap1", "safety.harassment", "wrong_surface"),  # a caption reported as a video
        ("teen17", "comment", "dm1", "safety.harassment", "wrong_surface"),  # a DM is not a comment
        ("teen17", "video", "vid1", "safety.harasment", "unknown_policy"),  # a misspelt guideline
        ("creator", "video", "vid1", "safety.harassment", "own_content"),  # one's own video
    ],
)
def test_refusals_are_in_english_and_urdu(
    world: World, reporter: str, surface: str, target: str, policy: str, reason: str
) -> None:
    with pytest.raises(SafetyRefusal) as refused:
        file(world, reporter, surface, target, policy)
    assert refused.value.reason == reason
    assert refused.value.message and any("\u0600" <= ch <= "\u06ff" for ch in refused.value.message_ur)


def test_a_misspelt_guideline_gets_a_suggestion(world: World) -> None:
    with pytest.raises(SafetyRefusal) as refused:
        file(world, "teen17", "video", "vid1", "safety.harasment")
    assert "safety.harassment" in (refused.value.hint or "")


def test_reports_merge_and_ambassadors_weigh_more(world: World) -> None:
    first = file(world, "stranger", "video", "vid2")
    again = file(world, "stranger", "video", "vid2")
    flagged = file(world, "amb", "video", "vid2")
    assert again.duplicate and flagged.merged and flagged.task.id == first.task.id
    assert flagged.task.report_count == 2
    assert (first.report.weight, flagged.report.weight) == (1.0, 2.0)
    assert flagged.report.source == "ambassador"


def test_report_content_refuses_unknown_content_in_both_languages(world: World) -> None:
    with pytest.raises(SafetyRefusal) as refused, world.db.write() as stores:
        report_content(
            stores=stores,
            comments=SafetyStore(stores.session),
            catalogue=world.catalogue,
            reporter=stores.accounts.get("teen17"),
            content_id="no-such-item",
            policy_id="safety.hate",
        )
    assert refused.value.reason == "unknown_target" and "موجود نہیں" in refused.value.message_ur
