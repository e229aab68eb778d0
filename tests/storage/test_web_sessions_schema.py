"""Migration 0400 builds exactly the tables the web-session models describe, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

import hifazat.storage.web_sessions  # noqa: F401  (registers the models)
from hifazat.storage.models import Base

TABLES = {"account_passwords", "web_sessions"}


def test_migration_creates_the_sign_in_tables(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) >= TABLES


def test_sign_in_models_match_the_migration(engine: Engine) -> None:
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = [d for d in diffs if any(name in repr(d) for name in TABLES)]
    assert ours == []
