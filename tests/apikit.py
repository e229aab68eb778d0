"""An API under test: the real app over a test database, a small keyword detector for the engine, and one
account (with its API key) per role."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import httpx
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from hifazat.api.app import create_app
from hifazat.api.deps import Runtime
from hifazat.core.detectors.base import Detector, Item
from hifazat.core.guidelines import default_catalogue
from hifazat.core.moderator import Moderator
from hifazat.core.signals import Signal
from hifazat.services.accounts import create_account
from hifazat.settings import Settings
from hifazat.storage.database import session_factory
from hifazat.storage.unit import Database

SECRET = "api-test-secret-0123456789-abcdefghijklmnop"
PEOPLE = {
    "user": ("user", "ur"),
    "user2": ("user", "en"),
    "ambassador": ("ambassador", "ur"),
    "moderator": ("moderator", "en"),
    "moderator2": ("moderator", "en"),
    "senior": ("senior_moderator", "en"),
    "admin": ("admin", "en"),
    "service": ("service", "en"),
}


class PhraseDetector(Detector):
    """Flags a few made-up phrases, so API tests control the engine's verdict."""

    name: ClassVar[str] = "test_phrases"
    version: ClassVar[str] = "1"
    PHRASES: ClassVar[dict[str, tuple[str, float]]] = {
        "free-bisp-money": ("regulated.scams", 0.95),  # high band: removed at once
        "you-clown": ("safety.harassment", 0.7),  # medium band: sent to review
    }

    def detect(self, item: Item) -> list[Signal]:
        return [
            Signal(policy, score, self.name, self.version)
            for phrase, (policy, score) in self.PHRASES.items()
            if phrase in item.text
        ]


@dataclass
class Api:
    """The app, a client, the database and an API key per person in `PEOPLE`."""

    app: FastAPI
    client: TestClient
    db: Database
    keys: dict[str, str] = field(default_factory=dict)

    def headers(self, who: str | None, key: str | None = None) -> dict[str, str]:
        out = {} if who is None else {"Authorization": f"Bearer {self.keys[who]}"}
        if key is not None:
            out["Idempotency-Key"] = key
        return out

    def call(
        self, method: str, path: str, who: str | None = None, body: Any = None, *, key: str | None = None
    ) -> httpx.Response:
        return self.client.request(method, path, json=body, headers=self.headers(who, key))

    def post(self, path: str, who: str | None, body: Any = None, *, key: str | None = None) -> httpx.Response:
        return self.call("POST", path, who, body, key=key)

    def get(self, path: str, who: str | None = None) -> httpx.Response:
        return self.call("GET", path, who)


def build_api(engine: Engine) -> Api:
    settings = Settings(environment="test", secret_key=SECRET, max_body_bytes=64_000)
    moderator = Moderator([PhraseDetector()], default_catalogue())
    runtime = Runtime(
        settings=settings, engine=engine, sessions=session_factory(engine), _moderator=moderator
    )
    app = create_app(settings, runtime=runtime)
    db = Database(engine)
    api = Api(app, TestClient(app), db)
    with db.write() as stores:
        for handle, (role, language) in PEOPLE.items():
            made = create_account(
                accounts=stores.accounts,
                api_keys=stores.api_keys,
                audit=stores.audit,
                actor_id="system",
                handle=handle,
                role=role,
                language=language,
                account_id=handle,
                follower_count=100,
            )
            api.keys[handle] = made.key
    return api
