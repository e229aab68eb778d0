"""Migration 0500 builds exactly the tables the Safety Ambassadors models describe, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

import hifazat.storage.unit  # noqa: F401  (imports every model, the programme's included)
from hifazat.storage.models import Base

TABLES = {
    "ambassador_applications",
    "ambassador_profiles",
    "ambassador_campaigns",
    "ambassador_events",
    "ambassador_materials",
    "ambassador_material_views",
    "ambassador_view_salts",
}


def _tables_in(diff: object) -> set[str]:
    """Every table name a compare_metadata difference mentions."""
    found: set[str] = set()
    parts = diff if isinstance(diff, (tuple, list)) else (diff,)
    for part in parts:
        if isinstance(part, (tuple, list)):
            found |= _tables_in(part)
            continue
        if isinstance(part, str):  # e.g. ("modify_nullable", schema, "table", "column", ...)
            found.add(part)
            continue
        table = getattr(part, "table", None)
        for name in (getattr(table, "name", None), getattr(part, "name", None)):
            if isinstance(name, str):
                found.add(name)
    return found


def test_migration_creates_the_programme_tables(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) >= TABLES
    assert set(Base.metadata.tables) >= TABLES


def test_models_match_the_migration(engine: Engine) -> None:
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = [d for d in diffs if _tables_in(d) & TABLES]
    assert ours == []
