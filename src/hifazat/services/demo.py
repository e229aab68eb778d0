"""Demo data for `make run`, so a newcomer can walk the whole loop."""

from __future__ import annotations

from sqlalchemy import Engine

from hifazat.core.guidelines import default_catalogue


def seed_demo(engine: Engine) -> list[str]:
    """Load demo content (idempotent) and return what a person should read about it."""
    catalogue = default_catalogue()
    return [f"guidelines: version {catalogue.version}, {len(catalogue.policies)} policies loaded"]
