"""Migration 0300 builds exactly the tables the safety models describe, on every backend."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

import hifazat.storage.safety  # noqa: F401  (registers the safety models)
from hifazat.storage.models import Base

SAFETY_TABLES = {
    "safety_settings",
    "follows",
    "blocks",
    "restricts",
    "mutes",
    "keyword_filters",
    "pairing_codes",
    "pairings",
    "screen_time",
    "safety_comments",
    "safety_events",
}


def _tables_in(diff: Any) -> set[str]:
    """Every table name mentioned anywhere in one autogenerate diff."""
    found: set[str] = set()
    stack = [diff]
    while stack:
        part = stack.pop()
        if isinstance(part, (tuple, list)):
            stack.extend(part)
            continue
        for attr in ("name", "table"):
            value = getattr(part, attr, None)
            name = value if isinstance(value, str) else getattr(value, "name", None)
            if isinstance(name, str):
                found.add(name)
        if isinstance(part, str):
            found.add(part)
    return found


def test_migration_creates_every_safety_table(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) >= SAFETY_TABLES
    assert set(Base.metadata.tables) >= SAFETY_TABLES


def test_safety_models_match_the_migration(engine: Engine) -> None:
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = [d for d in diffs if _tables_in(d) & SAFETY_TABLES]
    assert ours == []
