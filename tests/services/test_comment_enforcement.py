"""Comments posted through the safety features are enforcement content items: reports, decisions, strikes
and appeals apply to them, and what viewers see follows the item (every backend, PostgreSQL included)."""

from __future__ import annotations

import pytest
from linked_world import World, build_world, engine_check
from safety_fixtures import NOW
from sqlalchemy import Engine

from builders import verdict
from hifazat.core.safety.errors import SafetyRefusal
from hifazat.services.appeals import file_appeal, resolve_appeal
from hifazat.services.content import submit_content
from hifazat.services.decisions import DecisionResult
from hifazat.services.report_targets import report_from_surface
from hifazat.storage.safety import SafetyStore


@pytest.fixture
def world(engine: Engine) -> World:
    return build_world(engine)


def comment(world: World, author: str, text: str, content_id: str = "v1") -> str:
    posted = world.service.post_comment(
        content_id=content_id, creator_id="creator", author_id=author, text=text, confirmed=True
    )
    assert posted.comment is not None
    return posted.comment.id


def seen_by(world: World, viewer: str, content_id: str = "v1") -> dict[str, str]:
    return {c.id: c.state for c in world.service.comments_for(content_id=content_id, viewer_id=viewer)}


def report(world: World, reporter: str, comment_id: str, policy: str = "safety.harassment") -> None:
    with world.db.write() as stores:
        report_from_surface(
            stores=stores,
            comments=SafetyStore(stores.session),
            catalogue=world.catalogue,
            reporter=stores.accounts.get(reporter),
            surface="comment",
            target_id=comment_id,
            policy_id=policy,
            check=engine_check,
            now=NOW,
        )


def overturn(world: World, result: DecisionResult, author: str) -> None:
    with world.db.write() as stores:
        appeal = file_appeal(
            stores=stores,
            catalogue=world.catalogue,
            appellant=stores.accounts.get(author),
            decision_id=result.decision.id,
            reason="it was a joke between friends",
            now=NOW,
        )
        resolve_appeal(
            stores=stores,
            catalogue=world.catalogue,
            reviewer=stores.accounts.get("mod2"),
            appeal_id=appeal.id,
            outcome="overturned",
            rationale="context shows no harassment",
            now=NOW,
        )


def test_a_posted_comment_is_a_content_item_with_its_verdict(world: World) -> None:
    cid = comment(world, "stranger", "lovely video")
    with world.db.read() as stores:
        item = stores.content.get(cid)
        verdicts = stores.content.verdicts(cid)
    assert (item.kind, item.author_id, item.text, item.status) == (
        "comment",
        "stranger",
        "lovely video",
        "visible",
    )
    assert [v.action for v in verdicts] == ["allow"]


def test_a_reported_comment_removed_by_a_moderator_is_hidden_then_restored_on_appeal(world: World) -> None:
    kept = comment(world, "parent", "first!")
    cid = comment(world, "stranger", "lovely video")
    report(world, "teen17", cid)
    task = world.claim()
    assert task.content_id == cid
    result = world.decide(task, "safety.harassment", "remove")
    assert result.strike is not None and result.strike.track == "comments"
    for viewer in ("teen17", "creator", "stranger"):  # gone for everyone, its author too
        assert cid not in seen_by(world, viewer) and kept in seen_by(world, viewer)
    with world.db.read() as stores:
        assert [s.policy for s in stores.strikes.for_account("stranger")] == ["safety.harassment"]
    overturn(world, result, "stranger")
    assert seen_by(world, "teen17")[cid] == "visible"
    with world.db.read() as stores:
        assert stores.strikes.for_account("stranger")[0].removed_at is not None


def test_an_engine_removal_at_posting_is_a_decision_that_an_appeal_can_undo(world: World) -> None:
    cid = comment(world, "stranger", "claim free-bisp-money here")
    with world.db.read() as stores:
        item = stores.content.get(cid)
        decisions = stores.decisions.for_content(cid)
    assert item.status == "removed" and [d.automated for d in decisions] == [True]
    assert cid not in seen_by(world, "creator")
    overturn(world, DecisionResult(decisions[0], None, None, 0), "stranger")
    assert seen_by(world, "creator")[cid] == "visible"


def test_an_uncertain_comment_goes_to_the_review_queue(world: World) -> None:
    cid = comment(world, "stranger", "you-clown")
    with world.db.read() as stores:
        task = stores.tasks.open_for(cid)
        assert task is not None
        assert [r.source for r in stores.reports.for_task(task.id)] == ["proactive"]


def test_restricted_to_adults_hides_a_comment_from_teens_only(world: World) -> None:
    cid = comment(world, "stranger", "a gory story")
    report(world, "parent", cid, "mature.graphic")
    world.decide(world.claim(), "mature.graphic", "restrict_adults")
    assert cid in seen_by(world, "parent")
    assert cid not in seen_by(world, "teen17")


def test_a_comment_stored_without_an_item_is_linked_when_reported(engine: Engine) -> None:
    world = build_world(engine, linked=False)
    cid = comment(world, "stranger", "you-clown")
    with world.db.read() as stores:
        assert stores.content.find(cid) is None
    report(world, "parent", cid)
    with world.db.read() as stores:
        assert stores.content.get(cid).kind == "comment"
        assert [v.top_policy for v in stores.content.verdicts(cid)] == ["safety.harassment"]
    world.decide(world.claim(), "safety.harassment", "remove")
    assert cid not in seen_by(world, "parent")


def test_a_banned_creator_cannot_comment_and_nothing_is_stored(world: World) -> None:
    with world.db.write() as stores:
        submit_content(
            stores=stores,
            catalogue=world.catalogue,
            author=stores.accounts.get("creator"),
            kind="video",
            text="a threat",
            verdict=verdict("remove", "safety.threats", 0.99),
            content_id="threat-video",
            now=NOW,
        )
    with pytest.raises(SafetyRefusal) as refused:
        comment(world, "creator", "thanks everyone")
    assert refused.value.reason == "penalty" and refused.value.message_ur
    assert seen_by(world, "parent") == {}
    with world.db.read() as stores:
        assert [i.kind for i in stores.content.by_author("creator")] == ["video"]
