"""A safety service and the enforcement workflow over one real database, with an engine we control
(the made-up phrases of `apikit.PhraseDetector`), people of every age and two moderators."""

from __future__ import annotations

from dataclasses import dataclass

from safety_fixtures import ACCOUNTS, NOW
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from apikit import PhraseDetector
from hifazat.core.decide.verdict import Verdict
from hifazat.core.guidelines import Catalogue, default_catalogue
from hifazat.core.moderator import Moderator
from hifazat.services.accounts import create_account
from hifazat.services.decisions import DecisionResult, decide_task
from hifazat.services.moderation import context_from
from hifazat.services.review import claim_next
from hifazat.services.safety import SafetyService
from hifazat.storage.accounts import Account
from hifazat.storage.queue import Task
from hifazat.storage.unit import Database

ENGINE = Moderator([PhraseDetector()], default_catalogue())


def engine_check(text: str, surface: str) -> Verdict:
    """The test engine on a surface, as the API and web pass it to the services."""
    return ENGINE.check(text, context_from({"surface": surface}))


@dataclass
class World:
    service: SafetyService
    db: Database
    catalogue: Catalogue

    def session(self) -> Session:
        """A read-only session (use it in a `with`)."""
        return self.service.read_sessions()

    def person(self, account_id: str) -> Account:
        with self.db.read() as stores:
            return stores.accounts.get(account_id)

    def claim(self, moderator: str = "mod1") -> Task:
        with self.db.write() as stores:
            task = claim_next(
                tasks=stores.tasks, audit=stores.audit, moderator=stores.accounts.get(moderator), now=NOW
            )
        assert task is not None
        return task

    def decide(self, task: Task, policy: str, outcome: str, moderator: str = "mod1") -> DecisionResult:
        with self.db.write() as stores:
            return decide_task(
                stores=stores,
                catalogue=self.catalogue,
                moderator=stores.accounts.get(moderator),
                task_id=task.id,
                policy_id=policy,
                outcome=outcome,
                rationale="checked against the guideline",
                now=NOW,
            )


def build_world(engine: Engine, *, linked: bool = True) -> World:
    """`linked=False` gives a service with a stand-in assessor (comments stored without items)."""
    if linked:
        service = SafetyService(engine, checker=ENGINE.check, clock=lambda: NOW)
    else:
        from hifazat.core.safety.comments import Assessment

        service = SafetyService(engine, assessor=lambda _text: Assessment(), clock=lambda: NOW)
    with service.store() as store:
        for account_id, birth in ACCOUNTS.items():
            store.ensure_account(account_id, handle=account_id, language="en", birth_date=birth, now=NOW)
    db = Database(engine)
    with db.write() as stores:
        for handle, role in (("mod1", "moderator"), ("mod2", "moderator"), ("amb", "ambassador")):
            create_account(
                accounts=stores.accounts,
                api_keys=stores.api_keys,
                audit=stores.audit,
                actor_id="system",
                handle=handle,
                role=role,
                language="ur",
                account_id=handle,
                now=NOW,
            )
    return World(service, db, default_catalogue())
