"""Campaigns, events (Pakistan time, place or online, speakers, attendance) and the teaching library with
views counted once per visitor per day, without keeping anyone's address."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import text

from ambassador_kit import enrol
from builders import T0, account
from hifazat.core.errors import ConflictError, InvalidInputError, NotFoundError, PermissionDeniedError
from hifazat.services.ambassador_profiles import public_profile
from hifazat.services.ambassador_programme import (
    KARACHI,
    CampaignDraft,
    EventDraft,
    MaterialDraft,
    reach,
    record_attendance,
    record_view,
    save_campaign,
    save_event,
    save_material,
    split_events,
)
from hifazat.storage.accounts import Account
from hifazat.storage.unit import Database

CAMPAIGN = CampaignDraft(
    slug="safer-together-2027",
    title_en="#SaferTogether 2027",
    title_ur="#سیفرٹوگیدر 2027",
    summary_en="Creators teach safe, kind use of the app across Pakistan.",
    summary_ur="پاکستان بھر میں تخلیق کار ایپ کے محفوظ اور مہذب استعمال کے بارے میں بتاتے ہیں۔",
    starts_on=date(2027, 2, 1),
    ends_on=date(2027, 3, 31),
)
MATERIAL = MaterialDraft(
    slug="spot-a-scam",
    title_en="Spot a scam",
    title_ur="دھوکے کو پہچانیں",
    summary_en="Five signs of a prize or BISP scam.",
    summary_ur="انعام یا بی آئی ایس پی کے نام پر دھوکے کی پانچ نشانیاں۔",
    audience="parents",
    language="ur",
    body="کوئی بھی آپ سے او ٹی پی کوڈ مانگے تو ہرگز نہ بتائیں۔",
)
EVENT = EventDraft(
    title_en="Karachi creators' panel",
    title_ur="کراچی میں تخلیق کاروں کا پینل",
    summary_en="Misinformation, harassment and scams.",
    summary_ur="غلط معلومات، ہراسانی اور دھوکا دہی۔",
    starts_at=datetime(2027, 2, 21, 16, 0),  # 4 pm in Karachi
    minutes=90,
    capacity=120,
    city="Karachi",
    venue="Arts Council",
    campaign="safer-together-2027",
    speakers=("@sana", "Dr Ayesha Khan"),
    materials=("spot-a-scam",),
)


@pytest.fixture
def admin(db: Database) -> Account:
    return account(db, "admin", role="admin")


def test_campaign_event_and_material_in_pakistan_time(db: Database, admin: Account) -> None:
    enrol(db, "sana", admin)
    with db.write() as stores:
        campaign = save_campaign(stores=stores, actor=admin, draft=CAMPAIGN)
        material = save_material(stores=stores, actor=admin, draft=MATERIAL)
        event = save_event(stores=stores, actor=admin, draft=EVENT)
    with db.read() as stores:
        stored = stores.programme.event(event.id)
    assert stored.starts_at == datetime(2027, 2, 21, 11, 0, tzinfo=UTC)  # kept in UTC
    assert stored.starts_at.astimezone(KARACHI).hour == 16
    assert event.campaign_id == campaign.id and event.material_ids == (material.id,)
    assert [(s.account_id, s.name) for s in event.speakers] == [("sana", ""), (None, "Dr Ayesha Khan")]
    with db.read() as stores:
        assert [c.slug for c in public_profile(stores=stores, handle="sana").campaigns] == [
            "safer-together-2027"
        ]
    upcoming, past = split_events([event], T0)
    assert upcoming == [event] and past == []
    with db.write() as stores:
        edited = save_campaign(
            stores=stores,
            actor=admin,
            draft=replace(CAMPAIGN, title_en="#SaferTogether"),
            campaign_id=campaign.id,
        )
    assert edited.title_en == "#SaferTogether"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"city": "", "venue": ""}, "either a city and venue"),  # neither a place nor an address
        ({"online_url": "https://meet.example.org/x"}, "not both"),  # both a place and an address
        ({"city": "", "venue": "", "online_url": "http://meet.example.org"}, "https://"),  # not https
        ({"speakers": ("@bilal",)}, "not a Safety Ambassador"),  # @ names must be ambassadors
        ({"materials": ("nope",)}, "no teaching material"),  # linked material must exist
        ({"minutes": 5}, "15 minutes"),  # too short
        ({"capacity": 0}, "capacity"),  # nobody can come
        ({"title_ur": "  "}, "title_ur is required"),  # Urdu title missing
        ({"summary_en": "x\u202ey"}, "control characters"),  # an RTL override hidden in the text
    ],
)
def test_bad_events_are_refused(
    db: Database, admin: Account, changes: dict[str, object], message: str
) -> None:
    enrol(db, "sana", admin)
    account(db, "bilal")
    with db.write() as stores:
        save_campaign(stores=stores, actor=admin, draft=CAMPAIGN)
        save_material(stores=stores, actor=admin, draft=MATERIAL)
    with pytest.raises(InvalidInputError, match=message), db.write() as stores:
        save_event(stores=stores, actor=admin, draft=replace(EVENT, **changes))  # type: ignore[arg-type]


def test_unknown_campaign_and_duplicate_slugs(db: Database, admin: Account) -> None:
    with pytest.raises(NotFoundError), db.write() as stores:
        save_event(stores=stores, actor=admin, draft=replace(EVENT, speakers=(), materials=()))
    with db.write() as stores:
        save_material(stores=stores, actor=admin, draft=MATERIAL)
    with pytest.raises(ConflictError, match="slug"), db.write() as stores:
        save_material(stores=stores, actor=admin, draft=MATERIAL)
    with pytest.raises(InvalidInputError, match="body or a link"), db.write() as stores:
        save_material(stores=stores, actor=admin, draft=replace(MATERIAL, slug="empty", body=""))


def test_only_admins_edit_the_programme(db: Database) -> None:
    for role in ("senior_moderator", "ambassador", "user"):
        person = account(db, f"p_{role}", role=role)
        with pytest.raises(PermissionDeniedError), db.write() as stores:
            save_campaign(stores=stores, actor=person, draft=CAMPAIGN)


def test_attendance_after_the_start_and_within_capacity(db: Database, admin: Account) -> None:
    online = replace(
        EVENT,
        city="",
        venue="",
        online_url="https://live.example.org/safer",
        speakers=(),
        materials=(),
        campaign=None,
    )
    with db.write() as stores:
        event = save_event(stores=stores, actor=admin, draft=online)
    assert event.online
    before, after = event.starts_at - timedelta(hours=1), event.starts_at + timedelta(hours=3)
    with pytest.raises(ConflictError, match="started"), db.write() as stores:
        record_attendance(stores=stores, actor=admin, event_id=event.id, attendance=10, now=before)
    with pytest.raises(InvalidInputError, match="capacity"), db.write() as stores:
        record_attendance(stores=stores, actor=admin, event_id=event.id, attendance=121, now=after)
    with db.write() as stores:
        assert (
            record_attendance(
                stores=stores, actor=admin, event_id=event.id, attendance=97, now=after
            ).attendance
            == 97
        )
    assert split_events([replace(event, attendance=97)], after) == ([], [replace(event, attendance=97)])


def test_views_count_once_per_visitor_per_day_without_addresses(db: Database, admin: Account) -> None:
    ambassador = enrol(db, "sana", admin)
    with db.write() as stores:
        save_material(stores=stores, actor=admin, draft=MATERIAL)
    day1, day2 = datetime(2027, 1, 5, 10, tzinfo=KARACHI), datetime(2027, 1, 6, 10, tzinfo=KARACHI)
    counted = []
    for visitor, when in (
        ("203.0.113.7|Firefox", day1),
        ("203.0.113.7|Firefox", day1),
        ("198.51.100.2|Chrome", day1),
        ("203.0.113.7|Firefox", day2),
    ):
        with db.write() as stores:
            counted.append(record_view(stores=stores, slug="spot-a-scam", visitor_key=visitor, now=when))
    assert counted == [True, False, True, True]  # the repeat on day 1 is not counted again
    outsider = account(db, "bilal")
    with db.read() as stores:
        found = reach(stores=stores, viewer=ambassador)
        stored = " ".join(
            str(v)
            for row in stores.session.execute(text("SELECT * FROM ambassador_material_views"))
            for v in row
        )
        salts = stores.session.execute(text("SELECT day FROM ambassador_view_salts")).all()
        with pytest.raises(PermissionDeniedError):
            reach(stores=stores, viewer=outsider)
    assert [(r.material.slug, r.views) for r in found] == [("spot-a-scam", 3)]
    assert "203.0.113.7" not in stored and "Firefox" not in stored  # only salted hashes are kept
    assert len(salts) == 1  # day 1's salt was deleted when day 2 began
    with pytest.raises(NotFoundError), db.write() as stores:
        record_view(stores=stores, slug="nope", visitor_key="x")
