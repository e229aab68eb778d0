"""`hifazat setup --demo`: one account per role with a printed key, content and reports to walk the loop."""

from __future__ import annotations

from sqlalchemy import Engine

from apikit import PhraseDetector
from hifazat.core.enforcement.vocabulary import ROLES
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator
from hifazat.services.accounts import authenticate
from hifazat.services.demo import DEMO_ACCOUNTS, demo_key, seed_demo
from hifazat.storage.unit import Database


def test_demo_seed_is_complete_and_idempotent(module_engine: Engine) -> None:
    moderator = Moderator([PhraseDetector()], default_catalogue())
    first = seed_demo(module_engine, moderator=moderator)
    again = seed_demo(module_engine, moderator=moderator)
    assert first == again
    db = Database(module_engine)
    with db.read() as stores:
        roles = {authenticate(api_keys=stores.api_keys, key=demo_key(h)).role for h, *_ in DEMO_ACCOUNTS}  # type: ignore[union-attr]
        task = stores.tasks.open_for("demo-comment-1")
        assert len(stores.reports.for_content("demo-comment-1")) == 2
    assert roles == set(ROLES)
    assert task is not None and task.report_count == 2
    printed = "\n".join(first)
    for handle, *_ in DEMO_ACCOUNTS:
        assert demo_key(handle) in printed
    assert "/v1/queue/claim" in printed and "hifazat audit verify" in printed


def test_the_walk_through_uses_the_address_the_server_will_listen_on(module_engine: Engine) -> None:
    lines = seed_demo(
        module_engine, moderator=Moderator([], default_catalogue()), base_url="http://0.0.0.0:9123"
    )
    walk = "\n".join(lines)
    assert "http://0.0.0.0:9123/v1/queue/claim" in walk and ":8000" not in walk
