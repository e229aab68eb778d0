"""The public report form reaches the review queue, and its status page follows the task."""

from __future__ import annotations

import pytest
from linked_world import World, build_world, engine_check
from safety_fixtures import NOW
from sqlalchemy import Engine

from builders import verdict
from hifazat.services.content import submit_content
from hifazat.services.public_reports import ReportDraft, report_progress, submit_report
from hifazat.services.public_routing import Pointer, read_location, unmatched_references
from hifazat.services.report_targets import report_from_surface
from hifazat.storage.public_report_links import PublicReportLinkStore
from hifazat.storage.safety import SafetyStore


@pytest.mark.parametrize(
    ("location", "pointer"),
    [
        ("c_0a1b2c3d4e5f6a7b", Pointer("c_0a1b2c3d4e5f6a7b", None)),  # a bare content id
        ("  vid1 ", Pointer("vid1", None)),  # spaces around it are ignored
        ("@Creator", Pointer(None, "creator")),  # an @handle (handles are lower case)
        ("https://app.example/@creator/video/vid1", Pointer("vid1", "creator")),  # a share link
        ("https://app.example/@creator", Pointer(None, "creator")),  # a link to a profile
        ("HTTP://app.example/v/vid1?lang=ur#top", Pointer("vid1", None)),  # query and fragment dropped
        ("a video about fake BISP money", Pointer(None, None)),  # a description names nothing
        ("@x", Pointer(None, None)),  # too short to be a handle
    ],
)
def test_what_a_location_names(location: str, pointer: Pointer) -> None:
    assert read_location(location) == pointer


@pytest.fixture
def world(engine: Engine) -> World:
    made = build_world(engine)
    with made.db.write() as stores:
        for content_id, kind in (("vid1", "video"), ("gone1", "video")):
            submit_content(
                stores=stores,
                catalogue=made.catalogue,
                author=stores.accounts.get("creator"),
                kind=kind,
                text="a video about easy money",
                verdict=verdict("remove", "regulated.scams", 0.95) if content_id == "gone1" else verdict(),
                content_id=content_id,
                now=NOW,
            )
    return made


def send(
    world: World, location: str, details: str = "they asked for my OTP", policy: str = "regulated.scams"
) -> str:
    draft = ReportDraft(policy, location, details=details, contact="+92 300 1234567", language="ur")
    report = submit_report(
        world.service.sessions,
        draft,
        known_policies=world.catalogue.policies,
        guideline_version=world.catalogue.version,
        now=NOW,
        check=engine_check,
    )
    return report.reference


def status(world: World, reference: str) -> str:
    return report_progress(world.service.sessions, reference=reference)[0].status


def test_a_known_item_is_filed_and_the_status_follows_its_task(world: World) -> None:
    reference = send(world, "https://app.example/@creator/video/vid1")
    with world.db.read() as stores:
        task = stores.tasks.open_for("vid1")
        assert task is not None
        (filed,) = stores.reports.for_task(task.id)
    assert (filed.source, filed.reporter_id, filed.weight) == ("public", None, 0.5)
    assert reference in filed.note and "OTP" in filed.note and "1234567" not in filed.note
    assert status(world, reference) == "received"
    claimed = world.claim()
    assert status(world, reference) == "in_review"
    world.decide(claimed, "regulated.scams", "remove")
    assert status(world, reference) == "actioned"


def test_public_and_signed_in_reports_merge_into_one_task(world: World) -> None:
    send(world, "vid1")
    with world.db.write() as stores:
        filed = report_from_surface(
            stores=stores,
            comments=SafetyStore(stores.session),
            catalogue=world.catalogue,
            reporter=stores.accounts.get("teen17"),
            surface="video",
            target_id="vid1",
            policy_id="regulated.scams",
            now=NOW,
        )
    assert filed.merged and filed.task.report_count == 2
    assert filed.task.report_weight == 1.5  # the public report counts half


def test_no_violation_is_reported_back(world: World) -> None:
    reference = send(world, "vid1")
    world.decide(world.claim(), "regulated.scams", "no_violation")
    assert status(world, reference) == "no_violation"


def test_an_at_handle_reaches_the_accounts_profile(world: World) -> None:
    reference = send(world, "@creator", policy="integrity.impersonation")
    with world.session() as session:
        link = PublicReportLinkStore(session).get(reference)
    assert link is not None and (link.route, link.content_id) == ("account", "profile:creator")
    assert status(world, reference) == "received"


def test_an_unknown_location_waits_for_triage(world: World) -> None:
    reference = send(world, "a video about fake BISP money")
    report, progress = report_progress(world.service.sessions, reference=reference)
    assert (report.status, progress.matched) == ("received", False)
    with world.session() as session:
        assert unmatched_references(session) == [reference]
    with world.db.read() as stores:
        assert stores.tasks.open_for("vid1") is None  # nothing guessed


def test_an_item_already_removed_reads_as_actioned(world: World) -> None:
    reference = send(world, "gone1")
    assert status(world, reference) == "actioned"
