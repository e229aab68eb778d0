"""Migration 0100 builds exactly the Safety Centre tables the models describe, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

import hifazat.storage.articles
import hifazat.storage.public_reports  # noqa: F401
from hifazat.storage.models import Base

SAFETY_CENTRE_TABLES = {"articles", "article_versions", "article_events", "public_reports"}


def _tables(diff: object) -> set[str]:
    found: set[str] = set()
    stack = [diff]
    while stack:
        item = stack.pop()
        if isinstance(item, (tuple, list)):
            stack.extend(item)
            continue
        for attr in ("name", "table"):
            value = getattr(item, attr, None)
            if isinstance(value, str):
                found.add(value)
            elif value is not None and isinstance(getattr(value, "name", None), str):
                found.add(value.name)
    return found


def test_migration_creates_the_tables(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) >= SAFETY_CENTRE_TABLES


def test_models_match_the_migration(engine: Engine) -> None:
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = [diff for diff in diffs if _tables(diff) & SAFETY_CENTRE_TABLES]
    assert ours == []
