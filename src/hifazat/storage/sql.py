"""Small SQL helpers that differ between SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite


@cache
def insert_ignoring(dialect: str, table: Table, conflict_columns: tuple[str, ...], returning: str) -> Any:
    """`INSERT … ON CONFLICT (columns) DO NOTHING RETURNING <column>` for `dialect`, built once; execute
    it with the row's values as parameters (no row comes back when the insert was skipped)."""
    module = postgresql if dialect == "postgresql" else sqlite
    return (
        module.insert(table)
        .on_conflict_do_nothing(index_elements=list(conflict_columns))
        .returning(table.c[returning])
    )


def conflict_columns(*names: str) -> Sequence[str]:
    return names
