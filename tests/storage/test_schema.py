"""The migrations build exactly the tables the enforcement models describe, on every backend."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

import hifazat.storage.unit  # noqa: F401  (imports every enforcement model)
from hifazat.storage.models import Base

ENFORCEMENT_TABLES = {
    "content_items",
    "verdicts",
    "api_keys",
    "review_tasks",
    "reports",
    "decisions",
    "strikes",
    "appeals",
    "notifications",
    "audit_log",
    "audit_head",
    "idempotency_keys",
    "webhook_endpoints",
    "webhook_deliveries",
}


def _table_of(diff: tuple[object, ...]) -> str | None:
    for part in diff:
        name = getattr(part, "name", None)
        table = getattr(part, "table", None)
        if table is not None and getattr(table, "name", None):
            return str(table.name)
        if isinstance(name, str) and name in ENFORCEMENT_TABLES:
            return name
    return None


def test_migrations_create_every_enforcement_table(engine: Engine) -> None:
    assert set(inspect(engine).get_table_names()) >= ENFORCEMENT_TABLES


def test_models_match_migrations(engine: Engine) -> None:
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    ours = []
    for diff in diffs:
        flat = diff if isinstance(diff, tuple) else tuple(diff)
        first = flat[0] if flat and isinstance(flat[0], tuple) else flat
        if _table_of(first) in ENFORCEMENT_TABLES:
            ours.append(diff)
    assert ours == []


@pytest.mark.parametrize("table", sorted(ENFORCEMENT_TABLES))
def test_each_enforcement_model_is_registered(table: str) -> None:
    # a model missing from Base.metadata would escape the comparison above
    assert table in Base.metadata.tables
