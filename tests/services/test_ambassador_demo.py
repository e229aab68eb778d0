"""`hifazat setup --demo` seeds the programme: sana_ambassador's profile, a campaign with a past and an
upcoming event, two bilingual materials and a pending application; running it again changes nothing."""

from __future__ import annotations

from sqlalchemy import Engine

from apikit import PhraseDetector
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator
from hifazat.services.ambassador_profiles import public_profile
from hifazat.services.ambassador_programme import split_events
from hifazat.services.clock import utcnow
from hifazat.services.demo import seed_demo
from hifazat.storage.unit import Database


def test_demo_programme_is_seeded_once(module_engine: Engine) -> None:
    moderator = Moderator([PhraseDetector()], default_catalogue())
    seed_demo(module_engine, moderator=moderator)
    printed = seed_demo(module_engine, moderator=moderator)
    with Database(module_engine).read() as stores:
        profile = public_profile(stores=stores, handle="sana_ambassador")
        upcoming, past = split_events(stores.programme.events(), utcnow())
        materials = stores.programme.materials()
        pending = stores.ambassadors.applications(state="pending")
    assert profile.bio_ur and profile.bio_en and [c.slug for c in profile.campaigns] == ["safer-together"]
    assert len(upcoming) == 1 and len(past) == 1 and past[0].attendance == 128
    assert {m.language for m in materials} == {"en", "ur"} and all(
        m.title_ur and m.title_en for m in materials
    )
    assert [a.account_id for a in pending] == ["bilal"]
    assert any("/ambassadors" in line for line in printed)
