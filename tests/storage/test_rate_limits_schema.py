"""Migration 0800 builds exactly the table the rate-limit model describes, on every backend."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, inspect

import hifazat.storage.rate_limits  # noqa: F401  (registers the model)
from hifazat.storage.models import Base


def test_migration_creates_the_rate_limit_table(engine: Engine) -> None:
    assert "rate_limit_hits" in set(inspect(engine).get_table_names())


def test_rate_limit_model_matches_the_migration(engine: Engine) -> None:
    with engine.connect() as connection:
        diffs = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert [d for d in diffs if "rate_limit_hits" in repr(d)] == []
